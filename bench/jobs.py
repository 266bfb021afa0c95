"""``python -m bench.jobs [--docs N] [--jobs N] [--runs R]``: what ``pmkg ingest --jobs`` gains.

Generated minutes are written to a temporary folder as files (what ``pmkg ingest`` reads), then
1. extraction alone through ``pmkg.ingest.parallel.extract_in_order`` with one job and with ``--jobs``
   (the workers' start-up included: a user pays it), and
2. the whole ``pmkg ingest FOLDER --jobs J`` as a user runs it, into a fresh database of a disposable
   Neo4j (which shares the cores with the ingest).
The runs alternate (1, N, 1, N ...) so a change in the machine's other load falls on both, and the
fastest run of each counts. Every run records the load average when it started; extraction runs also
the CPU seconds the extracting processes spent on the documents, so the cost of running in parallel
(per document) is seen apart from the share of the cores the machine gave. On Linux with
``sched_autogroup_enabled`` a busy machine shares the CPU between sessions, not processes: there
``--jobs`` can only use cores the other sessions leave idle (recorded as ``autogroup``). One JSON
object goes to stdout, progress to stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.corpus import generate
from bench.database import disposable_neo4j, fresh, quiet_driver_logs
from pmkg.graph import connection
from pmkg.ingest.parallel import default_jobs, extract_in_order

PMKG = Path(sys.executable).parent / "pmkg"


def note(message: str) -> None:
    print(f"[bench.jobs {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def measured(work: Callable[[], float | None]) -> dict[str, float]:
    """Wall seconds of ``work``, the CPU seconds it reports, and the load when it started."""
    load, wall = os.getloadavg()[0], time.perf_counter()
    cpu = work()
    figures = {"seconds": round(time.perf_counter() - wall, 2), "load_average_at_start": round(load, 2)}
    if cpu is not None:
        figures["extraction_cpu_seconds"] = round(cpu, 2)
    return figures


def extract_all(paths: list[Path], jobs: int) -> float:
    """Extract every file; the CPU seconds the extracting processes spent on them."""
    cpu, failed = 0.0, []
    for done in extract_in_order(paths, jobs):
        cpu += done.cpu_seconds
        if done.record is None:
            failed.append(done.path)
    if failed:
        raise SystemExit(f"extraction failed for {failed[:3]}")
    return cpu


def ingest(settings: connection.Settings, folder: Path, jobs: int) -> None:
    """``pmkg ingest FOLDER --jobs J`` into a fresh database, as a user runs it."""
    fresh(settings)
    env = {
        **os.environ,
        "NEO4J_URI": settings.uri,
        "NEO4J_USERNAME": settings.username,
        "NEO4J_PASSWORD": settings.password,
        "NEO4J_DATABASE": settings.database,
    }
    command = [str(PMKG), "ingest", str(folder), "--jobs", str(jobs), "--json"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"pmkg ingest --jobs {jobs} failed: {done.stderr[-2000:]}")


def alternate(name: str, runs: int, jobs: int, work: Callable[[int], float | None]) -> dict[str, Any]:
    """``work(1)`` and ``work(jobs)`` in turn, ``runs`` times each; the fastest of each and the speed-up."""
    done: dict[int, list[dict[str, float]]] = {1: [], jobs: []}
    for run in range(runs):
        for j in (1, jobs):
            note(f"{name}: --jobs {j}, run {run + 1} of {runs} (load average {os.getloadavg()[0]:.1f})")
            done[j].append(measured(lambda j=j: work(j)))
    one = min(r["seconds"] for r in done[1])
    many = min(r["seconds"] for r in done[jobs])
    figures: dict[str, Any] = {
        "runs": {str(j): done[j] for j in done},
        "seconds_1": one,
        f"seconds_{jobs}": many,
        "speedup": round(one / many, 2),
        "speedup_of_ideal": round(one / many / jobs, 2),
    }
    if "extraction_cpu_seconds" in done[1][0]:  # the CPU a document costs in a worker against in one process
        cpu_one = min(r["extraction_cpu_seconds"] for r in done[1])
        cpu_many = min(r["extraction_cpu_seconds"] for r in done[jobs])
        figures["cpu_cost_ratio"] = round(cpu_many / cpu_one, 2)
    return figures


def autogroup() -> str:
    try:
        return Path("/proc/sys/kernel/sched_autogroup_enabled").read_text().strip()
    except OSError:
        return "unknown"


def run(docs: int, jobs: int, runs: int) -> dict[str, Any]:
    quiet_driver_logs()
    with tempfile.TemporaryDirectory(prefix="pmkg-bench-jobs-") as tmp:
        folder = Path(tmp)
        for name, text in generate(docs, seed=11):
            (folder / name).write_text(text, encoding="utf-8")
        paths = sorted(folder.iterdir())
        result: dict[str, Any] = {
            "documents": docs,
            "jobs": jobs,
            "cpus": default_jobs(),
            "autogroup": autogroup(),
            "load_average_before": [round(x, 2) for x in os.getloadavg()],
        }
        result["extraction"] = alternate("extraction", runs, jobs, lambda j: extract_all(paths, j))
        with disposable_neo4j() as settings:
            ingest(settings, folder, 1)  # the JVM's warm-up and the store files' growth, charged to none
            result["ingest"] = alternate("pmkg ingest", runs, jobs, lambda j: ingest(settings, folder, j))
        result["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.jobs", description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000, help="generated documents (default: 1000)")
    parser.add_argument("--jobs", type=int, default=default_jobs(), help="jobs against one (default: cores)")
    parser.add_argument("--runs", type=int, default=2, help="runs of each, the fastest counts (default: 2)")
    args = parser.parse_args(argv)
    print(json.dumps(run(args.docs, args.jobs, args.runs), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
