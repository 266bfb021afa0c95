"""Replaying staff corrections: 1,000 of them over a graph of 1,000 generated documents (the issue's
target is 5 s), and what they add to each later load, since every load replays them all.

``python -m bench.replay [--documents N] [--corrections M]`` extracts N generated minutes, loads them
into a disposable Neo4j, makes M corrections of every kind on real nodes (renames, rejected roles,
merges of two people, not-the-same pairs, splits by document, people made organisations, fixed roles held
in an organisation and at a meeting, added affiliations, resolved short forms, confirmed low-confidence
facts), imports them in one transaction, then times a replay of all of them and the load of one more
document with and without them. Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Iterator
from typing import Any

import neo4j

from pmkg.graph import corrections, lowconfidence
from pmkg.graph.amend import kept_values
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
_ATTENDED = """
MATCH (p:Person)-[a:ATTENDED]->(m:Meeting) WHERE a.roles IS NOT NULL
RETURN p.id AS person, m.id AS meeting, collect(properties(a)) AS facts ORDER BY person, meeting
"""
_ORGANISATIONS = "MATCH (o:Organization) RETURN o.id AS id ORDER BY id"
_SHORT_FORMS = """
MATCH (s:ShortForm)
RETURN s.form AS form, s.doc AS document, s.source AS source, s.candidates AS candidates ORDER BY s.id
"""
_CONFIRMABLE = """
MATCH (a)-[r:FUNDS|PARTICIPATES_IN]->(b) WHERE r.rejected IS NULL
RETURN type(r) AS type, a.id AS from, labels(a)[0] AS from_label, b.id AS to, labels(b)[0] AS to_label,
       properties(r) AS props
ORDER BY r.key
"""
KINDS = ("rename", "reject", "merge", "not_same", "split", "set_type", "fix", "add", "resolve", "confirm")
NOTE = "bench: a source note"


def _fact_payloads(driver: neo4j.Driver) -> dict[str, Any]:
    """What the fact-level kinds take their targets from, in a fixed order: roles held (reject, fix),
    roles at meetings (fix), organisations (add), short forms (resolve), low-confidence facts (confirm)."""
    return {
        "roles": iter(read(driver, _ROLES)),
        "attended": iter(read(driver, _ATTENDED)),
        "organisations": [row["id"] for row in read(driver, _ORGANISATIONS)],
        "short_forms": iter(read(driver, _SHORT_FORMS)),
        "facts": _confirmable(driver),
    }


def _confirmable(driver: neo4j.Driver) -> Iterator[tuple[list[str], dict[str, Any]]]:
    """Facts to confirm: the low-confidence queue's, then funding and participation facts (the generated
    minutes state few facts only a queued rule finds), which a confirm replays at the same cost: it
    matches the relationship and marks its flag when it has one."""
    for f in lowconfidence.queue(driver):
        yield [f.from_id, f.to_id], {"type": f.type, "from_label": f.from_label, "to_label": f.to_label,
                                     "where": f.where}  # fmt: skip
    for row in read(driver, _CONFIRMABLE):
        where = lowconfidence.where_of(row["type"], row["props"])
        yield [row["from"], row["to"]], {"type": row["type"], "from_label": row["from_label"],
                                         "to_label": row["to_label"], "where": where}  # fmt: skip


def _fix(found: dict[str, Any], turn: int) -> tuple[list[str], dict[str, Any]] | None:
    """A fix of a role held in an organisation (even turns) or of the roles at one meeting (odd)."""
    if turn % 2 == 0 and (role := next(found["roles"], None)):
        right = "vice_chair" if role["role"] == "member" else "member"
        payload = {"type": "HOLDS_ROLE", "from_label": "Person", "to_label": "Organization", "note": NOTE}
        return [role["person"], role["org"]], {
            **payload,
            "where": {"role": role["role"]},
            "props": {"role": right},
        }
    if seen := next(found["attended"], None):
        where, props = {"roles": seen["facts"][0]["roles"]}, {"roles": ["member"]}
        payload = {"type": "ATTENDED", "from_label": "Person", "to_label": "Meeting", "note": NOTE}
        kept = kept_values("ATTENDED", seen["facts"], {"roles"})
        return [seen["person"], seen["meeting"]], {**payload, "where": where, "props": props, "kept": kept}
    return None


def _decision(found: dict[str, Any], kind: str, gone: set[str]) -> tuple[list[str], dict[str, Any]] | None:
    """A resolved short form (its first candidate still in the graph) or a confirmed low-confidence fact."""
    if kind == "resolve":
        for form in found["short_forms"]:
            live = [c for c in form["candidates"] if c not in gone]
            if live:
                return sorted(form["candidates"]), {**form, "person": live[0], "candidates": None}
        return None
    return next((fact for fact in found["facts"] if not set(fact[0]) & gone), None)


def make_corrections(driver: neo4j.Driver, count: int) -> list[Correction]:
    """``count`` corrections on nodes of the graph, the kinds in turn, in the order a team would make
    them: a merge takes two people not yet corrected, a split a person of two or more documents, a
    set-type a person not yet corrected, a reject or a fix one role of a person (a fix also the roles
    at a meeting), an add an affiliation of a person not yet corrected, a resolve the next short form, a
    confirm the next low-confidence fact; once a kind has nothing left, and once every person is
    corrected, the rest rename people again (a correction of a correction)."""
    people = read(driver, _PEOPLE)
    found = _fact_payloads(driver)
    roles = found["roles"]
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
        kind = KINDS[len(made) % len(KINDS)]
        first = fresh(docs=2 if kind == "split" else 1)
        pair = [first, fresh_after(first)] if kind in ("merge", "not_same") and first else None
        role = next(roles, None) if kind == "reject" else None
        fact = _fix(found, len(made) // len(KINDS)) if kind == "fix" else None
        fact = _decision(found, kind, gone) if kind in ("resolve", "confirm") else fact
        if fact:
            targets, payload = fact
            add(kind, targets, {k: v for k, v in payload.items() if v is not None and v != {}})
        elif kind == "set_type" and first:
            add(kind, [first["id"]], {"label": "Person", "to": "Organization"})
            gone.add(first["id"])  # no longer a person to rename
        elif kind == "add" and first:
            org = found["organisations"][len(made) % len(found["organisations"])]
            payload = {"type": "AFFILIATED_WITH", "from_label": "Person", "to_label": "Organization"}
            add(kind, [first["id"], org], {**payload, "props": {}, "note": NOTE})
        elif role:
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


def replay_figures(
    driver: neo4j.Driver, count: int, extra: Any, runs: int = RUNS, server_pid: int | None = None
) -> dict[str, Any]:
    """Import ``count`` corrections, then the median seconds of a replay of all and of one more load;
    with ``server_pid``, also the CPU seconds of a replay, the server's and this process's together."""
    from bench.database import cpu_seconds
    from pmkg.graph.store import load_record, remove_document

    def cpu() -> float:
        return time.process_time() + (cpu_seconds(server_pid) if server_pid else 0.0)

    made = make_corrections(driver, count)
    flagged = {(f.from_id, f.to_id, f.type) for f in lowconfidence.queue(driver)}  # before any confirm
    start = time.perf_counter()
    corrections.import_lines(driver, made)
    imported = time.perf_counter() - start
    replays, replay_cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), cpu()
        outcome = write_tx(driver, corrections.replay)
        replays.append(time.perf_counter() - start)
        replay_cpu.append(cpu() - start_cpu)
    loads = []
    for _ in range(runs):
        start = time.perf_counter()
        load_record(driver, extra)
        loads.append(time.perf_counter() - start)
        remove_document(driver, extra.document.id)
    queued = sum(1 for c in made if c.kind == "confirm" and (*c.targets, c.payload["type"]) in flagged)
    kinds: dict[str, int] = {}
    for c in made:
        kinds[c.kind] = kinds.get(c.kind, 0) + 1
    return {
        "corrections": len(made),
        "kinds": kinds,
        "confirms_of_queued_facts": queued,
        "orphaned": len(outcome.orphaned),
        "import_and_replay_seconds": round(imported, 3),
        "replay_seconds": round(statistics.median(replays), 3),
        **({"replay_cpu_seconds": round(statistics.median(replay_cpu), 3)} if server_pid else {}),
        "load_one_document_seconds": round(statistics.median(loads), 3),
        "target_seconds": TARGET_SECONDS,
    }


def main(argv: list[str] | None = None) -> int:
    from bench.database import disposable_server, fresh_driver, quiet_driver_logs
    from bench.extract import extract_on_one_core
    from pmkg.graph.schema import ensure_schema
    from pmkg.graph.server import running_pid
    from pmkg.graph.store import load_record, load_records, remove_document

    parser = argparse.ArgumentParser(prog="python -m bench.replay", description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--corrections", type=int, default=1000)
    args = parser.parse_args(argv)
    quiet_driver_logs()
    records = extract_on_one_core(args.documents + 1).records
    *records, extra = records
    with disposable_server() as managed, fresh_driver(managed.settings()) as driver:
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
            **replay_figures(driver, args.corrections, extra, server_pid=running_pid(managed)),
        }
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
