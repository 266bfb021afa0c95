"""Stakeholders: key people and organisations by centrality, and the communities they form,
each ranking with its graph beside it."""

from __future__ import annotations

from typing import Any

import neo4j
import pandas as pd
import streamlit as st

from pmkg.graph import analytics
from pmkg.graph.version import graph_version
from pmkg.ui import links, tables
from pmkg.ui.graph_view import from_rows
from pmkg.ui.i18n import t
from pmkg.ui.link_details import bind_link, follow_click, show_clicked
from pmkg.ui.widgets import fresh_event, readable, show_graph

GRAPH_KEY = "stakeholder_graph"
TABLE_SHARE = 0.4  # of the page's width: the ranking, beside its graph
MODES = ("stakeholders", "communities")
TOP = (3, 200)  # the fewest and most to rank


def _cached(driver: neo4j.Driver, name: str, params: dict[str, Any]) -> tuple[pd.DataFrame, dict | None]:
    """Analytics are recomputed only when the parameters or the stored documents change."""
    cache_key = (name, tuple(sorted(params.items())), graph_version(driver))
    cached = st.session_state.get("stakeholder_answer")
    if cached and cached[0] == cache_key:
        return cached[1]
    with st.spinner(t("q.running")):
        answer = analytics.ANALYTICS[name](driver, params)
    st.session_state.stakeholder_answer = (cache_key, answer)
    return answer


def render(driver: neo4j.Driver) -> None:
    cols = st.columns([2, 1, 1], vertical_alignment="bottom")
    kinds = {"": t("sh.both"), "Person": t("type.Person"), "Organization": t("type.Organization")}
    links.bind("sh_mode", "show", choices=MODES)
    links.bind("sh_top", "top", links.INT, check=lambda v: TOP[0] <= v <= TOP[1], resend=False)
    links.bind("sh_kind", "kind", choices=kinds)
    mode = cols[0].segmented_control(
        t("sh.show"),
        MODES,
        default="stakeholders",
        format_func={m: t(f"sh.{m}") for m in MODES}.__getitem__,
        key="sh_mode",
    )
    top = cols[1].number_input(
        t("sh.top"), min_value=TOP[0], max_value=TOP[1], value=links.start("sh_top", 20), step=1, key="sh_top"
    )
    kind = cols[2].selectbox(
        t("sh.kind"),
        list(kinds),
        format_func=kinds.__getitem__,
        disabled=mode == "communities",
        key="sh_kind",
    )
    if mode == "communities":
        frame, graph = _cached(driver, "communities", {"top": int(top)})
        st.caption(t("sh.communities.help"))
    else:
        frame, graph = _cached(driver, "stakeholders", {"top": int(top), "kind": kind or None})
        st.caption(t("sh.stakeholders.help"))
    if frame.empty:
        st.info(t("sh.none"))
        return
    left, right = st.columns([TABLE_SHARE, 1 - TABLE_SHARE])
    with left:
        tables.show(readable(frame), share=TABLE_SHARE)
    with right:
        view = from_rows(graph["nodes"], graph["edges"]) if graph else from_rows([], [])
        event = fresh_event(show_graph(view, key=f"{GRAPH_KEY}-{mode}", height=560), GRAPH_KEY)
    follow_click(event, "sh_node", "sh_edge")
    bind_link("sh_edge", view)
    links.bind("sh_node", "node", check=view.nodes.__contains__)
    links.copy_link()
    if st.session_state.get("sh_node") in view.nodes or st.session_state.get("sh_edge") in view.edges:
        st.divider()
        show_clicked(driver, view, "sh_node", "sh_edge")
