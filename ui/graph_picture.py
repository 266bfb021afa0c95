"""A graph view as a picture (PNG, SVG) for a file: the view on screen, where the screen places its nodes,
in its colours and with its legend; drawn by ``reports.figure.network_picture`` only when asked for."""

from __future__ import annotations

import streamlit as st

from pmkg.ui.graph_view import (
    Edge,
    GraphData,
    Node,
    caption,
    edge_style_for,
    group_colour,
    groups,
    present_rel_types,
    present_types,
    route_caption,
    routes,
    style_for,
)
from pmkg.ui.i18n import current_language, t
from pmkg.ui.widgets import edge_names, type_name


def picture_buttons(view: GraphData, key: str) -> None:
    """The view as a picture, PNG and SVG, drawn only when a button is clicked: the nodes where the screen
    has them, in the colours of the screen (type or community; each link its kind's colour, or its route's),
    and the legend of the screen (types, communities, routes, kinds of link)."""
    from pmkg.reports.figure import network_picture  # matplotlib: loaded when a picture is asked for

    language = current_language()
    by_group = bool(groups(view))
    positions = st.session_state.get(f"{key}:positions")

    def node_colour(node: Node) -> str:
        if by_group and node.group is not None:
            return group_colour(node.group)
        return style_for(node.type).colour

    def edge_colour(edge: Edge) -> str:
        return group_colour(edge.routes[0]) if edge.routes else edge_style_for(edge.type).colour

    # Words and places are read now, in this run's language and session: the picture is drawn later, when a
    # button is clicked, outside the run (where the language would fall back to Danish).
    nodes = [(n.id, caption(n, language), node_colour(n)) for n in view.nodes.values()]
    names = edge_names(view)
    edges = [
        (e.source, e.target, route_caption(names[e.type], e.routes), edge_colour(e))
        for e in view.edges.values()
    ]
    legend = [(type_name(k), "#555555" if by_group else style_for(k).colour) for k in present_types(view)]
    legend += [(t("graph.group", n=g), group_colour(g)) for g in groups(view)]
    lines = [(t("graph.route", n=r), group_colour(r)) for r in routes(view)]
    lines += [(names[rel], edge_style_for(rel).colour) for rel in present_rel_types(view)]

    def draw(fmt: str) -> bytes:
        return network_picture(nodes, edges, legend, fmt, positions=positions, line_legend=lines)

    left, right = st.columns(2)
    with left:
        st.download_button(
            "PNG", lambda: draw("png"), "graph.png", "image/png", key=f"{key}_graph_png", on_click="ignore"
        )
    with right:
        st.download_button(
            "SVG",
            lambda: draw("svg"),
            "graph.svg",
            "image/svg+xml",
            key=f"{key}_graph_svg",
            on_click="ignore",
        )
