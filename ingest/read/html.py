"""Web pages: the main text of a page, without navigation, scripts and furniture; tables as rows."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pmkg.ingest.read.limits import refusal
from pmkg.ingest.read.rows import BULLET, MAX_COLUMNS, cell_text, row_text
from pmkg.ingest.read.text import checked, decode_text, refuse_other_formats

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


def read_html(data: bytes, name: str) -> tuple[str, str]:
    """The main text of a page: furniture and scripts dropped, blocks on their own lines."""
    refuse_other_formats(data, name)
    text, encoding = _decode_html(data, name)
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.document_fromstring(_XML_DECLARATION.sub("", text))
    except (lxml.etree.ParserError, ValueError):
        raise refusal(name, "no text in the HTML page") from None
    lxml.etree.strip_tags(root, lxml.etree.Comment, lxml.etree.ProcessingInstruction)
    return _join_html_parts(_html_parts(_main_element(root))), encoding


def _decode_html(data: bytes, name: str) -> tuple[str, str]:
    declared = _META_CHARSET.search(data[:4096])
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        encoding = declared.group(1).decode("ascii").lower()
        try:
            return checked(data.decode(encoding), encoding, name)
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
