"""The console's gate (``pmkg.graph.console``, used by ``pmkg cypher`` and the Expert page), real Neo4j.

The console connects as the admin user, and the server plans ``SHOW USERS``-style commands and
``TERMINATE TRANSACTIONS`` as reads, so a READ transaction alone let them through.
"""

from __future__ import annotations

from typing import Any

import neo4j
import pytest

from pmkg.cli import main
from pmkg.errors import PmkgError
from pmkg.graph import connection
from pmkg.graph.console import run_console

REFUSED = [
    "SHOW USERS",
    "SHOW TRANSACTIONS",
    "show transactions yield transactionId RETURN transactionId",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "CALL dbms.listConfig()",
    "CALL `dbms`.components()",
    "CALL db.clearQueryCaches()",
    "CALL dbms /* hidden */ .listConfig()",
    "CREATE INDEX intruder FOR (n:Intruder) ON (n.id)",
    "CREATE (:Intruder {id: 'x'})",
    "MATCH (n) SET n.intruded = true",
    "USE system MATCH (n) RETURN n",
]


@pytest.mark.parametrize("query", REFUSED)
def test_only_reads_of_the_graph_are_admitted(neo4j_driver: neo4j.Driver, query: str) -> None:
    connection.write(neo4j_driver, "CREATE (:Person {id: 'p:1', name: 'Ada'})")
    with pytest.raises(PmkgError) as refused:
        run_console(neo4j_driver, query, {}, rows=10, seconds=10)
    assert len(str(refused.value).splitlines()) == 1
    counts = "MATCH (n) RETURN count(n) AS n, count(n.intruded) AS hit"
    assert connection.read(neo4j_driver, counts) == [{"n": 1, "hit": 0}]
    indexes = "SHOW INDEXES YIELD name WHERE name = 'intruder' RETURN count(*) AS n"
    assert connection.read(neo4j_driver, indexes) == [{"n": 0}]


def test_reads_run_with_parameters_and_words_in_strings_are_not_commands(neo4j_driver: neo4j.Driver) -> None:
    connection.write(neo4j_driver, "CREATE (:Person {id: 'p:1', name: 'SHOW dbms.x USE'})")
    query = "MATCH (p:Person) WHERE p.name = $name // SHOW USERS\nRETURN p.name AS name, 'TERMINATE' AS word"
    found = run_console(neo4j_driver, query, {"name": "SHOW dbms.x USE"}, rows=5, seconds=10)
    assert found.keys == ["name", "word"] and [r["name"] for r in found.records] == ["SHOW dbms.x USE"]
    labels = run_console(neo4j_driver, "CALL db.labels() YIELD label RETURN label", {}, rows=5, seconds=10)
    assert "Person" in [r["label"] for r in labels.records]  # a read procedure runs (labels once used stay)


def test_cli_refuses_show_users_in_one_line(
    neo4j_env: Any, neo4j_driver: neo4j.Driver, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["cypher", "SHOW USERS"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.strip().splitlines() == [
        "pmkg: error: administration commands (SHOW ...) are not allowed in the console"
    ]
