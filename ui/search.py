"""Search: one box over people, organisations, initiatives, meetings and themes.

The full-text index behind ``graph.schema.search`` forgives missing diacritics and small typos
("Soren Brunak", "Genom Center"); a chosen hit opens its details and can be shown in the graph.
"""

from __future__ import annotations

from typing import Any

import neo4j
import pandas as pd
import streamlit as st

from pmkg.graph import schema
from pmkg.ui.i18n import t
from pmkg.ui.widgets import details, type_name


def hit_type(hit: dict[str, Any]) -> str:
    """The type of a search hit, whichever way the index reports it."""
    labels = hit.get("labels") or [hit.get("label") or hit.get("type") or ""]
    return str(labels[0])


def open_in_explorer(node_id: str) -> None:
    """Button callback: start the explorer from this node (runs before the next rerun draws)."""
    st.session_state.explore_focus = node_id
    st.session_state.page = "explore"


def render(driver: neo4j.Driver) -> None:
    query = st.text_input(t("search.box"), key="search_q", placeholder=t("search.placeholder"))
    if not query.strip():
        st.info(t("search.hint"))
        return
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
    picked = st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        on_select="rerun",
        selection_mode="single-row",
        key="search_hits",
    )
    rows = picked.selection.rows if picked else []
    chosen = hits[rows[0]] if rows else hits[0]
    st.divider()
    details(driver, str(chosen["id"]))
    st.button(
        t("search.show_in_graph"),
        icon=":material/hub:",
        on_click=open_in_explorer,
        args=(str(chosen["id"]),),
        key="search_to_graph",
    )
