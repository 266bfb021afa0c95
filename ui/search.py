"""Search: one box over people, organisations, initiatives, meetings and themes.

The full-text index behind ``graph.schema.search`` forgives missing diacritics and small typos
("Soren Brunak", "Genom Center"); a chosen hit opens its details (with "correct this" for editors,
``ui.correct``) and can be shown in the graph.
"""

from __future__ import annotations

from typing import Any

import neo4j
import pandas as pd
import streamlit as st

from pmkg.graph import schema
from pmkg.ui import correct, data, links, tables
from pmkg.ui.i18n import t
from pmkg.ui.widgets import type_name


def hit_type(hit: dict[str, Any]) -> str:
    """The type of a search hit, whichever way the index reports it."""
    labels = hit.get("labels") or [hit.get("label") or hit.get("type") or ""]
    return str(labels[0])


def open_in_explorer(node_id: str) -> None:
    """Button callback: start the explorer from this node (runs before the next rerun draws)."""
    st.session_state.explore_focus = node_id
    st.session_state.explore_start = node_id  # so the graph's link starts from it too
    st.session_state.page = "explore"


def chosen_entity(hits: list[dict[str, Any]], query: str, rows: list[int]) -> str:
    """The entity whose details are shown: a row the reader has just selected, else the one shown before
    for the same text (or named by the link), else the best hit. Kept as its id, never as a row number,
    so a link still names it when the ranking changes."""
    state = st.session_state
    seen = state.get("search_seen")
    if seen is not None and seen[0] != query:  # a new search: the old selection means nothing now
        state.search_entity = None
    elif rows and seen != (query, rows) and rows[0] < len(hits):
        state.search_entity = str(hits[rows[0]]["id"])
    state.search_seen = (query, rows)
    if not state.get("search_entity"):
        state.search_entity = str(hits[0]["id"])
    return state.search_entity


def render(driver: neo4j.Driver) -> None:
    links.bind("search_q", "search", resend=False)
    query = st.text_input(
        t("search.box"), links.start("search_q", ""), key="search_q", placeholder=t("search.placeholder")
    )
    if not query.strip():
        st.info(t("search.hint"))
        return
    links.bind("search_entity", "entity", check=lambda v: data.node(driver, v) is not None)
    hits = schema.search(driver, query.strip())
    if not hits:
        st.warning(t("search.none"))
        return
    table = pd.DataFrame(
        {
            t("search.name"): [h["name"] for h in hits],
            t("search.type"): [type_name(hit_type(h)) for h in hits],
        }
    )
    st.caption(t("search.count", n=len(hits)))
    picked = tables.show(
        table,
        on_select="rerun",
        selection_mode="single-row",
        key="search_hits",
    )
    chosen = chosen_entity(hits, query, list(picked.selection.rows) if picked else [])
    links.copy_link()
    st.divider()
    correct.details_to_correct(driver, chosen)  # with "correct this" for editors
    st.button(
        t("search.show_in_graph"),
        icon=":material/hub:",
        on_click=open_in_explorer,
        args=(chosen,),
        key="search_to_graph",
    )
