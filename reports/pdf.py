"""A document as PDF, typeset by Typst (the ``typst`` package: the compiler in a wheel, its fonts inside).

Why Typst (BENCHMARKS.md has the figures): real footnotes at the foot of each page, which fpdf2 lacks
(its notes would be hand-placed endnotes), no system libraries (WeasyPrint needs Pango), fonts bundled
with the compiler, and a 3-page note with 60 footnotes in 0.4 s against fpdf2's 0.7 s for the same text
without footnotes. The price is its size (an 81 MB wheel). The template is ``reports/report.typ``; the
data go in as JSON (``sys.inputs``), so no name or quote is ever read as markup.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import asdict
from importlib.resources import files
from pathlib import Path

import typst

from pmkg.errors import PmkgError
from pmkg.reports.model import Report
from pmkg.reports.text import note_text

TEMPLATE = "report.typ"


def payload(report: Report, figure_paths: dict[int, str]) -> dict:
    """The report as the template reads it: notes as text by number, figures as file names."""
    sections = []
    for index, section in enumerate(report.sections):
        data = asdict(section)
        data["figure"] = (
            {"path": figure_paths[index], "caption": section.figure.caption} if section.figure else None
        )
        sections.append(data)
    return {
        "title": report.title,
        "subtitle": report.subtitle,
        "lang": report.lang,
        "remarks": list(report.remarks),
        "sections": sections,
        "notes": {str(n.number): note_text(n, report.lang) for n in report.notes},
    }


def render(report: Report) -> bytes:
    """The PDF file's bytes."""
    template = files("pmkg.reports").joinpath(TEMPLATE).read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="pmkg-pdf-") as folder:
        root = Path(folder)
        figures = {}
        for index, section in enumerate(report.sections):
            if section.figure is not None:
                figures[index] = f"figure-{index}.png"
                (root / figures[index]).write_bytes(section.figure.png)
        (root / "main.typ").write_text(template, encoding="utf-8")
        data = json.dumps(payload(report, figures), ensure_ascii=False)
        try:
            return typst.compile(
                str(root / "main.typ"), root=str(root), format="pdf", sys_inputs={"report": data}
            )
        except RuntimeError as exc:  # the compiler's errors, e.g. a broken template
            raise PmkgError(f"the PDF could not be typeset: {str(exc).splitlines()[0]}") from exc
