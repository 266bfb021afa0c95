"""Measures on a networkx graph: centrality, communities, ego networks, nearest entities, shortest
paths. Pure functions of the graph (no Neo4j), seeded where an algorithm samples, so an answer is the
same each time.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping

import networkx as nx
import pandas as pd

from pmkg.errors import PmkgError
from pmkg.graph.arrays import Network

SEED = 42
EXACT_BETWEENNESS_NODES = 1_000  # above this, betweenness is estimated from a seeded sample (speed)
BETWEENNESS_SAMPLE = 300  # pivots, fewer on a large network: each costs one pass over every edge ...
BETWEENNESS_MIN_SAMPLE = 50
BETWEENNESS_EDGE_PASSES = 6_000_000  # ... so a sample costs at most about this many edge visits


def betweenness(graph: nx.Graph) -> dict[str, float]:
    """Betweenness centrality of every node: exact on a small network, estimated from a seeded sample of
    pivots on a large one (each pivot costs one pass over every edge)."""
    if graph.number_of_nodes() > EXACT_BETWEENNESS_NODES:
        passes = BETWEENNESS_EDGE_PASSES // max(1, graph.number_of_edges())
        sample = max(BETWEENNESS_MIN_SAMPLE, min(BETWEENNESS_SAMPLE, passes))
        return nx.betweenness_centrality(graph, k=sample, seed=SEED)
    return nx.betweenness_centrality(graph)


def centrality(graph: Network, between: Mapping[str, float] | None = None) -> pd.DataFrame:
    """Degree and betweenness centrality of every node, ranked (betweenness, then degree, then name);
    ``between`` is :func:`betweenness` of the graph when it is kept."""
    if graph.number_of_nodes() == 0:
        return pd.DataFrame(columns=["rank", "name", "label", "betweenness", "degree", "connections", "id"])
    degree = _degree_centrality(graph)
    between = betweenness(graph) if between is None else between
    rows = [
        {
            "name": data.get("name", node),
            "label": data.get("label", ""),
            "betweenness": round(between[node], 6),
            "degree": round(degree[node], 6),
            "connections": graph.degree(node),
            "id": node,
        }
        for node, data in graph.nodes(data=True)
    ]
    rows.sort(key=lambda r: (-r["betweenness"], -r["degree"], str(r["name"]).lower(), r["id"]))
    frame = pd.DataFrame(rows)
    frame.insert(0, "rank", range(1, len(frame) + 1))
    return frame


def _degree_centrality(graph: Network) -> dict[str, float]:
    """What ``nx.degree_centrality`` gives, for an :class:`ArrayNetwork` too."""
    if graph.number_of_nodes() <= 1:
        return {node: 1.0 for node in graph}
    scale = 1.0 / (graph.number_of_nodes() - 1.0)
    return {node: graph.degree(node) * scale for node in graph}


def communities(graph: nx.Graph, seed: int = SEED) -> list[list[str]]:
    """Louvain communities (seeded, so stable), largest first; each sorted by id."""
    if graph.number_of_nodes() == 0:
        return []
    found = nx.community.louvain_communities(graph, weight="weight", seed=seed)
    return sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))


def ego_network(graph: nx.Graph, center: str, radius: int = 1) -> nx.Graph:
    """Everything within ``radius`` steps of ``center``, each node with its ``distance``."""
    distances = ego_distances(graph, center, radius)
    ego = induced(graph, distances)
    nx.set_node_attributes(ego, distances, "distance")
    return ego


def ego_distances(graph: nx.Graph, center: str, radius: int) -> dict[str, int]:
    """Steps from ``center`` to every node within ``radius`` of it."""
    _require(graph, center)
    return nx.single_source_shortest_path_length(graph, center, cutoff=radius)


def induced(graph: Network, nodes: Iterable[str]) -> nx.Graph:
    """A copy of the subgraph on ``nodes`` (what ``graph.subgraph(nodes).copy()`` holds), reading from
    each node the shorter of its neighbours and the chosen nodes: a hub has thousands of neighbours,
    a drawing at most a few hundred nodes."""
    chosen = [n for n in dict.fromkeys(nodes) if n in graph]
    keep = set(chosen)
    out = nx.Graph()
    out.add_nodes_from((n, graph.nodes[n]) for n in chosen)
    for u in chosen:
        near = graph.adj[u]
        few = len(near) <= len(keep)
        out.add_edges_from((u, v, near[v]) for v in (near if few else chosen) if v in (keep if few else near))
    return out


def _require(graph: Network, center: str) -> None:
    if center not in graph:
        raise PmkgError(f"{center} is not in the network (documents, figures and deadlines are left out)")


def shortest_paths(graph: nx.Graph, source: str, target: str, limit: int = 10) -> list[list[str]]:
    """Up to ``limit`` shortest paths (lists of node ids) between two nodes; none if unconnected."""
    if source not in graph or target not in graph:
        return []
    try:
        paths = nx.all_shortest_paths(graph, source, target)
        return [path for _, path in zip(range(limit), paths, strict=False)]
    except nx.NetworkXNoPath:
        return []


def nearest(
    graph: Network,
    center: str,
    radius: int,
    limit: int,
    order: Mapping[str, tuple[str, str, str]] | None = None,
) -> list[tuple[int, str, dict]]:
    """The ``limit`` nodes within ``radius`` of the centre, by distance, then label and name.

    Breadth first, one ring at a time, stopping at the ring that fills the page: two steps from a hub
    reach most of the graph, but its neighbours alone are often more than a page. ``order`` is
    :func:`display_order` of the graph, when kept (a ring two steps from a hub has thousands of nodes).
    """
    _require(graph, center)
    order = order if order is not None else display_order(graph)
    chosen: list[tuple[int, str, dict]] = []
    seen, ring = {center}, [center]
    for distance in range(radius + 1):
        keys = (order[n] for n in ring)
        chosen.extend((distance, n, graph.nodes[n]) for *_, n in heapq.nsmallest(limit - len(chosen), keys))
        if len(chosen) >= limit or not ring:
            break
        ring = _next_ring(graph, ring, seen)
    return chosen


def display_order(graph: Network) -> dict[str, tuple[str, str, str]]:
    """Each node's place in a drawing's list: label, then name (lower case), then id."""
    return {n: (d.get("label", ""), str(d.get("name", n)).lower(), n) for n, d in graph.nodes(data=True)}


def _next_ring(graph: Network, ring: list[str], seen: set[str]) -> list[str]:
    """The nodes one step further out than ``ring`` (added to ``seen``)."""
    out = []
    for node in ring:
        for neighbour in graph.neighbors(node):
            if neighbour not in seen:
                seen.add(neighbour)
                out.append(neighbour)
    return out
