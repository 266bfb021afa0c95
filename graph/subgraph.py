"""The subgraph of a question's answer: what ``pmkg export --query`` and the app's RDF download export.

One way for both: the node ids the answer names (in any cell, its drawing, its parameters), and the
neighbours of those nodes the answer names by name (an answer shows a body, a party or a meeting by
its name, not its id), the stored nodes with those ids, the relationships among them, and the
documents stating those relationships, so every fact's source is described. Labels and types are
filtered against the model's whitelists.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import neo4j

from pmkg.graph.connection import read_tx
from pmkg.graph.questions import Answer, is_id_column
from pmkg.graph.triples import GraphRows, merge_rows
from pmkg.model.graph import LABELS, REL_TYPES, STORE_ONLY

_NODES_BY_ID = """
MATCH (n) WHERE n.id IN $ids
RETURN labels(n) AS labels, properties(n) AS props
"""
_NAMED_NEIGHBOURS = """
MATCH (a)-[r WHERE r.rejected IS NULL]-(b) WHERE a.id IN $ids AND b.name IN $names
RETURN DISTINCT b.id AS id
"""
_RELS_AMONG = """
MATCH (a)-[r WHERE r.rejected IS NULL]->(b) WHERE a.id IN $ids AND b.id IN $ids
RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props
"""


def node_ids(values: Iterable[Any]) -> set[str]:
    """Every text value (also inside lists and dicts) that looks like a node id (``person:...``)."""
    found: set[str] = set()
    stack = list(values)
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            if ":" in value and not value.startswith(("http:", "https:")):
                found.add(value)
        elif isinstance(value, Mapping):
            stack.extend(value.values())
        elif isinstance(value, (list, tuple, set)):
            stack.extend(value)
    return found


def answer_ids(answer: Answer) -> set[str]:
    """The node ids an answer names: in its table's cells, its drawing's nodes and its parameters."""
    cells = answer.frame.astype(object).to_numpy().ravel().tolist()
    drawn = [node.get("id") for node in (answer.graph or {}).get("nodes", [])]
    return node_ids([*cells, *drawn, *answer.params.values()])


def answer_texts(answer: Answer) -> set[str]:
    """The texts an answer's table shows (cells and the items of list cells, id columns left out):
    among them the names of the nodes it speaks of without their ids."""
    texts: set[str] = set()
    for column in answer.frame.columns:
        if is_id_column(column):
            continue
        for value in answer.frame[column]:
            items = value if isinstance(value, list | tuple) else [value]
            texts.update(v for v in items if isinstance(v, str) and v)
    return texts


def named_neighbours(tx: neo4j.ManagedTransaction, ids: set[str], names: set[str]) -> set[str]:
    """The neighbours of ``ids`` whose name the answer shows (never a stranger of the same name)."""
    if not ids or not names:
        return set()
    return {row["id"] for row in tx.run(_NAMED_NEIGHBOURS, ids=sorted(ids), names=sorted(names))}


def subgraph(tx: neo4j.ManagedTransaction, ids: Iterable[str]) -> GraphRows:
    """The nodes with these ids, the relationships among them, and the documents stating those
    relationships with their own relationships to the nodes."""
    ids = set(ids)

    def rels_among(among: set[str]) -> list[dict[str, Any]]:
        return [r for r in tx.run(_RELS_AMONG, ids=sorted(among)).data() if r["type"] in REL_TYPES]

    docs = {r["props"]["doc"] for r in rels_among(ids) if r["props"].get("doc")}
    among = ids | docs
    nodes: dict[str, list[dict[str, Any]]] = {}
    for row in tx.run(_NODES_BY_ID, ids=sorted(among)).data():
        label = next((label for label in row["labels"] if label in LABELS), None)
        if label:
            nodes.setdefault(label, []).append({k: v for k, v in row["props"].items() if k not in STORE_ONLY})
    rels: dict[str, list[dict[str, Any]]] = {}
    for row in rels_among(among):
        rels.setdefault(row["type"], []).append({**row["props"], "from": row["from"], "to": row["to"]})
    return merge_rows([GraphRows(nodes, rels)])


def answer_rows(driver: neo4j.Driver, answer: Answer) -> GraphRows:
    """The subgraph of an answer (empty when it names no node): the nodes it names by id and the
    neighbours of those it names by name."""
    ids, names = answer_ids(answer), answer_texts(answer)
    if not ids:
        return GraphRows()
    return read_tx(driver, lambda tx: subgraph(tx, ids | named_neighbours(tx, ids, names)))
