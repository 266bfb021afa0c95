"""``set_type``: a node extracted as one kind of entity that is another (a "person" that is an organisation).

The node keeps its id, properties, facts and their provenance, and gets the other label. Ids are
stable (a correction and every link name a node by them), so an organisation first read as a person
keeps ``person:...`` as its id; merge it with the organisation's own node afterwards if there is one.

A fact the model does not allow for the new kind (an organisation cannot have ATTENDED a meeting in
this model, nor be AFFILIATED_WITH one) is *set aside*: kept with its provenance and marked
``rejected`` with the correction's id, as a reject does, so every reader leaves it out while the
provenance view and the export's PROV still show it; undoing the correction restores it.

Ingesting the same minutes again writes the extracted node under its old label, next to the corrected
one (Neo4j's ids are unique per label). Replaying moves that node's relationships onto the corrected
node and deletes it, so the graph again has one node of the right kind holding every fact.
"""

from __future__ import annotations

from collections import Counter

import neo4j

from pmkg.graph import contributed
from pmkg.graph.outcome import Outcome, nodes_of
from pmkg.graph.schema import labelled
from pmkg.model.correction import Correction
from pmkg.model.graph import CONTRIBUTED, RELS

_RELABEL = "MATCH (n:{from_label} {id: $id}) REMOVE n:{from_label} SET n:{to_label}"
_MOVE_OUT = """
MATCH (a:{from_label} {id: $id})-[r:{type}]->(b)
MATCH (k:{to_label} {id: $id})
WITH r, k, CASE WHEN b = a THEN k ELSE b END AS other
CREATE (k)-[n:{type}]->(other)
SET n = properties(r)
DELETE r
RETURN count(n) AS moved
"""
_MOVE_IN = """
MATCH (b)-[r:{type}]->(a:{from_label} {id: $id}) WHERE b <> a
MATCH (k:{to_label} {id: $id})
CREATE (b)-[n:{type}]->(k)
SET n = properties(r)
DELETE r
RETURN count(n) AS moved
"""
_DELETE = "MATCH (n:{from_label} {id: $id}) DETACH DELETE n"
# The node's facts of one type in one direction that a node of its kind now may not have.
_SET_ASIDE_OUT = """
MATCH (:{label} {id: $id})-[r:{type}]->() WHERE r.rejected IS NULL
SET r.rejected = $corr
RETURN count(r) AS n
"""
_SET_ASIDE_IN = """
MATCH (:{label} {id: $id})<-[r:{type}]-() WHERE r.rejected IS NULL
SET r.rejected = $corr
RETURN count(r) AS n
"""
_RESTORE = "MATCH (:{label} {id: $id})-[r]-() WHERE r.rejected = $corr REMOVE r.rejected RETURN count(r) AS n"


def disallowed(label: str, was: str) -> list[tuple[str, bool]]:
    """The relationship types (and direction: True outgoing) a ``was`` node may have and a ``label``
    node may not: what a set_type sets aside."""
    out = [(t, True) for t, spec in RELS.items() if was in spec.sources and label not in spec.sources]
    return out + [(t, False) for t, spec in RELS.items() if was in spec.targets and label not in spec.targets]


def _absorb(tx: neo4j.ManagedTransaction, node_id: str, was: str, label: str) -> int:
    """Move every relationship of the ``was`` node onto the ``label`` node of the same id, delete it."""
    moved = 0
    names = {"from_label": was, "to_label": label}
    for rtype, spec in RELS.items():
        if was in spec.sources:
            moved += tx.run(labelled(_MOVE_OUT, type=rtype, **names), id=node_id).single(strict=True)["moved"]
        if was in spec.targets:
            moved += tx.run(labelled(_MOVE_IN, type=rtype, **names), id=node_id).single(strict=True)["moved"]
    tx.run(labelled(_DELETE, from_label=was), id=node_id).consume()
    if label in CONTRIBUTED:
        contributed.recompute(tx, label, [node_id])
    return moved


def _set_aside(tx: neo4j.ManagedTransaction, node_id: str, was: str, label: str, corr: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for rtype, outgoing in disallowed(label, was):
        query = labelled(_SET_ASIDE_OUT if outgoing else _SET_ASIDE_IN, label=label, type=rtype)
        counts[rtype] += tx.run(query, id=node_id, corr=corr).single(strict=True)["n"]
    return +counts


def _retype(
    tx: neo4j.ManagedTransaction, c: Correction, was: str, label: str, *, set_aside: bool = True
) -> Outcome:
    """Give the node ``c`` names the label ``label`` (from ``was``): relabel, or absorb a node of the
    old label the same id (written again by an ingest) into the relabelled one."""
    node_id = c.targets[0]
    old, new = nodes_of(tx, was, [node_id]), nodes_of(tx, label, [node_id])
    if not old and not new:
        return Outcome(c.id, orphaned=True, missing=[node_id])
    changes = []
    if old and new:
        moved = _absorb(tx, node_id, was, label)
        changes.append(
            f"set type {node_id}: {moved} relationships of the {was} read again moved to the {label}"
        )
    elif old:
        tx.run(labelled(_RELABEL, from_label=was, to_label=label), id=node_id).consume()
        name = old[node_id].get("name")
        changes.append(f"set type {node_id} ({name}) from {was} to {label}, keeping its facts")
    aside = _set_aside(tx, node_id, was, label, c.id) if set_aside else Counter()
    if aside:
        counts = ", ".join(f"{rtype} {n}" for rtype, n in sorted(aside.items()))
        changes.append(
            f"set aside {sum(aside.values())} facts a node of type {label} may not have ({counts})"
        )
    return Outcome(c.id, changes=changes)


def apply(tx: neo4j.ManagedTransaction, c: Correction) -> Outcome:
    """Make the node the kind ``c`` says (idempotent)."""
    return _retype(tx, c, c.payload["label"], c.payload["to"])


def undo(tx: neo4j.ManagedTransaction, c: Correction) -> list[str]:
    """The node back to its old kind, and the facts set aside restored."""
    node_id, label = c.targets[0], c.payload["to"]
    restored = tx.run(labelled(_RESTORE, label=label), id=node_id, corr=c.id).single(strict=True)["n"]
    back = Correction(
        id=c.id, kind="set_type", targets=c.targets, payload={"label": label, "to": c.payload["label"]},
        author=c.author, at=c.at,
    )  # fmt: skip
    changes = _retype(tx, back, label, c.payload["label"], set_aside=False).changes
    return changes + ([f"{restored} facts set aside restored"] if restored else [])
