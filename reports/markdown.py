"""A document as Markdown: items as bullets with footnote markers (``[^3]``), tables as pipe tables, the
notes at the end as footnotes (GitHub, Pandoc and most editors render them)."""

from __future__ import annotations

import base64

from pmkg.reports.model import Report
from pmkg.reports.text import note_text

_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>#|"})


def escape(text: str) -> str:
    """Data as literal Markdown text (no emphasis, links or HTML from a name or a quote)."""
    return " ".join(str(text).split()).translate(_SPECIAL)


def _marks(notes: tuple[int, ...]) -> str:
    return "".join(f"[^{n}]" for n in notes)


def render(report: Report, embed_figures: bool = False) -> str:
    """The Markdown text; figures are embedded as data URIs only when asked (a terminal wants none)."""
    lines = [f"# {escape(report.title)}", "", f"*{escape(report.subtitle)}*", ""]
    for remark in report.remarks:
        lines += [escape(remark), ""]
    for section in report.sections:
        lines += [f"## {escape(section.heading)}", ""]
        if section.figure is not None:
            if embed_figures:
                data = base64.b64encode(section.figure.png).decode("ascii")
                lines += [f"![{escape(section.figure.caption)}](data:image/png;base64,{data})", ""]
            else:
                lines += [f"*{escape(section.figure.caption)}*", ""]
        lines += [f"- {escape(item.text)}{_marks(item.notes)}" for item in section.items]
        if section.table is not None:
            table = section.table
            lines += ["| " + " | ".join(escape(c) for c in table.columns) + " |"]
            lines += ["|" + "---|" * len(table.columns)]
            for i, row in enumerate(table.rows):
                cells = [escape(c) for c in row]
                cells[-1] += _marks(table.row_notes(i))
                lines += ["| " + " | ".join(cells) + " |"]
        elif not section.items and section.figure is None and section.empty:
            lines += [escape(section.empty)]
        lines += [""]
    if report.notes:
        lines += [f"## {escape(report.notes_heading)}", ""]
        lines += [f"[^{n.number}]: {escape(note_text(n, report.lang))}" for n in report.notes]
        lines += [""]
    return "\n".join(lines)
