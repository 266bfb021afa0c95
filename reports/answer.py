"""A question's answer as a document: the question, its parameters, the answer's table, and each row's
quote as a numbered note with its minutes and date (the columns ``quote``, ``document``/``documents``,
``date`` of the answer, where it has them)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from pmkg.graph.questions import Answer
from pmkg.reports.model import Note, Report, Section, Table
from pmkg.reports.text import tr

QUOTE = "quote"
DOCUMENT_COLUMNS = ("document", "documents", "set_at", "meeting")
MAX_ROWS = 2000


def _cell(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def visible(column: object) -> bool:
    """Id columns link to the RDF and stay out of documents, as they do on screen."""
    return not (str(column) == "id" or str(column).endswith("_id"))


def to_report(answer: Answer, lang: str = "da", heading: Callable[[str], str] = str) -> Report:
    """The answer as a document in ``lang``; ``heading`` names a column in the reader's language. The
    quote column becomes the rows' notes."""
    frame = answer.frame.head(MAX_ROWS).reset_index(drop=True)
    document_column = next((c for c in DOCUMENT_COLUMNS if c in frame.columns), None)
    notes: dict[tuple[str, str], Note] = {}
    cited: list[tuple[int, ...]] = []
    for _, row in frame.iterrows():
        quote = _cell(row[QUOTE]) if QUOTE in frame.columns else ""
        if not quote:
            cited.append(())
            continue
        document = _cell(row[document_column]) if document_column else answer.question.title(lang)
        key = (document, quote)
        if key not in notes:
            notes[key] = Note(len(notes) + 1, document, _cell(row.get("date")) or None, quote)
        cited.append((notes[key].number,))
    columns = [c for c in frame.columns if visible(c) and c != QUOTE]
    rows = tuple(tuple(_cell(v) for v in r) for r in frame[columns].itertuples(index=False))
    table = Table(tuple(heading(str(c)) for c in columns), rows, tuple(cited))
    params = ", ".join(f"{k}={_cell(v)}" for k, v in answer.params.items() if v not in (None, ""))
    return Report(
        title=answer.question.title(lang),
        subtitle=tr("answer.subtitle", lang, params=params or "–"),
        lang=lang,
        sections=(Section(tr("answer.rows", lang, n=len(frame)), table=table),),
        notes=tuple(notes.values()),
        notes_heading=tr("brief.notes", lang),
        remarks=(answer.question.description(lang),),
    )
