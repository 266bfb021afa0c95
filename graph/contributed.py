"""The list properties each document contributes to a node (aliases, titles, emails), kept in step.

A person's aliases, titles and e-mail addresses are the union of what the documents that mention them
say, carried on each document's ``MENTIONS`` relationship. Loading adds to the stored lists
(:func:`add`); removing a document, or moving mentions between nodes (a split), recomputes them from
the mentions that remain (:func:`recompute`). The node's ``search_text`` follows its name and aliases.
"""

from __future__ import annotations

from typing import Any

import neo4j

from pmkg.graph.schema import labelled
from pmkg.graph.triples import search_text
from pmkg.model.graph import CONTRIBUTED

# The distinct values only: a hub (an organisation every document mentions) has thousands of mentions.
_MENTIONS_OF = """
MATCH (n:{label}) WHERE n.id IN $ids
CALL (n) {
  MATCH (:Document)-[m:MENTIONS]->(n)
  UNWIND [p IN ['aliases', 'titles', 'emails'] | [v IN coalesce(m[p], []) | [p, v]]] AS values
  UNWIND values AS value
  RETURN collect(DISTINCT value) AS contributed
}
RETURN n.id AS id, n.name AS name, contributed
"""
_CONTRIBUTED_NOW = """
MATCH (n:{label}) WHERE n.id IN $ids RETURN n.id AS id, n.name AS name, properties(n) AS props
"""
_SET_PROPS = """
UNWIND $rows AS row
MATCH (n:{label} {id: row.id})
WITH n, row, properties(n) AS before
SET n += row.props
WITH n, before WHERE properties(n) <> before
RETURN n.id AS id
"""


def recompute(tx: neo4j.ManagedTransaction, label: str, ids: list[str]) -> set[str]:
    """Set nodes' list properties and search_text from the MENTIONS of the documents that remain.

    A node's own name is never its alias (a split node named as a merged-away name was).
    Returns the ids of the nodes this changed.
    """
    props = CONTRIBUTED[label]
    rows = []
    for row in tx.run(labelled(_MENTIONS_OF, label=label), ids=ids):
        own = {("aliases", row["name"])}
        lists = {
            p: sorted(v for key, v in row["contributed"] if key == p and (key, v) not in own) or None
            for p in props
        }
        rows.append({"id": row["id"], "props": with_search_text(row["name"], lists)})
    return _set(tx, label, rows)


def add(tx: neo4j.ManagedTransaction, label: str, nodes: list[dict[str, Any]]) -> set[str]:
    """Add what new documents say (aliases, titles, emails) to the stored lists and search_text.

    Loading only adds mentions, so the union of the stored lists and the new values is what
    :func:`recompute` would find, without reading every mention of a busy node.
    """
    props = CONTRIBUTED[label]
    stored = {
        row["id"]: (row["name"], row["props"])
        for row in tx.run(labelled(_CONTRIBUTED_NOW, label=label), ids=[n["id"] for n in nodes])
    }
    rows = []
    for node in nodes:
        name, before = stored.get(node["id"], (node["name"], {}))
        lists = {p: sorted({*(before.get(p) or ()), *(node.get(p) or ())}) or None for p in props}
        update = with_search_text(name, lists)
        if any(before.get(key) != value for key, value in update.items()):
            rows.append({"id": node["id"], "props": update})
    return _set(tx, label, rows)


def with_search_text(name: str, lists: dict[str, list[str] | None]) -> dict[str, Any]:
    """The contributed lists with the search_text they give the node (its name and aliases)."""
    return {**lists, "search_text": search_text(name, lists["aliases"] or ())}


def _set(tx: neo4j.ManagedTransaction, label: str, rows: list[dict[str, Any]]) -> set[str]:
    """Write ``{id, props}`` rows; the ids of the nodes whose properties changed."""
    if not rows:
        return set()
    return {row["id"] for row in tx.run(labelled(_SET_PROPS, label=label), rows=rows)}
