"""The page layout of extracted text: lines with their page, what starts a line of its own, and the
page furniture (page numbers, running headers and footers, repeated link annotations) to drop."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from pmkg.ingest.text.language import language_knowledge


@dataclass(frozen=True)
class LayoutWords:
    """The word lists of knowledge/languages.yaml, merged over all languages."""

    continuation: frozenset[str]
    abbreviations: frozenset[str]
    conjunctions: frozenset[str]
    presenter_markers: tuple[str, ...]
    furniture: re.Pattern[str]

    @staticmethod
    @lru_cache(maxsize=1)
    def load() -> LayoutWords:
        data = language_knowledge()
        langs = data["languages"].values()

        def merged(key: str) -> frozenset[str]:
            return frozenset(w.lower() for lang in langs for w in lang.get(key, []))

        furniture = "|".join(f"(?:{p})" for p in data["page_furniture"])
        return LayoutWords(
            continuation=merged("continuation_words"),
            abbreviations=merged("abbreviations"),
            conjunctions=merged("conjunctions"),
            presenter_markers=tuple(sorted(merged("presenter_markers"), key=len, reverse=True)),
            furniture=re.compile(f"(?:{furniture})", re.IGNORECASE),
        )


@dataclass(slots=True)
class PageLine:
    raw_start: int  # start of the line in the stage-1 text
    start: int  # content without surrounding spaces: [start, end)
    end: int
    raw_end: int  # offset of the separator after the line ("\n", "\f") or of the text's end
    page: int


LEADING_BULLET = re.compile(r"^[•◦▪▫●○■□‣⁃∙·*–—-](?:\s|$)|^[•◦▪▫●○■□‣⁃∙]")
_NUMBERED = re.compile(
    r"^(?:\d{1,3}\s*/\s*\d{1,3}\b"  # "1/5 14.00 Velkommen"
    r"|\d{1,2}[.:]\d{2}\b"  # a time opening an agenda line
    r"|\d{1,3}(?:\.\d{1,3})*[.)]?$"  # a bare number
    r"|[a-zA-Z]\)\s"  # "a) ..."
    r"|(?:[ivx]{1,4}|[IVX]{1,4})[.)]\s)"  # "iv. ..."
)
# "1. Velkomst", "2.1) Status"; but "5. juli" and "2. udkast til ..." are ordinals in a sentence
_ITEM = re.compile(r"^\d{1,3}(?:\.\d{1,3})*[.)]\s+(\S)")
_LABEL = re.compile(r"^[^\W\d_][^\W\d_ /&-]*(?: [^\W\d_/&-]+){0,3}\s*:(?:\s|$)")
_LONE_NUMBER = re.compile(r"\d{1,4}(?:\s*/\s*\d{1,4})?")
_LINK = re.compile(r"(?:mailto:|https?://|www\.)\S+", re.IGNORECASE)
_LINK_PREFIX = re.compile(r"^mailto:", re.IGNORECASE)
_ADDRESS = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)\S+", re.IGNORECASE)
FIRST_WORD = re.compile(r"[^\W_]+")
QUOTES = "\"'“”‘’«»„"
SENTENCE_END = ".!?;"


def split_page_lines(text: str) -> list[PageLine]:
    """Lines of the stage-1 text, split at newlines and form feeds (a form feed starts a page)."""
    lines: list[PageLine] = []
    page = 0
    raw_start = 0
    for content in re.split(r"[\n\f]", text):
        raw_end = raw_start + len(content)
        start, end = raw_start, raw_end
        if content[:1] == " " or content[-1:] == " ":
            start += len(content) - len(content.lstrip(" "))
            end = max(start, raw_start + len(content.rstrip(" ")))
        lines.append(PageLine(raw_start, start, end, raw_end, page))
        if raw_end < len(text) and text[raw_end] == "\f":
            page += 1
        raw_start = raw_end + 1
    return lines


def is_structural(line: str) -> bool:
    """Lines that start something of their own: bullets, numbered items, "Label:" fields, table rows,
    and a line that is only a link (joining it to a sentence would change what counts as page
    furniture)."""
    item = _ITEM.match(line)
    if item:
        return not item.group(1).islower()
    return bool(
        LEADING_BULLET.match(line)
        or _NUMBERED.match(line)
        or _LABEL.match(line)
        or _LINK.fullmatch(line)
        or line.startswith("|")  # a row of a Markdown table (or a Word or web table as the reader writes it)
    )


def furniture(text: str, lines: list[PageLine], known: LayoutWords) -> set[int]:
    """Numbers of the lines that are page furniture, not content."""
    contents = [text[line.start : line.end] for line in lines]
    dropped = {i for i, c in enumerate(contents) if c and known.furniture.fullmatch(c)}
    dropped |= _repeated_links(contents)
    pages = lines[-1].page + 1 if lines else 1
    if pages > 1:
        dropped |= _page_edges(lines, contents, dropped)
    return dropped


def _repeated_links(contents: list[str]) -> set[int]:
    """Lines that are only a link (a PDF link annotation) to an address the text already shows."""
    links = {
        i: _LINK_PREFIX.sub("", c).rstrip(".,;:)") for i, c in enumerate(contents) if c and _LINK.fullmatch(c)
    }
    if not links:
        return set()
    shown = {
        address.rstrip(".,;:)")
        for i, content in enumerate(contents)
        if i not in links
        if "@" in content or "/" in content or "www." in content.lower()
        for address in _ADDRESS.findall(content)
    }
    return {i for i, address in links.items() if address in shown}


def _page_edges(lines: list[PageLine], contents: list[str], dropped: set[int]) -> set[int]:
    """Lone page numbers and running headers/footers at the top and bottom of pages.

    Peeled a layer at a time, as a footer often stands just above the page number; below the
    first layer only exact repeats count (numbered content lines differ only in their numbers).
    """
    found: set[int] = set()
    for depth in range(3):
        tops, bottoms = _edges(lines, contents, dropped | found)
        layer = {i for i in (*tops.values(), *bottoms.values()) if _LONE_NUMBER.fullmatch(contents[i])}
        layer |= _running(lines, contents, tops, keep_first=True, exact=depth > 0)
        layer |= _running(lines, contents, bottoms, keep_first=False, exact=depth > 0)
        if not layer:
            break
        found |= layer
    return found


def _edges(
    lines: list[PageLine], contents: list[str], dropped: set[int]
) -> tuple[dict[int, int], dict[int, int]]:
    """The first and the last content line of each page."""
    tops: dict[int, int] = {}
    bottoms: dict[int, int] = {}
    for i, line in enumerate(lines):
        if contents[i] and i not in dropped:
            tops.setdefault(line.page, i)
            bottoms[line.page] = i
    return tops, bottoms


def _running(
    lines: list[PageLine], contents: list[str], edge: dict[int, int], *, keep_first: bool, exact: bool
) -> set[int]:
    """Edge lines repeated (numbers aside unless ``exact``) on half of the pages, and on two or more."""
    pages = lines[-1].page + 1

    def key(i: int) -> str:
        words = " ".join(contents[i].lower().split())
        return words if exact else re.sub(r"\d+", "#", words)

    counts = Counter(key(i) for i in edge.values())
    repeated = {k for k, n in counts.items() if n >= 2 and n * 2 >= pages}
    running = sorted(i for i in edge.values() if key(i) in repeated)
    if keep_first and running and lines[running[0]].page == 0:
        running = running[1:]  # the first page's header is usually the document's title
    return set(running)
