"""Explore: the interactive graph. Pan, zoom and drag; click a node or a link for its sources; double-click
(or the button) to add its neighbours; filter by type, body, theme and time span.

What is drawn is rebuilt from state on every run (``ui.explore_view``): the start and the nodes expanded in
order, read from the graph, then every filter applied alike, so a filter never loses an expansion; capped
at ``MAX_ELEMENTS`` so it stays smooth. The link holds the same state: the start, the nodes expanded
(``open``), the types, bodies, themes, the period and the selected node (ui/links.py).
"""

from __future__ import annotations

from datetime import date

import neo4j
import streamlit as st

from pmkg.graph.matrix import label, rows_of_level, with_narrower
from pmkg.ui import asof, data, links
from pmkg.ui.explore_view import fetched, overview_note
from pmkg.ui.graph_view import (
    MAX_ELEMENTS,
    NODE_TYPES,
    GraphData,
    cap,
    caption,
    date_span,
    filter_graph,
)
from pmkg.ui.i18n import current_language, t
from pmkg.ui.link_details import bind_link, follow_click, show_clicked
from pmkg.ui.picker import entity_picker
from pmkg.ui.widgets import (
    DOUBLE_CLICK,
    for_reader,
    fresh_event,
    show_graph,
    type_name,
)

# Shown at first and offered as starting points; documents, figures and deadlines are a click away.
ACTOR_TYPES = ["Person", "Organization", "Initiative", "Meeting", "Theme", "Agreement"]
GRAPH_KEY = "explore_graph"
SIDE_SHARE = 0.4  # of the page's width: the column beside the graph, with a node's details


def _expand(node_id: str) -> None:
    """Add a node's neighbours: an expansion is kept as state (``explore_open``) and read on the next run."""
    opened = list(st.session_state.get("explore_open") or [])
    if node_id not in opened:
        st.session_state.explore_open = [*opened, node_id]
    st.session_state.explore_next_pick = node_id  # applied before the picker is drawn next time


def _restart() -> None:
    """A new start (chosen, or sent by the search), or the button: no expansions any more."""
    st.session_state.explore_open = []


def _time_filter(view: GraphData) -> tuple[str | None, str | None]:
    """The period chosen, within the dates of the view. A period the user narrowed is kept (clamped) when
    the view's dates change (an expand, a type added): the slider, given new bounds, starts again from its
    default, so its default is that period; a period left whole grows with the view."""
    span = date_span(view)
    if span is None or span[0] == span[1]:
        return None, None
    first, last = date.fromisoformat(span[0]), date.fromisoformat(span[1])
    links.bind(  # not sent again: a view with new dates starts the slider again from its default (below)
        "explore_period",
        "period",
        links.SPAN,
        check=lambda v: first <= v[0] <= v[1] <= last,
        resend=False,
    )
    narrowed = st.session_state.get("explore_narrowed")
    default = (first, last)
    if narrowed and max(first, narrowed[0]) <= min(last, narrowed[1]):
        default = (max(first, narrowed[0]), min(last, narrowed[1]))
    chosen = st.slider(
        t("explore.period"),
        min_value=first,
        max_value=last,
        value=default,
        format="YYYY-MM-DD",
        key="explore_period",
    )
    st.session_state.explore_narrowed = None if tuple(chosen) == (first, last) else tuple(chosen)
    return chosen[0].isoformat(), chosen[1].isoformat()


def _filters(driver: neo4j.Driver) -> dict[str, set[str]]:
    """The bodies and themes chosen (none chosen: all), as the ids ``graph_view.filter_graph`` keeps of
    the meetings (held by one of the bodies, raising one of the themes) and of the themes. A group of
    themes (the taxonomy's top concepts, which minutes are never matched to) stands for all of its own."""
    bodies = {row["id"]: row["name"] for row in data.bodies(driver)}
    groups = {g: t("explore.theme_group", name=label(g, current_language())) for g in rows_of_level("group")}
    themes = groups | {row["id"]: row["name"] for row in data.entities(driver, ["Theme"])}
    cols = st.columns(2)
    with cols[0]:
        links.bind("explore_bodies", "bodies", links.IDS, choices=bodies)
    chosen_bodies = cols[0].multiselect(
        t("explore.bodies"), list(bodies), format_func=bodies.__getitem__, key="explore_bodies"
    )
    with cols[1]:
        links.bind("explore_themes", "themes", links.IDS, choices=themes)
    chosen_themes = cols[1].multiselect(
        t("explore.themes"), list(themes), format_func=themes.__getitem__, key="explore_themes"
    )
    wanted = sorted(with_narrower(chosen_themes))  # a group chosen: its themes too
    only: dict[str, set[str]] = {}
    if chosen_bodies or wanted:
        only["Meeting"] = data.meetings_of(driver, chosen_bodies or None, wanted or None)
    if wanted:
        only["Theme"] = set(wanted)
    return only


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
    if st.session_state.pop("explore_focus", None) or start != st.session_state.get("explore_from", start):
        _restart()  # a new start is drawn at once, so the link names the graph on screen
    st.session_state.explore_from = start
    opened = list(st.session_state.get("explore_open") or [])
    controls[2].button(
        t("explore.clear"),
        icon=":material/refresh:",
        key="explore_reset",
        on_click=_restart,
        disabled=not opened,
    )
    only = _filters(driver)
    view = fetched(driver, start, types, opened, asof.current())
    if start is None:
        overview_note(driver, view, types, asof.current())
    start_day, end_day = _time_filter(view)
    if "explore_next_pick" in st.session_state:
        st.session_state.explore_pick = st.session_state.pop("explore_next_pick")
    pick = st.session_state.get("explore_pick")
    shown, truncated = cap(
        filter_graph(view, types, start_day, end_day, only), MAX_ELEMENTS, keep=[pick] if pick else []
    )
    shown = for_reader(shown)  # the picker's names too
    st.caption(t("explore.counts", nodes=len(shown.nodes), edges=len(shown.edges)))
    if truncated:
        st.warning(t("explore.capped", n=MAX_ELEMENTS))

    graph_col, side = st.columns([1 - SIDE_SHARE, SIDE_SHARE])
    with graph_col:
        event = fresh_event(show_graph(shown, key=GRAPH_KEY, height=640), GRAPH_KEY)
    if event and event.get("action") == DOUBLE_CLICK:
        _expand(event["data"]["target_id"])
        st.rerun()
    follow_click(event, "explore_pick", "explore_edge")
    bind_link("explore_edge", shown)
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
        if picked and st.button(t("explore.expand"), icon=":material/open_in_full:", key="explore_expand"):
            _expand(picked)
            st.rerun()
        if not show_clicked(driver, shown, "explore_pick", "explore_edge", share=SIDE_SHARE):
            st.info(t("explore.hint"))
