"""Replaying staff corrections: 1,000 of them over a graph of 1,000 generated documents (the issue's
target is 5 s), and what they add to each later load, since every load replays them all.

``python -m bench.replay [--documents N] [--corrections M]`` extracts N generated minutes, loads them
into a disposable Neo4j, makes M corrections of every kind on real nodes (renames, rejected roles,
merges of two people, not-the-same pairs, splits by document), imports them in one transaction, then
times a replay of all of them and the load of one more document with and without them. Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from typing import Any

import neo4j

from pmkg.graph import corrections
from pmkg.graph.connection import read, write_tx
from pmkg.model.correction import Correction, make, split_id

RUNS = 3
TARGET_SECONDS = 5.0
_PEOPLE = """
MATCH (d:Document)-[:MENTIONS]->(p:Person)
WITH p, collect(d.id) AS docs ORDER BY p.id
RETURN p.id AS id, p.name AS name, docs
"""
_ROLES = """
MATCH (p:Person)-[r:HOLDS_ROLE]->(o:Organization)
RETURN DISTINCT p.id AS person, o.id AS org, r.role AS role ORDER BY person, org, role
"""


def make_corrections(driver: neo4j.Driver, count: int) -> list[Correction]:
    """``count`` corrections on nodes of the graph, the kinds in turn, in the order a team would make
    them: a merge takes two people not yet corrected, a split a person of two or more documents, a
    reject one role of a person; once every person is corrected, the rest rename the remaining ones
    again (a correction of a correction)."""
    people = read(driver, _PEOPLE)
    roles = iter(read(driver, _ROLES))
    made: list[Correction] = []
    used: set[str] = set()
    gone: set[str] = set()
    names = {p["id"]: p["name"] for p in people}

    def add(kind: str, targets: list[str], payload: dict[str, Any]) -> None:
        at = f"2026-01-01T00:{len(made) // 60:02d}:{len(made) % 60:02d}+00:00"
        made.append(make(kind, targets, payload, "bench", "", at=at))
        used.update(targets)

    def fresh(docs: int = 1) -> dict[str, Any] | None:
        return next((p for p in people if p["id"] not in used and len(p["docs"]) >= docs), None)

    def fresh_after(first: dict[str, Any]) -> dict[str, Any] | None:
        return next((p for p in people if p["id"] not in used and p["id"] != first["id"]), None)

    def rename(person: dict[str, Any] | None) -> None:
        left = [p for p in people if p["id"] not in gone]
        person = person or left[len(made) % len(left)]  # once every person is corrected: again
        name = f"{person['name']} ({len(made)})"
        add("rename", [person["id"]], {"label": "Person", "name": name, "was": names[person["id"]]})
        names[person["id"]] = name

    while len(made) < count:
        kind = ("rename", "reject", "merge", "not_same", "split")[len(made) % 5]
        first = fresh(docs=2 if kind == "split" else 1)
        pair = [first, fresh_after(first)] if kind in ("merge", "not_same") and first else None
        role = next(roles, None) if kind == "reject" else None
        if role:
            payload = {"type": "HOLDS_ROLE", "from_label": "Person", "to_label": "Organization"}
            add(kind, [role["person"], role["org"]], {**payload, "where": {"role": role["role"]}})
        elif kind == "split" and first:
            docs = first["docs"][:1]
            add(
                kind,
                [first["id"]],
                {"label": "Person", "documents": docs, "into": split_id(first["id"], docs)},
            )
        elif pair and pair[1]:
            ids = [pair[0]["id"], pair[1]["id"]]
            add(kind, ids, {"label": "Person", **({"keep": ids[0]} if kind == "merge" else {})})
            gone.update(ids[1:] if kind == "merge" else [])
        else:
            rename(first)
    return made


def replay_figures(driver: neo4j.Driver, count: int, extra: Any, runs: int = RUNS) -> dict[str, Any]:
    """Import ``count`` corrections, then the median seconds of a replay of all and of one more load."""
    from pmkg.graph.store import load_record, remove_document

    made = make_corrections(driver, count)
    start = time.perf_counter()
    corrections.import_lines(driver, made)
    imported = time.perf_counter() - start
    replays = []
    for _ in range(runs):
        start = time.perf_counter()
        outcome = write_tx(driver, corrections.replay)
        replays.append(time.perf_counter() - start)
    loads = []
    for _ in range(runs):
        start = time.perf_counter()
        load_record(driver, extra)
        loads.append(time.perf_counter() - start)
        remove_document(driver, extra.document.id)
    kinds: dict[str, int] = {}
    for c in made:
        kinds[c.kind] = kinds.get(c.kind, 0) + 1
    return {
        "corrections": len(made),
        "kinds": kinds,
        "orphaned": len(outcome.orphaned),
        "import_and_replay_seconds": round(imported, 3),
        "replay_seconds": round(statistics.median(replays), 3),
        "load_one_document_seconds": round(statistics.median(loads), 3),
        "target_seconds": TARGET_SECONDS,
    }


def main(argv: list[str] | None = None) -> int:
    from bench.database import disposable_neo4j, fresh_driver, quiet_driver_logs
    from bench.extract import extract_on_one_core
    from pmkg.graph.schema import ensure_schema
    from pmkg.graph.store import load_record, load_records, remove_document

    parser = argparse.ArgumentParser(prog="python -m bench.replay", description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--corrections", type=int, default=1000)
    args = parser.parse_args(argv)
    quiet_driver_logs()
    records = extract_on_one_core(args.documents + 1).records
    *records, extra = records
    with disposable_neo4j() as settings, fresh_driver(settings) as driver:
        ensure_schema(driver)
        load_records(driver, records, batch=500)
        loads = []
        for _ in range(RUNS):  # one more document, before any correction exists
            start = time.perf_counter()
            load_record(driver, extra)
            loads.append(time.perf_counter() - start)
            remove_document(driver, extra.document.id)
        figures = {
            "documents": args.documents,
            "load_one_document_uncorrected_seconds": round(statistics.median(loads), 3),
            **replay_figures(driver, args.corrections, extra),
        }
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
