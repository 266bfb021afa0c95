"""What changed (``graph.changes.Changes``) as a document: one table per category (people, roles, ...)
with the change, before and after in the reader's language, and the quote of each row as its note."""

from __future__ import annotations

import pandas as pd

from pmkg.graph.changes import CATEGORIES, Changes
from pmkg.reports.model import Note, Report, Section, Table
from pmkg.reports.text import detail, tr

TABLE_COLUMNS = ("change", "name", "before", "after")


def readable(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The change table for people: categories, changes and codes in ``lang``, the internal key left out."""
    shown = table.drop(columns=["key"]).copy()
    shown["category"] = shown["category"].map(lambda c: tr(f"changes.category.{c}", lang))
    shown["change"] = shown["change"].map(lambda c: tr(f"changes.change.{c}", lang))
    for column in ("before", "after"):
        shown[column] = shown[column].map(lambda v: detail(str(v), lang) if v else "")
    return shown


def to_report(found: Changes, lang: str = "da") -> Report:
    notes: dict[tuple[str, str], Note] = {}
    sections = []
    for category in CATEGORIES:
        rows = found.table[found.table["category"] == category]
        if rows.empty:
            continue
        cells, cited = [], []
        for row in rows.itertuples(index=False):
            cells.append(
                (
                    tr(f"changes.change.{row.change}", lang),
                    str(row.name),
                    detail(str(row.before), lang),
                    detail(str(row.after), lang),
                )
            )
            key = (str(row.document), str(row.quote))
            if row.quote and key not in notes:
                notes[key] = Note(len(notes) + 1, str(row.document), row.date, str(row.quote))
            cited.append((notes[key].number,) if row.quote else ())
        columns = tuple(tr(f"changes.column.{c}", lang) for c in TABLE_COLUMNS)
        table = Table(columns, tuple(cells), tuple(cited))
        sections.append(Section(tr(f"changes.category.{category}", lang), table=table))
    if not sections:
        sections.append(Section(tr("changes.title", lang), empty=tr("changes.none", lang)))
    return Report(
        title=tr("changes.title", lang),
        subtitle=tr("changes.subtitle", lang, before=found.before.label, after=found.after.label),
        lang=lang,
        sections=tuple(sections),
        notes=tuple(notes.values()),
        notes_heading=tr("brief.notes", lang),
        remarks=(tr("brief.inferred", lang),) if found.before.inferred or found.after.inferred else (),
    )
