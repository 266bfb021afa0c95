"""Issue 18: a viewer's queries can only read, and it is the server that refuses a write, not only pmkg.

Neo4j Community Edition has no roles, so there is no read-only user to connect as (docs/neo4j.md,
"Viewers' queries"). What pmkg does instead: every query a viewer can start (questions, search, Explore,
profiles, exports, the console) runs in a read transaction (``connection.read`` / ``read_tx``), in which
Neo4j itself refuses to write. These tests send writes down those paths to the real server and check that
it refused them and that the graph is unchanged; and they check in the source that no module opens a
session of its own or writes but the few write modules, each called by the app after
``identity.require``.
"""

from __future__ import annotations

import ast
from dataclasses import replace
from pathlib import Path

import neo4j
import pytest

from pmkg.errors import PmkgError
from pmkg.graph import connection, questions
from pmkg.graph.questionfiles import parse_question

ROOT = Path(__file__).resolve().parent.parent
# The package's folders (pyproject.toml maps each to pmkg.<folder>).
PACKAGE = ("auth", "cli", "graph", "ingest", "model", "pmkg", "reports", "ui")
ACCESS_MODE = "Neo.ClientError.Statement.AccessMode"

WRITES = [
    "CREATE (:Intruder {id: 'x'})",
    "MERGE (:Intruder {id: 'x'})",
    "MATCH (p:Person) SET p.intruded = true",
    "MATCH (p:Person) REMOVE p.name",
    "MATCH (p:Person) DETACH DELETE p",
    "MATCH (p:Person) CALL (p) { CREATE (p)-[:KNOWS]->(:Intruder {id: 'x'}) }",
    "FOREACH (i IN range(1, 3) | CREATE (:Intruder {id: toString(i)}))",
]
UNCHANGED = (
    "MATCH (n) OPTIONAL MATCH (n)-[r]->() "
    "RETURN count(DISTINCT n) AS nodes, count(r) AS rels, collect(DISTINCT n.name) AS names, "
    "count(n.intruded) AS intruded"
)
BEFORE = [{"nodes": 1, "rels": 0, "names": ["Ada Lovelace"], "intruded": 0}]


@pytest.fixture
def one_person(neo4j_driver: neo4j.Driver) -> neo4j.Driver:
    connection.write(neo4j_driver, "CREATE (:Person {id: 'person:ada', name: 'Ada Lovelace'})")
    assert connection.read(neo4j_driver, UNCHANGED) == BEFORE
    return neo4j_driver


@pytest.mark.parametrize("query", WRITES)
def test_the_server_refuses_a_write_sent_as_a_read(one_person: neo4j.Driver, query: str) -> None:
    with pytest.raises(neo4j.exceptions.ClientError) as refused:
        connection.read(one_person, query)
    assert refused.value.code == ACCESS_MODE
    assert connection.read(one_person, UNCHANGED) == BEFORE


def test_a_read_transaction_that_reads_then_writes_is_refused_whole(one_person: neo4j.Driver) -> None:
    seen: list[str] = []

    def work(tx: neo4j.ManagedTransaction) -> None:
        seen.extend(r["name"] for r in tx.run("MATCH (p:Person) RETURN p.name AS name"))
        tx.run("MATCH (p:Person) SET p.name = $name", name="Mallory").consume()

    with pytest.raises(neo4j.exceptions.ClientError) as refused:
        connection.read_tx(one_person, work)
    assert refused.value.code == ACCESS_MODE
    assert seen[0] == "Ada Lovelace"  # the read ran; the write after it was refused by the server
    assert connection.read(one_person, UNCHANGED) == BEFORE


def test_a_question_file_that_writes_is_refused_by_the_server(one_person: neo4j.Driver) -> None:
    """The question files are the app's and `pmkg query`'s one way to the graph; one that writes (by
    mistake or not) parses, and fails when run, with the server's one-line reason."""
    text = (
        "// title: Omdøb | Rename\n"
        "// description: Skriver. | Writes.\n"
        "// param name: text -- Navn | Name\n"
        "// result: table\n"
        "MATCH (p:Person) SET p.name = $name RETURN p.name AS name LIMIT 10\n"
    )
    question = parse_question("rename", text)
    with pytest.raises(PmkgError) as refused:
        questions.run_question(one_person, question, {"name": "Mallory"})
    message = str(refused.value)
    assert message.startswith("the query failed: ") and "read access mode" in message
    assert "\n" not in message
    assert connection.read(one_person, UNCHANGED) == BEFORE


def _modules() -> list[Path]:
    return sorted(p for folder in PACKAGE for p in (ROOT / folder).rglob("*.py"))


def _calls(tree: ast.AST, names: set[str]) -> list[str]:
    """The attribute calls in ``tree`` whose attribute is one of ``names`` (``x.session(...)``)."""
    return [
        node.func.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in names
    ]


def test_only_the_connection_module_opens_sessions_or_transactions() -> None:
    """Every other module reaches Neo4j through connection.read/read_tx (read) or write/write_tx."""
    opening = {"session", "execute_read", "execute_write", "begin_transaction", "execute_query"}
    found = {
        str(p.relative_to(ROOT)): sorted(set(calls))
        for p in _modules()
        if (calls := _calls(ast.parse(p.read_text(encoding="utf-8")), opening))
    }
    assert found == {"graph/connection.py": ["execute_read", "execute_write", "session"]}


def _write_helpers_used(tree: ast.AST) -> set[str]:
    """``write``/``write_tx`` imported from the connection module, or called as ``connection.write...``."""
    used: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "pmkg.graph.connection":
            used |= {a.name for a in node.names if a.name in ("write", "write_tx")}
        named = isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
        if named and node.attr in ("write", "write_tx") and node.value.id == "connection":
            used.add(node.attr)
    return used


def test_only_the_write_modules_use_the_write_helpers() -> None:
    """The stores of documents, corrections, the schema, the theme tally and the analytics' kept network
    write; nothing a viewer's page or query calls does (the app's writes go through these modules after
    identity.require)."""
    found = {
        str(p.relative_to(ROOT))
        for p in _modules()
        if _write_helpers_used(ast.parse(p.read_text(encoding="utf-8")))
    }
    assert found == {
        "graph/corrections.py",
        "graph/netstore.py",
        "graph/schema.py",
        "graph/store.py",
        "graph/tally.py",
    }


def test_community_edition_has_no_read_only_user_to_give_viewers(
    neo4j_driver: neo4j.Driver, neo4j_settings: connection.Settings
) -> None:
    """Why pmkg relies on read transactions: the managed Neo4j (Community 5.26) creates a second user,
    but has no roles to grant it, and that user writes like the admin. Enterprise could give viewers a
    user with the built-in ``reader`` role (docs/neo4j.md)."""
    system = "system"
    connection.write(
        neo4j_driver,
        "CREATE OR REPLACE USER viewer_probe SET PASSWORD 'probe-password-1' CHANGE NOT REQUIRED",
        database=system,
    )
    try:
        with pytest.raises(neo4j.exceptions.ClientError) as unsupported:
            connection.write(neo4j_driver, "GRANT ROLE reader TO viewer_probe", database=system)
        assert unsupported.value.code == "Neo.ClientError.Statement.UnsupportedAdministrationCommand"
        with connection.driver(
            replace(neo4j_settings, username="viewer_probe", password="probe-password-1")
        ) as other:
            assert connection.write(other, "CREATE (:Intruder {id: 'x'})").nodes_created == 1
    finally:
        connection.write(neo4j_driver, "DROP USER viewer_probe IF EXISTS", database=system)
