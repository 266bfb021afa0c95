"""The streamed export of a whole generated graph: triples per second and the exporting process's peak
memory, which must stay bounded as the graph grows (the in-memory export holds ~2.5 kB a triple).

``python -m bench.export_stream [--documents N ...] [--format F]`` extracts N generated minutes
(bench/corpus.py), loads them into a disposable Neo4j, then runs ``pmkg export --format F`` as a user
would, in its own process, validated (the default) and with ``--no-validate``, and reads that process's
peak RSS and CPU time (its own and its validating workers') from ``wait4``; one JSON object per run.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from pmkg.graph import connection


def export_figures(settings: connection.Settings, fmt: str = "nt", validate: bool = True) -> dict[str, Any]:
    """Run ``pmkg export --format fmt`` against the server in a child process: its seconds, the lines
    (statements) it wrote, the bytes, its peak resident memory, and the CPU seconds of it and its
    children (the validating workers)."""
    env = os.environ | {
        "NEO4J_URI": settings.uri,
        "NEO4J_USERNAME": settings.username,
        "NEO4J_PASSWORD": settings.password,
        "NEO4J_DATABASE": settings.database,
    }
    with tempfile.TemporaryDirectory(prefix="pmkg-bench-export-") as tmp:
        out = Path(tmp) / f"graph.{fmt}"
        command = [sys.executable, "-m", "pmkg.cli", "export", "--format", fmt, "--out", str(out)]
        command += [] if validate else ["--no-validate"]
        before = os.times()
        start = time.perf_counter()
        child = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        after = os.times()
        if os.waitstatus_to_exitcode(status) != 0:
            raise RuntimeError(f"pmkg export failed: {status}")
        with out.open("rb") as handle:
            statements = sum(1 for _ in handle)
        size = out.stat().st_size
    return {
        "format": fmt,
        "validated": validate,
        "cpu_s_with_workers": round(
            after.children_user + after.children_system - before.children_user - before.children_system, 2
        ),
        "statements": statements,
        "seconds": round(seconds, 2),
        "statements_per_s": round(statements / seconds),
        "bytes": size,
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),  # Linux: kilobytes
    }


def main(argv: list[str] | None = None) -> int:
    from bench.database import disposable_neo4j, fresh_driver, quiet_driver_logs
    from bench.extract import extract_on_one_core
    from pmkg.graph.schema import ensure_schema
    from pmkg.graph.store import load_records

    parser = argparse.ArgumentParser(
        prog="python -m bench.export_stream", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--documents", type=int, nargs="+", default=[1000])
    parser.add_argument(
        "--format", default="nt", help="a streamed format (nt, nq, turtle, trig, jsonld, xml)"
    )
    args = parser.parse_args(argv)
    quiet_driver_logs()
    with disposable_neo4j() as settings:
        for size in args.documents:
            records = extract_on_one_core(size).records
            with fresh_driver(settings) as driver:
                ensure_schema(driver)
                load_records(driver, records, batch=500)
            del records
            for validate in (True, False):
                figures = export_figures(settings, args.format, validate)
                print(
                    json.dumps({"documents": size, "load_average": os.getloadavg()[0], **figures}), flush=True
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
