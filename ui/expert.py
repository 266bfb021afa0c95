"""Expert: a read-only Cypher console.

Only reads of the graph are admitted (``pmkg.graph.console``, shared with ``pmkg cypher``); the server
aborts a query past the time limit, and at most the row limit of rows is fetched.
"""

from __future__ import annotations

from typing import Any

import neo4j
import streamlit as st

from pmkg.errors import PmkgError
from pmkg.graph.console import run_console
from pmkg.graph.questions import tabulate
from pmkg.ui import links, tables
from pmkg.ui.graph_view import MAX_ELEMENTS, cap, from_rows
from pmkg.ui.i18n import md_escape, t
from pmkg.ui.link_details import follow_click, show_clicked
from pmkg.ui.widgets import fresh_event, readable, show_graph

EXAMPLE = "MATCH (p:Person)-[a:ATTENDED]->(m:Meeting)\nRETURN p, a, m\nLIMIT 50"
MAX_ROWS = 10_000
MAX_SECONDS = 120
GRAPH_KEY = "expert_graph"


def _limit(column: Any, name: str, most: int, default: int, step: int) -> int:
    """A limit of the query (``rows``, ``seconds``) from 1 to ``most``, its value kept in the link."""
    key = f"expert_{name}"
    value = links.start(key, default)
    return int(column.number_input(t(f"expert.{name}"), 1, most, value, step, key=key))


def render(driver: neo4j.Driver) -> None:
    # The query's text and limits are in the link; it runs only when its reader presses Run.
    links.bind("expert_query", "cypher", resend=False)
    links.bind("expert_rows", "rows", links.INT, check=lambda v: 1 <= v <= MAX_ROWS, resend=False)
    links.bind("expert_seconds", "seconds", links.INT, check=lambda v: 1 <= v <= MAX_SECONDS, resend=False)
    links.bind("expert_view", "view", choices=("table", "graph"))
    query = st.text_area(
        t("expert.query"), value=links.start("expert_query", EXAMPLE), height=140, key="expert_query"
    )
    cols = st.columns([1, 1, 1, 1], vertical_alignment="bottom")
    rows = _limit(cols[0], "rows", MAX_ROWS, 1000, 100)
    seconds = _limit(cols[1], "seconds", MAX_SECONDS, 10, 5)
    view = cols[2].segmented_control(
        t("q.view"),
        ["table", "graph"],
        default="table",
        format_func={v: t(f"q.view.{v}") for v in ("table", "graph", "chart")}.__getitem__,
        key="expert_view",
    )
    links.copy_link()
    if cols[3].button(t("expert.run"), type="primary", icon=":material/play_arrow:", key="expert_run"):
        try:
            # safe-cypher: the expert console runs the user's query; graph.console admits reads only
            found = run_console(driver, query, {}, rows=int(rows), seconds=float(seconds))
        except PmkgError as exc:
            st.session_state.expert_result = None
            st.error(t("expert.failed", reason=md_escape(str(exc))))
            return
        frame, graph = tabulate(found.records)
        st.session_state.expert_result = (frame, graph, found.more)
    result = st.session_state.get("expert_result")
    if not result:
        st.caption(t("expert.hint"))
        return
    frame, graph, more = result
    st.caption(t("q.rows", n=len(frame)))
    if more:
        st.warning(t("expert.more", n=len(frame)))
    if view == "graph":
        if not graph:
            st.info(t("expert.no_graph"))
            return
        shown, truncated = cap(from_rows(graph["nodes"], graph["edges"]), MAX_ELEMENTS)
        if truncated:
            st.warning(t("explore.capped", n=MAX_ELEMENTS))
        event = fresh_event(show_graph(shown, key=GRAPH_KEY, height=560), GRAPH_KEY)
        follow_click(event, "expert_node", "expert_edge")
        show_clicked(driver, shown, "expert_node", "expert_edge")
    else:
        tables.show(readable(frame))
