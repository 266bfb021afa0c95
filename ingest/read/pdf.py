"""PDF: the text layer of every page through pdfium, with table columns kept apart."""

from __future__ import annotations

import re
import threading

from pmkg.ingest.read.layout import COLUMN_GAP, Word, tables
from pmkg.ingest.read.limits import refusal
from pmkg.ingest.read.rows import row_text

MIN_PDF_LETTERS = 20
"""Fewer letters than this in a PDF's text layer: a scan with page numbers, not minutes."""
_PDFIUM_LOCK = threading.Lock()  # pdfium is not thread-safe and the app serves several sessions


def read_pdf(data: bytes, name: str) -> tuple[str, None]:
    """Text of every page in order, pages separated by a form feed (the normaliser's page break)."""
    head = data[:1024]
    if b"%PDF-" not in head:
        raise refusal(name, "not a PDF (no %PDF header)")
    if b"%%EOF" not in data[-4096:]:
        raise refusal(name, "truncated PDF (no end-of-file marker)")
    import pypdfium2 as pdfium

    with _PDFIUM_LOCK:
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            raise refusal(name, _pdf_error(str(exc))) from None
        try:
            if len(pdf) == 0:
                raise refusal(name, "PDF has no pages")
            pages = [_page_text(pdf, i) for i in range(len(pdf))]
        except pdfium.PdfiumError as exc:
            raise refusal(name, _pdf_error(str(exc))) from None
        finally:
            pdf.close()
    text = "\f".join(pages)
    if sum(c.isalpha() for c in text[:10_000]) < MIN_PDF_LETTERS:  # at most a stamp or page numbers
        raise refusal(name, "no text layer (scanned?); run OCR first")
    return text, None


def _page_text(pdf: object, index: int) -> str:
    page = pdf[index]  # type: ignore[index]
    try:
        textpage = page.get_textpage()
        try:
            raw = textpage.get_text_range()
            words = _words(textpage, raw)
            text = _with_tables(_column_gaps(textpage, raw), words)
        finally:
            textpage.close()
    finally:
        page.close()
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    # pdfium joins a line ending in a hyphen to the next and marks the hyphen; restore what the
    # page shows (the normaliser decides whether the hyphen was a real one)
    return text.replace("\ufffe", "-\n").replace("\x02", "-\n")


def _words(textpage: object, text: str) -> list[Word]:
    """The words of a page with their boxes and character indices (none when pdfium's character
    count and its text disagree, as in some damaged files: then no table is rebuilt)."""
    import pypdfium2.raw as pdfium_c

    if textpage.count_chars() != len(text):  # type: ignore[attr-defined]
        return []
    words: list[Word] = []
    for m in re.finditer(r"[^\s\ufffe\x02]+", text):
        left, bottom, _, _ = textpage.get_charbox(m.start())  # type: ignore[attr-defined]
        right = textpage.get_charbox(m.end() - 1)[2]  # type: ignore[attr-defined]
        size = pdfium_c.FPDFText_GetFontSize(textpage.raw, m.start())  # type: ignore[attr-defined]
        words.append(Word(m.group(), left, right, bottom, size, m.start(), m.end()))
    return words


def _with_tables(text: str, words: list[Word]) -> str:
    """The page's text with each table pdfium wrote cell by cell replaced by its rows, one a line
    (``| Prof. Wilhelmina Oosterhuis-de Graaf | Radboud University Medical Center (Netherlands) | ...``);
    a table whose characters are not together in the text stays as it was."""
    for table in sorted(tables(words), key=lambda t: t.start, reverse=True):
        if any(table.start <= w.start < table.end and w.start not in table.words for w in words):
            continue
        rows = "\n".join(row_text(cells) for cells in table.rows)
        text = f"{text[: table.start]}\n{rows}\n{text[table.end :]}"
    return text


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
