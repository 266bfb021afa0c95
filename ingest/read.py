"""Read a minutes document (txt, md, pdf, docx, html) into its text, or refuse it in one line.

This is the only place that touches raw bytes. Everything downstream points into
``RawDocument.text``, so each reader decides once what "the original text" of a file is.
Any failure is an :class:`~pmkg.errors.InputError` naming the file and the reason: hostile
or broken files must never produce a traceback or unbounded memory use.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import os
import re
import threading
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pmkg.errors import InputError


def max_bytes_from_env() -> int:
    """The size limit: PMKG_MAX_BYTES if set to a positive number of bytes, else 25 MB."""
    value = os.environ.get("PMKG_MAX_BYTES", "")
    return int(value) if value.isdigit() and int(value) > 0 else 25 * 1024 * 1024


MAX_BYTES: int = max_bytes_from_env()
"""Largest file accepted (bytes); ``PMKG_MAX_BYTES`` overrides the default of 25 MB."""

MAX_UNZIPPED_FACTOR = 8
"""A DOCX may inflate to at most this many times MAX_BYTES (its XML is verbose, bombs are not)."""

MAX_ZIP_MEMBERS = 5000

FORMATS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".pdf": "pdf",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}


@dataclass(frozen=True)
class RawDocument:
    source: str  # the file name without its folder: a changed file of that name replaces its old version
    format: str  # "txt" | "md" | "pdf" | "docx" | "html"
    sha256: str  # of the raw bytes
    text: str  # the decoded text; all provenance offsets point into THIS string
    encoding: str | None = None


def read_document(path: str | Path) -> RawDocument:
    """Read a file from disk; the size limit is checked before anything is loaded."""
    name = str(path)
    if Path(path).is_dir():
        raise _refusal(name, "is a folder, not a document (`pmkg ingest` takes folders)")
    fmt = format_of(name)
    try:
        with open(path, "rb") as handle:
            if os.fstat(handle.fileno()).st_size > MAX_BYTES:
                raise _too_large(name)
            data = handle.read(MAX_BYTES + 1)  # a file growing or a pipe cannot get past the limit
    except FileNotFoundError:
        raise _refusal(name, "no such file") from None
    except PermissionError:
        raise _refusal(name, "permission denied") from None
    except OSError as exc:
        raise _refusal(name, f"cannot be read ({exc.strerror or exc.__class__.__name__})") from None
    if len(data) > MAX_BYTES:
        raise _too_large(name)
    return _read(data, name, fmt)


def read_bytes(data: bytes, name: str) -> RawDocument:
    """Read an upload held in memory; the type comes from the name and is checked against the bytes."""
    fmt = format_of(name)
    if len(data) > MAX_BYTES:
        raise _too_large(name)
    return _read(data, name, fmt)


def format_of(name: str) -> str:
    """The document format for a file name, from its extension."""
    suffix = Path(name).suffix.lower()
    if suffix not in FORMATS:
        known = ", ".join(sorted(FORMATS))
        raise _refusal(name, f"unsupported file type '{suffix or '(none)'}'; save it as one of {known}")
    return FORMATS[suffix]


def _refusal(name: str, reason: str) -> InputError:
    """The error for a refused file; control characters in the name are escaped to keep it one line."""
    printable = re.sub(r"[\x00-\x1f\x7f\u2028\u2029]", lambda m: repr(m.group())[1:-1], name)
    return InputError(printable, reason)


def _too_large(name: str) -> InputError:
    return _refusal(
        name, f"file is larger than the limit of {_size(MAX_BYTES)} (set PMKG_MAX_BYTES to change it)"
    )


def _size(n: int) -> str:
    return f"{n // (1024 * 1024)} MB" if n >= 1024 * 1024 else f"{n} bytes"


def _read(data: bytes, name: str, fmt: str) -> RawDocument:
    if not data.strip():
        raise _refusal(name, "empty file")
    text, encoding = READERS[fmt](data, name)
    if not text.strip():
        raise _refusal(name, "no text in the document")
    return RawDocument(
        source=Path(name).name,
        format=fmt,
        sha256=hashlib.sha256(data).hexdigest(),
        text=text,
        encoding=encoding,
    )


# --- plain text -------------------------------------------------------------------------------

_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# C0 controls other than tab, newline, vertical tab, form feed and carriage return
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
# any character beyond those cp1252 text in a Nordic or English document plausibly contains
_IMPLAUSIBLE_LEGACY = re.compile(
    "[^\x00-\x7f\u00a0-\u00ff\u20ac\u201a-\u201e\u2013\u2014\u2018-\u2019\u2020-\u2022\u2026]"
)


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode text bytes: BOM, then UTF-16 without BOM, UTF-8, then cp1252 or Latin-1.

    Nordic letters must come out right. A UTF-8 file with a few stray legacy bytes (a pasted
    word) stays UTF-8, with the stray bytes read as cp1252; a legacy single-byte guess is only
    accepted when every non-ASCII character it yields is one such text plausibly contains,
    otherwise charset-normalizer decides among the other legacy encodings.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(_decode_mostly(data[len(bom) :], encoding, name), encoding, name)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _checked(_decode_mostly(data, utf16, name), utf16, name)
    try:
        return _checked(data.decode("utf-8"), "utf-8", name)
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise _refusal(name, "binary content, not text")
    if _mostly_utf8(data):
        return _checked(data.decode("utf-8", errors=_STRAY_BYTES), "utf-8", name)
    text, encoding = _decode_legacy(data)
    return _checked(text, encoding, name)


def _decode_mostly(data: bytes, encoding: str, name: str) -> str:
    """Decode with a declared or detected encoding, tolerating a rare damaged character."""
    text = data.decode(encoding, errors="replace")
    if text.count("\ufffd") > 1 + len(text) // 1000:
        raise _refusal(name, f"not valid {encoding} text (corrupt or binary)")
    return text


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_STRAY_BYTES = "pmkg-stray-cp1252"


def _stray_as_cp1252(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    stray = error.object[error.start : error.end]
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in stray), error.end


codecs.register_error(_STRAY_BYTES, _stray_as_cp1252)


def _mostly_utf8(data: bytes) -> bool:
    """More well-formed UTF-8 sequences than invalid bytes: UTF-8 with stray legacy bytes."""
    sequences = len(_UTF8_SEQUENCE.findall(data))
    if not sequences:
        return False
    invalid = data.decode("utf-8", errors="replace").count("\ufffd") - data.count(b"\xef\xbf\xbd")
    return sequences >= invalid


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 of Latin-script text has a zero byte in every other position."""
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2 or len(data) % 2:
        return None
    even_zero = sample[0::2].count(0)
    odd_zero = sample[1::2].count(0)
    if odd_zero >= 0.4 * pairs and even_zero <= 0.05 * pairs:
        return "utf-16-le"
    if even_zero >= 0.4 * pairs and odd_zero <= 0.05 * pairs:
        return "utf-16-be"
    return None


def _decode_legacy(data: bytes) -> tuple[str, str]:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:  # one of the five bytes cp1252 leaves undefined
        text = None
    if text is not None and not _IMPLAUSIBLE_LEGACY.search(text):
        return text, "cp1252" if re.search(rb"[\x80-\x9f]", data) else "latin-1"
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding), best.encoding
        except (UnicodeDecodeError, LookupError):
            pass
    return data.decode("latin-1"), "latin-1"


def _checked(text: str, encoding: str, name: str) -> tuple[str, str]:
    """Refuse decoded text that is mostly control characters: binary data with a text name."""
    if "\x00" in text or len(_CONTROL.findall(text[:100_000])) > 0.01 * min(len(text), 100_000) + 1:
        raise _refusal(name, "binary content, not text")
    return text, encoding


def _read_text(data: bytes, name: str) -> tuple[str, str]:
    _refuse_other_formats(data, name)
    return decode_text(data, name)


def _refuse_other_formats(data: bytes, name: str) -> None:
    if data.startswith(b"%PDF-"):
        raise _refusal(name, "is a PDF, not text (rename it to .pdf)")
    if data.startswith(b"PK\x03\x04"):
        raise _refusal(name, "is a zip archive (a Word document?), not text")


# --- PDF --------------------------------------------------------------------------------------

MIN_PDF_LETTERS = 20
"""Fewer letters than this in a PDF's text layer: a scan with page numbers, not minutes."""
_PDFIUM_LOCK = threading.Lock()  # pdfium is not thread-safe and the app serves several sessions


def _read_pdf(data: bytes, name: str) -> tuple[str, None]:
    """Text of every page in order, pages separated by a form feed (the normaliser's page break)."""
    head = data[:1024]
    if b"%PDF-" not in head:
        raise _refusal(name, "not a PDF (no %PDF header)")
    if b"%%EOF" not in data[-4096:]:
        raise _refusal(name, "truncated PDF (no end-of-file marker)")
    import pypdfium2 as pdfium

    with _PDFIUM_LOCK:
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            raise _refusal(name, _pdf_error(str(exc))) from None
        try:
            if len(pdf) == 0:
                raise _refusal(name, "PDF has no pages")
            pages = [_page_text(pdf, i) for i in range(len(pdf))]
        except pdfium.PdfiumError as exc:
            raise _refusal(name, _pdf_error(str(exc))) from None
        finally:
            pdf.close()
    text = "\f".join(pages)
    if sum(c.isalpha() for c in text[:10_000]) < MIN_PDF_LETTERS:  # at most a stamp or page numbers
        raise _refusal(name, "no text layer (scanned?); run OCR first")
    return text, None


def _page_text(pdf: object, index: int) -> str:
    page = pdf[index]  # type: ignore[index]
    try:
        textpage = page.get_textpage()
        try:
            text = _column_gaps(textpage, textpage.get_text_range())
        finally:
            textpage.close()
    finally:
        page.close()
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    # pdfium joins a line ending in a hyphen to the next and marks the hyphen; restore what the
    # page shows (the normaliser decides whether the hyphen was a real one)
    return text.replace("\ufffe", "-\n").replace("\x02", "-\n")


COLUMN_GAP = 1.5
"""A space wider than this many times the font size separates two table cells, not two words."""


def _column_gaps(textpage: object, text: str) -> str:
    """The text with each space that stands for a wide gap on the page written as a tab.

    pdfium writes one space between the cells of a table row (``Jens Hansen Region Midtjylland
    Formand``), so the columns would be lost; the positions of the characters around it tell a
    column gap from a word space. A tab is what the normaliser and the parser read as a column."""
    import pypdfium2.raw as pdfium_c

    if textpage.count_chars() != len(text):  # type: ignore[attr-defined]
        return text
    chars = list(text)
    for i in (m.start() for m in re.finditer(r"(?<=\S) (?=\S)", text)):
        before, after = textpage.get_charbox(i - 1), textpage.get_charbox(i + 1)  # type: ignore[attr-defined]
        size = pdfium_c.FPDFText_GetFontSize(textpage.raw, i + 1)  # type: ignore[attr-defined]
        same_line = abs(before[1] - after[1]) < max(size, 1.0)
        if same_line and size > 0 and after[0] - before[2] > COLUMN_GAP * size:
            chars[i] = "\t"
    return "".join(chars)


def _pdf_error(message: str) -> str:
    if "password" in message.lower():
        return "encrypted PDF (password required); save an unprotected copy"
    return "corrupt or truncated PDF"


# --- DOCX -------------------------------------------------------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BULLET = "• "


def _read_docx(data: bytes, name: str) -> tuple[str, None]:
    """Paragraphs and tables in document order; list paragraphs keep a bullet or their number."""
    _check_zip(data, name)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        lines = list(_docx_lines(document))
    except Exception as exc:  # python-docx, zipfile, zlib and lxml raise many types on malformed parts
        damage = "damaged XML" if "XML" in exc.__class__.__name__ else "unreadable content"
        raise _refusal(name, f"corrupt Word document ({damage})") from None
    return "\n".join(lines), None


def _check_zip(data: bytes, name: str) -> None:
    """Refuse corrupt archives and zip bombs from the central directory, before inflating anything."""
    if not data.startswith(b"PK"):
        raise _refusal(name, "not a Word document (not a zip archive)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise _refusal(name, "corrupt Word document (damaged zip archive)") from None
    if len(members) > MAX_ZIP_MEMBERS:
        raise _refusal(name, f"refused: {len(members)} parts in the archive (zip bomb?)")
    limit = MAX_BYTES * MAX_UNZIPPED_FACTOR
    if sum(m.file_size for m in members) > limit:
        raise _refusal(name, f"refused: inflates to more than {_size(limit)} (zip bomb?)")
    if "word/document.xml" not in {m.filename for m in members}:
        raise _refusal(name, "not a Word document (word/document.xml missing)")


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


MAX_COLUMNS = 63
"""Word's limit on the columns of a table; a larger span in a file is damage or hostile."""


def cell_text(paragraphs: list[str]) -> str:
    """The lines of one table cell on one line: ``Eva Berg`` over ``overlæge`` reads "Eva Berg,
    overlæge"; a line that ends a sentence is followed by a space only."""
    text = ""
    for line in (" ".join(part.split()) for p in paragraphs for part in p.split("\n")):
        if line:
            text = f"{text}{' ' if text.endswith(tuple('.:;!?,')) else ', '}{line}" if text else line
    return text


_LEADING_CELL = re.compile(
    r"(?P<number>\d{1,3}[.)]?|\d{1,2}\s*/\s*\d{1,2})"
    r"|(?:kl\.?\s*)?\d{1,2}[.:]\d{2}(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?",
    re.IGNORECASE,
)


_ITEM_CELL = re.compile(r"(?:\d{1,3}[.)]|\d{1,2}\s*/\s*\d{1,2})\s+\S")  # "1. Velkomst" in one cell
_RUNNING_TEXT = re.compile(r"\w[.!?](?:\s|$)")  # a sentence ends in it


def row_text(cells: list[str]) -> str:
    """A table row as a line the parser reads.

    An agenda row keeps the minutes' own form: its leading number and time cells become a prefix
    and the other cells follow after commas (``1. 14.00 Velkommen, Søren Brunak``); cells of
    running text after it (a table laying out the whole minutes, the record of each item beside its
    title) follow on lines of their own. A label cell ending in a colon is a field (``Dato: 14.
    juni``). Any other row of several cells is a Markdown table row, empty cells kept so each value
    stays under its column heading (``| Eva Berg |  | Medlem |``); the row of a table of one column
    is a plain line."""
    cells = [" ".join(c.split()) for c in cells]
    filled = [c for c in cells if c]
    prefix: list[str] = []
    while len(filled) > 1 and (match := _LEADING_CELL.fullmatch(filled[0])):
        number = match.group("number")
        prefix.append(f"{number}." if number and number.isdigit() else filled[0])
        filled = filled[1:]
    item = bool(prefix) or bool(_ITEM_CELL.match(filled[0] if filled else ""))
    prose = [c for c in filled[1:] if _RUNNING_TEXT.search(c)] if item else []
    if prose:
        heading = [c for c in filled if c not in prose]
        return "\n".join([" ".join([*prefix, ", ".join(heading)]), *prose])
    if prefix:
        return " ".join([*prefix, ", ".join(filled)])
    if len(filled) == 2 and filled[0].endswith(":"):
        return " ".join(filled)
    if len(cells) <= 1 or not filled:
        return "".join(filled)
    while cells and not cells[-1]:
        cells.pop()
    return "| " + " | ".join(cells) + " |"


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


# --- HTML -------------------------------------------------------------------------------------

_DROPPED = {
    "script", "style", "nav", "header", "footer", "aside", "noscript", "template", "head",
    "iframe", "object", "embed", "svg", "math", "form", "button", "select", "canvas",
}  # fmt: skip
_PARAGRAPHS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "blockquote", "pre",
    "section", "article", "main", "figure", "address", "hr", "fieldset", "details",
}  # fmt: skip
_LINES = {"div", "li", "tr", "br", "dt", "dd", "caption", "figcaption", "summary", "body"}
_CELLS = {"td", "th"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def _read_html(data: bytes, name: str) -> tuple[str, str]:
    """The main text of a page: furniture and scripts dropped, blocks on their own lines."""
    _refuse_other_formats(data, name)
    text, encoding = _decode_html(data, name)
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.document_fromstring(_XML_DECLARATION.sub("", text))
    except (lxml.etree.ParserError, ValueError):
        raise _refusal(name, "no text in the HTML page") from None
    lxml.etree.strip_tags(root, lxml.etree.Comment, lxml.etree.ProcessingInstruction)
    return _join_html_parts(_html_parts(_main_element(root))), encoding


def _decode_html(data: bytes, name: str) -> tuple[str, str]:
    declared = _META_CHARSET.search(data[:4096])
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        encoding = declared.group(1).decode("ascii").lower()
        try:
            return _checked(data.decode(encoding), encoding, name)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: detect as for plain text
    return decode_text(data, name)


def _main_element(root: object) -> object:
    """The page's <main> or single <article> if it has one, else the body."""
    for query in ("//main", "//*[@role='main']", "//article"):
        found = root.xpath(query)  # type: ignore[attr-defined]
        if len(found) == 1:
            return found[0]
    body = root.find("body")  # type: ignore[attr-defined]
    return root if body is None else body


def _html_parts(main: object) -> Iterator[str]:
    """Walk the tree without recursion (pages nest deeply), skipping dropped subtrees.

    Yields text, and line breaks as the strings "\\n" (a line) or "\\n\\n" (a paragraph).
    """
    from lxml import etree

    walker = etree.iterwalk(main, events=("start", "end"))
    pre_depth = cell_depth = 0
    for event, element in walker:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        dropped = tag in _DROPPED
        if event == "start":
            if dropped:
                walker.skip_subtree()
                continue
            pre_depth += tag == "pre"
            yield "" if tag == "dd" else _breaker(tag, cell_depth)  # a definition follows its term
            cell_depth += tag in _CELLS
            if tag == "li":
                yield BULLET
            yield _inline(element.text, pre_depth)
        else:
            if tag == "dt":  # "<dt>Dato</dt><dd>14. juni</dd>" is the field "Dato: 14. juni"
                yield " " if "".join(element.itertext()).rstrip().endswith(":") else ": "
            elif not dropped:
                cell_depth -= tag in _CELLS
                yield "\t" * _colspan(element) if tag in _CELLS else _breaker(tag, cell_depth)
                pre_depth -= tag == "pre"
            if element is not main:  # the text after an element belongs to its parent
                yield _inline(element.tail, pre_depth)


def _join_html_parts(parts: Iterator[str]) -> str:
    """Adjacent breaks merge into the largest of them; blank text between blocks disappears."""
    out: list[str] = []
    pending = 0
    for part in parts:
        if part in ("\n", "\n\n"):
            pending = max(pending, len(part))
        elif part.strip() or (part and not pending):
            if pending and out:
                out.append("\n" * pending)
            out.append(part.lstrip(" ") if pending else part)
            pending = 0
    lines = (
        row_text([cell_text(cell.split(_CELL_BREAK)) for cell in line.split("\t")])
        if "\t" in line.strip() or _CELL_BREAK in line
        else line.strip()
        for line in "".join(out).split("\n")
    )
    return "\n".join(lines).strip("\n")


def _colspan(cell: object) -> int:
    """How many columns a table cell spans, so the cells after it stay under their headings."""
    span = str(cell.get("colspan") or "1").strip()  # type: ignore[attr-defined]
    return min(int(span), MAX_COLUMNS) if span.isdigit() and int(span) > 0 else 1


_CELL_BREAK = "\x1f"  # a line break inside a table cell: the cell's lines stay on the row's line


def _breaker(tag: str, cell_depth: int) -> str:
    brk = "\n\n" if tag in _PARAGRAPHS else "\n" if tag in _LINES else ""
    return _CELL_BREAK if brk and cell_depth else brk


def _inline(text: str | None, pre_depth: int) -> str:
    if not text:
        return ""
    return text if pre_depth else re.sub(r"[ \t\r\n\f]+", " ", text)


READERS: dict[str, Callable[[bytes, str], tuple[str, str | None]]] = {
    "txt": _read_text,
    "md": _read_text,
    "pdf": _read_pdf,
    "docx": _read_docx,
    "html": _read_html,
}
