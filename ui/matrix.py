"""Theme × stakeholder: points raised per theme (a level of the SKOS taxonomy) by organisations, kinds of
organisation or people; a click on a cell shows the quotes behind it; zeros (gaps) are shaded apart;
downloads as CSV, Excel and PNG (graph/matrix.py)."""

from __future__ import annotations

import neo4j
import pandas as pd
import streamlit as st

from pmkg.graph import matrix as mx
from pmkg.reports.figure import heatmap_png
from pmkg.reports.text import code
from pmkg.ui import asof, links
from pmkg.ui.downloads import png_button, table_buttons
from pmkg.ui.i18n import current_language, md_escape, t

THEME_COLUMN = "theme"
THEME_WIDTH, COUNT_WIDTH = 260, 90  # pixels: fixed, so every count column reads alike


def labelled(table: pd.DataFrame, by: str, lang: str) -> pd.DataFrame:
    """The matrix for reading: theme names in ``lang`` as the first column, stakeholders by name."""
    names = table.attrs.get("names", {})
    shown = table.rename(
        columns=lambda c: code(str(names.get(c, c)), lang) if by == "type" else names.get(c, c)
    )
    shown.insert(0, THEME_COLUMN, [mx.label(row, lang) for row in table.index])
    return shown.reset_index(drop=True)


def gaps(value: object) -> str:
    """Cells nobody filled are shaded, so a silent sector stands out."""
    return "background-color: #FDEDEC; color: #B03A2E" if value == 0 else ""


def render(driver: neo4j.Driver) -> None:
    asof.caption()
    lang = current_language()
    cols = st.columns(2)
    links.bind("mx_level", "level", choices=mx.LEVELS)
    links.bind("mx_by", "by", choices=mx.STAKEHOLDERS)
    level = cols[0].segmented_control(
        t("matrix.level"),
        mx.LEVELS,
        default="group",
        format_func=lambda v: t(f"matrix.level.{v}"),
        key="mx_level",
    )
    by = cols[1].segmented_control(
        t("matrix.by"),
        mx.STAKEHOLDERS,
        default="type",
        format_func=lambda v: t(f"matrix.by.{v}"),
        key="mx_by",
    )
    table = mx.matrix(driver, level or "group", by or "type", asof.current())
    shown = labelled(table, by or "type", lang).rename(columns={THEME_COLUMN: t("matrix.theme")})
    if table.empty or not len(table.columns):
        st.info(t("matrix.empty"))
        return
    st.caption(t("matrix.help"))
    event = st.dataframe(
        shown.style.map(gaps, subset=list(shown.columns[1:])),
        hide_index=True,
        on_select="rerun",
        selection_mode="single-cell",
        key="mx_table",
        column_config={
            shown.columns[0]: st.column_config.TextColumn(width=THEME_WIDTH, pinned=True),
            **{c: st.column_config.NumberColumn(width=COUNT_WIDTH) for c in shown.columns[1:]},
        },
    )
    cells = event.selection.get("cells", []) if event else []
    if cells:
        row, column = cells[0]
        position = list(shown.columns).index(column) - 1
        if position >= 0:
            quotes(driver, table.index[row], table.columns[position], shown.iloc[row, 0], column, level, by)
    links.copy_link()
    table_buttons(shown, f"themes-by-{by}", "mx")
    png_button(heatmap_png(shown.set_index(shown.columns[0])), f"themes-by-{by}", "mx")


def quotes(driver: neo4j.Driver, row: str, column: str, theme: str, who: str, level: str, by: str) -> None:
    """The points behind one cell, with their quotes and minutes."""
    st.markdown(f"**{md_escape(theme)} × {md_escape(who)}**")
    found = mx.cell_quotes(driver, row, column, level, by, asof.current())
    if not found:
        st.info(t("matrix.no_points"))
        return
    frame = pd.DataFrame(found)
    st.dataframe(
        frame.rename(columns={c: t(f"col.{c}") for c in frame.columns}), hide_index=True, width="stretch"
    )
