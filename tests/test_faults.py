"""Faults and hostile content: the server dying mid-load, an unreachable server, names full of Cypher.

The crash test stops a disposable server of its own (never the shared test server) while a
document's transaction is open, then restarts it on the same data.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import msgspec
import neo4j
import pytest

from bench.corpus import generate
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


# ---- issue 17: an ingest whose server stops fails fast, in one line, and resumes --------------------

# Runs `pmkg ingest` in a process of its own (so stderr is what a user sees: no pytest log handlers to
# swallow the driver's warnings), in batches of 5, and stops the server once the rows of the second batch
# are written and not yet committed: argv is HOME PORT LIB FOLDER.
_CRASH_IN_SECOND_BATCH = """
import sys
from pathlib import Path
from pmkg.cli import main
from pmkg.cli.commands import ingest
from pmkg.graph import server, store

own = server.ManagedServer(Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3]))
write_rows, batches = store._write_rows, []

def write_then_stop(tx, rows, summary):
    changed = write_rows(tx, rows, summary)
    batches.append(len(batches) + 1)
    if len(batches) == 2:
        server.stop(own, timeout=0)
    return changed

ingest.LOAD_BATCH = 5
store._write_rows = write_then_stop
sys.exit(main(["ingest", "--jobs", "1", sys.argv[4]]))
"""
_RELS_BY_DOCUMENT = "MATCH ()-[r]->() RETURN r.doc AS doc, count(*) AS rels ORDER BY doc"
_DOCUMENTS = "MATCH (d:Document) RETURN d.id AS id, d.source AS source ORDER BY source"
_PROGRESS = re.compile(r"\d+/\d+ \[")  # tqdm's bar: "33%|███  | 5/15 [00:01<00:02, ...]"


def shown_lines(stderr: str) -> list[str]:
    """The lines of stderr as a terminal leaves them (the last of each line's carriage-return rewrites),
    without the progress bar."""
    lines = (line.split("\r")[-1] for line in stderr.splitlines())
    return [line for line in lines if line.strip() and not _PROGRESS.search(line)]


def generated_folder(folder: Path, count: int) -> Path:
    folder.mkdir()
    for name, text in generate(count, seed=11):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_ingest_whose_server_stops_fails_in_one_line_and_resumes(
    own_server: server.ManagedServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    folder = generated_folder(tmp_path / "minutes", 15)
    settings = own_server.settings()
    env = {**os.environ, "NEO4J_URI": settings.uri, "NEO4J_PASSWORD": settings.password}
    argv = [str(own_server.home), str(own_server.bolt_port), str(own_server.lib_dir), str(folder)]
    crashed = subprocess.run(
        [sys.executable, "-c", _CRASH_IN_SECOND_BATCH, *argv], env=env, capture_output=True, text=True
    )
    assert crashed.returncode == 1, crashed.stderr
    first, last = sorted(folder.iterdir())[5], sorted(folder.iterdir())[9]
    assert shown_lines(crashed.stderr) == [
        f"pmkg: error: Neo4j is not reachable at {settings.uri}: check that the server is up and NEO4J_URI "
        f"is right (while storing the batch of 5 files {first} … {last}: none of it stored)"
    ]
    assert crashed.stdout.splitlines()[0] == "documents: 5 loaded, 0 replaced, 0 unchanged, 0 failed"
    assert crashed.stdout.splitlines()[-1] == (
        "10 files not tried; run the same command again to resume — "
        "documents already stored unchanged are skipped by content hash"
    )

    server.start(own_server.home, bolt_port=own_server.bolt_port, lib=own_server.lib)
    with connection.driver(settings) as drv:
        stored = connection.read(drv, _DOCUMENTS)
        assert [Path(d["source"]).name for d in stored] == [p.name for p in sorted(folder.iterdir())[:5]]
        after_crash = {row["doc"]: row["rels"] for row in connection.read(drv, _RELS_BY_DOCUMENT)}
        assert set(after_crash) == {d["id"] for d in stored}  # not one relationship of the rolled-back batch

        for name, value in (("NEO4J_URI", settings.uri), ("NEO4J_PASSWORD", settings.password)):
            monkeypatch.setenv(name, value)
        capsys.readouterr()
        assert main(["ingest", "--json", str(folder)]) == 0
        summary = json.loads(capsys.readouterr().out)
        assert summary["documents"] == {"unchanged": 5, "loaded": 10} and summary["not_tried"] == 0
        complete = {row["doc"]: row["rels"] for row in connection.read(drv, _RELS_BY_DOCUMENT)}
        assert len(connection.read(drv, _DOCUMENTS)) == 15 and len(complete) == 15
        assert all(complete[doc] == rels for doc, rels in after_crash.items())  # whole, and left alone


def test_a_write_past_the_transaction_memory_fails_in_one_line_and_stores_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A real out-of-memory: the disposable server allows one transaction 3 MB (enough for a document of
    minutes, not for this hoard); the write fails with one line and leaves nothing."""
    monkeypatch.setenv(server.TRANSACTION_MAX_ENV, "3m")
    attempts = []

    def hoard(tx: neo4j.ManagedTransaction) -> None:
        attempts.append(1)
        tx.run("UNWIND range(1, $n) AS x CREATE (:Hoard {x: x, pad: $pad})", n=50_000, pad="x" * 100)

    with server.disposable(tmp_path / "home") as small, connection.driver(small.settings()) as drv:
        with pytest.raises(PmkgError, match="the write needs more memory than the server allows") as failed:
            connection.write_tx(drv, hoard)
        assert "\n" not in str(failed.value)
        assert connection.read(drv, "MATCH (h:Hoard) RETURN count(h) AS n") == [{"n": 0}]
        assert attempts and len(attempts) <= 3  # bounded: WRITE_RETRY_TIME_S, not 15 s of retries
