"""Facts found only by low-confidence rules, kept for review, and the staff's confirmations of them.

``knowledge/review.yaml`` names the extraction rules whose facts are guesses from a cue word in running
prose (``participations.cue``, ...). The graph's relationships carry their quotes, not the rule that
found them, so the loader marks those facts as it stores a document: a relationship every place of which
was found by such rules gets a ``:LowConfidence`` node (one per relationship, by its key, in the
document's transaction, deleted with the document; like ``:Correction`` a label outside the model's,
so no reader takes it for a fact) with its type, ends, rules and the line of each place.

The Review page lists the marked facts that are neither confirmed nor rejected. *Reject* is the
existing ``reject`` correction; *Confirm* is a ``confirm`` correction of the same shape (the
relationship's ends, type and property values), which marks the matching facts confirmed. Both are
replayed after every load, so a new version of the minutes is not asked about again.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import msgspec
import neo4j

from pmkg import knowledge
from pmkg.graph.connection import read_tx
from pmkg.graph.outcome import Outcome
from pmkg.graph.schema import WHERE_VALUES, labelled
from pmkg.graph.shortforms import line_of
from pmkg.graph.triples import GraphRows
from pmkg.model.correction import Correction
from pmkg.model.graph import rel_props
from pmkg.model.record import Provenance, Record
from pmkg.text import digest_id

# The properties of a :LowConfidence node and their types in the bulk importer's CSV (``graph.bulk``); a
# confirmation adds ``confirmed``.
COLUMNS = {
    "id": "string",
    "key": "string",
    "doc": "string",
    "type": "string",
    "from_label": "string",
    "to_label": "string",
    "rules": "string[]",
    "lines": "string[]",
}
_WRITE = "UNWIND $rows AS row MERGE (f:LowConfidence {id: row.id}) SET f += row"
_REMOVE = "MATCH (f:LowConfidence {doc: $doc}) DELETE f"
_OPEN = "MATCH (f:LowConfidence) WHERE f.confirmed IS NULL RETURN properties(f) AS flag ORDER BY f.doc, f.id"
_FACTS = """
UNWIND $keys AS key
MATCH (a)-[r:{type} {key: key}]->(b) WHERE r.rejected IS NULL
RETURN key, a.id AS from, a.name AS from_name, b.id AS to, b.name AS to_name, properties(r) AS props
"""
_DOCUMENTS = "MATCH (d:Document) WHERE d.id IN $ids RETURN d.id AS id, d.title AS title, d.date AS date"
_CONFIRM = (
    """
MATCH (:{from_label} {id: $from})-[r:{type}]->(:{to_label} {id: $to})
WHERE """
    + WHERE_VALUES
    + """
OPTIONAL MATCH (f:LowConfidence {key: r.key})
WITH r, f, f.confirmed = $id AS already
SET f.confirmed = $id
RETURN count(r) AS matched, count(f) - count(CASE WHEN already THEN 1 END) AS changed
"""
)
_STATE = "MATCH (f:LowConfidence {id: $id}) RETURN f.type AS type, f.key AS key, f.confirmed AS confirmed"
_REJECTED = "MATCH ()-[r:{type} {key: $key}]->() RETURN r.rejected AS rejected LIMIT 1"
_UNCONFIRM = "MATCH (f:LowConfidence {confirmed: $id}) REMOVE f.confirmed RETURN count(f) AS changed"
# what identifies a fact across versions of its document (the rest is provenance, or differs per document)
_NOT_WHERE = frozenset(("key", "doc", "rejected", "quotes", "starts", "ends"))


@dataclass(frozen=True)
class Fact:
    """One low-confidence fact as the queue shows it: the relationship (type, ends with their names),
    what a reject or confirm matches it by (``where``), the rules and lines, and its document."""

    id: str
    type: str
    from_id: str
    from_name: str
    from_label: str
    to_id: str
    to_name: str
    to_label: str
    where: dict[str, str]
    rules: tuple[str, ...]
    lines: tuple[str, ...]
    title: str
    date: str


@cache
def rules() -> dict[str, dict[str, str]]:
    """The low-confidence rules and why, in Danish and English (``knowledge/review.yaml``)."""
    return knowledge.load("review.yaml")["low_confidence"]


def _spans(value: Any, out: dict[tuple[int, int], set[str]]) -> None:
    """Every place the record's provenance names, with the rules that found something there."""
    if isinstance(value, Provenance):
        out.setdefault((value.start, value.end), set()).add(value.rule or "")
    elif isinstance(value, msgspec.Struct):
        for name in value.__struct_fields__:
            _spans(getattr(value, name), out)
    elif isinstance(value, list):
        for item in value:
            _spans(item, out)


def rules_by_place(record: Record) -> dict[tuple[int, int], set[str]]:
    """Every place (start, end) the record's provenance names, with the rules that found something there
    ("" for a place no rule names)."""
    spans: dict[tuple[int, int], set[str]] = {}
    _spans(record, spans)
    return spans


def rules_of(rel: dict[str, Any], spans: dict[tuple[int, int], set[str]]) -> set[str]:
    """The rules that found a relationship: those of every place it was found at."""
    places = zip(rel.get("starts", []), rel.get("ends", []), strict=True)
    return {rule for place in places for rule in spans.get(place, {""})}


def rows(record: Record, graph: GraphRows) -> list[dict[str, Any]]:
    """The ``:LowConfidence`` rows of one record's relationships (``graph``: its rows as stored)."""
    low = set(rules())
    spans = rules_by_place(record)
    labels = graph.node_labels()
    out = []
    for rtype, rels in graph.rels.items():
        for rel in rels:
            places = list(zip(rel.get("starts", []), rel.get("ends", []), strict=True))
            found = rules_of(rel, spans)
            if rtype == "MENTIONS" or not found or not found <= low:
                continue
            out.append(
                {
                    "id": digest_id("lowconf", rel["key"]),
                    "key": rel["key"],
                    "doc": record.document.id,
                    "type": rtype,
                    "from_label": labels[rel["from"]],
                    "to_label": labels[rel["to"]],
                    "rules": sorted(found),
                    "lines": [line_of(record.document.text, s, e) for s, e in places],
                }
            )
    return out


def write(tx: neo4j.ManagedTransaction, stored: list[tuple[Record, GraphRows]]) -> None:
    """Mark the low-confidence facts of these records (in the transaction that stores them)."""
    found = [row for record, graph in stored for row in rows(record, graph)]
    if found:
        tx.run(_WRITE, rows=found).consume()


def remove(tx: neo4j.ManagedTransaction, doc: str) -> None:
    """Delete a document's marks (in the transaction that removes it)."""
    tx.run(_REMOVE, doc=doc).consume()


def where_of(rtype: str, props: dict[str, Any]) -> dict[str, str]:
    """The property values a reject or confirm matches this relationship by (its text values)."""
    names = {p.name for p in rel_props(rtype)} - _NOT_WHERE
    return {k: v for k, v in props.items() if k in names and isinstance(v, str)}


def queue(driver: neo4j.Driver) -> list[Fact]:
    """The marked facts nobody has confirmed or rejected yet, by document."""

    def work(tx: neo4j.ManagedTransaction) -> list[Fact]:
        flags = [row["flag"] for row in tx.run(_OPEN)]
        facts: dict[str, dict[str, Any]] = {}
        for rtype in sorted({f["type"] for f in flags}):
            keys = [f["key"] for f in flags if f["type"] == rtype]
            facts.update((row["key"], row.data()) for row in tx.run(labelled(_FACTS, type=rtype), keys=keys))
        docs = {row["id"]: row for row in tx.run(_DOCUMENTS, ids=sorted({f["doc"] for f in flags}))}
        out = []
        for f in flags:
            fact, doc = facts.get(f["key"]), docs.get(f["doc"])
            if fact is None or doc is None:  # rejected, or moved by a merge that joined it into another
                continue
            out.append(
                Fact(
                    f["id"],
                    f["type"],
                    fact["from"],
                    fact["from_name"],
                    f["from_label"],
                    fact["to"],
                    fact["to_name"],
                    f["to_label"],
                    where_of(f["type"], fact["props"]),
                    tuple(f["rules"]),
                    tuple(f["lines"]),
                    doc["title"] or f["doc"],
                    doc["date"] or "",
                )  # fmt: skip
            )
        return out

    return read_tx(driver, work)


def find(driver: neo4j.Driver, fact_id: str) -> Fact | None:
    """One open marked fact by id, or None when it is confirmed, rejected or gone."""
    return next((f for f in queue(driver) if f.id == fact_id), None)


def why_not_open(driver: neo4j.Driver, fact_id: str) -> str:
    """One line saying why ``fact_id`` is not in the queue: unknown, confirmed, or rejected (by which
    correction), so a second decision on one fact is refused with its reason."""

    def work(tx: neo4j.ManagedTransaction) -> str:
        flag = tx.run(_STATE, id=fact_id).single()
        if flag is None:
            return f"no low-confidence fact {fact_id!r} in the graph (see pmkg review facts)"
        if flag["confirmed"]:
            return f"{fact_id} is already confirmed by {flag['confirmed']}"
        fact = tx.run(labelled(_REJECTED, type=flag["type"]), key=flag["key"]).single()
        if fact is not None and fact["rejected"]:
            return f"{fact_id} is already rejected by {fact['rejected']}"
        return f"{fact_id} is not open for review (merged into another fact?)"

    return read_tx(driver, work)


def apply(tx: neo4j.ManagedTransaction, c: Correction) -> Outcome:
    """Apply a ``confirm`` correction (idempotent): orphaned while no relationship matches it."""
    p = c.payload
    params = {"from": c.targets[0], "to": c.targets[1], "where": p.get("where", {}), "id": c.id}
    ends = {"type": p["type"], "from_label": p["from_label"], "to_label": p["to_label"]}
    row = tx.run(labelled(_CONFIRM, **ends), params).single(strict=True)
    if not row["matched"]:
        return Outcome(c.id, orphaned=True, missing=[" -> ".join(c.targets)])
    if not row["changed"]:
        return Outcome(c.id)
    return Outcome(c.id, changes=[f"confirm {p['type']} {c.targets[0]} -> {c.targets[1]}"])


def undo(tx: neo4j.ManagedTransaction, c: Correction) -> list[str]:
    """Take a confirmation back: its facts are in the queue again."""
    changed = tx.run(_UNCONFIRM, id=c.id).single(strict=True)["changed"]
    return [f"{changed} {c.payload['type']} {' -> '.join(c.targets)} no longer confirmed"] if changed else []


def described(rule: str, language: str) -> str:
    """Why facts of ``rule`` are queued, in ``language`` (English when the file lacks it)."""
    why = rules().get(rule, {})
    return why.get(language) or why.get("en") or rule
