"""Tables people can read: every column in view, long text wrapped, a choice of columns.

Streamlit sizes a column to its longest cell, so one long quote or list of other names pushed the
columns after it (status, roles, document, date) off the right edge, where readers took them for
missing. Here every column gets a width in pixels, computed once per table (:func:`plan`) so that the
columns together fit the page's main area on a small laptop's screen (1280 px with the sidebar open,
:data:`PAGE_PX`): short columns (a date, a kind, a status) keep the width their text needs, and the
long ones share what is left, their text wrapping inside the cell in rows a few lines tall (Streamlit
wraps text in fixed-width columns when rows are taller than one line). On a wider screen the grid gives
the space left over to the columns evenly. The server never learns the browser's width, hence a budget
rather than a measurement; a table beside another element gets its ``share`` of it. Sorting is the grid's
own (click a heading).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

from pmkg.ui import links
from pmkg.ui.i18n import t

PAGE_PX = 794  # the main area is 820 px wide at 1280 px with the sidebar open (a little kept for a scrollbar)
COLUMN_GAP_PX = 16  # a table in a column: the gap between the page's columns
SELECT_PX = 40  # a table whose rows can be selected: the grid's column of checkboxes
CHAR_PX = 6.6  # an average character of the grid's font (Source Sans, 14 px: 6.3 measured in Chromium)
CELL_PAD_PX = 18  # a cell's padding, both sides
HEADER_PAD_PX = 28  # a heading's padding and its sort arrow
MIN_PX = 50  # no column narrower
HEADER_MAX_PX = 150  # a long heading may be cut rather than take a long column's room
WRAP_MIN_PX = 120  # a wrapping column keeps room for a few words a line
WORD_SLACK = 1.15  # wrapped text takes more lines than its length says: lines break between words
LINE_PX = 21  # one line of cell text
MAX_LINES = 4  # the rows' height at most, when some column wraps: a quote's first lines
VISIBLE_ROWS = 10  # rows in view before the table scrolls: as many as with one-line rows
HEADER_PX = 36


@dataclass(frozen=True)
class Layout:
    """How a table is drawn: each column's width in pixels and the lines its rows have room for."""

    widths: dict[str, int]
    lines: int  # 1: the grid's own one-line rows


def cell_length(value: object) -> int:
    """The characters a cell shows: a list as its items joined, nothing for an empty cell."""
    if is_list(value):
        return len(", ".join(map(str, value)))
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return 0
    return len(str(value))


def cell_px(value: object) -> int:
    """The pixels a cell's text needs on one line."""
    return math.ceil(cell_length(value) * CHAR_PX) + CELL_PAD_PX


def as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with each list as its items joined by ", ": text wraps in a cut column, where a list's
    pills would be cut off at the edge (a pill never wraps)."""
    return frame.apply(lambda column: column.map(lambda v: ", ".join(map(str, v)) if is_list(v) else v))


def is_list(value: object) -> bool:
    return isinstance(value, list | tuple)


def header_px(name: str) -> int:
    """The pixels a column's heading needs, up to :data:`HEADER_MAX_PX`."""
    return min(math.ceil(len(name) * CHAR_PX) + HEADER_PAD_PX, HEADER_MAX_PX)


def floor_px(name: str, need: int, wraps: bool) -> int:
    """The least a column may be cut to: its heading, and for wrapping text a few words a line."""
    return min(need, max(header_px(name), MIN_PX, WRAP_MIN_PX if wraps else 0))


def fair_widths(needs: dict[str, int], floors: dict[str, int], budget: int) -> dict[str, int]:
    """Each column ``need`` wide, or cut to a common width ``cap`` (never below its floor), with the
    largest ``cap`` whose columns fit ``budget``: the narrow columns keep what they need, the wide ones
    share the rest evenly. Columns whose floors alone exceed the budget stay at their floors."""

    def at(cap: int) -> dict[str, int]:
        return {n: max(floors[n], min(need, cap)) for n, need in needs.items()}

    low, high = 0, max(needs.values(), default=0)
    while low < high:  # the total grows with the cap: the largest cap that fits
        middle = (low + high + 1) // 2
        low, high = (middle, high) if sum(at(middle).values()) <= budget else (low, middle - 1)
    return at(low)


def plan(frame: pd.DataFrame, share: float = 1.0, *, selectable: bool = False) -> Layout:
    """Widths that fit ``share`` of :data:`PAGE_PX` (less the grid's checkbox column when rows are
    ``selectable``): each column as wide as its longest cell when all fit;
    otherwise the widest cut to a common width (at least its heading's, a text column at least
    :data:`WRAP_MIN_PX`), their text wrapped in rows tall enough for it (at most :data:`MAX_LINES`)."""
    columns = {str(c): frame[c] for c in frame.columns}
    names = list(columns)
    content = {n: max((cell_px(v) for v in values), default=0) for n, values in columns.items()}
    needs = {n: max(content[n], header_px(n), MIN_PX) for n in names}
    wraps = {n: not pd.api.types.is_numeric_dtype(values) for n, values in columns.items()}
    budget = int(PAGE_PX * share) - (COLUMN_GAP_PX if share < 1 else 0) - (SELECT_PX if selectable else 0)
    floors = {n: floor_px(n, needs[n], wraps[n]) for n in names}
    if sum(floors.values()) > budget:  # many columns: their headings cut too, rather than a column unseen
        least = min(MIN_PX, budget // max(len(names), 1))  # below MIN_PX only when even that cannot fit
        floors = fair_widths(floors, dict.fromkeys(names, least), budget)
    widths = fair_widths(needs, floors, budget)
    cut = [n for n in names if content[n] > widths[n]]  # these wrap; the others keep one line
    lines = max((math.ceil(content[n] * WORD_SLACK / widths[n]) for n in cut), default=1)
    return Layout(widths, min(max(lines, 1), MAX_LINES))


def column_config(frame: pd.DataFrame, layout: Layout) -> dict[str, Any]:
    """Streamlit's column settings for ``frame`` (lists joined, :func:`as_text`): every column its width,
    numbers and yes/no columns keeping the grid's own kind."""
    config: dict[str, Any] = {}
    for column in frame.columns:
        numeric = pd.api.types.is_numeric_dtype(frame[column])
        kind = st.column_config.Column if numeric else st.column_config.TextColumn
        config[str(column)] = kind(width=layout.widths[str(column)])  # type: ignore[operator]
    return config


def row_height(layout: Layout) -> int | None:
    """Room for the lines a wrapped cell needs; the grid's own one-line rows otherwise."""
    return LINE_PX * layout.lines + 8 if layout.lines > 1 else None


def height(rows: int, layout: Layout) -> int | str:
    """Tall enough for as many rows as one-line rows would show (rows that wrap are taller, and a
    table of the usual height would show only half of them); the grid's own height otherwise."""
    each = row_height(layout)
    return HEADER_PX + each * min(rows, VISIBLE_ROWS) + 2 if each else "auto"


def show(frame: pd.DataFrame, *, choose_key: str | None = None, share: float = 1.0, **options: Any) -> Any:
    """``st.dataframe`` with every column readable within ``share`` of the page's width (a table in a
    column beside a graph: that column's part); with ``choose_key``, a choice of the columns shown above
    it (all by default; the downloads keep every column). Returns what ``st.dataframe`` returns (the
    selection, when ``options`` asks for one)."""
    frame = as_text(frame)
    shown = frame
    order = None
    if choose_key and len(frame.columns) > 2:
        columns = [str(c) for c in frame.columns]
        links.keep(choose_key)  # by position: the names are in the reader's language
        with st.popover(t("table.columns"), icon=":material/view_column:"):  # out of the way until wanted
            chosen = st.multiselect(
                t("table.columns"),
                range(len(columns)),
                default=list(range(len(columns))),
                format_func=columns.__getitem__,
                key=choose_key,
            )
        order = [columns[i] for i in sorted(chosen)] or columns
        shown = frame[order]  # the columns left share the width
    layout = plan(shown, share, selectable="selection_mode" in options)
    options.setdefault("hide_index", True)
    options.setdefault("width", "stretch")
    return st.dataframe(
        frame,
        column_config=column_config(shown, layout),
        row_height=row_height(layout),
        height=height(len(frame), layout),
        column_order=order,
        **options,
    )
