"""A read-only network over arrays: what the analytic answers ask of a networkx graph (membership, node
data, neighbours, the data of a link, degree), answered from a compressed sparse row adjacency.

Building a networkx graph of the 167,000 linked pairs of 10,000 documents takes about a CPU second; the
arrays kept by ``graph.netstore`` become this in a few milliseconds, and a node's neighbours are only
turned into Python objects when an answer asks for them (a drawing reads a few hundred nodes).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import networkx as nx
import numpy as np


class ArrayNetwork:
    """An undirected simple network (``weight`` and ``type`` on every link) over numpy arrays, with the
    part of networkx's ``Graph`` interface that ``graph.measures`` and ``graph.analytics`` use."""

    def __init__(
        self,
        nodes: list[tuple[str, str, str]],
        ends: tuple[np.ndarray, np.ndarray],
        weights: np.ndarray,
        types: np.ndarray,
        type_names: list[str],
    ) -> None:
        self._ids = [node for node, _, _ in nodes]
        self._index = {node: i for i, node in enumerate(self._ids)}
        self._data = [{"label": label, "name": name} for _, label, name in nodes]
        source, target = ends
        both_from = np.concatenate([source, target])
        both_to = np.concatenate([target, source])
        order = np.lexsort((both_to, both_from))
        self._indptr = np.zeros(len(self._ids) + 1, dtype=np.int64)
        np.cumsum(np.bincount(both_from, minlength=len(self._ids)), out=self._indptr[1:])
        self._to = both_to[order]
        self._weights = np.concatenate([weights, weights])[order]
        self._types = np.concatenate([types, types])[order]
        self._type_names = type_names
        self._links = len(source)
        self.nodes = _Nodes(self)
        self.adj = self

    def __contains__(self, node: object) -> bool:
        return node in self._index

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    def _span(self, node: str) -> slice:
        i = self._index[node]
        return slice(int(self._indptr[i]), int(self._indptr[i + 1]))

    def neighbors(self, node: str) -> list[str]:
        """The node's neighbours, by position (node id order)."""
        return [self._ids[j] for j in self._to[self._span(node)].tolist()]

    def __getitem__(self, node: str) -> dict[str, dict[str, Any]]:
        """The node's neighbours with the data of each link (``graph[node]`` / ``graph.adj[node]``)."""
        span = self._span(node)
        names = self._type_names
        return {
            self._ids[j]: {"weight": w, "type": names[t]}
            for j, w, t in zip(
                self._to[span].tolist(), self._weights[span].tolist(), self._types[span].tolist(), strict=True
            )
        }

    def degree(self, node: str) -> int:
        span = self._span(node)
        return span.stop - span.start

    def number_of_nodes(self) -> int:
        return len(self._ids)

    def number_of_edges(self) -> int:
        return self._links

    def edges(self, data: bool = False) -> Iterator[tuple[Any, ...]]:
        """Every link once (from the node first in id order), as networkx's ``edges`` gives them."""
        for node in self._ids:
            here = self._index[node]
            for other, link in self[node].items():
                if self._index[other] > here:
                    yield (node, other, link) if data else (node, other)


class _Nodes:
    """``graph.nodes[node]`` (its data) and ``graph.nodes(data=True)``."""

    def __init__(self, network: ArrayNetwork) -> None:
        self._network = network

    def __getitem__(self, node: str) -> dict[str, Any]:
        return self._network._data[self._network._index[node]]

    def __call__(self, data: bool = False) -> Iterator[Any]:
        network = self._network
        return iter(zip(network._ids, network._data, strict=True)) if data else iter(network._ids)


Network = nx.Graph | ArrayNetwork  # what the answers read: projected here, or read back from Neo4j
