"""The page ``bench.graph_draw`` times: the app's graph (``ui.widgets.show_graph``) over a seeded graph of
``?n=`` nodes, and a button that adds ``?more=`` nodes to it, as expanding a node does on Explore.

Run by ``streamlit run bench/graph_page.py``; no database (the graph is generated), signed-in as the
laptop's local user.
"""

from __future__ import annotations

import random

import streamlit as st

from pmkg.model.graph import REL_TYPES
from pmkg.ui.graph_view import NODE_TYPES, GraphData, from_rows, merge
from pmkg.ui.widgets import show_graph


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


size = int(st.query_params.get("n", "100"))
more = int(st.query_params.get("more", "50"))
if "bench_view" not in st.session_state:
    st.session_state.bench_view = seeded_graph(size)
if st.button("expand", key="bench_expand"):
    grown = len(st.session_state.bench_view.nodes)
    st.session_state.bench_view = merge(st.session_state.bench_view, seeded_graph(more, offset=grown))
view = st.session_state.bench_view
st.caption(f"{len(view.nodes)} nodes, {len(view.edges)} edges")
show_graph(view, key="bench_graph", height=640)
