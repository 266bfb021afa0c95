"""Tables people can read: every column in view, long text wrapped, a choice of columns.

Streamlit sizes a column to its longest cell, so one long quote or list of other names pushed the
columns after it (status, roles, document, date) off the right edge, where readers took them for
missing. Here a column whose cells run long gets a fixed width and the rows room for a few lines, so
its text wraps inside the cell (Streamlit wraps text in fixed-width columns when rows are taller than
one line) and every column stays on screen. Sorting is the grid's own (click a heading).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from pmkg.ui.i18n import t

LONG = 48  # characters: a cell longer than this wraps in a wide column
MEDIUM = 24  # characters: a column of cells up to LONG gets a medium width
LINE_PX = 21  # one line of cell text
WRAPPED_LINES = 3  # the rows' height when some column wraps: enough for a quote's first lines
VISIBLE_ROWS = 10  # rows in view before the table scrolls: as many as with one-line rows
HEADER_PX = 36


def cell_length(value: object) -> int:
    """The characters a cell shows: a list as its items joined, nothing for an empty cell."""
    if isinstance(value, list | tuple):
        return len(", ".join(map(str, value)))
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return 0
    return len(str(value))


def widths(frame: pd.DataFrame) -> dict[str, str]:
    """The width each text column needs ("large" for long text, "medium" for mid-length), by the
    longest of its cells; short and numeric columns are left out and size to their content."""
    found: dict[str, str] = {}
    for column in frame.columns:
        longest = max((cell_length(v) for v in frame[column]), default=0)
        if longest > LONG:
            found[str(column)] = "large"
        elif longest > MEDIUM:
            found[str(column)] = "medium"
    return found


def column_config(frame: pd.DataFrame) -> dict[str, Any]:
    """Streamlit's column settings for ``frame``: fixed widths for its long columns (lists stay lists)."""
    config: dict[str, Any] = {}
    for column, width in widths(frame).items():
        is_list = frame[column].map(lambda v: isinstance(v, list | tuple)).any()
        kind = st.column_config.ListColumn if is_list else st.column_config.TextColumn
        config[column] = kind(width=width)  # type: ignore[arg-type]
    return config


def row_height(frame: pd.DataFrame) -> int | None:
    """Room for a few lines when some column wraps; the grid's own one-line rows otherwise."""
    return LINE_PX * WRAPPED_LINES + 8 if "large" in widths(frame).values() else None


def height(frame: pd.DataFrame) -> int | str:
    """Tall enough for as many rows as one-line rows would show (rows that wrap are taller, and a
    table of the usual height would show only half of them); the grid's own height otherwise."""
    rows = row_height(frame)
    return HEADER_PX + rows * min(len(frame), VISIBLE_ROWS) + 2 if rows else "auto"


def show(frame: pd.DataFrame, *, choose_key: str | None = None, **options: Any) -> Any:
    """``st.dataframe`` with every column readable; with ``choose_key``, a choice of the columns shown
    above it (all by default; the downloads keep every column). Returns what ``st.dataframe`` returns
    (the selection, when ``options`` asks for one)."""
    order = None
    if choose_key and len(frame.columns) > 2:
        columns = [str(c) for c in frame.columns]
        with st.popover(t("table.columns"), icon=":material/view_column:"):  # out of the way until wanted
            chosen = st.multiselect(t("table.columns"), columns, default=columns, key=choose_key)
        order = [c for c in columns if c in chosen] or columns
    options.setdefault("hide_index", True)
    options.setdefault("width", "stretch")
    return st.dataframe(
        frame,
        column_config=column_config(frame),
        row_height=row_height(frame),
        height=height(frame),
        column_order=order,
        **options,
    )
