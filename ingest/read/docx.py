"""Word documents: paragraphs, list numbering and tables in document order, the letterhead first."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from pmkg.ingest.read import limits
from pmkg.ingest.read.limits import refusal, size
from pmkg.ingest.read.rows import BULLET, MAX_COLUMNS, cell_text, row_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(data: bytes, name: str) -> tuple[str, None]:
    """Paragraphs and tables in document order; list paragraphs keep a bullet or their number."""
    _check_zip(data, name)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        lines = list(_docx_lines(document))
    except Exception as exc:  # python-docx, zipfile, zlib and lxml raise many types on malformed parts
        damage = "damaged XML" if "XML" in exc.__class__.__name__ else "unreadable content"
        raise refusal(name, f"corrupt Word document ({damage})") from None
    return "\n".join(lines), None


def _check_zip(data: bytes, name: str) -> None:
    """Refuse corrupt archives and zip bombs from the central directory, before inflating anything."""
    if not data.startswith(b"PK"):
        raise refusal(name, "not a Word document (not a zip archive)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise refusal(name, "corrupt Word document (damaged zip archive)") from None
    if len(members) > limits.MAX_ZIP_MEMBERS:
        raise refusal(name, f"refused: {len(members)} parts in the archive (zip bomb?)")
    limit = limits.MAX_BYTES * limits.MAX_UNZIPPED_FACTOR
    if sum(m.file_size for m in members) > limit:
        raise refusal(name, f"refused: inflates to more than {size(limit)} (zip bomb?)")
    if "word/document.xml" not in {m.filename for m in members}:
        raise refusal(name, "not a Word document (word/document.xml missing)")


def _docx_lines(document: object) -> Iterator[str]:
    """The first page's header (a letterhead naming the body, in templates), then the body."""
    numbering = _Numbering(document)
    yield from _letterhead(document, numbering)
    yield from _docx_lines_of(document.element.body, numbering)  # type: ignore[attr-defined]


def _letterhead(document: object, numbering: _Numbering) -> list[str]:
    """The lines of the first page's header; none when it is missing or damaged (the minutes are
    in the body, so a broken header part must not cost the document)."""
    try:
        sections = document.sections  # type: ignore[attr-defined]
        if not len(sections) or sections[0].header.is_linked_to_previous:
            return []
        return [line for line in _docx_lines_of(sections[0].header._element, numbering) if line.strip()]
    except Exception:  # python-docx, zipfile and lxml raise many types on a malformed part
        return []


def _docx_lines_of(element: object, numbering: _Numbering) -> Iterator[str]:
    """Paragraphs and tables in order, and those inside content controls (templates use them)."""
    for child in element.iterchildren():  # type: ignore[attr-defined]
        if child.tag == f"{W}p":
            yield numbering.prefix(child) + _paragraph_text(child)
        elif child.tag == f"{W}tbl":
            yield from _table_lines(child)
        elif child.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
            yield from _docx_lines_of(child, numbering)


def _paragraph_text(paragraph: object) -> str:
    """The visible text: runs, hyperlinks, inserted text and content controls; not deleted text
    (w:delText) or field codes (w:instrText), which are other elements."""
    parts = []
    for node in paragraph.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr"):  # type: ignore[attr-defined]
        parts.append(node.text or "" if node.tag == f"{W}t" else "\t" if node.tag == f"{W}tab" else "\n")
    return "".join(parts)


def _table_lines(table: object) -> Iterator[str]:
    """One line per row (see :func:`row_text`). A cell spanning columns counts once per column and a
    vertically merged cell stays as an empty one, so every row keeps the columns of the header row."""
    for row in table.iterchildren(f"{W}tr"):  # type: ignore[attr-defined]
        cells: list[str] = []
        for cell in row.iterchildren(f"{W}tc"):
            paragraphs = [_paragraph_text(p) for p in cell.iter(f"{W}p")]
            span = _val(cell.find(f"{W}tcPr/{W}gridSpan"))
            extra = min(int(span), MAX_COLUMNS) - 1 if span.isdigit() and int(span) > 0 else 0
            cells.extend([cell_text(paragraphs)] + [""] * extra)
        if any(cells):
            yield row_text(cells)


class _Numbering:
    """Turns Word list numbering into text: "• " for bullets, "1. " for decimal lists."""

    def __init__(self, document: object) -> None:
        self.formats: dict[tuple[str, str], str] = {}
        self.counters: dict[tuple[str, str], int] = {}
        # style id -> (its numbering properties, the style it is based on); python-docx's own
        # style lookup scans every style for every paragraph
        self.styles: dict[str, tuple[object | None, str]] = {
            style.get(f"{W}styleId") or "": (style.find(f"{W}pPr/{W}numPr"), _val(style.find(f"{W}basedOn")))
            for style in document.styles.element.iter(f"{W}style")  # type: ignore[attr-defined]
        }
        try:
            part = document.part.numbering_part  # type: ignore[attr-defined]
        except (NotImplementedError, KeyError, AttributeError):
            return
        root = part.element
        abstract = {
            a.get(f"{W}abstractNumId"): {
                lvl.get(f"{W}ilvl"): _val(lvl.find(f"{W}numFmt")) for lvl in a.iter(f"{W}lvl")
            }
            for a in root.iter(f"{W}abstractNum")
        }
        for num in root.iter(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            for level, fmt in abstract.get(_val(ref), {}).items():
                self.formats[(num.get(f"{W}numId") or "", level or "0")] = fmt

    def prefix(self, paragraph: object) -> str:
        num_pr = self._properties(paragraph)
        if num_pr is None:
            return ""
        num_id = _val(num_pr.find(f"{W}numId"))
        if num_id in ("", "0"):
            return ""
        level = _val(num_pr.find(f"{W}ilvl")) or "0"
        fmt = self.formats.get((num_id, level), "bullet")
        if fmt != "decimal":
            return BULLET
        key = (num_id, level)
        self.counters[key] = self.counters.get(key, 0) + 1
        return f"{self.counters[key]}. "

    def _properties(self, paragraph: object) -> object | None:
        """The paragraph's own list numbering, or the one its style (or a base style) gives it."""
        found = paragraph.find(f"{W}pPr/{W}numPr")  # type: ignore[attr-defined]
        style = _val(paragraph.find(f"{W}pPr/{W}pStyle"))  # type: ignore[attr-defined]
        for _ in range(20):  # a loop of based-on styles must not hang us
            if found is not None or style not in self.styles:
                break
            found, style = self.styles[style]
        return found


def _val(element: object) -> str:
    return "" if element is None else element.get(f"{W}val") or ""  # type: ignore[attr-defined]
