"""Network analytics as answers to prebuilt questions: key stakeholders, communities, ego networks.

Analytics are exposed to the app and the CLI as prebuilt questions (``queries/*.cypher`` with an
``// analytic:`` line) through the registry :data:`ANALYTICS`. They read the network of
:mod:`pmkg.graph.projection` and measure it with :mod:`pmkg.graph.measures`.

The network and its slow measures (betweenness, communities) are kept in Neo4j by every write that
changes the graph (:mod:`pmkg.graph.netstore`), under the graph's version (:mod:`pmkg.graph.version`):
the first answer after a load reads them instead of projecting and measuring the graph (seconds at
10,000 documents). Whatever an answer reads is kept in memory per version (:func:`_memo`), so asking
again costs one small query; a version with nothing kept in Neo4j (a write whose refresh has not run)
is projected and measured here, the same computation, so an answer is never older than the graph (after
waiting for a measurement under way in this process, :mod:`pmkg.graph.netrefresh`).
"""

from __future__ import annotations

import threading
import weakref
from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import neo4j
import networkx as nx
import pandas as pd

from pmkg.errors import PmkgError
from pmkg.graph import netrefresh, netstore
from pmkg.graph.arrays import Network
from pmkg.graph.measures import betweenness, centrality, communities, display_order, induced, nearest
from pmkg.graph.projection import NETWORK_LABELS, project_simple
from pmkg.graph.version import graph_version

STAKEHOLDER_LABELS = ("Person", "Organization")
MAX_GRAPH_NODES = 1_000  # what the app draws comfortably

T = TypeVar("T")
_MEMO: weakref.WeakKeyDictionary[neo4j.Driver, dict[Any, Any]] = weakref.WeakKeyDictionary()
_MEMO_LOCK = threading.Lock()

Analytic = Callable[
    [neo4j.Driver, Mapping[str, Any]], tuple[pd.DataFrame, dict[str, list[dict[str, Any]]] | None]
]


def _memo(driver: neo4j.Driver) -> dict[Any, Any]:
    """What is kept for the graph's current version (see the module docstring); emptied when it changes."""
    version = graph_version(driver)
    with _MEMO_LOCK:
        memo = _MEMO.get(driver)
        if memo is None or memo.get("version") != version:
            memo = _MEMO[driver] = {"version": version}
        return memo


def _kept(memo: dict[Any, Any], key: Any, compute: Callable[[], T]) -> T:
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def _stored(driver: neo4j.Driver, memo: dict[Any, Any]) -> netstore.Measured | None:
    """The network and measures kept in Neo4j for this version, if any: when none is kept yet, after the
    measurement an app's write started on its own thread (``graph.netrefresh``), which began before this
    question and costs what computing here would."""

    def read() -> netstore.Measured | None:
        found = netstore.kept(driver, memo["version"])
        if found is None and not netrefresh.settle(driver, timeout=0):
            netrefresh.settle(driver)
            found = netstore.kept(driver, memo["version"])
        return found

    return _kept(memo, "stored", read)


def _network(driver: neo4j.Driver, memo: dict[Any, Any], labels: tuple[str, ...] = NETWORK_LABELS) -> Network:
    """The simple projected network (shared: callers copy before they change it)."""
    stored = _stored(driver, memo) if labels == NETWORK_LABELS else None
    if stored is not None:
        return stored.network
    return _kept(memo, ("network", labels), lambda: project_simple(driver, labels))


def _ranking(driver: neo4j.Driver, memo: dict[Any, Any]) -> pd.DataFrame:
    """Every node of the network by centrality, from the kept betweenness when there is one."""
    stored = _stored(driver, memo)

    def rank() -> pd.DataFrame:
        network = _network(driver, memo)
        return centrality(network, stored.betweenness if stored else betweenness(network))

    return _kept(memo, "centrality", rank)


def _communities(driver: neo4j.Driver, memo: dict[Any, Any]) -> list[list[str]]:
    stored = _stored(driver, memo)
    if stored is not None:
        return stored.communities
    return _kept(memo, "communities", lambda: communities(_network(driver, memo)))


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


def stakeholders_answer(driver: neo4j.Driver, params: Mapping[str, Any]) -> tuple[pd.DataFrame, dict | None]:
    """Key people and organisations by centrality, and the graph among the top ones."""
    kinds = _labels_named(params["kind"]) if params.get("kind") else STAKEHOLDER_LABELS
    count = int(params.get("top") or 20)
    memo = _memo(driver)

    def answer() -> tuple[pd.DataFrame, dict]:
        network = _network(driver, memo)
        ranking = _ranking(driver, memo)
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


def _around(graph: Network, keep: list[str]) -> nx.Graph:
    """The chosen nodes and the nodes that link two or more of them (e.g. the meetings they share)."""
    chosen = set(keep)
    touches = Counter(n for c in chosen for n in graph.neighbors(c) if n not in chosen)
    linking = sorted(n for n, count in touches.items() if count >= 2)
    return induced(graph, [*keep, *linking][:MAX_GRAPH_NODES])


def communities_answer(driver: neo4j.Driver, params: Mapping[str, Any]) -> tuple[pd.DataFrame, dict | None]:
    """The largest communities with their best-connected members, and the graph coloured by community."""
    count = int(params.get("top") or 20)
    memo = _memo(driver)
    return _copied(_kept(memo, ("communities", count), lambda: _communities_answer(driver, memo, count)))


def _communities_answer(driver: neo4j.Driver, memo: dict[Any, Any], count: int) -> tuple[pd.DataFrame, dict]:
    network = _network(driver, memo)
    groups = _communities(driver, memo)[:count]
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


ANALYTICS: dict[str, Analytic] = {
    "stakeholders": stakeholders_answer,
    "communities": communities_answer,
    "ego_network": ego_answer,
}
