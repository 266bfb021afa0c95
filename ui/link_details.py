"""What a click on a graph shows, on every page that draws one (Explore, an answer's graph, Stakeholders,
the console): a node's details with "correct this" (``ui.correct``), or a link's details.

A link's details are what one edge of the graph stands for and its sources: the two ends and the link in
the reader's words, the link's own properties (a role, a status, an amount), and every quote stating it,
from its own document and from the other documents that state the same link between the same two nodes.
Data is shown as text (escaped Markdown, tables). :func:`follow_click` and :func:`show_clicked` are the one
way a page handles the graph's clicks, so a link click works alike wherever a graph is drawn.
"""

from __future__ import annotations

from typing import Any

import neo4j
import streamlit as st

from pmkg.graph.contact import masked, without_contact_properties
from pmkg.reports.text import one_line
from pmkg.ui import data, links
from pmkg.ui.correct import details_to_correct
from pmkg.ui.graph_view import GraphData, caption
from pmkg.ui.i18n import current_language, md_escape, t
from pmkg.ui.identity import current_user
from pmkg.ui.widgets import CLICK, EDGE_CLICK, kind_name, properties_table, type_name


def follow_click(event: dict[str, Any] | None, node_key: str, edge_key: str) -> None:
    """Remember what a click on the graph picked (a fresh event of ``widgets.fresh_event``): a node in
    ``st.session_state[node_key]``, a link in ``[edge_key]``, each clearing the other, since the details
    of one take the place of the other's. Call before the widgets bound to either key are drawn."""
    if not event:
        return
    if event.get("action") == CLICK:
        st.session_state[node_key] = event["data"]["target_id"]
        st.session_state[edge_key] = None
    elif event.get("action") == EDGE_CLICK:
        st.session_state[node_key] = None
        st.session_state[edge_key] = event["data"]["target_id"]


def bind_link(edge_key: str, view: GraphData) -> None:
    """Tie the link picked in ``view`` to the URL (``?link=``, beside the node's ``?node=``), so a copied
    address opens the same link's facts; call after :func:`follow_click`."""
    links.bind(edge_key, "link", check=view.edges.__contains__)


def show_clicked(
    driver: neo4j.Driver, view: GraphData, node_key: str, edge_key: str, share: float = 1.0
) -> bool:
    """The details of the node or link picked in ``view`` (:func:`follow_click`), their tables fitting
    ``share`` of the page's width; a pick the view no longer holds (another answer, a filter) is
    forgotten. Returns whether anything was shown."""
    node, edge = st.session_state.get(node_key), st.session_state.get(edge_key)
    if node in view.nodes:
        details_to_correct(driver, node, share)
        return True
    if edge in view.edges:
        link_details(driver, view, edge)
        return True
    st.session_state[edge_key] = None
    return False


def link_details(driver: neo4j.Driver, view: GraphData, edge_id: str) -> None:
    """The facts behind edge ``edge_id`` of ``view``: its properties, then each statement's document and
    date with its quotes (contact details only for a reader allowed them)."""
    edge = view.edges[edge_id]
    source, target = view.nodes[edge.source], view.nodes[edge.target]
    kinds = edge.type.split("/")  # an analytic's link may join several kinds (graph.analytics.simple)
    rows = [row for kind in kinds for row in data.link_facts(driver, edge_id, kind, edge.source, edge.target)]
    if not rows:
        st.warning(t("link.gone"))
        return
    language = current_language()
    ends = f"{caption(source, language)} → {caption(target, language)}"
    st.subheader(md_escape(ends))
    st.caption(md_escape(f"{type_name(source.type)} · {kind_name(edge.type)} · {type_name(target.type)}"))
    contact = current_user().can("contact")
    props = rows[0]["props"] if contact else without_contact_properties(rows[0]["props"])
    if props:
        st.dataframe(properties_table(props), hide_index=True, width="stretch")
    quotes = sum(len(row["quotes"]) for row in rows)
    st.markdown(f"**{t('link.sources', n=len(rows), quotes=quotes)}**")
    for row in rows:  # few, and read whole: as text, not a table whose columns could be off its edge
        st.markdown(
            md_escape(" · ".join(str(v) for v in (row["document"] or row["source"], row["date"]) if v))
        )
        for quote in row["quotes"]:
            st.markdown("> " + md_escape(one_line(quote if contact else masked(quote))))
