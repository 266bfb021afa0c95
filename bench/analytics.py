"""The first analytic question after a load: what a write pays to keep the network and its measures
(``graph.netstore.refresh``), and what the first stakeholder, community and ego-network answer then
costs, against the same answers computed in the app's process with nothing kept (as before).

``python -m bench.analytics [--sizes 1000,10000] [--records FILE.jsonl]`` loads each size into a fresh
database of a disposable Neo4j and prints JSON. Wall seconds, CPU seconds of this process and of the
Neo4j server (the machine is shared: the wall time counts what other processes took), and the load
average, per figure. ``--records`` reads extracted records (``pmkg extract --format jsonl``) instead of
extracting generated minutes.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import neo4j

from pmkg.errors import PmkgError
from pmkg.graph import analytics, connection, measures, netstore, projection
from pmkg.graph.version import graph_version
from pmkg.model.record import Record, decode_record

ASKED = {
    "stakeholders": {"top": 20},
    "communities": {"top": 20},
    "ego_network": {"entity": None, "radius": 2, "limit": 200},
}
_DROP_KEPT = "MATCH (k:NetworkCache) DELETE k"
_BUSIEST = """
MATCH (p:Person)-[r]-() WITH p, count(r) AS links ORDER BY links DESC, p.id LIMIT 1 RETURN p.id AS id
"""


def server_cpu(pid: int | None) -> float:
    """CPU seconds the Neo4j server process has used (user + system), from /proc; 0 if unknown."""
    if pid is None:
        return 0.0
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def clocked(work: Callable[[], Any], server_pid: int | None) -> dict[str, float]:
    """Wall seconds, this process's CPU seconds and the server's CPU seconds of ``work``."""
    wall, cpu, server = time.perf_counter(), time.process_time(), server_cpu(server_pid)
    work()
    return {
        "wall_s": round(time.perf_counter() - wall, 3),
        "cpu_s": round(time.process_time() - cpu, 3),
        "server_cpu_s": round(server_cpu(server_pid) - server, 3),
        "load_average": round(os.getloadavg()[0], 1),
    }


def first_answers(driver: neo4j.Driver, server_pid: int | None) -> dict[str, dict[str, float]]:
    """Each analytic asked first, with nothing kept in this process (a fresh app after a load)."""
    centre = connection.read(driver, _BUSIEST)[0]["id"]
    figures = {}
    for name, params in ASKED.items():
        analytics._MEMO.clear()
        asked = {**params, "entity": centre} if "entity" in params else params
        figures[name] = clocked(
            lambda name=name, asked=asked: analytics.ANALYTICS[name](driver, asked), server_pid
        )
    analytics._MEMO.clear()
    return figures


def breakdown(driver: neo4j.Driver, server_pid: int | None) -> dict[str, Any]:
    """Where a full computation's time goes: reading the network from Neo4j, betweenness, communities,
    and encoding and decoding what is kept."""
    box: dict[str, Any] = {}
    parts = {
        "project": clocked(lambda: box.setdefault("network", projection.project_simple(driver)), server_pid),
    }
    network = box["network"]
    parts["betweenness"] = clocked(lambda: box.setdefault("b", measures.betweenness(network)), server_pid)
    parts["communities"] = clocked(lambda: box.setdefault("c", measures.communities(network)), server_pid)
    measured = netstore.Measured(network, box["b"], box["c"])
    parts["encode"] = clocked(lambda: box.setdefault("data", netstore.encode(measured)), server_pid)
    parts["read_kept"] = clocked(lambda: netstore.kept(driver, graph_version(driver)), server_pid)
    return {
        "nodes": network.number_of_nodes(),
        "linked_pairs": network.number_of_edges(),
        "kept_bytes": len(box["data"]),
        **parts,
    }


def analytics_figures(driver: neo4j.Driver, server_pid: int | None) -> dict[str, Any]:
    """After a load (whose refresh has not run): the refresh, the first answers with the result kept,
    where a full computation's time goes, and the first answers with nothing kept (the old path)."""
    refresh = clocked(lambda: netstore.refresh(driver), server_pid)
    kept = first_answers(driver, server_pid)
    parts = breakdown(driver, server_pid)
    connection.write(driver, _DROP_KEPT)
    computed = first_answers(driver, server_pid)
    netstore.refresh(driver)
    return {"refresh": refresh, "first_kept": kept, "full_computation": parts, "first_computed": computed}


def server_pid_of(settings: connection.Settings) -> int | None:
    """The pid of the managed server whose settings these are, if it runs on this machine."""
    from pmkg.graph import server

    for home in Path(os.environ.get("TMPDIR", "/tmp")).glob("pmkg-bench-*"):
        managed = server.managed(home)
        with contextlib.suppress(PmkgError, OSError):
            if managed.settings().uri == settings.uri:
                return server.running_pid(managed)
    return None


def main(argv: list[str] | None = None) -> int:
    from bench.database import disposable_neo4j, fresh_driver, quiet_driver_logs
    from bench.extract import extract_on_one_core
    from pmkg.graph.schema import ensure_schema
    from pmkg.graph.store import load_records

    parser = argparse.ArgumentParser(prog="python -m bench.analytics", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--records", type=Path, help="extracted records (JSON Lines) instead of extracting")
    args = parser.parse_args(argv)
    sizes = sorted(int(n) for n in args.sizes.split(","))
    quiet_driver_logs()
    if args.records:
        lines = args.records.read_bytes().splitlines()[: max(sizes)]
        records: list[Record] = [decode_record(line) for line in lines]
    else:
        records = extract_on_one_core(max(sizes)).records
    out = []
    with disposable_neo4j() as settings:
        pid = server_pid_of(settings)
        for size in sizes:
            print(f"[bench.analytics] {size} documents: loading", file=sys.stderr, flush=True)
            with fresh_driver(settings) as driver:
                ensure_schema(driver)
                load = clocked(
                    lambda d=driver, n=size: load_records(d, records[:n], batch=500, measure=False), pid
                )
                print(f"[bench.analytics] {size} documents: measuring", file=sys.stderr, flush=True)
                out.append({"documents": size, "load": load, **analytics_figures(driver, pid)})
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
