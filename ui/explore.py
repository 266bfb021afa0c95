"""Explore: the interactive graph. Pan, zoom and drag; click a node or a link for its sources; double-click
(or the button) to add its neighbours; filter by type and time span.

The view lives in the session as :class:`GraphData` and grows by expanding; what the browser
draws is capped at ``MAX_ELEMENTS`` so it stays smooth. Its link holds what rebuilds it: the start, the
nodes expanded in order (``open``), the types, the period and the selected node (ui/links.py).
"""

from __future__ import annotations

from datetime import date

import neo4j
import streamlit as st

from pmkg.ui import asof, data, links
from pmkg.ui.correct import details_to_correct
from pmkg.ui.graph_view import (
    MAX_ELEMENTS,
    NODE_TYPES,
    GraphData,
    cap,
    caption,
    date_span,
    filter_graph,
    merge,
)
from pmkg.ui.i18n import current_language, t
from pmkg.ui.link_details import link_details
from pmkg.ui.picker import entity_picker
from pmkg.ui.widgets import (
    CLICK,
    DOUBLE_CLICK,
    EDGE_CLICK,
    for_reader,
    fresh_event,
    show_graph,
    type_name,
)

# Shown at first and offered as starting points; documents, figures and deadlines are a click away.
ACTOR_TYPES = ["Person", "Organization", "Initiative", "Meeting", "Theme", "Agreement"]
GRAPH_KEY = "explore_graph"


def _view() -> GraphData | None:
    return st.session_state.get("explore_view")


def _set_view(view: GraphData, selected: str | None = None) -> None:
    st.session_state.explore_view = view
    st.session_state.explore_next_pick = selected  # applied before the picker is drawn next time


def _expand(driver: neo4j.Driver, node_id: str, types: list[str]) -> None:
    more = data.neighbours(driver, node_id, documents="Document" in types, as_of=asof.current())
    _set_view(merge(_view() or GraphData(), more), node_id)
    st.session_state.explore_open = [*st.session_state.get("explore_open", []), node_id]


def _restart() -> None:
    """A new start (chosen, or the button): the view is built afresh from it on this run."""
    st.session_state.explore_view = None
    st.session_state.explore_open = []


def _start(driver: neo4j.Driver, types: list[str], start: str | None) -> None:
    """Begin from the node the search page sent; else, with no view yet (a new session, perhaps opened
    from a link), from the start chosen and the nodes expanded since, or from the overview of the types."""
    focus = st.session_state.pop("explore_focus", None)
    if focus:
        st.session_state.explore_open = []
        _set_view(data.neighbours(driver, focus, documents="Document" in types, as_of=asof.current()), focus)
    elif _view() is None:
        opened = list(st.session_state.get("explore_open") or [])
        if start is None:
            _set_view(data.overview(driver, types, limit=MAX_ELEMENTS, as_of=asof.current()))
        else:
            _set_view(data.neighbours(driver, start, documents="Document" in types, as_of=asof.current()))
        st.session_state.explore_open = []
        for node_id in opened:
            _expand(driver, node_id, types)


def _time_filter(view: GraphData) -> tuple[str | None, str | None]:
    span = date_span(view)
    if span is None or span[0] == span[1]:
        return None, None
    first, last = date.fromisoformat(span[0]), date.fromisoformat(span[1])
    links.bind("explore_period", "period", links.SPAN, check=lambda v: first <= v[0] <= v[1] <= last)
    chosen = st.slider(
        t("explore.period"),
        min_value=first,
        max_value=last,
        value=(first, last),
        format="YYYY-MM-DD",
        key="explore_period",
    )
    return chosen[0].isoformat(), chosen[1].isoformat()


def render(driver: neo4j.Driver) -> None:
    controls = st.columns([3, 3, 2], vertical_alignment="bottom")
    type_names = {type_id: type_name(type_id) for type_id in NODE_TYPES}
    with controls[0]:
        links.bind("explore_types", "types", links.LIST, choices=NODE_TYPES)
    types = controls[0].multiselect(
        t("explore.types"),
        NODE_TYPES,
        default=ACTOR_TYPES,
        format_func=type_names.__getitem__,
        key="explore_types",
    )
    starts = {None: t("explore.overview")} | {
        row["id"]: f"{row['name']} ({type_names.get(row['type'], row['type'])})"
        for row in data.entities(driver, ACTOR_TYPES)
    }
    with controls[1]:
        links.bind("explore_start", "start", choices=starts)
        start = entity_picker(driver, t("explore.start"), starts, "explore_start", index=0)
    links.bind("explore_open", "open", links.IDS)
    if start != st.session_state.get("explore_from", start):
        _restart()  # a new start is drawn at once, so the link names the graph on screen
    st.session_state.explore_from = start
    controls[2].button(
        t("explore.show"), icon=":material/refresh:", type="primary", key="explore_reset", on_click=_restart
    )
    _start(driver, types, start)
    view = _view() or GraphData()
    start_day, end_day = _time_filter(view)
    if "explore_next_pick" in st.session_state:
        st.session_state.explore_pick = st.session_state.pop("explore_next_pick")
    pick = st.session_state.get("explore_pick")
    shown, truncated = cap(
        filter_graph(view, types, start_day, end_day), MAX_ELEMENTS, keep=[pick] if pick else []
    )
    shown = for_reader(shown)  # the picker's names too
    st.caption(t("explore.counts", nodes=len(shown.nodes), edges=len(shown.edges)))
    if truncated:
        st.warning(t("explore.capped", n=MAX_ELEMENTS))

    graph_col, side = st.columns([3, 2])
    with graph_col:
        event = fresh_event(show_graph(shown, key=GRAPH_KEY, height=640), GRAPH_KEY)
    if event and event.get("action") == DOUBLE_CLICK:
        _expand(driver, event["data"]["target_id"], types)
        st.rerun()
    if event and event.get("action") == CLICK:
        st.session_state.explore_pick = event["data"]["target_id"]
        st.session_state.explore_edge = None
    if event and event.get("action") == EDGE_CLICK:
        st.session_state.explore_pick = None  # the link's details take the node's place
        st.session_state.explore_edge = event["data"]["target_id"]
    with side:
        names = {
            i: f"{caption(n, current_language())} ({type_name(n.type)})"
            for i, n in sorted(shown.nodes.items(), key=lambda kv: kv[1].name.lower())
        }
        links.bind("explore_pick", "node", choices=names)
        if st.session_state.get("explore_pick") not in names:
            st.session_state.explore_pick = None
        picked = st.selectbox(
            t("explore.node"),
            list(names),
            format_func=names.__getitem__,
            index=None,
            placeholder=t("explore.choose"),
            key="explore_pick",
        )
        links.copy_link()
        if picked:
            if st.button(t("explore.expand"), icon=":material/open_in_full:", key="explore_expand"):
                _expand(driver, picked, types)
                st.rerun()
            details_to_correct(driver, picked)
        elif (edge := st.session_state.get("explore_edge")) in shown.edges:
            link_details(driver, shown, edge)
        else:
            st.info(t("explore.hint"))
