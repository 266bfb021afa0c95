"""A link's details: what one edge of the graph stands for, and its sources (document, date, quote).

Clicking an edge in Explore shows them beside the graph, as clicking a node shows the node's details
(``ui.widgets.details``): the two ends and the link in the reader's words, the link's own properties (a
role, a status, an amount), and every quote stating it, from its own document and from the other documents
that state the same link between the same two nodes. Data is shown as text (escaped Markdown, tables).
"""

from __future__ import annotations

import neo4j
import streamlit as st

from pmkg.graph.contact import masked, without_contact_properties
from pmkg.reports.text import one_line
from pmkg.ui import data
from pmkg.ui.graph_view import GraphData, caption
from pmkg.ui.i18n import current_language, md_escape, t
from pmkg.ui.identity import current_user
from pmkg.ui.widgets import properties_table, rel_name, type_name


def link_details(driver: neo4j.Driver, view: GraphData, edge_id: str) -> None:
    """The facts behind edge ``edge_id`` of ``view``: its properties, then each statement's document and
    date with its quotes (contact details only for a reader allowed them)."""
    edge = view.edges[edge_id]
    source, target = view.nodes[edge.source], view.nodes[edge.target]
    rows = data.link_facts(driver, edge_id, edge.type, edge.source, edge.target)
    if not rows:
        st.warning(t("link.gone"))
        return
    language = current_language()
    ends = f"{caption(source, language)} → {caption(target, language)}"
    st.subheader(md_escape(ends))
    st.caption(
        md_escape(f"{type_name(source.type)} · {rel_name(edge.type, True)} · {type_name(target.type)}")
    )
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
