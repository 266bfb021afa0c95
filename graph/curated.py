"""``add`` and ``fix``: facts staff know that no sentence states, each with a source note.

Both write one *curated* relationship between two existing nodes, of a type the model allows between
their labels (``model.correction`` checks the pair): ``key`` and ``curated`` are the correction's id,
``note`` the source note ("telephone call with the secretariat 3 Dec"), ``curated_by``, ``curated_at``
and ``curated_why`` its author, time and reason, then the relationship's own values (``role``). It has
no ``doc``, so removing or replacing a document never deletes it, and it does not keep a node alive:
the store deletes a node held only by curated facts, and the correction is then *orphaned* (listed,
kept, and applied again when an ingest brings the node back).

``fix`` also revises the extracted facts it names (``where``, as a reject does: ``role=member``): each
is kept with its provenance and marked ``rejected`` and ``revised`` with the correction's id, so every
reader leaves it out, the provenance view shows it as revised, and the RDF export names it as the
statement the curated fact ``prov:wasRevisionOf``. With ``into`` the corrected fact goes to another
node (the right organisation). Every step is idempotent, so a replay after each load re-marks the
facts a new version of the minutes states again and leaves the curated one as it is.
"""

from __future__ import annotations

from typing import Any

import neo4j

from pmkg.graph.outcome import Outcome, nodes_of
from pmkg.graph.schema import WHERE_VALUES, labelled
from pmkg.model.correction import Correction
from pmkg.model.graph import RELS

_FIND = """
MATCH (:{from_label} {id: $from})-[r:{type}]->(:{to_label} {id: $to}) WHERE r.curated = $id
SET r.valid_from = $valid_from
RETURN count(r) AS n
"""
_FIRST_REVISED = """
MATCH (:{from_label} {id: $from})-[r:{type}]->(:{to_label} {id: $to}) WHERE r.revised = $id
MATCH (doc:Document {id: r.doc})
RETURN min(doc.date) AS first
"""
_ANYWHERE = "MATCH ()-[r:{type}]->() WHERE r.curated = $id RETURN count(r) AS n"
_CREATE = """
MATCH (a:{from_label} {id: $from})
MATCH (b:{to_label} {id: $to})
CREATE (a)-[r:{type}]->(b)
SET r = $props
"""
_REVISE = (
    """
MATCH (:{from_label} {id: $from})-[r:{type}]->(:{to_label} {id: $to})
WHERE r.curated IS NULL AND r.rejected IS NULL AND """
    + WHERE_VALUES
    + """
SET r.rejected = $id, r.revised = $id
RETURN count(r) AS n
"""
)
_DELETE = "MATCH ()-[r:{type}]->() WHERE r.curated = $id DELETE r RETURN count(r) AS n"
_RESTORE = "MATCH ()-[r:{type}]->() WHERE r.revised = $id REMOVE r.rejected, r.revised RETURN count(r) AS n"


def ends(c: Correction) -> tuple[str, str]:
    """The curated fact's from and to node ids (a fix's ``into`` when it moves the fact)."""
    return c.targets[0], c.payload.get("into") or c.targets[1]


def values(c: Correction) -> dict[str, Any]:
    """The curated fact's own values: what a fix matched and the revised facts' other values it kept
    (an attendance's status when its role was wrong), overridden by what it sets."""
    own = {p.name for p in RELS[c.payload["type"]].props}
    where = {k: v for k, v in c.payload.get("where", {}).items() if k in own}
    return {**where, **c.payload.get("kept", {}), **c.payload.get("props", {})}


def props(c: Correction, valid_from: str | None = None) -> dict[str, Any]:
    """Every property of the curated relationship: its key, who, when, why, the source note and the day
    it counts from (``valid_from``, see the module's note)."""
    return {
        "key": c.id,
        "curated": c.id,
        "note": c.payload["note"],
        "curated_by": c.author,
        "curated_at": c.at,
        "curated_why": c.reason,
        "valid_from": valid_from or c.payload.get("valid_from") or c.at[:10],
        **values(c),
    }


def shown_value(value: Any) -> str:
    """A value as the CLI takes it: ``chair`` or, for a list, ``chair,member``."""
    return ",".join(value) if isinstance(value, list) else str(value)


def describe(c: Correction) -> str:
    """The fact as one line: ``HOLDS_ROLE role=vice_chair person:x -> org:b``."""
    source, target = ends(c)
    shown = "".join(f" {k}={shown_value(v)}" for k, v in sorted(values(c).items()))
    return f"{c.payload['type']}{shown} {source} -> {target}"


def _names(c: Correction) -> dict[str, str]:
    p = c.payload
    return {"type": p["type"], "from_label": p["from_label"], "to_label": p["to_label"]}


def apply(tx: neo4j.ManagedTransaction, c: Correction) -> Outcome:
    """Revise the extracted facts a fix names, then make sure the curated fact is there (idempotent)."""
    p, names = c.payload, _names(c)
    source, target = ends(c)
    found = {**nodes_of(tx, p["from_label"], [source]), **nodes_of(tx, p["to_label"], c.targets[1:])}
    missing = [t for t in c.targets if t not in found]
    if missing:  # a merge may have moved the fact onto the node it kept: then it still stands
        moved = tx.run(labelled(_ANYWHERE, type=p["type"]), id=c.id).single(strict=True)["n"]
        return Outcome(c.id) if moved else Outcome(c.id, orphaned=True, missing=missing)
    changes = []
    if c.kind == "fix":
        params = {"from": c.targets[0], "to": c.targets[1], "where": p.get("where", {}), "id": c.id}
        revised = tx.run(labelled(_REVISE, **names), params).single(strict=True)["n"]
        if revised:
            where = "".join(f" {k}={shown_value(v)}" for k, v in sorted(p.get("where", {}).items()))
            changes.append(f"revise {revised} {p['type']}{where} {c.targets[0]} -> {c.targets[1]}")
    params = {"from": source, "to": target, "id": c.id, "valid_from": valid_from(tx, c)}
    if not tx.run(labelled(_FIND, **names), params).single(strict=True)["n"]:
        tx.run(labelled(_CREATE, **names), {**params, "props": props(c, params["valid_from"])}).consume()
        changes.append(f"add {describe(c)} (curated: {p['note']})")
    return Outcome(c.id, changes=changes)


def valid_from(tx: neo4j.ManagedTransaction, c: Correction) -> str:
    """The day the curated fact counts from as of a date: the editor's, else (a fix) the first date of
    the documents whose facts it revises, else the day of the correction."""
    given = c.payload.get("valid_from")
    if given or c.kind != "fix":
        return given or c.at[:10]
    params = {"from": c.targets[0], "to": c.targets[1], "id": c.id}
    first = tx.run(labelled(_FIRST_REVISED, **_names(c)), params).single(strict=True)["first"]
    return first or c.at[:10]


def undo(tx: neo4j.ManagedTransaction, c: Correction) -> list[str]:
    """Delete the curated fact and restore the facts a fix revised."""
    rtype = c.payload["type"]
    deleted = tx.run(labelled(_DELETE, type=rtype), id=c.id).single(strict=True)["n"]
    restored = tx.run(labelled(_RESTORE, type=rtype), id=c.id).single(strict=True)["n"]
    out = [f"remove {describe(c)}"] if deleted else []
    return out + ([f"{restored} {rtype} {' -> '.join(c.targets[:2])} no longer revised"] if restored else [])
