"""Stakeholders: key people and organisations by centrality, and the communities they form,
each ranking with its graph beside it."""

from __future__ import annotations

from typing import Any

import neo4j
import pandas as pd
import streamlit as st

from pmkg.graph import analytics
from pmkg.ui import data
from pmkg.ui.graph_view import from_rows
from pmkg.ui.i18n import t
from pmkg.ui.widgets import CLICK, details, fresh_event, readable, show_graph

GRAPH_KEY = "stakeholder_graph"


def _cached(driver: neo4j.Driver, name: str, params: dict[str, Any]) -> tuple[pd.DataFrame, dict | None]:
    """Analytics are recomputed only when the parameters or the stored documents change."""
    cache_key = (name, tuple(sorted(params.items())), data.graph_version(driver))
    cached = st.session_state.get("stakeholder_answer")
    if cached and cached[0] == cache_key:
        return cached[1]
    with st.spinner(t("q.running")):
        answer = analytics.ANALYTICS[name](driver, params)
    st.session_state.stakeholder_answer = (cache_key, answer)
    return answer


def render(driver: neo4j.Driver) -> None:
    cols = st.columns([2, 1, 1], vertical_alignment="bottom")
    mode = cols[0].segmented_control(
        t("sh.show"),
        ["stakeholders", "communities"],
        default="stakeholders",
        format_func={m: t(f"sh.{m}") for m in ("stakeholders", "communities")}.__getitem__,
        key="sh_mode",
    )
    top = cols[1].number_input(t("sh.top"), min_value=3, max_value=200, value=20, step=1, key="sh_top")
    kinds = {"": t("sh.both"), "Person": t("type.Person"), "Organization": t("type.Organization")}
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
    left, right = st.columns([2, 3])
    with left:
        st.dataframe(readable(frame), hide_index=True, width="stretch")
    with right:
        view = from_rows(graph["nodes"], graph["edges"]) if graph else from_rows([], [])
        event = fresh_event(show_graph(view, key=f"{GRAPH_KEY}-{mode}", height=560), GRAPH_KEY)
    if event and event.get("action") == CLICK:
        st.session_state.sh_node = event["data"]["target_id"]
    if st.session_state.get("sh_node"):
        st.divider()
        details(driver, st.session_state.sh_node)
