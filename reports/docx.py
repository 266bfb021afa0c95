"""A document as Word (DOCX, python-docx) with real footnotes: the first citation of a note is a Word
footnote, later citations of the same note repeat its number as a superscript (as a cross-reference does),
so the footnote numbers are the notes' numbers.

python-docx writes no footnotes part, so this module adds one (``word/footnotes.xml``) with the separator
footnotes Word expects; its XML is built with lxml, so names and quotes are always escaped text.
"""

from __future__ import annotations

import io

import docx
from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt
from docx.text.paragraph import Paragraph
from lxml import etree

from pmkg.reports.model import Report, Table
from pmkg.reports.text import note_text

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _superscript_run(parent: etree._Element) -> etree._Element:
    run = etree.SubElement(parent, _w("r"))
    props = etree.SubElement(run, _w("rPr"))
    etree.SubElement(props, _w("vertAlign")).set(_w("val"), "superscript")
    return run


def footnotes_xml(texts: dict[int, str]) -> bytes:
    """The footnotes part: Word's two separators (ids -1 and 0), then one footnote per note number."""
    root = etree.Element(_w("footnotes"), nsmap={"w": W})
    for number, kind in ((-1, "separator"), (0, "continuationSeparator")):
        note = etree.SubElement(root, _w("footnote"))
        note.set(_w("type"), kind)
        note.set(_w("id"), str(number))
        run = etree.SubElement(etree.SubElement(note, _w("p")), _w("r"))
        etree.SubElement(run, _w(kind))
    for number, text in texts.items():
        note = etree.SubElement(root, _w("footnote"))
        note.set(_w("id"), str(number))
        paragraph = etree.SubElement(note, _w("p"))
        etree.SubElement(_superscript_run(paragraph), _w("footnoteRef"))
        body = etree.SubElement(etree.SubElement(paragraph, _w("r")), _w("t"))
        body.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        body.text = " " + text
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


class _Citer:
    """Adds note markers to paragraphs: a footnote the first time, the number as superscript after."""

    def __init__(self) -> None:
        self.used: set[int] = set()

    def cite(self, paragraph: Paragraph, numbers: tuple[int, ...]) -> None:
        for number in numbers:
            if number in self.used:
                run = paragraph.add_run(str(number))
                run.font.superscript = True
                continue
            self.used.add(number)
            run = OxmlElement("w:r")
            props = OxmlElement("w:rPr")
            align = OxmlElement("w:vertAlign")
            align.set(qn("w:val"), "superscript")
            props.append(align)
            run.append(props)
            reference = OxmlElement("w:footnoteReference")
            reference.set(qn("w:id"), str(number))
            run.append(reference)
            paragraph._p.append(run)


def render(report: Report) -> bytes:
    """The DOCX file's bytes."""
    document = docx.Document()
    document.styles["Normal"].font.size = Pt(10)
    document.add_heading(report.title, level=0)
    document.add_paragraph(report.subtitle).runs[0].italic = True
    for remark in report.remarks:
        document.add_paragraph(remark)
    citer = _Citer()
    for section in report.sections:
        document.add_heading(section.heading, level=1)
        if section.figure is not None:
            document.add_picture(io.BytesIO(section.figure.png), width=Inches(6))
            document.add_paragraph(section.figure.caption).runs[0].italic = True
        for item in section.items:
            paragraph = document.add_paragraph(item.text, style="List Bullet")
            citer.cite(paragraph, item.notes)
        if section.table is not None:
            _table(document, section.table, citer)
        elif not section.items and section.figure is None and section.empty:
            document.add_paragraph(section.empty)
    if report.notes:
        part = Part(
            PackURI("/word/footnotes.xml"),
            CONTENT_TYPE.WML_FOOTNOTES,
            footnotes_xml({n.number: note_text(n, report.lang) for n in report.notes}),
            document.part.package,
        )
        document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _table(document: DocxDocument, table_data: Table, citer: _Citer) -> None:
    table = document.add_table(rows=1, cols=len(table_data.columns))
    table.style = "Light Grid Accent 1"
    for cell, column in zip(table.rows[0].cells, table_data.columns, strict=True):
        cell.text = column
    for index, row in enumerate(table_data.rows):
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = value
        citer.cite(cells[-1].paragraphs[0], table_data.row_notes(index))
