"""A briefing (``graph.briefing.Briefing``) as a document: a section per part of the note, each statement
one cited item, the ego graph as a figure, in Danish or English."""

from __future__ import annotations

import datetime as dt

from pmkg.graph.briefing import SECTIONS, Briefing, Statement
from pmkg.reports.figure import ego_png
from pmkg.reports.model import Figure, Item, Note, Report, Section
from pmkg.reports.text import code, detail, has, tr

# Sections shown even when empty, so the reader sees that nothing was found (the rest are left out).
ALWAYS = ("identity", "roles", "upcoming", "review")


def period(statement: Statement) -> str:
    """'2022-03-01 – 2023-06-14', or the one date when there is one."""
    if statement.since and statement.date and statement.since != statement.date:
        return f"{statement.since} – {statement.date}"
    return statement.date or statement.since or ""


def item_text(statement: Statement, lang: str) -> str:
    """A statement as a sentence-like line: kind, name, detail in the reader's language, period, currency."""
    if statement.kind == "identity":
        name = code(statement.name, lang) if has(f"vocab.{statement.name}") else statement.name
        return f"{name[:1].upper()}{name[1:]}: {detail(statement.detail, lang)}"
    kind = tr(f"kind.{statement.kind}", lang) if has(f"kind.{statement.kind}") else statement.kind
    text = f"{kind}: {statement.name}" if kind else statement.name
    if statement.detail:
        text += f" — {detail(statement.detail, lang)}"
    when = period(statement)
    if when:
        text += f" ({when})"
    if statement.current is not None:
        text += f" · {tr('brief.current' if statement.current else 'brief.past', lang)}"
    return text


def figure(briefing: Briefing, lang: str) -> Figure | None:
    """The entity's ego graph: everything the briefing names, linked to the entity."""
    neighbours = [
        (s.entity_id, s.name, s.section)
        for s in briefing.statements
        if s.entity_id
        and s.section not in ("identity", "documents", "review")
        and s.entity_id != briefing.entity_id
    ]
    if not neighbours:
        return None
    caption = tr("brief.figure", lang, name=briefing.name)
    return Figure(ego_png(briefing.name, neighbours), caption)


def to_report(briefing: Briefing, lang: str = "da", with_figure: bool = True) -> Report:
    """The briefing note as a document in ``lang`` (da or en)."""
    sections = []
    for name in SECTIONS:
        statements = briefing.section(name)
        if not statements and name not in ALWAYS:
            continue
        items = tuple(Item(item_text(s, lang), (s.note,) if s.note else ()) for s in statements)
        sections.append(Section(tr(f"section.{name}", lang), items, empty=tr("brief.none", lang)))
        if name == "identity" and with_figure:
            drawn = figure(briefing, lang)
            if drawn:
                sections.append(Section(tr("section.figure", lang), figure=drawn))
    date = briefing.as_of or f"{dt.date.today().isoformat()} ({tr('brief.today', lang)})"
    remarks = (tr("brief.inferred", lang),) if "date_inferred" in briefing.flags else ()
    return Report(
        title=tr("brief.title", lang, name=briefing.name),
        subtitle=tr("brief.subtitle", lang, type=tr(f"label.{briefing.label}", lang), date=date),
        lang=lang,
        sections=tuple(sections),
        notes=tuple(
            Note(
                n.number,
                tr("note.curated", lang, by=n.document) if n.curated else n.document,
                n.date,
                n.quote,
            )
            for n in briefing.notes
        ),
        notes_heading=tr("brief.notes", lang),
        remarks=remarks,
    )
