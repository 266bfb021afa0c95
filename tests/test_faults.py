"""Faults and hostile content: the server dying mid-load, an unreachable server, names full of Cypher.

The crash test stops a disposable server of its own (never the shared test server) while a
document's transaction is open, then restarts it on the same data.
"""

from __future__ import annotations

from collections.abc import Iterator

import msgspec
import neo4j
import pytest

from pmkg.cli import main
from pmkg.errors import PmkgError, StoreUnavailable
from pmkg.graph import connection, server, store
from pmkg.graph.schema import ensure_schema, search
from pmkg.graph.store import load_record, load_records, read_rows
from pmkg.graph.triples import GraphRows, merge_rows, record_to_rows
from tests.conftest import temporary_home
from tests.graph_samples import board_minutes

DUPLICATE_IDS = "MATCH (n) WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN id"
TRACES_OF = """
OPTIONAL MATCH (d:Document {id: $doc}) WITH count(d) AS docs
OPTIONAL MATCH ()-[r {doc: $doc}]->() RETURN docs, count(r) AS rels
"""
HOSTILE = (
    "x'}) DETACH DELETE (n) //",
    "Robert`) MATCH (m) DETACH DELETE m //",
    'Anna "Quote" O\'Hara',
    "<img src=x onerror=alert(1)>",
    "Back\\slash $param {id} ${x} %s",
)


@pytest.fixture
def own_server() -> Iterator[server.ManagedServer]:
    with server.disposable(temporary_home("pmkg-faults-")) as managed:
        yield managed


def test_server_dying_mid_load_stores_nothing_of_that_document(
    own_server: server.ManagedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = [board_minutes(f"{i}.txt", extra=f"Møde nummer {i}.") for i in range(4)]
    victim = records[2].document.id
    write_rows = store._write_rows
    killed: list[int] = []

    def write_then_crash(tx: neo4j.ManagedTransaction, rows: GraphRows, summary: store.LoadSummary) -> None:
        write_rows(tx, rows, summary)  # every row of the document is written, not yet committed
        if summary.document == victim and not killed:
            killed.append(1)
            server.stop(own_server, timeout=0)  # SIGTERM then SIGKILL at once: a crash

    monkeypatch.setattr(store, "_write_rows", write_then_crash)
    with connection.driver(own_server.settings()) as drv:
        ensure_schema(drv)
        done: list[store.LoadSummary] = []
        with pytest.raises(StoreUnavailable, match="not reachable"):
            load_records(drv, records, progress=done.append)
    assert [s.document for s in done] == [r.document.id for r in records[:2]] and killed == [1]

    monkeypatch.setattr(store, "_write_rows", write_rows)
    restarted = server.start(own_server.home, bolt_port=own_server.bolt_port, lib=own_server.lib)
    with connection.driver(restarted.settings()) as drv:
        assert connection.read(drv, TRACES_OF, {"doc": victim}) == [{"docs": 0, "rels": 0}]
        assert read_rows(drv) == merge_rows(record_to_rows(r) for r in records[:2])
        rerun = load_records(drv, records)
        assert [s.status for s in rerun] == ["unchanged", "unchanged", "loaded", "loaded"]
        assert read_rows(drv) == merge_rows(record_to_rows(r) for r in records)
        assert connection.read(drv, DUPLICATE_IDS) == []


def test_unreachable_server_is_one_line(monkeypatch: pytest.MonkeyPatch, capsys, tmp_path) -> None:
    monkeypatch.setenv("NEO4J_URI", f"bolt://127.0.0.1:{server.free_port()}")  # nothing listens there
    monkeypatch.setenv("NEO4J_PASSWORD", "irrelevant")
    minutes = tmp_path / "a.txt"
    minutes.write_text(board_minutes().document.text, encoding="utf-8")
    for argv in (["ingest", str(minutes)], ["cypher", "RETURN 1"], ["remove", "a.txt"], ["candidates"]):
        assert main(argv) == 1
        err = capsys.readouterr().err.strip()
        assert err.startswith("pmkg: error: Neo4j is not reachable at bolt://127.0.0.1:"), argv
        assert len(err.splitlines()) == 1, argv


def hostile_record():
    """Minutes whose names, ids, titles and file name are made of Cypher, quotes and HTML."""
    record = board_minutes("evil`'\"; MATCH (n) DELETE n.txt", chair=HOSTILE[0], extra="\n".join(HOSTILE))
    record.document.title = HOSTILE[3]
    extra = [
        msgspec.structs.replace(record.people[1], id=f"person:{i}-{name}", name=name, aliases=[name[::-1]])
        for i, name in enumerate(HOSTILE[1:])
    ]
    record.people.extend(extra)
    record.meetings[0].attendance.extend(
        msgspec.structs.replace(record.meetings[0].attendance[1], person=p.id) for p in extra
    )
    record.organizations[0].name = HOSTILE[1]
    return record


def test_hostile_names_are_stored_and_read_back_verbatim(neo4j_driver: neo4j.Driver) -> None:
    record = hostile_record()
    summary = load_record(neo4j_driver, record)
    assert summary.status == "loaded" and summary.nodes_deleted == 0
    assert read_rows(neo4j_driver) == record_to_rows(record)  # every value exactly as given
    names = {row["name"] for row in connection.read(neo4j_driver, "MATCH (p:Person) RETURN p.name AS name")}
    assert set(HOSTILE) <= names
    title = connection.read(neo4j_driver, "MATCH (d:Document) RETURN d.title AS t, d.source AS s")[0]
    assert title == {"t": HOSTILE[3], "s": record.document.source}
    for name in HOSTILE:
        search(neo4j_driver, name)  # user text is never query syntax
    assert search(neo4j_driver, "onerror alert")[0]["name"] == HOSTILE[3]
    assert load_record(neo4j_driver, record).status == "unchanged"
    assert store.remove_document(neo4j_driver, record.document.source).status == "removed"
    assert connection.read(neo4j_driver, "MATCH (n) RETURN count(n) AS n") == [{"n": 0}]


_HOARD = "UNWIND range(1, $n) AS x RETURN size(collect(x)) AS n"  # about 2 GB of list, past the pool


def test_a_read_past_the_query_memory_fails_once_with_one_line(
    neo4j_driver: neo4j.Driver, caplog: pytest.LogCaptureFixture
) -> None:
    attempts = []

    def work(tx: neo4j.ManagedTransaction) -> list[dict]:
        attempts.append(1)
        return tx.run(_HOARD, n=100_000_000).data()

    with pytest.raises(PmkgError, match="more memory than the server allows") as failed:
        connection.read_tx(neo4j_driver, work)
    assert attempts == [1] and "\n" not in str(failed.value)
    assert "will be retried" not in caplog.text
    assert connection.read(neo4j_driver, _HOARD, {"n": 1000}) == [{"n": 1000}]
