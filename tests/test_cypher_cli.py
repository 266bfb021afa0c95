"""``pmkg cypher``, ``pmkg ingest``, ``pmkg remove`` and ``pmkg candidates`` end to end (real Neo4j)."""

from __future__ import annotations

import json
from pathlib import Path

import neo4j
import pytest

from pmkg.cli import main
from pmkg.cli.commands.cypher import parse_param, table
from pmkg.graph import connection
from pmkg.graph.store import load_record
from tests.graph_samples import board_minutes

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
COUNTS = "MATCH (n) WITH count(n) AS nodes OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS rels"


@pytest.fixture
def cli(neo4j_driver: neo4j.Driver, neo4j_settings: connection.Settings, monkeypatch, capsys):
    """Run ``pmkg`` in-process against the test server: returns (exit status, stdout, stderr)."""
    monkeypatch.setenv("NEO4J_URI", neo4j_settings.uri)
    monkeypatch.setenv("NEO4J_USERNAME", neo4j_settings.username)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_settings.password)
    monkeypatch.setenv("NEO4J_DATABASE", neo4j_settings.database)

    def run(*argv: str) -> tuple[int, str, str]:
        status = main(list(argv))
        out = capsys.readouterr()
        return status, out.out, out.err

    return run


def test_parse_param() -> None:
    assert parse_param("n=3") == ("n", 3)
    assert parse_param("x=2.5") == ("x", 2.5)
    assert parse_param("flag=True") == ("flag", True)
    assert parse_param('ids=["a", "b"]') == ("ids", ["a", "b"])
    assert parse_param("name=Søren Brunak") == ("name", "Søren Brunak")
    assert parse_param("$q=x'}) DETACH DELETE (n) //") == ("q", "x'}) DETACH DELETE (n) //")
    assert parse_param("empty=") == ("empty", "")


def test_table_escapes_control_characters() -> None:
    text = table(["name"], [["evil\x1b[2J\x07name"]])
    assert "\x1b" not in text and "\\x1b[2J\\x07" in text


def test_console_reads_with_params_and_formats(cli, neo4j_driver: neo4j.Driver) -> None:
    load_record(neo4j_driver, board_minutes())
    query = "MATCH (p:Person) WHERE p.name STARTS WITH $prefix RETURN p.name AS name, p.titles AS titles"
    status, out, _ = cli("cypher", query, "--param", "prefix=Sø", "--format", "json")
    assert status == 0 and json.loads(out) == [{"name": "Søren Brunak", "titles": ["professor"]}]
    status, out, _ = cli("cypher", "MATCH (p:Person) RETURN p.name AS name ORDER BY name", "--format", "csv")
    assert out.splitlines() == ["name", "Bettina Lundgren", "Ole Skøtt", "Søren Brunak"]
    status, out, _ = cli("cypher", "MATCH (o:Organization {id: 'org:ngc'}) RETURN o")
    assert status == 0 and '"Nationalt Genom Center"' in out and "Organization" in out


def test_console_limits_rows(cli) -> None:
    status, out, err = cli("cypher", "UNWIND range(1, 50) AS i RETURN i", "--limit", "7", "--format", "csv")
    assert status == 0 and out.splitlines() == ["i", *map(str, range(1, 8))]
    assert "first 7 rows" in err


@pytest.mark.parametrize(
    "query",
    [
        "CREATE (:Person {id: 'person:intruder'})",
        "MATCH (n) DETACH DELETE n",
        "MATCH (p:Person) SET p.name = 'x'",
        "CREATE INDEX intruder FOR (n:Person) ON (n.name)",
        "CALL db.createLabel('Intruder')",
    ],
)
def test_console_is_read_only(cli, neo4j_driver: neo4j.Driver, query: str) -> None:
    load_record(neo4j_driver, board_minutes())
    before = connection.read(neo4j_driver, COUNTS)
    status, out, err = cli("cypher", query)
    assert status == 1 and out == ""
    assert err.startswith("pmkg: error: the console is read-only: the query ") and len(err.splitlines()) == 1
    assert connection.read(neo4j_driver, COUNTS) == before


def test_console_time_limit_and_errors(cli) -> None:
    slow = "UNWIND range(1, 500000000) AS i WITH i WHERE i % 7 = 99 RETURN count(i)"
    status, _, err = cli("cypher", slow, "--timeout", "1")
    assert status == 1 and "ran longer than 1 s" in err and len(err.strip().splitlines()) == 1
    status, _, err = cli("cypher", "MATCH (n RETURN n")
    assert status == 1 and err.startswith("pmkg: error: Cypher syntax error:") and "Traceback" not in err
    status, _, err = cli("cypher", "RETURN 1", "--param", "novalue")
    assert status == 1 and "NAME=VALUE" in err


def test_ingest_remove_and_candidates_commands(cli, neo4j_driver: neo4j.Driver, tmp_path: Path) -> None:
    folder = tmp_path / "minutes"
    (folder / "sub").mkdir(parents=True)
    for path in sorted(EXAMPLES.glob("*.txt"))[:2]:
        (folder / "sub" / path.name).write_bytes(path.read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "notes.xyz").write_text("ignored: not a minutes format")
    (folder / ".hidden.txt").write_text("ignored: hidden")
    status, out, err = cli("ingest", str(folder), "--json")
    report = json.loads(out)
    assert status == 1  # one file failed ...
    assert report["documents"] == {"loaded": 2, "failed": 1}  # ... the good ones are stored
    assert [f["file"] for f in report["failed"]] == [str(folder / "empty.txt")]
    assert f"failed: {folder / 'empty.txt'}: " in err and "Traceback" not in err
    assert report["nodes_created"] > 10 and report["rels_created"] > report["nodes_created"]

    status, out, _ = cli("ingest", str(folder / "sub"))
    assert status == 0 and out.splitlines()[0] == "documents: 0 loaded, 0 replaced, 2 unchanged, 0 failed"

    name = sorted(EXAMPLES.glob("*.txt"))[0].name
    status, out, _ = cli("remove", name)
    assert status == 0 and out.startswith("removed doc:") and name in out
    status, _, err = cli("remove", name)
    assert status == 1 and "no stored document" in err

    status, out, _ = cli("candidates", "--json")
    assert status == 0 and isinstance(json.loads(out), list)


def test_ingest_says_so_when_nothing_to_read(cli, tmp_path: Path) -> None:
    status, _, err = cli("ingest", str(tmp_path))
    assert status == 1 and "no minutes files found" in err


def test_a_file_that_cannot_be_stored_is_listed_and_the_rest_stored(
    cli, neo4j_driver: neo4j.Driver, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pmkg.graph import store

    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(board_minutes().document.text, encoding="utf-8")
    bad.write_text(board_minutes(extra="Andet.").document.text, encoding="utf-8")
    to_rows = store.record_to_rows

    def refuse_bad(record):
        rows = to_rows(record)
        if record.document.source.endswith("bad.txt"):
            rows.nodes["Meeting"][0]["location"] = {"nested": "maps cannot be stored"}
        return rows

    monkeypatch.setattr(store, "record_to_rows", refuse_bad)
    status, out, err = cli("ingest", str(good), str(bad))
    assert status == 1 and out.startswith("documents: 1 loaded, 0 replaced, 0 unchanged, 1 failed")
    assert err.startswith(f"failed: {bad}: could not be stored (") and len(err.strip().splitlines()) == 1
    sources = connection.read(neo4j_driver, "MATCH (d:Document) RETURN d.source AS s")
    assert sources == [{"s": good.name}]
