"""Files for Gephi (GEXF, its own format) and for yEd and Cytoscape desktop (GraphML)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import networkx as nx


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
