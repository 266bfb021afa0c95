"""What each kind of correction does to the graph, inside a transaction the caller owns.

Every function is idempotent: applied to a graph that already shows the correction it changes nothing,
so ``graph.corrections.replay`` can run all of them after every load. A correction whose target nodes
(or relationships) are not in the graph is *orphaned*: reported, kept, and applied again once they are.

* ``merge`` moves every relationship of the other nodes onto the kept one (their properties, keys and
  provenance unchanged, so removing a document still removes exactly its facts), adds the other
  names to the kept node's aliases (also on the moved ``MENTIONS``, from which aliases are recomputed
  when a document is removed), and deletes the others. Two relationships it leaves side by side that
  state one fact of one document (one from each merged node: same type, other end and values) join
  into one with both provenances; those of different documents stay apart, one per document, so
  removing a document still removes exactly its facts.
* ``rename`` sets the name and keeps the old one as an alias.
* ``reject`` marks the matching relationships ``rejected`` with the correction's id: the fact stays,
  with its provenance, visibly rejected.
* ``resolve`` decides a short form extraction left open (``graph.shortforms``); ``confirm`` keeps a
  low-confidence fact and takes it off the review queue (``graph.lowconfidence``).
* ``not_same`` changes nothing in the graph: ``graph.identity`` stops proposing the pair.
* ``set_type``, ``fix`` and ``add`` are in ``graph.retype`` and ``graph.curated``.
* ``split`` moves the relationships one node has from the given documents (every relationship carries
  its ``doc``) onto a new node, so facts two people of one name contributed, or a wrong merge joined,
  stand apart again; each node's aliases are recomputed from the mentions it keeps. A document loaded
  again is split again on replay; undoing a split merges the new node back.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import neo4j

from pmkg.graph import contributed, curated, lowconfidence, retype, shortforms
from pmkg.graph.outcome import Outcome, nodes_of
from pmkg.graph.schema import WHERE_VALUES, labelled
from pmkg.graph.triples import search_text
from pmkg.model.correction import Correction, CorrectionError
from pmkg.model.graph import CONTRIBUTED, NODES, PROVENANCE_KEYS, RELS

# ``$docs``: only the relationships these documents stated (a split), or all of them (a merge: null).
_MOVE_OUT = """
MATCH (a:{label} {id: $gone})-[r:{type}]->(b) WHERE $docs IS NULL OR r.doc IN $docs
MATCH (k:{label} {id: $keep})
WITH r, k, CASE WHEN b = a THEN k ELSE b END AS other
CREATE (k)-[n:{type}]->(other)
SET n = properties(r)
DELETE r
RETURN count(n) AS moved
"""
_MOVE_IN = """
MATCH (b)-[r:{type}]->(a:{label} {id: $gone}) WHERE $docs IS NULL OR r.doc IN $docs
MATCH (k:{label} {id: $keep})
CREATE (b)-[n:{type}]->(k)
SET n = properties(r)
DELETE r
RETURN count(n) AS moved
"""
# A moved mention carries the merged name as an alias, so recomputing the kept node's aliases after a
# document's removal keeps the names of the documents that remain.
_MOVE_MENTIONS = """
MATCH (d)-[r:MENTIONS]->(a:{label} {id: $gone})
MATCH (k:{label} {id: $keep})
CREATE (d)-[n:MENTIONS]->(k)
SET n = properties(r),
    n.aliases = CASE WHEN $alias IN coalesce(r.aliases, []) THEN r.aliases
                     ELSE coalesce(r.aliases, []) + $alias END
DELETE r
RETURN count(n) AS moved
"""
_SET_PROPS = "MATCH (n:{label} {id: $id}) SET n += $props"
# A split names documents by id and by source: a new version of a file (a new id) is split like the old.
_DOCS_NOW = "MATCH (d:Document) WHERE d.id IN $docs OR d.source IN $sources RETURN collect(d.id) AS ids"
_FACTS_FROM = "MATCH (:{label} {id: $id})-[r]-() WHERE r.doc IN $docs RETURN count(r) AS facts"
_SPLIT_NODE = """
MERGE (s:{label} {id: $into})
ON CREATE SET s += $props
SET s.name = coalesce($name, s.name)
RETURN s.name AS name
"""
_DELETE_NODE = "MATCH (n:{label} {id: $id}) DETACH DELETE n"
_REJECT = (
    """
MATCH (a:{from_label} {id: $from})-[r:{type}]->(b:{to_label} {id: $to})
WHERE """
    + WHERE_VALUES
    + """
WITH r, r.rejected = $id AS already
SET r.rejected = $id
RETURN count(r) AS matched, sum(CASE WHEN already THEN 0 ELSE 1 END) AS changed
"""
)
_UNREJECT = """
MATCH (:{from_label} {id: $from})-[r:{type}]->(:{to_label} {id: $to}) WHERE r.rejected = $id
REMOVE r.rejected
RETURN count(r) AS changed
"""

_PARALLEL = """
MATCH (k:{label} {id: $keep})-[r:{type}]-(other)
RETURN elementId(r) AS rid, startNode(r) = k AS out, other.id AS other, properties(r) AS props
"""
_JOIN = """
MATCH ()-[r]->() WHERE elementId(r) = $kept
SET r = $props
WITH count(r) AS kept
MATCH ()-[d]->() WHERE elementId(d) IN $drop
DELETE d
RETURN count(d) AS dropped
"""


def apply(tx: neo4j.ManagedTransaction, c: Correction) -> Outcome:
    """Apply ``c`` in ``tx`` (idempotent); undone corrections change nothing."""
    if c.undone_at:
        return Outcome(c.id)
    kinds = {
        "merge": _merge, "rename": _rename, "reject": _reject, "not_same": _not_same, "split": _split,
        "set_type": retype.apply, "fix": curated.apply, "add": curated.apply, "resolve": shortforms.apply,
        "confirm": lowconfidence.apply,
    }  # fmt: skip
    return kinds[c.kind](tx, c)


def _merged_props(label: str, keep: dict[str, Any], gone: dict[str, Any]) -> dict[str, Any]:
    """The kept node's properties after absorbing ``gone``: lists united (the other name an alias),
    properties it lacks taken from the other node."""
    out = {k: v for k, v in gone.items() if k not in keep and k not in ("id", "search_text")}
    for prop in CONTRIBUTED.get(label, ()):
        values = {*(keep.get(prop) or ()), *(gone.get(prop) or ())}
        if prop == "aliases":
            values = (values | {gone["name"]}) - {keep["name"]}
        out[prop] = sorted(values) or None
    if any(p.name == "search_text" for p in NODES[label].props):
        out["search_text"] = search_text(keep["name"], out.get("aliases") or keep.get("aliases") or ())
    return out


# What may differ between two statements of one fact: its key (it names the merged node), its
# provenance (joined) and lists (united); a rejection is kept if either was rejected.
_LOOSE = frozenset(("key", "rejected", *PROVENANCE_KEYS))


def _same_fact(out: bool, other: str, props: dict[str, Any]) -> tuple[Any, ...]:
    """What makes two relationships of one type at the kept node the same fact from the same document."""
    fixed = sorted((k, v) for k, v in props.items() if k not in _LOOSE and not isinstance(v, list))
    return (out, other, tuple(fixed))


def _joined(rels: list[dict[str, Any]]) -> dict[str, Any]:
    """One relationship stating what all of ``rels`` state: the first key, every quote with its span."""
    out = dict(rels[0])
    spans = {
        span
        for r in rels
        for span in zip(r.get("starts", []), r.get("ends", []), r.get("quotes", []), strict=False)
    }
    if spans:
        ordered = sorted(spans)
        out.update(starts=[s for s, _, _ in ordered], ends=[e for _, e, _ in ordered])
        out["quotes"] = [q for _, _, q in ordered]
    for r in rels[1:]:
        for k, v in r.items():
            if isinstance(v, list) and k not in PROVENANCE_KEYS:
                out[k] = sorted({*(out.get(k) or ()), *v})
            elif k == "rejected" and not out.get("rejected"):
                out[k] = v
    return out


def _join_parallel(tx: neo4j.ManagedTransaction, label: str, rtype: str, keep: str) -> int:
    """After a merge, one relationship per fact: two of the same type, the same other end, the same
    document and the same values (one from each merged node) become one with both provenances.
    Facts of different documents stay apart, so removing a document still removes exactly its facts."""
    groups: dict[tuple[Any, ...], dict[str, dict[str, Any]]] = {}
    for row in tx.run(labelled(_PARALLEL, label=label, type=rtype), keep=keep):
        fact = _same_fact(row["out"], row["other"], row["props"])
        groups.setdefault(fact, {})[row["rid"]] = row["props"]  # a self-loop is matched from both ends
    dropped = 0
    for found in groups.values():
        if len(found) > 1:
            group = sorted(found.items(), key=lambda item: item[1].get("key", ""))
            props = _joined([p for _, p in group])
            params = {"kept": group[0][0], "props": props, "drop": [rid for rid, _ in group[1:]]}
            dropped += tx.run(_JOIN, params).single(strict=True)["dropped"]
    return dropped


def _merge(tx: neo4j.ManagedTransaction, c: Correction) -> Outcome:
    label, keep = c.payload["label"], c.payload["keep"]
    found = nodes_of(tx, label, c.targets)
    outcome = Outcome(c.id, missing=[t for t in c.targets if t not in found])
    if keep not in found:
        outcome.orphaned = True
        return outcome
    for gone in (t for t in c.targets if t != keep and t in found):
        moved: Counter[str] = Counter()
        for rtype, spec in RELS.items():
            if label in spec.sources:
                query = labelled(_MOVE_OUT, label=label, type=rtype)
                moved[rtype] += tx.run(query, gone=gone, keep=keep, docs=None).single(strict=True)["moved"]
            if label in spec.targets:
                if rtype == "MENTIONS":
                    query = labelled(_MOVE_MENTIONS, label=label)
                    params = {"gone": gone, "keep": keep, "alias": found[gone]["name"]}
                else:
                    query = labelled(_MOVE_IN, label=label, type=rtype)
                    params = {"gone": gone, "keep": keep, "docs": None}
                moved[rtype] += tx.run(query, params).single(strict=True)["moved"]
        joined = sum(
            _join_parallel(tx, label, rtype, keep)
            for rtype, spec in RELS.items()
            if label in spec.sources or label in spec.targets
        )
        props = _merged_props(label, found[keep], found[gone])
        tx.run(labelled(_SET_PROPS, label=label), id=keep, props=props).consume()
        found[keep] = {**found[keep], **{k: v for k, v in props.items() if v is not None}}
        tx.run(labelled(_DELETE_NODE, label=label), id=gone).consume()
        counts = ", ".join(f"{rtype} {n}" for rtype, n in sorted(moved.items()) if n)
        outcome.changes.append(
            f"merge {gone} ({found[gone]['name']}) into {keep} ({found[keep]['name']}): "
            f"{sum(moved.values())} relationships moved ({counts or 'none'}), {gone} deleted"
            + (f", {joined} parallel relationships joined" if joined else "")
        )
    return outcome


def _rename(tx: neo4j.ManagedTransaction, c: Correction) -> Outcome:
    label, name, node_id = c.payload["label"], c.payload["name"], c.targets[0]
    found = nodes_of(tx, label, [node_id])
    if node_id not in found:
        return Outcome(c.id, orphaned=True, missing=[node_id])
    node = found[node_id]
    props: dict[str, Any] = {"name": name}
    if "aliases" in CONTRIBUTED.get(label, ()):
        was = c.payload.get("was") or node.get("name")
        aliases = sorted({*(node.get("aliases") or ()), was} - {name, None})
        props["aliases"] = aliases or None
        props["search_text"] = search_text(name, aliases)
    elif "search_text" in node:
        props["search_text"] = search_text(name, ())
    if all(node.get(k) == v for k, v in props.items()):
        return Outcome(c.id)
    tx.run(labelled(_SET_PROPS, label=label), id=node_id, props=props).consume()
    return Outcome(c.id, changes=[f"rename {node_id} from {node.get('name')!r} to {name!r}"])


def _ends(c: Correction) -> dict[str, str]:
    """The rejected relationship's type and end labels, for :func:`labelled` (which checks them)."""
    p = c.payload
    return {"type": p["type"], "from_label": p["from_label"], "to_label": p["to_label"]}


def _reject(tx: neo4j.ManagedTransaction, c: Correction) -> Outcome:
    where = c.payload.get("where", {})
    params = {"from": c.targets[0], "to": c.targets[1], "where": where, "id": c.id}
    row = tx.run(labelled(_REJECT, **_ends(c)), params).single(strict=True)
    if not row["matched"]:
        return Outcome(c.id, orphaned=True, missing=[" -> ".join(c.targets)])
    if not row["changed"]:
        return Outcome(c.id)
    condition = "".join(f" {k}={v}" for k, v in sorted(where.items()))
    return Outcome(
        c.id,
        changes=[f"reject {row['changed']} {c.payload['type']}{condition} {c.targets[0]} -> {c.targets[1]}"],
    )


def _split(tx: neo4j.ManagedTransaction, c: Correction) -> Outcome:
    label, node_id, into = c.payload["label"], c.targets[0], c.payload["into"]
    named = {"docs": c.payload["documents"], "sources": c.payload.get("sources", [])}
    docs = sorted(tx.run(_DOCS_NOW, named).single(strict=True)["ids"])
    found = nodes_of(tx, label, [node_id, into])
    facts = 0
    if node_id in found:
        facts = tx.run(labelled(_FACTS_FROM, label=label), id=node_id, docs=docs).single(strict=True)["facts"]
    if not facts:  # split already, or the documents (or the node) are gone: orphaned unless split already
        named_docs = ", ".join(c.payload.get("sources") or c.payload["documents"])
        missing = [node_id] if node_id not in found else [f"facts of {named_docs} on {node_id}"]
        return Outcome(c.id, orphaned=into not in found, missing=[] if into in found else missing)
    props = {k: v for k, v in found[node_id].items() if k != "id"}  # the lists are recomputed below
    params = {"into": into, "props": props, "name": c.payload.get("name")}
    name = tx.run(labelled(_SPLIT_NODE, label=label), params).single(strict=True)["name"]
    moved = 0
    for rtype, spec in RELS.items():
        params = {"gone": node_id, "keep": into, "docs": docs}
        if label in spec.sources:
            moved += tx.run(labelled(_MOVE_OUT, label=label, type=rtype), params).single(strict=True)["moved"]
        if label in spec.targets:
            moved += tx.run(labelled(_MOVE_IN, label=label, type=rtype), params).single(strict=True)["moved"]
    if label in CONTRIBUTED:
        contributed.recompute(tx, label, [node_id, into])
    elif "search_text" in found[node_id]:
        tx.run(
            labelled(_SET_PROPS, label=label), id=into, props={"search_text": search_text(name, ())}
        ).consume()
    return Outcome(
        c.id,
        changes=[
            f"split {node_id} ({found[node_id]['name']}): {moved} relationships of "
            f"{', '.join(docs)} moved to {into} ({name})"
        ],
    )


def _not_same(tx: neo4j.ManagedTransaction, c: Correction) -> Outcome:
    found = nodes_of(tx, c.payload["label"], c.targets)
    missing = [t for t in c.targets if t not in found]
    return Outcome(c.id, orphaned=bool(missing), missing=missing)


def undo(tx: neo4j.ManagedTransaction, c: Correction) -> list[str]:
    """Reverse what ``c`` did to the graph (before it is marked undone); what changed, one line each."""
    if c.kind == "merge":  # which facts each merged node had is not kept: split them by document
        raise CorrectionError(
            f"{c.id}: a merge cannot be undone; separate the facts of some documents with "
            f"`pmkg split {c.payload['keep']} --documents DOC ...`"
        )
    if c.kind == "split":  # the new node goes back into the one it was split from
        back = Correction(
            id=c.id, kind="merge", targets=[c.targets[0], c.payload["into"]],
            payload={"label": c.payload["label"], "keep": c.targets[0]}, author=c.author, at=c.at,
        )  # fmt: skip
        return _merge(tx, back).changes
    if c.kind == "rename":
        was = c.payload.get("was")
        if not was:
            raise CorrectionError(f"{c.id}: the rename does not record the old name, so it cannot be undone")
        back = Correction(
            id=c.id, kind="rename", targets=c.targets, payload={**c.payload, "name": was, "was": None},
            author=c.author, at=c.at,
        )  # fmt: skip
        outcome = _rename(tx, back)
        label = c.payload["label"]
        node = nodes_of(tx, label, c.targets).get(c.targets[0])
        if node and "aliases" in CONTRIBUTED.get(label, ()):  # the corrected name is not an alias
            aliases = sorted(set(node.get("aliases") or ()) - {c.payload["name"], was})
            props = {"aliases": aliases or None, "search_text": search_text(was, aliases)}
            tx.run(labelled(_SET_PROPS, label=label), id=c.targets[0], props=props).consume()
        return outcome.changes
    if c.kind == "reject":
        params = {"from": c.targets[0], "to": c.targets[1], "id": c.id}
        changed = tx.run(labelled(_UNREJECT, **_ends(c)), params).single(strict=True)["changed"]
        return (
            [f"{changed} {c.payload['type']} {' -> '.join(c.targets)} no longer rejected"] if changed else []
        )
    if c.kind == "set_type":
        return retype.undo(tx, c)
    if c.kind in ("fix", "add"):
        return curated.undo(tx, c)
    if c.kind == "resolve":
        return shortforms.undo(tx, c)
    if c.kind == "confirm":
        return lowconfidence.undo(tx, c)
    return []  # not_same: only identity's candidate list changes
