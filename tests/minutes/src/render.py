"""Render the source of a test minutes document as DOCX, PDF or HTML, and give its plain text.

A document's source is a list of blocks, each a pair ``(kind, content)``:

* ``("title", text)``, ``("h", text)``, ``("p", text)``: title, heading, paragraph;
* ``("bullets", [text, ...])``: a bulleted list (Word's "List Bullet" style, ``<ul>`` on a web page);
  an empty item stays an empty bullet;
* ``("table", [header_row, row, ...])``: a table (the header row is bold);
* ``("pre", text)``: lines kept exactly as written, in a monospaced font (a typed page);
* ``("nav", [text, ...])`` and ``("footer", [text, ...])``: a web page's navigation and footer.

``plain_text`` is the text the gold is checked against: one block a line, list items and
pre-formatted lines one a line, table rows as cells joined by `` | ``; it is also what python-docx
reads back from a rendered DOCX (``docx_text``), which the gold check compares.

PDF styles: ``plain`` (one column), ``two_columns`` (the page in two text columns), ``typed`` (a
monospaced page, as a scanned and OCR'd typescript reads) and ``narrow_table`` (narrow table
columns, so that cells wrap onto several lines).
"""

from __future__ import annotations

from html import escape as html_escape
from pathlib import Path
from typing import NamedTuple
from xml.sax.saxutils import escape

Block = tuple[str, object]


class Source(NamedTuple):
    """A rendered document's blocks, with its PDF style or its web page's language."""

    blocks: list[Block]
    style: str = "plain"
    lang: str = ""


FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = {
    "DejaVuSans": "DejaVuSans.ttf",
    "DejaVuSans-Bold": "DejaVuSans-Bold.ttf",
    "DejaVuSansMono": "DejaVuSansMono.ttf",
}


def plain_text(blocks: list[Block]) -> str:
    """The document's text: one block a line, items and table rows one a line; empty items left out."""
    lines: list[str] = []
    for kind, content in blocks:
        if kind == "table":
            lines.extend(" | ".join(row) for row in content)
        elif kind in ("bullets", "nav", "footer"):
            lines.extend(item for item in content if item)
        elif kind == "pre":
            lines.extend(str(content).split("\n"))
        else:
            lines.append(str(content))
    return "\n".join(lines)


def build_docx(blocks: list[Block], path: Path) -> None:
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)
    for kind, content in blocks:
        if kind == "title":
            doc.add_heading(str(content), level=1)
        elif kind == "h":
            doc.add_heading(str(content), level=2)
        elif kind == "p":
            doc.add_paragraph(str(content))
        elif kind == "bullets":
            for item in content:
                doc.add_paragraph(item, style="List Bullet")
        elif kind == "table":
            rows: list[list[str]] = content
            table = doc.add_table(rows=0, cols=len(rows[0]))
            table.style = "Table Grid"
            for i, row in enumerate(rows):
                for cell, text in zip(table.add_row().cells, row, strict=True):
                    cell.text = text
                    for run in cell.paragraphs[0].runs:
                        run.bold = i == 0
            doc.add_paragraph("")
        else:
            raise ValueError(f"a DOCX has no {kind!r} block")
    doc.save(str(path))


def docx_text(path: Path) -> str:
    """The paragraphs and table rows of a DOCX in document order, as ``plain_text`` writes them."""
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    doc, parts = Document(str(path)), []
    for element in doc.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p" and Paragraph(element, doc).text:
            parts.append(Paragraph(element, doc).text)
        elif tag == "tbl":
            parts.extend(" | ".join(c.text for c in row.cells) for row in Table(element, doc).rows)
    return "\n".join(parts)


def _styles() -> dict[str, object]:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, file in FONTS.items():
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))
    body = ParagraphStyle("body", fontName="DejaVuSans", fontSize=10, leading=13, spaceAfter=4)
    return {
        "body": body,
        "h": ParagraphStyle("h", parent=body, fontName="DejaVuSans-Bold", fontSize=11, spaceBefore=8),
        "title": ParagraphStyle("title", parent=body, fontName="DejaVuSans-Bold", fontSize=14, leading=18),
        "bullet": ParagraphStyle("bullet", parent=body, leftIndent=14, bulletIndent=4),
        "cell": ParagraphStyle("cell", parent=body, fontSize=9, leading=11, spaceAfter=0),
        "cell_bold": ParagraphStyle("cellb", parent=body, fontName="DejaVuSans-Bold", fontSize=9, leading=11),
        "typed": ParagraphStyle("typed", parent=body, fontName="DejaVuSansMono", fontSize=9, leading=11.5),
    }


def _table(rows: list[list[str]], styles: dict[str, object], width: float, narrow: bool) -> object:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    data = [
        [Paragraph(escape(t), styles["cell_bold" if i == 0 else "cell"]) for t in row]
        for i, row in enumerate(rows)
    ]
    columns = len(rows[0])
    share = 0.78 if narrow else 1.0  # a narrow table leaves a margin, so its cells wrap
    table = Table(data, colWidths=[width * share / columns] * columns, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _flowables(blocks: list[Block], styles: dict[str, object], width: float, style: str) -> list[object]:
    from reportlab.platypus import Paragraph, Preformatted, Spacer

    story: list[object] = []
    for kind, content in blocks:
        if kind in ("title", "h", "p"):
            story.append(Paragraph(escape(str(content)), styles[kind if kind != "p" else "body"]))
        elif kind == "bullets":
            story += [Paragraph(escape(i), styles["bullet"], bulletText="•") for i in content if i]
        elif kind == "pre":
            story.append(Preformatted(str(content), styles["typed"]))
        elif kind == "table":
            story += [Spacer(1, 4), _table(content, styles, width, style == "narrow_table"), Spacer(1, 6)]
        else:
            raise ValueError(f"a PDF has no {kind!r} block")
    return story


def build_pdf(blocks: list[Block], path: Path, style: str = "plain") -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    styles = _styles()
    margin, gap = 2.2 * cm, 0.8 * cm
    page_width, page_height = A4
    inner = page_width - 2 * margin
    if style == "two_columns":
        column = (inner - gap) / 2
        frames = [
            Frame(margin + i * (column + gap), margin, column, page_height - 2 * margin, id=f"c{i}")
            for i in range(2)
        ]
    else:
        column = inner
        frames = [Frame(margin, margin, inner, page_height - 2 * margin, id="body")]
    title = next(str(c) for k, c in blocks if k in ("title", "pre"))
    doc = BaseDocTemplate(str(path), pagesize=A4, title=title.strip().split("\n")[0], invariant=1)
    doc.addPageTemplates([PageTemplate(id="page", frames=frames)])
    doc.build(_flowables(blocks, styles, column, style))


def build_html(blocks: list[Block], path: Path, lang: str) -> None:
    """A web page: navigation, the minutes as the page's main content, a footer."""
    head_title = next(str(c) for k, c in blocks if k == "title")
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        f'<head><meta charset="utf-8"><title>{html_escape(head_title)}</title></head>',
        "<body>",
    ]
    main_open = False
    for kind, content in blocks:
        if kind == "nav":
            links = "".join(f'<li><a href="#">{html_escape(i)}</a></li>' for i in content)
            parts.append(f"<nav><ul>{links}</ul></nav>")
            continue
        if kind == "footer":
            parts.append("</main>" if main_open else "")
            main_open = False
            lines = "".join(f"<p>{html_escape(i)}</p>" for i in content)
            parts.append(f"<footer>{lines}</footer>")
            continue
        if not main_open:
            parts.append("<main>")
            main_open = True
        parts.append(_html_block(kind, content))
    parts += ["</main>" if main_open else "", "</body>", "</html>", ""]
    path.write_text("\n".join(p for p in parts if p), encoding="utf-8")


def _html_block(kind: str, content: object) -> str:
    if kind == "title":
        return f"<h1>{html_escape(str(content))}</h1>"
    if kind == "h":
        return f"<h2>{html_escape(str(content))}</h2>"
    if kind == "p":
        return f"<p>{html_escape(str(content))}</p>"
    if kind == "bullets":
        return "<ul>" + "".join(f"<li>{html_escape(i)}</li>" for i in content) + "</ul>"
    if kind == "table":
        rows: list[list[str]] = content
        head = "".join(f"<th>{html_escape(c)}</th>" for c in rows[0])
        body = "".join("<tr>" + "".join(f"<td>{html_escape(c)}</td>" for c in r) + "</tr>" for r in rows[1:])
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    raise ValueError(f"a web page has no {kind!r} block")
