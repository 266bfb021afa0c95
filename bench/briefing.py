"""Time to a briefing note: the most connected entity of a generated graph (bench/corpus.py), gathered
from the graph and written as Markdown, DOCX and PDF; the issue's target is 3 s at 1,000 documents.

``python -m bench.briefing [--documents N]`` extracts N generated minutes, loads them into a disposable
Neo4j and prints the figures as JSON; ``python -m bench`` runs the same measure at each corpus size.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from typing import Any

import neo4j

from pmkg.graph import questions
from pmkg.graph.briefing import build_briefing
from pmkg.graph.connection import read
from pmkg.reports.briefing import to_report
from pmkg.reports.render import render

RUNS = 5
TARGET_SECONDS = 3.0
# The entity the most relationships touch, among those a briefing is written on (meetings and documents
# are the minutes themselves).
_MOST_CONNECTED = """
MATCH (n:Person|Organization|Initiative|Agreement|Theme)
RETURN n.id AS id, n.name AS name, labels(n)[0] AS label, COUNT { (n)--() } AS degree
ORDER BY degree DESC, id
LIMIT 1
"""


def briefing_figures(driver: neo4j.Driver, runs: int = RUNS) -> dict[str, Any]:
    """Seconds to gather the briefing and to write it in each format (median of ``runs`` after one
    untimed run, which plans the queries), and the total the user waits for a DOCX and a PDF."""
    entity = read(driver, _MOST_CONNECTED)[0]
    limit, questions.QUERY_TIMEOUT_S = questions.QUERY_TIMEOUT_S, 600.0  # planning, however busy the machine
    try:
        build_briefing(driver, entity["id"])  # plans the questions, untimed
    finally:
        questions.QUERY_TIMEOUT_S = limit
    timings: dict[str, list[float]] = {"gather": [], "figure": [], "md": [], "docx": [], "pdf": []}
    for _ in range(runs):
        start = time.perf_counter()
        briefing = build_briefing(driver, entity["id"])
        timings["gather"].append(time.perf_counter() - start)
        start = time.perf_counter()
        report = to_report(
            briefing, "da"
        )  # with the ego graph, drawn once for every format (as the app does)
        timings["figure"].append(time.perf_counter() - start)
        for fmt in ("md", "docx", "pdf"):
            start = time.perf_counter()
            render(report, fmt)
            timings[fmt].append(time.perf_counter() - start)
    medians = {name: round(statistics.median(values), 3) for name, values in timings.items()}
    total = medians["gather"] + medians["figure"] + medians["docx"] + medians["pdf"]
    return {
        "entity": entity["id"],
        "label": entity["label"],
        "degree": entity["degree"],
        "statements": len(briefing.statements),
        "notes": len(briefing.notes),
        "seconds": medians,
        "gather_docx_pdf_seconds": round(total, 3),
        "target_seconds": TARGET_SECONDS,
    }


def main(argv: list[str] | None = None) -> int:
    from bench.database import disposable_neo4j, fresh_driver, quiet_driver_logs
    from bench.extract import extract_on_one_core
    from pmkg.graph.schema import ensure_schema
    from pmkg.graph.store import load_records

    parser = argparse.ArgumentParser(prog="python -m bench.briefing", description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    args = parser.parse_args(argv)
    quiet_driver_logs()
    records = extract_on_one_core(args.documents).records
    with disposable_neo4j() as settings, fresh_driver(settings) as driver:
        ensure_schema(driver)
        load_records(driver, records, batch=500)
        figures = {"documents": args.documents, **briefing_figures(driver)}
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
