"""The network and its slow measures, computed when the graph changes and kept in Neo4j.

Sampled betweenness and Louvain communities over the whole network take seconds at 10,000 documents,
and so does reading the network from Neo4j; a question must not pay them. Every write that changes the
graph (a document stored or removed, a correction made or undone: ``graph.store``, ``graph.corrections``)
therefore calls :func:`refresh` after its transaction: it projects the network, measures it and keeps
network and measures in one ``:NetworkCache`` node (a label outside the model, like ``:Correction``, so
no reader of facts sees it), keyed by the graph version (``graph.version``) it was computed from. A
question (``graph.analytics``) uses the kept result only when its key is the graph's current version;
otherwise (a write whose refresh failed or has not finished, a graph changed by hand) it computes the
same thing in memory, as before: an answer is never older than the graph. :func:`measure` is the one
computation of both paths.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from typing import Any

import msgspec
import neo4j
import networkx as nx
import numpy as np

from pmkg.graph.arrays import ArrayNetwork
from pmkg.graph.connection import read_tx, write_tx
from pmkg.graph.measures import betweenness, communities
from pmkg.graph.projection import NETWORK_LABELS, project_simple
from pmkg.graph.version import graph_version, version_in

_KEY = "network"
LAYOUT = 2  # of _Kept: raise it when what is kept changes
# The data only when the key is the version asked for: a stale result is never transferred.
_READ = """
MATCH (k:NetworkCache {key: $key}) WHERE k.version = $version AND k.data IS NOT NULL RETURN k.data AS data
"""
_KEPT = "MATCH (k:NetworkCache {key: $key}) WHERE k.version = $version RETURN true AS kept"
_WRITE = "MERGE (k:NetworkCache {key: $key}) SET k.version = $version, k.data = $data"
_FORGET = "MATCH (k:NetworkCache {key: $key}) DELETE k"


@dataclass(frozen=True)
class Measured:
    """The simple network (``projection.project_simple``) with its betweenness and communities; read
    back from Neo4j, the network is an :class:`~pmkg.graph.arrays.ArrayNetwork`."""

    network: nx.Graph | ArrayNetwork
    betweenness: dict[str, float]
    communities: list[list[str]]


class _Kept(msgspec.Struct, array_like=True):
    """What is stored: nodes by position (id, label, name), links as arrays of positions, weights and
    type numbers (little-endian int32, a type number indexing ``type_names``), the measures."""

    nodes: list[tuple[str, str, str]]
    sources: bytes
    targets: bytes
    weights: bytes
    types: bytes
    type_names: list[str]
    betweenness: bytes  # float64 by position
    communities: list[list[int]]


_INT = np.dtype("<i4")
_FLOAT = np.dtype("<f8")


def measure(network: nx.Graph) -> Measured:
    """The slow measures of the network: what every analytic answer reads."""
    return Measured(network, betweenness(network), communities(network))


def encode(measured: Measured) -> bytes:
    """The measured network as compressed bytes (under 1 MB at 10,000 documents)."""
    graph = measured.network
    position = {node: i for i, node in enumerate(graph)}
    links = list(graph.edges(data=True))
    type_names = sorted({d["type"] for _, _, d in links})
    number = {name: i for i, name in enumerate(type_names)}

    def ints(values: list[int]) -> bytes:
        return np.array(values, dtype=_INT).tobytes()

    kept = _Kept(
        nodes=[(node, data["label"], data["name"]) for node, data in graph.nodes(data=True)],
        sources=ints([position[u] for u, _, _ in links]),
        targets=ints([position[v] for _, v, _ in links]),
        weights=ints([d["weight"] for _, _, d in links]),
        types=ints([number[d["type"]] for _, _, d in links]),
        type_names=type_names,
        betweenness=np.array([measured.betweenness[node] for node in graph], dtype=_FLOAT).tobytes(),
        communities=[[position[node] for node in group] for group in measured.communities],
    )
    return zlib.compress(msgspec.msgpack.encode(kept), 1)


def decode(data: bytes) -> Measured:
    """What :func:`encode` stored: the network (over arrays) and its measures."""
    kept = msgspec.msgpack.decode(zlib.decompress(data), type=_Kept)
    ids = [node for node, _, _ in kept.nodes]

    def ints(raw: bytes) -> np.ndarray:
        return np.frombuffer(raw, dtype=_INT).astype(np.int64)

    network = ArrayNetwork(
        kept.nodes,
        (ints(kept.sources), ints(kept.targets)),
        ints(kept.weights),
        ints(kept.types),
        kept.type_names,
    )
    between = np.frombuffer(kept.betweenness, dtype=_FLOAT).tolist()
    return Measured(
        network,
        dict(zip(ids, between, strict=True)),
        [[ids[i] for i in group] for group in kept.communities],
    )


def _key(version: tuple[Any, ...]) -> str:
    """The key of a kept result: the graph's version and the layout of what is kept (a new pmkg reading
    a result an older one kept computes afresh)."""
    return json.dumps([LAYOUT, *version], default=str)


def refresh(driver: neo4j.Driver) -> bool:
    """Measure the graph as it is now and keep the result under its version (see the module docstring).

    Nothing is done when the result kept is this version's already (a load that changed nothing). Returns
    False when the graph changed while it was being measured (another session wrote): then nothing is
    kept, and that write's own refresh keeps the newer result.
    """
    version = graph_version(driver)
    if read_tx(driver, lambda tx: tx.run(_KEPT, key=_KEY, version=_key(version)).single()) is not None:
        return True
    network = project_simple(driver, NETWORK_LABELS)
    data = encode(measure(network)) if network.number_of_nodes() else None

    def keep(tx: neo4j.ManagedTransaction) -> bool:
        if version_in(tx) != version:
            return False
        if data is None:  # an empty graph: nothing to keep, and an empty database stays empty
            tx.run(_FORGET, key=_KEY).consume()
        else:
            tx.run(_WRITE, key=_KEY, version=_key(version), data=data).consume()
        return True

    return write_tx(driver, keep)


def kept(driver: neo4j.Driver, version: tuple[Any, ...]) -> Measured | None:
    """The kept result if it was computed from the graph at ``version``; None otherwise."""
    # the value straight from the record: ``Result.data()`` walks a byte array byte by byte (seconds)
    row = read_tx(driver, lambda tx: tx.run(_READ, key=_KEY, version=_key(version)).single())
    if row is None:
        return None
    try:
        return decode(bytes(row["data"]))
    except (msgspec.DecodeError, msgspec.ValidationError, zlib.error):  # not ours to read: compute afresh
        return None
