"""``python -m bench [--quick] [--json]``: extraction, loading, questions and export, side by side.

Everything runs in one process run on one disposable Neo4j (the project's managed server in a
temporary home), so the figures compare like with like. Results go to stdout as one JSON object;
progress and notes go to stderr. ``python -m bench.plot RESULT.json`` draws the growth curve.
See BENCHMARKS.md for the method.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any, TypeVar

import neo4j

from bench import baselines
from bench.analytics import clocked, first_answers, server_pid_of
from bench.briefing import briefing_figures
from bench.database import disposable_neo4j, fresh_driver, quiet_driver_logs
from bench.extract import extract_on_one_core
from bench.latency import latencies
from pmkg.cli.commands.ingest import LOAD_BATCH as INGEST_BATCH
from pmkg.graph import connection, netstore
from pmkg.graph.identity import resolve_corpus
from pmkg.graph.questions import load_questions
from pmkg.graph.rdf import count_triples, rows_to_dataset, serialize_unchecked, union_graph
from pmkg.graph.schema import ensure_schema
from pmkg.graph.store import load_records, read_rows
from pmkg.graph.triples import merge_rows, record_to_rows
from pmkg.model.record import Record

T = TypeVar("T")
FULL_SIZES = (100, 1000, 10000)
QUICK_SIZES = (100, 1000)
QUERY_RUNS = 40
# The loaders are compared on this many documents (fewer in a quick run): enough that the first planning
# of each query shape (tens of ms each, for every contender) does not dominate the figure.
BASELINE_DOCS = 1000
QUICK_BASELINE_DOCS = 300
# Each loader loads them three times (each time into a fresh database) and its fastest run counts: the
# first also compiles that loader's code paths in the JVM and grows the store files, which whichever
# loader ran first would pay alone, and a run of the same loader varies by up to 1.5x on a shared machine.
LOADER_RUNS = 3
LOAD_BATCH = 500  # documents per transaction in bulk loads (load_records(batch=...))
WARM_UP_DOCS = 100  # loaded and thrown away first, so the JVM's warm-up is not charged to the first size
# rdflib's own Turtle writer is slow and memory-hungry (over 5 minutes and 3 GB at 1,000 documents): the
# export is measured at this size (or the largest below it) only.
EXPORT_DOCS = 100
SEED = 11
_CLEAR_PLANS = "CALL db.clearQueryCaches() YIELD value RETURN value"
_COUNTS = "MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS relationships"


def note(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def timed(work: Callable[[], T]) -> tuple[float, T]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def graph_counts(driver: neo4j.Driver) -> dict[str, int]:
    row = connection.read(driver, _COUNTS)[0]
    return {"nodes": row["nodes"], "relationships": row["relationships"]}


def export_figures(driver: neo4j.Driver) -> dict[str, Any]:
    """The project's Turtle export of the graph read back from Neo4j against rdflib's own Turtle writer
    on the same RDF. Reading and mapping to RDF are timed apart (both writers need them); SHACL
    validation is not run here (it is the same whichever writer serialises).
    """
    read_s, rows = timed(lambda: read_rows(driver))
    map_s, dataset = timed(lambda: rows_to_dataset(rows))
    graph = union_graph(dataset)
    ours, _ = timed(lambda: serialize_unchecked(dataset, "turtle"))
    figures: dict[str, Any] = {
        "triples": len(graph),
        "read_seconds": round(read_s, 3),
        "to_rdf_seconds": round(map_s, 3),
        "turtle_seconds": round(ours, 3),
        "export_triples_per_s": round(len(graph) / ours),
    }
    plain, _ = timed(lambda: graph.serialize(format="turtle", encoding="utf-8"))
    figures["rdflib_turtle_seconds"] = round(plain, 3)
    figures["export_speedup_vs_rdflib"] = round(plain / ours, 2)
    return figures


def load_point(
    settings: connection.Settings, records: list[Record], rng: random.Random, compare_export: bool
) -> dict[str, Any]:
    """Load ``records`` into a fresh database and ask every question (and export, at the size where the
    writers are compared): one point of the growth curve."""
    questions = load_questions()
    with fresh_driver(settings) as driver:
        schema_s, _ = timed(lambda: ensure_schema(driver))
        load_s, _ = timed(lambda: load_records(driver, records, batch=LOAD_BATCH, measure=False))
        counts = graph_counts(driver)
        note(f"{len(records)} documents: the analytics' network and measures kept, the first answers")
        pid = server_pid_of(settings)
        refresh = clocked(lambda: netstore.refresh(driver), pid)
        first_analytics = first_answers(driver, pid)
        note(f"{len(records)} documents loaded in {load_s:.1f} s; asking the questions")
        # Plans cached for the previous size would be replanned mid-measurement once Neo4j sees the
        # statistics diverge (after its 10 s minimum); dropped now, the warm-up plans for this size.
        connection.read(driver, _CLEAR_PLANS)
        filled = latencies(driver, questions, rng, QUERY_RUNS, filled=True)
        unfiltered = latencies(driver, questions, rng, QUERY_RUNS, filled=False)
        note(f"{len(records)} documents: a briefing on the most connected entity")
        briefing = briefing_figures(driver)
        point: dict[str, Any] = {
            "documents": len(records),
            "briefing": briefing,
            **counts,
            "schema_seconds": round(schema_s, 3),
            "load_seconds": round(load_s, 3),
            "load_rels_per_s": round(counts["relationships"] / load_s),
            "analytics_refresh": refresh,
            "first_analytic": first_analytics,
            "query_p95_ms": {name: v["p95"] for name, v in filled.items()},
            "query_p95_ms_unfiltered": {name: v["p95"] for name, v in unfiltered.items()},
            "query_ms": filled,
            "query_ms_unfiltered": unfiltered,
            "load_average": os.getloadavg()[0],
        }
        if compare_export:
            note(f"{len(records)} documents: export, ours and rdflib's")
            point["export"] = export_figures(driver)
    return point


def baseline_figures(settings: connection.Settings, records: list[Record]) -> dict[str, Any]:
    """The same documents loaded by our loader (in bulk, and in the batches `pmkg ingest` uses), the
    naive one and rdflib-neo4j, each into a fresh database whose schema (each contender's own
    constraints and indexes) is made first and timed apart."""
    rows = merge_rows(record_to_rows(r) for r in records)
    triples = baselines.as_triples(rows)
    figures: dict[str, Any] = {"documents": len(records), "relationships": rows.counts()[1]}
    figures["triples"] = len(triples)
    contenders: dict[str, tuple[Callable[[neo4j.Driver], Any], Callable[[neo4j.Driver], Any]]] = {
        "ours": (ensure_schema, lambda d: load_records(d, records, batch=LOAD_BATCH, measure=False)),
        "ours_ingest_batches": (
            ensure_schema,
            lambda d: load_records(d, records, batch=INGEST_BATCH, measure=False),
        ),
        "naive": (
            lambda d: baselines.naive_schema(d, settings.database),
            lambda d: baselines.naive_load(d, rows, settings.database),
        ),
        "rdflib_neo4j": (
            lambda d: baselines.rdflib_neo4j_schema(d, settings.database),
            lambda _: baselines.rdflib_neo4j_load(settings, triples),
        ),
    }
    for name, (schema, load) in contenders.items():
        runs = []
        for run in range(LOADER_RUNS):
            note(f"baselines: {name}, run {run + 1} of {LOADER_RUNS}")
            with fresh_driver(settings) as driver:
                schema_s, _ = timed(lambda schema=schema, driver=driver: schema(driver))
                load_s, _ = timed(lambda load=load, driver=driver: load(driver))
            runs.append(load_s)
        figures[f"{name}_schema_seconds"] = round(schema_s, 3)
        figures[f"{name}_seconds"] = round(min(runs), 3)
        figures[f"{name}_runs_seconds"] = [round(s, 3) for s in runs]
    figures["ours_batch"] = LOAD_BATCH
    figures["ours_ingest_batch"] = INGEST_BATCH
    return figures


def machine() -> dict[str, Any]:
    """Where the figures come from (so a reader can tell a laptop from a server)."""
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": len(os.sched_getaffinity(0)),
        "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "neo4j": _neo4j_version(),
        "neo4j_heap": server_memory(),
        "java": _java_version(),
    }


def server_memory() -> str:
    from pmkg.graph.server import HEAP, PAGECACHE

    return f"heap {HEAP}, page cache {PAGECACHE}"


def _neo4j_version() -> str:
    from pmkg.graph.server import POM, pinned_version

    return pinned_version(POM.read_text(encoding="utf-8"))


def _java_version() -> str:
    from pmkg.graph.server import find_java

    done = subprocess.run([find_java(), "-version"], capture_output=True, text=True, check=False)
    return (done.stderr or done.stdout).splitlines()[0] if (done.stderr or done.stdout) else "unknown"


def run(sizes: tuple[int, ...], quick: bool) -> dict[str, Any]:
    quiet_driver_logs()
    rng = random.Random(SEED)
    started = time.perf_counter()
    note(f"extracting {max(sizes)} documents on one core (load average {os.getloadavg()[0]:.1f})")
    extraction = extract_on_one_core(max(sizes))
    # The extracted corpus stays in memory for every load; frozen out of the garbage collector, so a
    # full collection scanning it (2 to 2.5 s at 10,000 documents) is not charged to whichever loader
    # or question happens to allocate when one falls due (the naive loader allocates little).
    gc.freeze()
    compared = max((s for s in sizes if s <= EXPORT_DOCS), default=min(sizes))
    curve = []
    with disposable_neo4j() as settings:
        with fresh_driver(settings) as driver:
            load_records(driver, extraction.records[:WARM_UP_DOCS], measure=False)
        # the loaders first, each after only the warm-up: emptying the largest corpus leaves the server
        # busy for a while, which would be charged to whichever loader came next
        compared_docs = QUICK_BASELINE_DOCS if quick else BASELINE_DOCS
        note(f"baselines: {compared_docs} documents by each loader")
        base = baseline_figures(settings, extraction.records[:compared_docs])
        for size in sorted(sizes):
            note(f"{size} documents: loading into a fresh database")
            curve.append(load_point(settings, extraction.records[:size], rng, size == compared))
    largest = curve[-1]
    # The export of the largest corpus is not timed (rdflib holds about 2.5 kB a triple: some 24 GB at
    # 10,000 documents); its triples are counted, from the rows `pmkg export --from-files` would map.
    note(f"{largest['documents']} documents: counting the triples of their RDF")
    resolved = resolve_corpus(extraction.records[: largest["documents"]])
    triples = count_triples(merge_rows(record_to_rows(r) for r in resolved))
    export = next(p["export"] for p in curve if p["documents"] == compared)
    return {
        "quick": quick,
        "machine": machine(),
        "seconds": round(time.perf_counter() - started),
        "ingest_docs_per_s": round(extraction.docs_per_cpu_s, 1),
        "ingest": {
            "documents": len(extraction.records),
            "cpu_seconds": round(extraction.cpu_seconds, 2),
            "wall_seconds": round(extraction.wall_seconds, 2),
            "docs_per_wall_s": round(extraction.docs_per_wall_s, 1),
            "core": extraction.core,
        },
        "load_rels_per_s": largest["load_rels_per_s"],
        "load_speedup_vs_naive": round(base["naive_seconds"] / base["ours_seconds"], 1),
        "load_speedup_vs_rdflib_neo4j": round(base["rdflib_neo4j_seconds"] / base["ours_seconds"], 1),
        "load_speedup_vs_naive_ingest_batches": round(
            base["naive_seconds"] / base["ours_ingest_batches_seconds"], 1
        ),
        "baselines": base,
        "briefing_seconds": {p["documents"]: p["briefing"]["gather_docx_pdf_seconds"] for p in curve},
        "first_analytic_s": {
            p["documents"]: max(f["wall_s"] for f in p["first_analytic"].values()) for p in curve
        },
        "query_p95_ms": largest["query_p95_ms"],
        "query_p95_ms_unfiltered": largest["query_p95_ms_unfiltered"],
        "export_triples_per_s": export["export_triples_per_s"],
        "export_speedup_vs_rdflib": export["export_speedup_vs_rdflib"],
        "export": export,
        "corpus": {
            "documents": largest["documents"],
            "nodes": largest["nodes"],
            "relationships": largest["relationships"],
            "triples": triples,
            "triples_at_export_size": {"documents": compared, "triples": export["triples"]},
        },
        "curve": curve,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100 and 1,000 documents (under 10 minutes)")
    parser.add_argument("--json", action="store_true", help="print the JSON object on one line")
    parser.add_argument("--sizes", help="corpus sizes to run, e.g. 100,1000 (default: 100,1000,10000)")
    args = parser.parse_args(argv)
    sizes = QUICK_SIZES if args.quick else FULL_SIZES
    if args.sizes:
        sizes = tuple(int(n) for n in args.sizes.split(","))
    result = run(sizes, args.quick)
    print(json.dumps(result, indent=None if args.json else 2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
