"""Building blocks shared by the pages: the graph view with its legend, and a node's details.

Data is always shown as text: tables (``st.dataframe``), ``st.text``, or Markdown with every
special character escaped. The graph component draws names on its canvas.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import replace
from typing import Any, Protocol, TypeVar

import neo4j
import pandas as pd
import streamlit as st
from st_graph_workbench import EdgeStyle, Event, NodeStyle, StyleRule, graph_workbench

from pmkg.graph.contact import masked, without_contact_properties
from pmkg.graph.questions import is_id_column
from pmkg.reports.text import one_line
from pmkg.ui import data, tables
from pmkg.ui.codes import in_words
from pmkg.ui.graph_layout import place
from pmkg.ui.graph_sync import changes
from pmkg.ui.graph_toolbar import localise_toolbar
from pmkg.ui.graph_view import (
    NODE_TYPES,
    GraphData,
    edge_style_for,
    group_colour,
    groups,
    present_rel_types,
    present_types,
    routes,
    style_for,
    to_elements,
)
from pmkg.ui.i18n import current_language, has, md_escape, t
from pmkg.ui.identity import current_user


class _HasId(Protocol):
    id: str


Decidable = TypeVar("Decidable", bound=_HasId)

CLICK = "node_click"
DOUBLE_CLICK = "node_expand"
EDGE_CLICK = "edge_click"
# Each node as large as its importance in the view (``graph_view.sizes``), over its type's fixed size.
SIZE_STYLE = StyleRule("node[size]", {"width": "data(size)", "height": "data(size)"})
GLYPHS = {
    "ellipse": "●",
    "round-rectangle": "■",
    "rectangle": "■",
    "diamond": "◆",
    "hexagon": "⬢",
    "round-tag": "▶",
    "star": "★",
    "triangle": "▲",
    "vee": "▼",
}


def type_name(type_id: str) -> str:
    """A node type in the reader's language ("Meeting" → "Møde" in Danish)."""
    return t(f"type.{type_id}") if type_id in NODE_TYPES else type_id


def readable(frame: pd.DataFrame) -> pd.DataFrame:
    """A table for reading: no id columns; column names, node types and codes in the reader's language."""
    shown = frame[[c for c in frame.columns if not is_id_column(c)]].copy()
    if "label" in shown.columns:
        shown["label"] = shown["label"].map(lambda v: type_name(v) if isinstance(v, str) else v)
    for column in shown.columns:  # text columns: an empty cell, not "None"
        values = shown[column].dropna()
        if len(values) < len(shown) and values.map(lambda v: isinstance(v, str)).all():
            shown[column] = shown[column].astype(object).where(shown[column].notna(), "")
    if "quote" in shown.columns:
        shown["quote"] = shown["quote"].map(lambda v: one_line(v) if isinstance(v, str) else v)
    shown = in_words(shown, current_language())  # "mou", "agency", "party" in the reader's words
    return shown.rename(columns={c: t(f"col.{c}") for c in shown.columns if has(f"col.{c}")})


def rel_name(rel_type: str, outgoing: bool) -> str:
    """A relationship read from the node's side: "deltog i" for ATTENDED outgoing, "deltager" incoming."""
    return t(f"rel.{rel_type}.{'out' if outgoing else 'in'}")


def node_styles() -> list[NodeStyle]:
    return [
        NodeStyle(
            type_id,
            color=style_for(type_id).colour,
            caption="name",
            shape=style_for(type_id).shape,
            size=28,
            text_size=10,
            label_position="bottom",
            # Labels stay readable when a small view is zoomed out to fit (the large profile overrides this).
            raw_style={
                "text-wrap": "ellipsis",
                "text-max-width": "140px",
                "background-opacity": 0.9,
                "min-zoomed-font-size": 4,
            },
        )
        for type_id in NODE_TYPES
    ]


# Edge captions in canvas units, smaller than the nodes' (10): they grow and shrink with the zoom like the
# graph, and below 6 px on screen (an overview zoomed out to fit) they are not drawn at all, since they could
# not be read; the colour and dash of each kind, named in the legend, carry the kind there.
EDGE_TEXT_SIZE = 8
EDGE_MIN_SCREEN_TEXT = 6


def edge_styles(view: GraphData) -> list[EdgeStyle]:
    """One style per relationship kind in the view: its colour and dash, an arrow, and its name as caption."""
    styles = []
    for rel in present_rel_types(view):
        kind = edge_style_for(rel)
        styles.append(
            EdgeStyle(
                rel,
                color=kind.colour,
                caption="name",
                directed=True,
                width=1.5,
                line_style="dashed" if kind.dashed else "solid",
                raw_style={
                    "font-size": EDGE_TEXT_SIZE,
                    "min-zoomed-font-size": EDGE_MIN_SCREEN_TEXT,
                    "text-rotation": "autorotate",
                    "color": "#333333",
                    "text-background-color": "#FFFFFF",
                    "text-background-opacity": 0.8,
                    "text-background-padding": "1px",
                },
            )
        )
    return styles


def kind_name(rel_type: str) -> str:
    """A link's kind in the reader's words, read from its start ("deltog i"); an analytic's link joining
    several kinds (``ATTENDED/PRESENTED``, ``graph.analytics.simple``) names each, joined by " / "."""
    return " / ".join(rel_name(rel, True) if has(f"rel.{rel}.out") else rel for rel in rel_type.split("/"))


def edge_names(view: GraphData) -> dict[str, str]:
    """Each relationship kind in the view in the reader's words (:func:`kind_name`)."""
    return {rel: kind_name(rel) for rel in present_rel_types(view)}


def _chip(colour: str, glyph: str, text: str) -> str:
    return (
        f'<span style="margin-right:1.2em;white-space:nowrap">'
        f'<span style="color:{html.escape(colour)};font-size:1.2em">{glyph}</span> '
        f"<span>{html.escape(text)}</span></span>"
    )


def legend(view: GraphData) -> None:
    """What colour, shape and size stand for (one line), then shape (and colour) per type for the types in
    the view, the colour of each community, and the colour and dash of each kind of link (what tells the
    kinds apart when their captions are too small).

    Only type and link names from strings.yaml and community numbers go into this HTML, escaped.
    """
    by_group = bool(groups(view))
    items = [f"<span>{html.escape(t('graph.encoding_group' if by_group else 'graph.encoding'))}</span><br>"]
    items += [
        _chip(
            "#555555" if by_group else style_for(type_id).colour,
            GLYPHS.get(style_for(type_id).shape, "●"),
            type_name(type_id),
        )
        for type_id in present_types(view)
    ]
    items += [_chip(group_colour(g), "●", t("graph.group", n=g)) for g in groups(view)]
    items += [_chip(group_colour(r), "━", t("graph.route", n=r)) for r in routes(view)]
    names = edge_names(view)
    items += [
        _chip(edge_style_for(rel).colour, "┄" if edge_style_for(rel).dashed else "━", names[rel])
        for rel in present_rel_types(view)
    ]
    if len(items) > 1:
        st.html('<div style="font-size:0.9em;line-height:2">' + " ".join(items) + "</div>")


def route_styles(view: GraphData) -> list[StyleRule]:
    """A shortest connection's routes each in their own colour, wide, over the kinds' colours (an edge on
    several routes takes its first; its caption numbers them all)."""
    return [
        StyleRule(
            f"edge[route = {int(r)}]",
            {"line-color": group_colour(r), "target-arrow-color": group_colour(r), "width": 3},
        )
        for r in routes(view)
    ]


def group_styles(view: GraphData) -> list[StyleRule]:
    """Community colours over the type colours (the shape still tells the type)."""
    return [StyleRule(f"node[group = {int(g)}]", {"background-color": group_colour(g)}) for g in groups(view)]


def for_reader(view: GraphData) -> GraphData:
    """The view as the signed-in reader may see it: without the contact permission, e-mail addresses and
    phone numbers in node names (a deadline's wording) are masked, as in answers (``graph.contact``)."""
    if current_user().can("contact"):
        return view
    nodes = {i: replace(n, name=masked(n.name), name_en=masked(n.name_en)) for i, n in view.nodes.items()}
    return GraphData(nodes, view.edges)


def show_graph(view: GraphData, key: str, height: int = 600) -> dict[str, Any] | None:
    """Draw a view with pan, zoom, drag and search; return the latest click or double click.

    The key names what the view is (callers add the question or mode); the language of the captions is
    added to it. The nodes are placed here (``ui.graph_layout``), and after its first draw the component
    is sent only what changed (``ui.graph_sync``).
    """
    if not view.nodes:
        st.info(t("graph.empty"))
        return None
    view = for_reader(view)
    legend(view)
    large = len(view) > 300
    # Laid out once here and drawn as placed: the browser runs no force layout, an expand moves nothing.
    positions = place(view, st.session_state.get(f"{key}:positions", {}))
    st.session_state[f"{key}:positions"] = positions
    elements = to_elements(view, current_language(), edge_names(view), positions)
    mount, commands = changes(f"{key}-{current_language()}", elements)  # after the first draw: what changed
    event = graph_workbench(
        elements,
        layout={"name": "preset", "fit": True, "padding": 30, "animate": False},
        node_styles=[*node_styles(), SIZE_STYLE, *group_styles(view)],
        edge_styles=[*edge_styles(view), *route_styles(view)],
        height=height,
        key=mount,
        elements_sync="initial",
        graph_commands=commands,
        validate=False,  # the commands replay from the first draw, not from these elements (ui.graph_sync)
        events=[
            Event(CLICK, "tap", "node"),
            Event(DOUBLE_CLICK, "dbltap", "node"),
            Event(EDGE_CLICK, "tap", "edge"),
        ],
        search=True,
        show_selection_details=False,
        performance_profile="large" if large else "default",
        toolbar={"mode": "compact"},
        # No tool that edits or removes: such edits live in the browser only and a rerun undoes them.
        # Expanding is the app's own (double click, the button), which reads the graph.
        node_actions=[],
        crud_actions=[],
        edit_actions=[],
        analysis_actions=[],
    )
    localise_toolbar(key)
    from pmkg.ui.graph_picture import picture_buttons  # it reads this module's names and colours

    picture_buttons(view, key)
    return event


def fresh_event(event: dict[str, Any] | None, key: str) -> dict[str, Any] | None:
    """The component returns its last event on every rerun: pass each one on only once."""
    if not event or not event.get("timestamp"):
        return None
    seen = f"{key}:handled"
    if st.session_state.get(seen) == event["timestamp"]:
        return None
    st.session_state[seen] = event["timestamp"]
    return event


def properties_table(props: dict[str, Any]) -> pd.DataFrame:
    """A node's or a relationship's properties as two columns, names in the reader's language and
    lists joined: what the details of a node and of a link show."""
    return pd.DataFrame(
        {
            t("details.property"): [t(f"prop.{k}") if has(f"prop.{k}") else k for k in props],
            t("details.value"): [
                ", ".join(map(str, v)) if isinstance(v, list) else str(v) for v in props.values()
            ],
        }
    )


def details(driver: neo4j.Driver, node_id: str, share: float = 1.0) -> None:
    """A node's properties (contact details only for a reader allowed them) and every source quote
    behind its relationships, with document and date; the tables fit ``share`` of the page's width."""
    contact = current_user().can("contact")
    found = data.node(driver, node_id, contact=contact)
    if found is None:
        st.warning(t("details.gone"))
        return
    labels, props = found
    st.subheader(md_escape(str(props.get("name") or node_id)))
    st.caption(md_escape(" · ".join(type_name(label) for label in labels)))
    shown = {k: v for k, v in props.items() if k != "name" and v not in (None, "", [])}
    if shown:
        tables.show(properties_table(shown), share=share)
    rows = data.provenance(driver, node_id)
    if not contact:  # a quote may give an address
        rows = [without_contact_properties(row) for row in rows]
    quote_col = t("details.quote")
    # A rejected fact says so beside its quote, where it is in view (the last column was off the right
    # edge of a table with long quotes and names); the column is left out when nothing is rejected.
    rejected = [r.get("rejected") or "" for r in rows]
    table = pd.DataFrame(
        {
            quote_col: [one_line(r["quote"] or "") for r in rows],  # as it reads: "England", not "Eng- land"
            **({t("details.rejected"): rejected} if any(rejected) else {}),  # left out of every answer
            t("details.relation"): [rel_name(r["rel"], r["outgoing"]) for r in rows],
            t("details.other"): [r["other"] for r in rows],
            t("details.document"): [
                t("details.curated", by=r["curated_by"], note=r["note"] or "")
                if r.get("curated_by")  # staff stated it (graph.curated): who, and the source note
                else r["document"] or r["source"] or ""
                for r in rows
            ],
            t("details.date"): [r["date"] or "" for r in rows],
        }
    ).drop_duplicates()
    st.markdown(f"**{t('details.sources', n=int((table[quote_col] != '').sum()))}**")
    if table.empty:
        st.info(t("details.no_sources"))
        return
    tables.show(table, share=share)


def done_and_rerun(key: str, message: str) -> None:
    """Say what a user's action did, on the page the rerun it starts draws (a write changes what the
    page shows, so it reruns at once; the line survives in the session until :func:`show_done`)."""
    st.session_state[key] = message
    st.rerun()


def show_done(key: str) -> None:
    """The line :func:`done_and_rerun` left, once, as a success message."""
    done = st.session_state.pop(key, None)
    if done:
        st.success(md_escape(done), icon=":material/check:")


def still_to_decide(
    waiting: Sequence[Decidable], skipped_key: str, texts: str, editor: bool
) -> list[Decidable]:
    """A review queue's head: the items of ``waiting`` not skipped in this session, after their count
    and, for a viewer, that deciding needs an editor; when none is left, says so (``{texts}.empty``) and
    offers the skipped ones again. ``texts``: the prefix of the queue's strings (``short``, ``fact``)."""
    skipped: list[str] = st.session_state.setdefault(skipped_key, [])
    queue = [item for item in waiting if item.id not in skipped]
    st.caption(t(f"{texts}.count", n=len(queue), skipped=len(waiting) - len(queue)))
    if not editor:
        st.info(t(f"{texts}.needs_editor"), icon=":material/lock:")
    if not queue:
        st.info(t(f"{texts}.empty"), icon=":material/task_alt:")
        if len(waiting) > len(queue) and st.button(t("review.again"), key=f"{texts}_again"):
            skipped.clear()
            st.rerun()
    return queue
