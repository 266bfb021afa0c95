"""Short forms extraction left unresolved ("Anna" where two Annas attended), kept for review, and what
staff decided about them.

Extraction never guesses between two people (``record.unresolved``: the form, its candidates, every
place it is written). The store keeps each as a ``:ShortForm`` node, one per document and form, in
the document's own transaction, and deletes it with the document. Like ``:Correction``, the label is
outside the model's whitelist, so no reader of the graph (questions, ``store.read_rows``, RDF) takes it
for a fact. The node holds the form, the candidates' ids, where it is written (``starts``/``ends``)
and the line of each place (``lines``: what a reviewer reads).

A decision is a ``resolve`` correction (``model.correction``): its targets are the candidates, its
payload the form, the document's id and file (``source``: a new version of the file is the same
question) and ``person``, the one meant, or None for "not one of these". Applying it marks the node
decided; choosing a person also adds the places to that document's ``MENTIONS`` of them, whose
quotes are where a document names someone, so the person's details show "Anna said ...". The form is
not made an alias: a first name two people share would make identity join strangers across
documents. ``graph.corrections`` replays it after every load like any correction, so the decision
survives ingesting the minutes again or a new version of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import neo4j

from pmkg.graph.connection import read
from pmkg.graph.outcome import Outcome
from pmkg.model.correction import Correction
from pmkg.model.record import Record
from pmkg.text import digest_id

# The properties of a :ShortForm node and their types in the bulk importer's CSV (``graph.bulk``); a
# decision adds ``decided`` and ``person``.
COLUMNS = {
    "id": "string",
    "doc": "string",
    "source": "string",
    "form": "string",
    "candidates": "string[]",
    "starts": "long[]",
    "ends": "long[]",
    "quotes": "string[]",
    "lines": "string[]",
}
_WRITE = """
UNWIND $rows AS row
MERGE (s:ShortForm {id: row.id})
SET s += row
"""
_REMOVE = "MATCH (s:ShortForm {doc: $doc}) DELETE s"
_FIND = """
MATCH (s:ShortForm {form: $form}) WHERE s.doc = $doc OR s.source = $source
RETURN s.id AS id, s.doc AS doc, s.decided AS decided, s.person AS person, s.starts AS starts,
       s.ends AS ends, s.quotes AS quotes, s.candidates AS candidates
ORDER BY s.doc LIMIT 1
"""
_DECIDE = "MATCH (s:ShortForm {id: $id}) SET s.decided = $decided, s.person = $person"
_MENTION = """
MATCH (:Document {id: $doc})-[m:MENTIONS]->(:Person {id: $person})
RETURN elementId(m) AS rid, m.quotes AS quotes, m.starts AS starts, m.ends AS ends
"""
_SET_SPANS = """
MATCH ()-[m]->() WHERE elementId(m) = $rid SET m.quotes = $quotes, m.starts = $starts, m.ends = $ends
"""
_DROP = "MATCH ()-[m]->() WHERE elementId(m) = $rid DELETE m"
_NEW_MENTION = """
MATCH (d:Document {id: $doc}), (p:Person {id: $person})
CREATE (d)-[:MENTIONS {key: $key, doc: $doc, quotes: $quotes, starts: $starts, ends: $ends}]->(p)
"""
_QUEUE = """
MATCH (s:ShortForm) WHERE s.decided IS NULL
MATCH (d:Document {id: s.doc})
RETURN s.id AS id, s.form AS form, s.doc AS doc, s.source AS source, s.lines AS lines,
       d.title AS title, d.date AS date,
       COLLECT { MATCH (p:Person) WHERE p.id IN s.candidates RETURN [p.id, p.name] ORDER BY p.name } AS people
ORDER BY d.date DESC, s.source, s.form
"""
_ONE = """
MATCH (s:ShortForm {id: $id})
RETURN s.form AS form, s.doc AS doc, s.source AS source, s.candidates AS candidates, s.decided AS decided
"""
_LINE_CHARS = 240  # a reviewer reads the line a short form is on, cut to this around it


@dataclass(frozen=True)
class ShortForm:
    """One undecided short form as the review queue shows it: the form, the document, the lines it is
    written on, and the people (id, name) it could be."""

    id: str
    form: str
    doc: str
    source: str
    title: str
    date: str
    lines: tuple[str, ...]
    people: tuple[tuple[str, str], ...]


def line_of(text: str, start: int, end: int) -> str:
    """The line of ``text`` holding ``start:end``, cut around it when long."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right < 0 else right
    left, right = max(left, start - _LINE_CHARS // 2), min(right, end + _LINE_CHARS // 2)
    return text[left:right].strip()


def rows(record: Record) -> list[dict[str, Any]]:
    """The ``:ShortForm`` rows of one (identity-resolved) record."""
    info = record.document
    out = []
    for name in record.unresolved:
        places = sorted({(p.start, p.end, p.quote) for p in name.provenance})
        out.append(
            {
                "id": digest_id("shortform", info.id, name.form),
                "doc": info.id,
                "source": info.source,
                "form": name.form,
                "candidates": sorted(set(name.candidates)),
                "starts": [s for s, _, _ in places],
                "ends": [e for _, e, _ in places],
                "quotes": [q for _, _, q in places],
                "lines": [line_of(info.text, s, e) for s, e, _ in places],
            }
        )
    return out


def write(tx: neo4j.ManagedTransaction, records: list[Record]) -> None:
    """Store the records' short forms (in the transaction that stores the documents)."""
    found = [row for record in records for row in rows(record)]
    if found:
        tx.run(_WRITE, rows=found).consume()


def remove(tx: neo4j.ManagedTransaction, doc: str) -> None:
    """Delete a document's short forms (in the transaction that removes it)."""
    tx.run(_REMOVE, doc=doc).consume()


def queue(driver: neo4j.Driver) -> list[ShortForm]:
    """The short forms nobody has decided yet, newest meetings first."""
    return [
        ShortForm(
            row["id"],
            row["form"],
            row["doc"],
            row["source"],
            row["title"] or row["source"],
            row["date"] or "",
            tuple(row["lines"] or ()),
            tuple((pid, name) for pid, name in row["people"]),
        )
        for row in read(driver, _QUEUE)
    ]


def find(driver: neo4j.Driver, form_id: str) -> dict[str, Any] | None:
    """One stored short form by id (form, doc, source, candidates, decided), or None when it is gone."""
    found = read(driver, _ONE, {"id": form_id})
    return found[0] if found else None


def _united(mention: dict[str, Any] | None, found: dict[str, Any]) -> dict[str, list[Any]]:
    """The mention's provenance with the short form's places added (sorted by place, no duplicates)."""
    have = mention or {"quotes": [], "starts": [], "ends": []}
    spans = set(zip(have["starts"] or [], have["ends"] or [], have["quotes"] or [], strict=True))
    spans |= set(zip(found["starts"], found["ends"], found["quotes"], strict=True))
    ordered = sorted(spans)
    return {
        "starts": [s for s, _, _ in ordered],
        "ends": [e for _, e, _ in ordered],
        "quotes": [q for _, _, q in ordered],
    }


def _take_back(tx: neo4j.ManagedTransaction, found: neo4j.Record, person: str) -> None:
    """Remove the short form's places from the document's mention of ``person`` (the whole mention when
    a decision made it)."""
    mention = tx.run(_MENTION, doc=found["doc"], person=person).single()
    if mention is None:
        return
    gone = set(zip(found["starts"], found["ends"], strict=True))
    keep = [
        (s, e, q)
        for s, e, q in zip(mention["starts"], mention["ends"], mention["quotes"], strict=True)
        if (s, e) not in gone
    ]
    if not keep:
        tx.run(_DROP, rid=mention["rid"]).consume()
        return
    spans = {
        "starts": [s for s, _, _ in keep],
        "ends": [e for _, e, _ in keep],
        "quotes": [q for _, _, q in keep],
    }
    tx.run(_SET_SPANS, rid=mention["rid"], **spans).consume()


def apply(tx: neo4j.ManagedTransaction, c: Correction) -> Outcome:
    """Apply a ``resolve`` correction (idempotent): orphaned while its short form is not in the graph.
    An earlier decision on the same form is overridden: its person's mention loses the places."""
    p, person = c.payload, c.payload.get("person")
    found = tx.run(_FIND, form=p["form"], doc=p["document"], source=p["source"]).single()
    if found is None:
        return Outcome(c.id, orphaned=True, missing=[f"short form {p['form']!r} of {p['source']}"])
    changes = []
    if found["person"] and found["person"] != person:
        _take_back(tx, found, found["person"])
    if person is not None:
        mention = tx.run(_MENTION, doc=found["doc"], person=person).single()
        spans = _united(mention.data() if mention else None, found.data())
        if mention is None:
            key = "|".join(("MENTIONS", found["doc"], found["doc"], person))
            params = {"doc": found["doc"], "person": person, "key": key, **spans}
            if tx.run(_NEW_MENTION, params).consume().counters.relationships_created == 0:
                return Outcome(c.id, orphaned=True, missing=[person])
            changes.append(f"mention {person} in {found['doc']} where it says {p['form']!r}")
        elif spans["starts"] != mention["starts"]:
            tx.run(_SET_SPANS, rid=mention["rid"], **spans).consume()
            places = len(found["starts"])
            changes.append(f"read {p['form']!r} in {found['doc']} as {person} ({places} places)")
    if found["decided"] != c.id:
        tx.run(_DECIDE, id=found["id"], decided=c.id, person=person).consume()
        decided = person or "not one of these"
        changes.append(f"decide short form {p['form']!r} of {found['doc']}: {decided}")
    return Outcome(c.id, changes=changes)  # each line opens with its verb: "would ..." on a dry run


def undo(tx: neo4j.ManagedTransaction, c: Correction) -> list[str]:
    """Take a ``resolve`` decision back: the short form is undecided again, its places leave the mention."""
    p = c.payload
    found = tx.run(_FIND, form=p["form"], doc=p["document"], source=p["source"]).single()
    if found is None or found["decided"] != c.id:
        return []
    if found["person"]:
        _take_back(tx, found, found["person"])
    tx.run(_DECIDE, id=found["id"], decided=None, person=None).consume()
    return [f"leave short form {p['form']!r} of {found['doc']} undecided again"]
