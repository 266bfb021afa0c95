"""The seeded graph of the graph-draw benchmark: drawn by ``bench/graph_page.py``, laid out by
``bench/graph_draw.py``."""

from __future__ import annotations

import random

from pmkg.model.graph import REL_TYPES
from pmkg.ui.graph_view import NODE_TYPES, GraphData, from_rows


def seeded_graph(n: int, offset: int = 0, seed: int = 7) -> GraphData:
    """``n`` nodes of every type, each linked to one or two earlier ones (a sparse, connected graph as the
    overview is: about 1.8 links a node)."""
    rng = random.Random(seed + offset)
    nodes = [
        {"id": f"n:{i}", "label": NODE_TYPES[i % 6], "name": f"Node {i}"} for i in range(offset, offset + n)
    ]
    edges = []
    for i in range(max(offset, 1), offset + n):
        for j in {rng.randrange(i), rng.randrange(i)}:
            kind = rng.choice(REL_TYPES)
            edges.append({"from": f"n:{i}", "to": f"n:{j}", "type": kind, "key": f"e{i}-{j}"})
    known = [{"id": f"n:{j}", "label": NODE_TYPES[j % 6], "name": f"Node {j}"} for j in range(offset)]
    return from_rows(known + nodes, edges)
