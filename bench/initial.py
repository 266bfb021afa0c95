"""``python -m bench.initial [--docs N] [--runs R]``: the bulk importer's first load against the loader.

Generated minutes (``bench.corpus``) are extracted once (every core, ``extract_in_order``) and kept in
memory; then, in one disposable managed Neo4j, taking turns ``--runs`` times each (the fastest counts):
- **the loader**: ``graph.store.load_records(records, batch=500)`` into a fresh database whose schema was
  made before the clock started (as ``python -m bench`` measures ``load_rels_per_s``), and with
  ``pmkg ingest``'s batches of 50;
- **the importer** (``pmkg ingest --initial`` without extraction): ``graph.bulk.collect`` (identity,
  merged rows), ``write_csv``, stopping the server, ``neo4j-admin database import``, starting the server,
  and the schema (``ensure_schema``, the constraints and indexes built on the imported data), each
  phase timed; the schema is part of its time, since the importer's database has none before.
Both graphs are compared (node and relationship counts). Every run records the load average when it
started; the machine is shared, so wall times carry other sessions' load. One JSON object on stdout.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.corpus import generate
from bench.database import fresh_driver, quiet_driver_logs
from pmkg.graph import bulk, connection, importer, server
from pmkg.graph.schema import ensure_schema
from pmkg.graph.store import load_records
from pmkg.ingest.parallel import default_jobs, extract_in_order
from pmkg.model.record import Record

_COUNTS = "MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS rels"


def server_cpu(target: server.ManagedServer) -> float:
    """CPU seconds the managed server's JVM has used since it started (0 when it is not running)."""
    pid = server.running_pid(target)
    if pid is None:
        return 0.0
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def children_cpu() -> float:
    """CPU seconds of this process's finished children (the importer)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return children.ru_utime + children.ru_stime


def cpu_now(target: server.ManagedServer) -> float:
    """CPU seconds of this process and the running server."""
    return time.process_time() + server_cpu(target)


def note(message: str) -> None:
    print(f"[bench.initial {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def extract(folder: Path) -> tuple[list[Record], dict[str, float]]:
    """Every generated file's record, with the wall and CPU seconds of extraction on every core."""
    wall, cpu, records = time.perf_counter(), 0.0, []
    for done in extract_in_order(sorted(folder.iterdir()), default_jobs()):
        if done.record is None:
            raise SystemExit(f"extraction failed: {done.path}: {done.reason}")
        cpu += done.cpu_seconds
        records.append(done.record)
    gc.freeze()  # the corpus stays for every run: keep the collector from scanning it inside a timed part
    return records, {"seconds": round(time.perf_counter() - wall, 2), "cpu_seconds": round(cpu, 2)}


def loader(target: server.ManagedServer, records: list[Record], batch: int) -> dict[str, Any]:
    """The loader into a fresh database, its schema made before the clock starts; wall seconds and the
    CPU seconds of this process and the server."""
    with fresh_driver(target.settings()) as drv:
        ensure_schema(drv)
        start, cpu = time.perf_counter(), cpu_now(target)
        load_records(drv, records, batch=batch)
        seconds, cpu = time.perf_counter() - start, cpu_now(target) - cpu
        counts = connection.read(drv, _COUNTS)[0]
    return {
        "seconds": round(seconds, 3),
        "cpu_seconds": round(cpu, 2),
        "nodes": counts["nodes"],
        "relationships": counts["rels"],
    }


def imported(target: server.ManagedServer, records: list[Record]) -> dict[str, Any]:
    """The importer's path, phase by phase (see the module's docstring)."""
    phases: dict[str, float] = {}
    clock = time.perf_counter()
    own = time.process_time()

    def lap(phase: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        phases[phase] = round(now - clock, 3)
        clock = now

    graph = bulk.collect(records)
    lap("rows")
    with tempfile.TemporaryDirectory(prefix="import-", dir=target.root) as folder:
        files = bulk.write_csv(graph, Path(folder))
        lap("csv")
        server.stop(target)
        lap("stop")
        before = children_cpu()  # after the stop, which reaps the old server (its CPU is not this load's)
        importer.run_import(server.find_java(), target, files)
        imported_cpu = children_cpu() - before
        lap("importer")
        server.start(target.home, lib=target.lib)
        lap("start")
    with connection.driver(target.settings()) as drv:
        ensure_schema(drv)
        lap("schema")
        cpu = time.process_time() - own + imported_cpu + server_cpu(target)  # the new server's, whole
        counts = connection.read(drv, _COUNTS)[0]
    return {
        "seconds": round(sum(phases.values()), 3),
        "cpu_seconds": round(cpu, 2),
        "phases": phases,
        "nodes": counts["nodes"],
        "relationships": counts["rels"],
    }


def taking_turns(runs: int, contenders: dict[str, Callable[[], dict[str, Any]]]) -> dict[str, Any]:
    """Each contender ``runs`` times, in turn; every run with the load average at its start."""
    done: dict[str, list[dict[str, Any]]] = {name: [] for name in contenders}
    for run in range(runs):
        for name, work in contenders.items():
            load = os.getloadavg()[0]
            note(f"{name}, run {run + 1} of {runs} (load average {load:.1f})")
            done[name].append({**work(), "load_average_at_start": round(load, 2)})
    return {name: {"runs": rs, "fastest": min(rs, key=lambda r: r["seconds"])} for name, rs in done.items()}


def run(docs: int, runs: int) -> dict[str, Any]:
    quiet_driver_logs()
    result: dict[str, Any] = {
        "documents": docs,
        "cpus": default_jobs(),
        "load_average_before": [round(x, 2) for x in os.getloadavg()],
    }
    home = Path(tempfile.mkdtemp(prefix="pmkg-bench-initial-"))
    try:
        with tempfile.TemporaryDirectory(prefix="pmkg-bench-initial-minutes-") as tmp:
            folder = Path(tmp)
            for name, text in generate(docs, seed=11):
                (folder / name).write_text(text, encoding="utf-8")
            note(f"extracting {docs} documents")
            records, result["extraction"] = extract(folder)
        target = server.start(home, bolt_port=server.free_port(), lib=server.managed().lib_dir)
        loader(target, records[:100], 500)  # the JVM's warm-up, charged to none
        result |= taking_turns(
            runs,
            {
                "loader_batch_500": lambda: loader(target, records, 500),
                "loader_batch_50": lambda: loader(target, records, 50),
                "importer": lambda: imported(target, records),
            },
        )
    finally:
        server.stop(home)
        shutil.rmtree(home, ignore_errors=True)
    best, ours = result["importer"]["fastest"], result["loader_batch_500"]["fastest"]
    result["same_counts"] = (best["nodes"], best["relationships"]) == (ours["nodes"], ours["relationships"])
    result["importer_rels_per_s"] = round(best["relationships"] / best["seconds"])
    result["loader_rels_per_s"] = round(ours["relationships"] / ours["seconds"])
    result["speedup_vs_loader"] = round(ours["seconds"] / best["seconds"], 2)
    batches = result["loader_batch_50"]["fastest"]
    result["speedup_vs_ingest_batches"] = round(batches["seconds"] / best["seconds"], 2)
    result["cpu_ratio_vs_loader"] = round(ours["cpu_seconds"] / best["cpu_seconds"], 2)
    result["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.initial", description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000, help="generated documents (default: 1000)")
    parser.add_argument("--runs", type=int, default=2, help="runs of each, the fastest counts (default: 2)")
    args = parser.parse_args(argv)
    print(json.dumps(run(args.docs, args.runs), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
