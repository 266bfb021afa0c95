"""``python -m bench [--quick] [--json]``: extraction, loading, questions and export, side by side.

Everything runs in one process on one disposable Neo4j (the project's managed server in a temporary
home), so the figures compare like with like. Results go to stdout as one JSON object; progress and
notes go to stderr. See BENCHMARKS.md for the method.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import neo4j

from bench import baselines
from bench.corpus import generate
from graph import connection, server
from graph.questions import choices, load_questions, run_question
from graph.rdf import rows_to_dataset, serialize, union_graph
from graph.store import load_record, read_rows
from graph.triples import GraphRows, merge_rows, record_to_rows
from ingest.pipeline import extract_text
from ingest.record import Record
from pmkg.errors import PmkgError

FULL_SIZES = (100, 1000, 10000)
QUICK_SIZES = (100, 1000)
QUERY_RUNS = 40
NAIVE_DOCS = 20
RDFLIB_NEO4J_DOCS = 100


def note(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def timed(work: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


@contextmanager
def disposable_neo4j() -> Iterator[connection.Settings]:
    home = Path(tempfile.mkdtemp(prefix="pmkg-bench-"))
    try:
        managed = server.start(home, bolt_port=server.free_port(), lib=server.managed().lib_dir)
        yield managed.settings()
    finally:
        server.stop(home)
        shutil.rmtree(home, ignore_errors=True)


def clear(driver: neo4j.Driver) -> None:
    """Empty the database in batches (one huge DETACH DELETE would need a large heap)."""
    while connection.write(driver, "MATCH (n) WITH n LIMIT 20000 DETACH DELETE n").nodes_deleted:
        pass


def count_rels(rows: GraphRows) -> int:
    return sum(len(v) for v in rows.rels.values())


def extract_corpus(size: int) -> tuple[list[Record], float]:
    texts = [text for _, text in generate(size)]
    seconds, records = timed(lambda: [extract_text(t, f"minutes-{i:05d}.txt") for i, t in enumerate(texts)])
    return records, seconds


def load_corpus(driver: neo4j.Driver, records: list[Record]) -> float:
    clear(driver)
    seconds, _ = timed(lambda: [load_record(driver, r) for r in records])
    return seconds


def query_latencies(driver: neo4j.Driver, rng: random.Random) -> dict[str, float]:
    """95th percentile (ms) of every prebuilt question, parameters drawn at random from the graph."""
    result = {}
    for name, question in sorted(load_questions().items()):
        pools = {p.name: choices(driver, p) for p in question.params if p.is_entity}
        samples = []
        for _ in range(QUERY_RUNS * 3):
            params = {n: rng.choice(pool)["id"] for n, pool in pools.items() if pool}
            try:
                seconds, _ = timed(lambda q=question, p=params: run_question(driver, q, p))
            except PmkgError:  # a drawn entity the question refuses (e.g. a document for an analytic)
                continue
            samples.append(seconds * 1000)
            if len(samples) == QUERY_RUNS:
                break
        result[name] = round(statistics.quantiles(samples, n=20)[-1], 2)
    return result


def export_figures(rows: GraphRows) -> dict[str, float]:
    dataset = rows_to_dataset(rows)
    graph = union_graph(dataset)
    triples = len(graph)
    ours, _ = timed(lambda: serialize(dataset, "turtle"))
    plain, _ = timed(lambda: graph.serialize(format="turtle"))
    return {
        "triples": triples,
        "export_seconds": round(ours, 3),
        "export_triples_per_s": round(triples / ours),
        "rdflib_turtle_seconds": round(plain, 3),
        "export_speedup_vs_rdflib": round(plain / ours, 2),
    }


def run(sizes: tuple[int, ...], quick: bool) -> dict[str, Any]:
    rng = random.Random(11)
    curve = []
    with disposable_neo4j() as settings, connection.driver(settings) as driver:
        for size in sizes:
            note(f"{size} documents: extracting")
            records, extract_s = extract_corpus(size)
            rows = merge_rows(record_to_rows(r) for r in records)
            note(f"{size} documents: loading")
            load_s = load_corpus(driver, records)
            point = {
                "documents": size,
                "extract_seconds": round(extract_s, 3),
                "load_seconds": round(load_s, 3),
                "load_rels_per_s": round(count_rels(rows) / load_s),
                "nodes": sum(len(v) for v in rows.nodes.values()),
                "relationships": count_rels(rows),
            }
            curve.append(point)
        note(f"{sizes[-1]} documents: prebuilt questions")
        latencies = query_latencies(driver, rng)
        stored = read_rows(driver)
        note("export")
        export = export_figures(stored)
        curve[-1]["query_p95_ms_max"] = max(latencies.values())

        note("baselines: naive loader and rdflib-neo4j")
        sample = records[:NAIVE_DOCS]
        sample_rows = merge_rows(record_to_rows(r) for r in sample)
        clear(driver)
        ours_s, _ = timed(lambda: [load_record(driver, r) for r in sample])
        clear(driver)
        naive_s, _ = timed(lambda: baselines.naive_load(driver, sample_rows, settings.database))
        rdf_sample = records[:RDFLIB_NEO4J_DOCS]
        rdf_rows = merge_rows(record_to_rows(r) for r in rdf_sample)
        clear(driver)
        ours_rdf_s, _ = timed(lambda: [load_record(driver, r) for r in rdf_sample])
        clear(driver)
        rdflib_neo4j_s, _ = timed(lambda: baselines.rdflib_neo4j_load(settings, rdf_rows))

    largest = curve[-1]
    return {
        "machine": {"python": platform.python_version(), "cpus": _cpus(), "platform": platform.platform()},
        "quick": quick,
        "ingest_docs_per_s": round(largest["documents"] / largest["extract_seconds"], 1),
        "load_rels_per_s": largest["load_rels_per_s"],
        "load_speedup_vs_naive": round(naive_s / ours_s, 1),
        "load_speedup_vs_rdflib_neo4j": round(rdflib_neo4j_s / ours_rdf_s, 1),
        "baselines": {
            "naive_documents": NAIVE_DOCS,
            "naive_seconds": round(naive_s, 3),
            "ours_seconds_same_documents": round(ours_s, 3),
            "rdflib_neo4j_documents": RDFLIB_NEO4J_DOCS,
            "rdflib_neo4j_seconds": round(rdflib_neo4j_s, 3),
            "ours_seconds_same_rdf_documents": round(ours_rdf_s, 3),
        },
        "query_p95_ms": latencies,
        "export_triples_per_s": export["export_triples_per_s"],
        "export_speedup_vs_rdflib": export["export_speedup_vs_rdflib"],
        "export": export,
        "corpus": {
            "documents": largest["documents"],
            "nodes": largest["nodes"],
            "relationships": largest["relationships"],
            "triples": export["triples"],
        },
        "curve": curve,
    }


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0))


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
