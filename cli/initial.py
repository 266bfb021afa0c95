"""``pmkg ingest --initial FOLDER``: the first load of an archive through Neo4j's offline bulk importer.

``pmkg ingest`` stores documents in transactions, merging each into what is stored; an empty database
needs none of that. This path extracts every file (``--jobs`` workers, as ``pmkg ingest``), makes the
whole graph in memory as the loader would have stored it (``graph.bulk``), writes it as CSV, stops the
managed server, runs Neo4j's importer (``graph.importer``), starts the server again, creates the schema
and, with ``--corrections FILE``, imports and replays corrections (as ``pmkg corrections import`` would).
The graph is the one ``pmkg ingest`` gives on the same folder (tests/test_ingest_initial.py).

It refuses, in one line and before changing anything, a database that holds any node (the importer
would replace it) and a server named by ``NEO4J_URI`` that pmkg does not manage (the importer writes the
database's files, so it cannot reach a remote server).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from pmkg.cli.commands.ingest import IngestReport
from pmkg.errors import PmkgError
from pmkg.graph import bulk, connection, corrections, importer, netstore, server
from pmkg.graph.schema import ensure_schema
from pmkg.graph.store import LoadSummary, restore_empty_lists
from pmkg.ingest.parallel import extract_in_order
from pmkg.model.correction import Correction, from_lines
from pmkg.model.record import Record

_COUNT = "MATCH (n) RETURN count(n) AS nodes"


def managed_target(env: dict[str, str] | os._Environ[str] | None = None) -> server.ManagedServer:
    """The managed server to import into; refuses a ``NEO4J_URI`` naming any other server."""
    env = os.environ if env is None else env
    target = server.managed()
    uri = env.get("NEO4J_URI")
    if uri and uri.rstrip("/") not in (target.uri, target.uri.replace("127.0.0.1", "localhost")):
        raise PmkgError(
            f"--initial loads through Neo4j's offline importer, which writes the managed server's files; "
            f"NEO4J_URI names {uri}, which pmkg does not manage: use `pmkg ingest` without --initial there"
        )
    return target


def refuse_unless_empty(target: server.ManagedServer) -> None:
    """Start the managed server if it is stopped and refuse a database that holds any node."""
    server.start(target.home)
    with connection.driver(target.settings()) as drv:
        nodes = connection.read(drv, _COUNT)[0]["nodes"]
    if nodes:
        raise PmkgError(
            f"the database is not empty ({nodes} nodes): --initial loads only an empty database, "
            "which the importer replaces; add to this one with `pmkg ingest` (without --initial)"
        )


class _Clock:
    """Wall seconds per phase, in the order run."""

    def __init__(self) -> None:
        self.phases: dict[str, float] = {}
        self._start = time.perf_counter()

    def lap(self, phase: str) -> None:
        now = time.perf_counter()
        self.phases[phase] = round(now - self._start, 3)
        self._start = now


@dataclass(frozen=True)
class Plan:
    """What ``pmkg ingest --initial`` will load into, checked before anything is extracted or changed."""

    target: server.ManagedServer
    fixes: list[Correction]
    java: str


def plan(corrections_file: Path | None) -> Plan:
    """The managed server, checked empty (started if stopped), and the corrections, checked; PmkgError
    in one line otherwise."""
    target = managed_target()
    fixes = _corrections(corrections_file) if corrections_file else []
    refuse_unless_empty(target)
    return Plan(target, fixes, server.find_java())


def initial_load(files: list[Path], report: IngestReport, jobs: int, checked: Plan) -> None:
    """Load ``files`` into the managed server's empty database through the bulk importer.

    ``report`` is ``pmkg ingest``'s ``IngestReport``: documents, nodes, relationships, failures, and the
    seconds of each phase (extract, csv, importer with the server's stop and start, schema).
    """
    target, fixes, java = checked.target, checked.fixes, checked.java
    clock = _Clock()
    graph = bulk.collect(_records(files, report, jobs))
    clock.lap("extract")
    if not graph.documents:  # nothing to load: the database stays as it is (empty)
        return
    with tempfile.TemporaryDirectory(prefix="import-", dir=target.root) as folder:
        csv_files = bulk.write_csv(graph, Path(folder))
        clock.lap("csv")
        _say(f"importing {graph.counts()[0]:,} nodes and {graph.counts()[1]:,} relationships")
        server.stop(target)
        clock.lap("stop")
        try:
            importer.run_import(java, target, csv_files)
            clock.lap("importer")
        finally:
            server.start(target.home)
            clock.lap("start")
    with connection.driver(target.settings()) as drv:
        ensure_schema(drv)
        restore_empty_lists(drv, csv_files.empty_lists)
        if fixes:
            corrections.import_lines(drv, fixes)
            report.orphaned = corrections.orphaned(drv)
        netstore.refresh(drv)  # the analytics' network and measures, as every write keeps them
    clock.lap("schema")
    report.nodes_created, report.rels_created = graph.rows.counts()  # as `pmkg ingest` counts them
    report.phases = clock.phases


def _records(files: list[Path], report: IngestReport, jobs: int) -> Iterator[Record]:
    """The files' records in path order, with a progress bar; a file whose bytes an earlier file has
    is ``unchanged`` (as ``pmkg ingest`` counts it), a file that cannot be extracted ``failed``."""
    seen: set[str] = set()
    with tqdm(total=len(files), unit="file", file=sys.stderr, desc="extract") as bar:
        for done in extract_in_order(files, jobs):
            bar.update()
            if done.record is None:
                report.fail(done.path, done.reason or "could not be extracted")
                continue
            info = done.record.document
            status = "unchanged" if info.sha256 in seen else "loaded"
            report.add(LoadSummary(info.id, info.source, status))
            if status == "loaded":
                seen.add(info.sha256)
                yield done.record


def _corrections(path: Path) -> list[Correction]:
    """The corrections to replay after the load, checked before anything is changed."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PmkgError(f"{path}: cannot be read ({type(exc).__name__})") from exc
    return from_lines(text, str(path))


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)
