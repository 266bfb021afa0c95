"""The network the analytics read: the graph in Neo4j projected into networkx.

Community Edition has no GDS, so the graph is read into networkx. The analytics read it with the
parallel relationships (one per document that states a link) already counted by the server
(:func:`project_simple`), so years of minutes do not multiply what is transferred. The projection leaves
out documents, figures and deadlines by default: every entity is linked to the document that mentions
it, so documents would otherwise sit at the centre of everything.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

import neo4j
import networkx as nx

from pmkg.graph.connection import read

# The actors and what links them; Document, Figure and Deadline are left out (see the module docstring).
NETWORK_LABELS = ("Person", "Organization", "Initiative", "Meeting", "Agreement", "Theme")
MAX_NODES = 200_000  # what the app process holds comfortably (a projection is kept in memory)
MAX_RELATIONSHIPS = 1_000_000  # linked pairs (parallel statements are counted, not repeated)

_NODES = """
MATCH (n) WHERE any(label IN labels(n) WHERE label IN $labels) AND n.id IS NOT NULL
RETURN n.id AS id, [label IN labels(n) WHERE label IN $labels][0] AS label, n.name AS name
ORDER BY id
LIMIT $limit
"""
_RELATIONSHIPS = """
MATCH (a)-[r WHERE r.rejected IS NULL]->(b)
WHERE any(label IN labels(a) WHERE label IN $labels) AND any(label IN labels(b) WHERE label IN $labels)
  AND ($types IS NULL OR type(r) IN $types)
RETURN a.id AS source, b.id AS target, type(r) AS type, r.doc AS doc
ORDER BY source, target, type, doc
LIMIT $limit
"""

# The simple network straight from the server: one row per linked pair and type, with how many
# relationships (documents) state it, so years of minutes do not multiply the rows to transfer. Counted
# and sorted node by node, so no transaction holds the whole graph's rows at once (a single grouping of
# every relationship exceeded the transaction memory at 10,000 documents with documents included).
_PAIRS = """
MATCH (a) WHERE any(label IN labels(a) WHERE label IN $labels) AND a.id IS NOT NULL
WITH a ORDER BY a.id
CALL (a) {
  MATCH (a)-[r WHERE r.rejected IS NULL]->(b)
  WHERE any(label IN labels(b) WHERE label IN $labels) AND b.id <> a.id
  WITH b.id AS target, type(r) AS type, count(r) AS weight
  RETURN target, type, weight ORDER BY target, type
}
RETURN a.id AS source, target, type, weight
LIMIT $limit
"""


def project(
    driver: neo4j.Driver, labels: Iterable[str] | None = None, rel_types: Iterable[str] | None = None
) -> nx.MultiGraph:
    """The graph in Neo4j as an undirected networkx MultiGraph: one edge per relationship.

    Nodes are keyed by their ``id`` with attributes ``label`` and ``name``; edges carry ``type`` and
    ``doc``. Nodes and edges are added in id order, so seeded algorithms give the same answer each time.
    """
    labels = list(labels or NETWORK_LABELS)
    types = list(rel_types) if rel_types is not None else None
    graph = nx.MultiGraph()
    for row in read(driver, _NODES, {"labels": labels, "limit": MAX_NODES}):
        graph.add_node(row["id"], label=row["label"], name=row["name"] or row["id"])
    params = {"labels": labels, "types": types, "limit": MAX_RELATIONSHIPS}
    for row in read(driver, _RELATIONSHIPS, params):
        graph.add_edge(row["source"], row["target"], type=row["type"], doc=row["doc"])
    return graph


def project_simple(driver: neo4j.Driver, labels: Iterable[str] = NETWORK_LABELS) -> nx.Graph:
    """What ``simple(project(driver, labels))`` gives, with the parallel relationships counted by Neo4j."""
    labels = list(labels)
    graph = nx.Graph()
    for row in read(driver, _NODES, {"labels": labels, "limit": MAX_NODES}):
        graph.add_node(row["id"], label=row["label"], name=row["name"] or row["id"])
    rows = read(driver, _PAIRS, {"labels": labels, "limit": MAX_RELATIONSHIPS})
    _add_collapsed(
        graph,
        (
            (r["source"], r["target"], r["type"], r["weight"])
            for r in rows
            if r["source"] in graph and r["target"] in graph
        ),
    )
    return graph


def simple(graph: nx.MultiGraph) -> nx.Graph:
    """Collapse parallel relationships into one edge with ``weight`` (how many) and ``type`` (which)."""
    result = nx.Graph()
    result.add_nodes_from(graph.nodes(data=True))
    _add_collapsed(result, ((u, v, data.get("type", ""), 1) for u, v, data in graph.edges(data=True)))
    return result


def _add_collapsed(graph: nx.Graph, links: Iterable[tuple[Any, Any, str, int]]) -> None:
    """Add ``(u, v, type, how many)`` links as one undirected edge per pair, self-links left out:
    ``weight`` is how many relationships link the pair, ``type`` which types, joined by ``/``."""
    types: dict[tuple[Any, Any], Counter[str]] = {}
    for u, v, rtype, count in links:
        if u != v:
            types.setdefault((u, v) if u <= v else (v, u), Counter())[rtype] += count
    for (u, v), counts in types.items():
        graph.add_edge(u, v, weight=sum(counts.values()), type="/".join(sorted(counts)))
