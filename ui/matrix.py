"""Theme × stakeholder: points raised per theme (a level of the SKOS taxonomy) by organisations, kinds of
organisation or people; a click on a cell shows the quotes behind it; zeros (gaps) are shaded apart;
downloads as CSV, Excel and PNG (graph/matrix.py)."""

from __future__ import annotations

from typing import Any

import neo4j
import pandas as pd
import streamlit as st

from pmkg.graph import matrix as mx
from pmkg.reports.figure import heatmap_png
from pmkg.reports.text import code
from pmkg.ui import asof, links, tables
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


def chosen_cell(table: pd.DataFrame, cells: list[Any], columns: pd.Index) -> tuple[str, str] | None:
    """The cell whose quotes are shown, as (theme id, stakeholder id): one the reader has just clicked,
    else the one chosen before (or named by the link: ``cell=theme-id,stakeholder-id``). Kept as ids, not
    as the grid's row and column numbers, so a link names the same cell when a theme or organisation is
    added; a click is told apart from the grid's standing selection by comparing it with the last one."""
    state = st.session_state
    if cells != state.get("mx_seen", []):
        state.mx_seen = cells
        state.mx_cell = None
        if cells and cells[0][1] in columns[1:]:
            row, column = cells[0]
            state.mx_cell = [str(table.index[row]), str(table.columns[list(columns).index(column) - 1])]
    links.bind("mx_cell", "cell", links.IDS, check=lambda v: in_table(table, v))
    cell = state.get("mx_cell")
    if not cell or not in_table(table, cell):
        state.mx_cell = None  # e.g. a cell of the other level: the link names no cell then
        return None
    return cell[0], cell[1]


def in_table(table: pd.DataFrame, cell: list[str]) -> bool:
    """Whether ``cell`` names a theme row and a stakeholder column of ``table``."""
    return len(cell) == 2 and cell[0] in table.index and cell[1] in table.columns


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
    cell = chosen_cell(table, event.selection.get("cells", []) if event else [], shown.columns)
    if cell is not None:
        row, column = table.index.get_loc(cell[0]), table.columns.get_loc(cell[1])
        quotes(driver, cell[0], cell[1], shown.iloc[row, 0], shown.columns[column + 1], level, by)
    links.copy_link()
    table_buttons(shown, f"themes-by-{by}", "mx")
    png_button(heatmap_png(shown.set_index(shown.columns[0])), f"themes-by-{by}", "mx")


def quotes(driver: neo4j.Driver, row: str, column: str, theme: str, who: str, level: str, by: str) -> None:
    """The points behind one cell, with their quotes and minutes."""
    st.markdown(f"**{md_escape(theme)} × {md_escape(who)}**")
    found = mx.cell_quotes(driver, row, column, level, by, asof.current(), lang=current_language())
    if not found:
        st.info(t("matrix.no_points"))
        return
    frame = pd.DataFrame(found)
    tables.show(frame.rename(columns={c: t(f"col.{c}") for c in frame.columns}))
