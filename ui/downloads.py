"""Download buttons for the briefings, changes, matrix and plots pages: a table as CSV and Excel, a document
as DOCX, PDF or Markdown, a picture as PNG. Every button makes its file from what the page shows."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from pmkg.graph.questions import Answer
from pmkg.reports.answer import to_report as answer_report
from pmkg.reports.model import Report
from pmkg.reports.render import FORMATS, render
from pmkg.reports.tables import XLSX_TYPE, csv_bytes, xlsx_bytes
from pmkg.ui.i18n import current_language, has, t, translate


def table_buttons(frame: pd.DataFrame, name: str, key: str) -> None:
    """CSV and Excel of a table."""
    cols = st.columns(2)
    cols[0].download_button(
        "CSV",
        csv_bytes(frame),
        f"{name}.csv",
        "text/csv",
        icon=":material/download:",
        key=f"{key}_csv",
        on_click="ignore",
    )
    cols[1].download_button(
        "Excel",
        xlsx_bytes(frame),
        f"{name}.xlsx",
        XLSX_TYPE,
        icon=":material/download:",
        key=f"{key}_xlsx",
        on_click="ignore",
    )


def document_buttons(make: Callable[[], Report], name: str, key: str, formats: tuple[str, ...]) -> None:
    """One button per document format; the document is made when a button is pressed."""
    cols = st.columns(len(formats))
    for col, fmt in zip(cols, formats, strict=True):
        extension, media_type = FORMATS[fmt]
        col.download_button(
            fmt.upper() if fmt != "md" else "Markdown",
            lambda fmt=fmt: render(make(), fmt),
            f"{name}.{extension}",
            media_type,
            icon=":material/description:",
            key=f"{key}_{fmt}",
            on_click="ignore",
        )


def png_button(png: bytes, name: str, key: str) -> None:
    st.download_button(
        "PNG", png, f"{name}.png", "image/png", icon=":material/image:", key=f"{key}_png", on_click="ignore"
    )


def column_title(column: str, lang: str | None = None) -> str:
    """A column's name in the reader's language (``lang``, else the session's), where strings.yaml has
    one."""
    key = f"col.{column}"
    if not has(key):
        return column
    return t(key) if lang is None else translate(key, lang)


def answer_docx_button(answer: Answer, file_name: str) -> None:
    """A question's answer as Word: its table, and each row's quote as a footnote. The file is made
    when it is downloaded, after the page's run, where the session's language is no longer known: the
    language is taken now and handed on."""
    lang = current_language()
    st.download_button(
        t("q.docx"),
        lambda: render(answer_report(answer, lang, lambda column: column_title(column, lang)), "docx"),
        file_name,
        FORMATS["docx"][1],
        icon=":material/description:",
        key="q_docx",
        on_click="ignore",
    )
