"""Network analytics with networkx: key stakeholders, communities, ego networks, exports for Gephi.

The graph is projected from Neo4j once per answer (Community Edition has no GDS); the analytics
read it with the parallel relationships (one per document that states a link) already counted by
the server (:func:`project_simple`), so years of minutes do not multiply what is transferred. The
projection leaves out documents, figures and deadlines by default: every entity is linked to the document that
mentions it, so documents would otherwise sit at the centre of everything. Analytics are exposed to
the app and the CLI as prebuilt questions (``queries/*.cypher`` with an ``// analytic:`` line) through
the registry :data:`ANALYTICS`.

The projection and the slow results (centrality, communities) are computed once per state of the graph
and kept in memory (:func:`_memo`): the state is the node and relationship counts (kept by Neo4j, read
in constant time), the latest ``Document.ingested_at`` and the corrections made and undone, so every
load, replacement or removal of a document and every correction starts afresh (a merge deletes a node
and adds a ``:Correction``, leaving both counts as they were), while the app asking again costs one
small query.
"""

from __future__ import annotations

import heapq
import threading
import weakref
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import neo4j
import networkx as nx
import pandas as pd

from pmkg.errors import PmkgError
from pmkg.graph.connection import read

# The actors and what links them; Document, Figure and Deadline are left out (see the module docstring).
NETWORK_LABELS = ("Person", "Organization", "Initiative", "Meeting", "Agreement", "Theme")
STAKEHOLDER_LABELS = ("Person", "Organization")
SEED = 42
MAX_NODES = 200_000  # what the app process holds comfortably (a projection is kept in memory)
MAX_RELATIONSHIPS = 1_000_000  # linked pairs (parallel statements are counted, not repeated)
MAX_GRAPH_NODES = 1_000  # what the app draws comfortably
EXACT_BETWEENNESS_NODES = 1_000  # above this, betweenness is estimated from a seeded sample (speed)
BETWEENNESS_SAMPLE = 300  # pivots, fewer on a large network: each costs one pass over every edge ...
BETWEENNESS_MIN_SAMPLE = 50
BETWEENNESS_EDGE_PASSES = 6_000_000  # ... so a sample costs at most about this many edge visits

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

_STATE = """
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r WHERE r.rejected IS NULL]->() RETURN count(r) AS relationships }
CALL () { MATCH (c:Correction) RETURN count(c) AS corrections, max(c.undone_at) AS undone }
RETURN nodes, relationships, corrections, undone, COLLECT {
  MATCH (d:Document) WHERE d.ingested_at IS NOT NULL
  RETURN d.ingested_at ORDER BY d.ingested_at DESC LIMIT 1
} AS last
"""

T = TypeVar("T")
_MEMO: weakref.WeakKeyDictionary[neo4j.Driver, dict[Any, Any]] = weakref.WeakKeyDictionary()
_MEMO_LOCK = threading.Lock()

Analytic = Callable[
    [neo4j.Driver, Mapping[str, Any]], tuple[pd.DataFrame, dict[str, list[dict[str, Any]]] | None]
]


# --- projection ------------------------------------------------------------------------------------


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


def _memo(driver: neo4j.Driver) -> dict[Any, Any]:
    """The results kept for the graph's current state (see the module docstring); emptied when it changes."""
    rows = read(driver, _STATE)
    state = tuple(rows[0].values()) if rows else None
    with _MEMO_LOCK:
        memo = _MEMO.get(driver)
        if memo is None or memo.get("state") != state:
            memo = _MEMO[driver] = {"state": state}
        return memo


def _kept(memo: dict[Any, Any], key: Any, compute: Callable[[], T]) -> T:
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def _network(
    driver: neo4j.Driver, memo: dict[Any, Any], labels: tuple[str, ...] = NETWORK_LABELS
) -> nx.Graph:
    """The simple projected network (shared: callers copy before they change it)."""
    return _kept(memo, ("network", labels), lambda: project_simple(driver, labels))


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


# --- analytics on a networkx graph -----------------------------------------------------------------


def centrality(graph: nx.Graph) -> pd.DataFrame:
    """Degree and betweenness centrality of every node, ranked (betweenness, then degree, then name)."""
    if graph.number_of_nodes() == 0:
        return pd.DataFrame(columns=["rank", "name", "label", "betweenness", "degree", "connections", "id"])
    degree = nx.degree_centrality(graph)
    if graph.number_of_nodes() > EXACT_BETWEENNESS_NODES:
        passes = BETWEENNESS_EDGE_PASSES // max(1, graph.number_of_edges())
        sample = max(BETWEENNESS_MIN_SAMPLE, min(BETWEENNESS_SAMPLE, passes))
        betweenness = nx.betweenness_centrality(graph, k=sample, seed=SEED)
    else:
        betweenness = nx.betweenness_centrality(graph)
    rows = [
        {
            "name": data.get("name", node),
            "label": data.get("label", ""),
            "betweenness": round(betweenness[node], 6),
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


def induced(graph: nx.Graph, nodes: Iterable[str]) -> nx.Graph:
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


def _require(graph: nx.Graph, center: str) -> None:
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


# --- graphs for the app and files for Gephi ---------------------------------------------------------


def to_graph_dict(graph: nx.Graph) -> dict[str, list[dict[str, Any]]]:
    """The app's graph shape: ``{nodes: [{id, label, name, ...}], edges: [{source, target, type, ...}]}``."""
    nodes = [
        {**data, "id": node, "label": data.get("label", ""), "name": data.get("name", node)}
        for node, data in graph.nodes(data=True)
    ]
    edges = [
        {**data, "source": u, "target": v, "type": data.get("type", "")}
        for u, v, data in graph.edges(data=True)
    ]
    return {"nodes": nodes, "edges": edges}


def _gephi_ready(graph: nx.Graph) -> nx.Graph:
    """A copy Gephi reads well: the name as each node's and the relationship type as each edge's label
    (the node's own label becomes ``kind``, an edge's ``type`` becomes ``relation``, since GEXF reserves
    ``type`` for the edge direction), no None values, lists joined with '; '.
    """

    def clean(attrs: Mapping[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in attrs.items():
            if value is None:
                continue
            if isinstance(value, list | tuple | set):
                value = "; ".join(str(v) for v in value)
            elif not isinstance(value, bool | int | float | str):
                value = str(value)
            out[key] = value
        return out

    def node(data: Mapping[str, Any]) -> dict[str, Any]:
        rest = {k: v for k, v in data.items() if k not in ("label", "name")}
        return clean({**rest, "kind": data.get("label"), "label": data.get("name")})

    def edge(data: Mapping[str, Any]) -> dict[str, Any]:
        rest = {k: v for k, v in data.items() if k != "type"}
        return clean({**rest, "relation": data.get("type"), "label": data.get("type")})

    ready = graph.__class__()
    ready.add_nodes_from((n, node(d)) for n, d in graph.nodes(data=True))
    if graph.is_multigraph():
        ready.add_edges_from((u, v, k, edge(d)) for u, v, k, d in graph.edges(keys=True, data=True))
    else:
        ready.add_edges_from((u, v, edge(d)) for u, v, d in graph.edges(data=True))
    return ready


def write_gexf(graph: nx.Graph, path: str | Path) -> Path:
    """Write the graph as GEXF (Gephi's own format)."""
    path = Path(path)
    nx.write_gexf(_gephi_ready(graph), path)
    return path


def write_graphml(graph: nx.Graph, path: str | Path) -> Path:
    """Write the graph as GraphML (Gephi, yEd, Cytoscape desktop)."""
    path = Path(path)
    nx.write_graphml(_gephi_ready(graph), path)
    return path


# --- analytics as question answers -----------------------------------------------------------------


def stakeholders_answer(driver: neo4j.Driver, params: Mapping[str, Any]) -> tuple[pd.DataFrame, dict | None]:
    """Key people and organisations by centrality, and the graph among the top ones."""
    kinds = _labels_named(params["kind"]) if params.get("kind") else STAKEHOLDER_LABELS
    count = int(params.get("top") or 20)
    memo = _memo(driver)

    def answer() -> tuple[pd.DataFrame, dict]:
        network = _network(driver, memo)
        ranking = _kept(memo, "centrality", lambda: centrality(network))
        top = ranking[ranking["label"].isin(kinds)].head(count).copy()
        top["rank"] = range(1, len(top) + 1)
        drawn = _around(network, list(top["id"]))
        for column in ("betweenness", "degree", "rank"):
            nx.set_node_attributes(drawn, dict(zip(top["id"], top[column], strict=True)), column)
        return top.reset_index(drop=True), to_graph_dict(drawn)

    return _copied(_kept(memo, ("stakeholders", kinds, count), answer))


def _copied(answer: tuple[pd.DataFrame, dict]) -> tuple[pd.DataFrame, dict]:
    """A copy of a kept answer that the caller may change (nodes and edges are fresh dicts)."""
    frame, graph = answer
    return frame.copy(), {key: [dict(item) for item in items] for key, items in graph.items()}


def _labels_named(text: str) -> tuple[str, ...]:
    """The network label a user typed ("person", "Organization"), or a one-line error."""
    for label in NETWORK_LABELS:
        if label.lower() == text.strip().lower():
            return (label,)
    raise PmkgError(f"unknown kind '{text}'; choose one of {', '.join(NETWORK_LABELS)}")


def _around(graph: nx.Graph, keep: list[str]) -> nx.Graph:
    """The chosen nodes and the nodes that link two or more of them (e.g. the meetings they share)."""
    chosen = set(keep)
    touches = Counter(n for c in chosen for n in graph[c] if n not in chosen)
    linking = sorted(n for n, count in touches.items() if count >= 2)
    return induced(graph, [*keep, *linking][:MAX_GRAPH_NODES])


def communities_answer(driver: neo4j.Driver, params: Mapping[str, Any]) -> tuple[pd.DataFrame, dict | None]:
    """The largest communities with their best-connected members, and the graph coloured by community."""
    count = int(params.get("top") or 20)
    memo = _memo(driver)
    return _copied(_kept(memo, ("communities", count), lambda: _communities_answer(driver, memo, count)))


def _communities_answer(driver: neo4j.Driver, memo: dict[Any, Any], count: int) -> tuple[pd.DataFrame, dict]:
    network = _network(driver, memo)
    groups = _kept(memo, "communities", lambda: communities(network))[:count]
    rows, drawn = [], []
    for number, members in enumerate(groups, start=1):
        by_degree = sorted(members, key=lambda n: (-network.degree(n), n))
        labels = Counter(network.nodes[n].get("label", "") for n in members)
        rows.append(
            {
                "community": number,
                "size": len(members),
                "people": labels.get("Person", 0),
                "organizations": labels.get("Organization", 0),
                "members": [network.nodes[n].get("name", n) for n in by_degree[:10]],
                "central": network.nodes[by_degree[0]].get("name", by_degree[0]),
            }
        )
        drawn.extend((node, number) for node in by_degree)
    shown = induced(network, [node for node, _ in drawn[:MAX_GRAPH_NODES]])
    nx.set_node_attributes(shown, dict(drawn[:MAX_GRAPH_NODES]), "community")
    graph = to_graph_dict(shown)
    return pd.DataFrame(
        rows, columns=["community", "size", "people", "organizations", "members", "central"]
    ), graph


def ego_answer(driver: neo4j.Driver, params: Mapping[str, Any]) -> tuple[pd.DataFrame, dict | None]:
    """The ``limit`` entities nearest to one entity (documents only when it is one), nearest first."""
    center = params["entity"]
    memo = _memo(driver)
    labels = NETWORK_LABELS
    if center not in _network(driver, memo):  # a document (or figure, deadline): draw it among what it links
        labels = (*NETWORK_LABELS, "Document", "Figure", "Deadline")
    network = _network(driver, memo, labels)
    order = _kept(memo, ("order", labels), lambda: display_order(network))
    limit = min(int(params.get("limit") or MAX_GRAPH_NODES), MAX_GRAPH_NODES)
    rows = [
        {"distance": distance, "name": data.get("name", node), "label": data.get("label", ""), "id": node}
        for distance, node, data in nearest(network, center, int(params.get("radius") or 1), limit, order)
    ]
    drawn = induced(network, [row["id"] for row in rows])  # only what is drawn is copied
    nx.set_node_attributes(drawn, {row["id"]: row["distance"] for row in rows}, "distance")
    return pd.DataFrame(rows, columns=["distance", "name", "label", "id"]), to_graph_dict(drawn)


def nearest(
    graph: nx.Graph,
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


def display_order(graph: nx.Graph) -> dict[str, tuple[str, str, str]]:
    """Each node's place in a drawing's list: label, then name (lower case), then id."""
    return {n: (d.get("label", ""), str(d.get("name", n)).lower(), n) for n, d in graph.nodes(data=True)}


def _next_ring(graph: nx.Graph, ring: list[str], seen: set[str]) -> list[str]:
    """The nodes one step further out than ``ring`` (added to ``seen``)."""
    out = []
    for node in ring:
        for neighbour in graph[node]:
            if neighbour not in seen:
                seen.add(neighbour)
                out.append(neighbour)
    return out


ANALYTICS: dict[str, Analytic] = {
    "stakeholders": stakeholders_answer,
    "communities": communities_answer,
    "ego_network": ego_answer,
}
