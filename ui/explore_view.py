"""What Explore draws, rebuilt from its state: where it starts, the nodes the user expanded (in order),
and the filters by type, period, body and theme.

Expansions are state, not edits of a drawn view: the graph read from Neo4j is the start (the overview of
the chosen types, or one entity's neighbours) plus the neighbours of each expanded node, kept in the
session under the key of what it was read for. A filter that needs more of the graph (a type added, a
start changed) reads it again and expands the same nodes again; every filter is then applied to that one
graph (``graph_view.filter_graph``), so adding a type and removing one behave alike, at once, and no
filter throws away what was expanded. Expanding one more node reads only its neighbours.
"""

from __future__ import annotations

from collections.abc import Sequence

import neo4j
import streamlit as st

from pmkg.ui import data
from pmkg.ui.graph_view import MAX_ELEMENTS, GraphData, merge
from pmkg.ui.i18n import t

FETCHED = "explore_fetched"  # (what the graph was read for, the graph); in ui.state.ANSWERS


def _source(start: str | None, types: Sequence[str], as_of: str | None) -> tuple[object, ...]:
    """What the read graph depends on besides the expansions: the overview reads the chosen types, a
    start's neighbours only whether documents are wanted (the other types are a filter)."""
    wanted = tuple(sorted(types)) if start is None else ("Document" in types,)
    return (start, wanted, as_of)


def _start(driver: neo4j.Driver, start: str | None, types: Sequence[str], as_of: str | None) -> GraphData:
    if start is None:
        return data.overview(driver, list(types), limit=MAX_ELEMENTS, as_of=as_of)
    return data.neighbours(driver, start, documents="Document" in types, as_of=as_of)


def fetched(
    driver: neo4j.Driver,
    start: str | None,
    types: Sequence[str],
    opened: Sequence[str],
    as_of: str | None,
) -> GraphData:
    """The graph for this start, these types and expansions, read once: the cached one when it was read
    for the same, grown by the neighbours of the nodes expanded since it was read, else read afresh."""
    source = _source(start, types, as_of)
    cached = st.session_state.get(FETCHED)
    if cached and cached[0] == source and list(opened[: len(cached[1])]) == list(cached[1]):
        graph, done = cached[2], list(cached[1])
    else:
        graph, done = _start(driver, start, types, as_of), []
    for node_id in opened[len(done) :]:
        more = data.neighbours(driver, node_id, documents="Document" in types, as_of=as_of)
        graph = merge(graph, more)
        done.append(node_id)
    st.session_state[FETCHED] = (source, done, graph)
    return graph


def overview_note(driver: neo4j.Driver, view: GraphData, types: Sequence[str], as_of: str | None) -> None:
    """Say how many of the graph's nodes of the chosen types the overview leaves out (it draws the best
    connected links among them, up to the cap), so no node is dropped without a word."""
    total = data.count_nodes(driver, list(types), as_of=as_of)
    drawn = sum(1 for node in view.nodes.values() if node.type in types)
    if drawn < total:
        st.info(t("explore.partial", drawn=drawn, total=total), icon=":material/info:")
