"""The page ``bench.graph_draw`` times: the app's graph (``ui.widgets.show_graph``) over a seeded graph of
``?n=`` nodes, and a button that adds ``?more=`` nodes to it, as expanding a node does on Explore.

Run by ``streamlit run bench/graph_page.py``; no database (the graph is generated), signed-in as the
laptop's local user.
"""

from __future__ import annotations

import streamlit as st

from bench.seeded import seeded_graph
from pmkg.ui.graph_view import merge
from pmkg.ui.widgets import show_graph

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
