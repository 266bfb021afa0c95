"""Clean extracted text for the parser while remembering where every character came from.

Text taken from PDFs is full of layout: words hyphenated at line ends, a blank line after every
wrapped line, page numbers and running headers. The parser needs the sentences and the line
structure of the minutes (one attendee a line, numbered items, bullets, headings), and the record
needs offsets into the *original* text, so every character of the result carries its original
offset in ``Normalised.index``.

Two stages, each a pure function:
1. characters: line endings, odd spaces, invisible characters, Unicode NFC;
2. lines: page furniture dropped, hyphenated words and wrapped sentences joined.
The language knowledge (continuation words, abbreviations, page furniture) is in
``knowledge/languages.yaml``.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from pmkg.ingest.language import language_knowledge


@dataclass(frozen=True)
class Normalised:
    text: str
    index: array = field(repr=False)  # index[i]: offset in the original text of text[i]
    original: str = field(default="", repr=False)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of ``text`` to the span of the original text it came from.

        The end is extended over combining marks the normaliser composed into the last character,
        so ``original[a:b]`` is the whole source of ``text[start:end]``.
        """
        n = len(self.text)
        start = min(max(start, 0), n)
        end = min(max(end, start), n)
        if start == end:
            if start < n:
                return self.index[start], self.index[start]
            tail = self.index[n - 1] + 1 if n else 0
            return tail, tail
        a, b = self.index[start], self.index[end - 1] + 1
        while b < len(self.original) and unicodedata.combining(self.original[b]):
            b += 1
        return a, b


def normalise(text: str) -> Normalised:
    """Normalise ``text``; see the module docstring for what changes and why."""
    chars, char_index = _clean_characters(text)
    if char_index is None:
        char_index = _identity(len(chars))
    out, out_index = _LineJoiner(chars, char_index, _Knowledge.load()).run()
    return Normalised(out, out_index, text)


def _identity(length: int) -> array:
    """The offset map of a text stage 1 left unchanged: each character is where it was."""
    return array("q", range(length))


# --- stage 1: characters ----------------------------------------------------------------------

_LINE_BREAKS = "\r\x0b\x85\u2028\u2029"  # old Mac line ends, vertical tab, NEL, Unicode separators
_SPACES = "\t\xa0\u1680\u2000-\u200a\u202f\u205f\u3000"  # tabs and odd spaces
_INVISIBLE = (
    "\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f"  # control characters
    "\u200b-\u200d\u2060\ufeff\ufffe\uffff\ud800-\udfff"  # zero-width characters, non-characters
)
_REPLACED = {
    "\u2010": "-",  # Unicode hyphens
    "\u2011": "-",
    "\uf0b7": "•",  # Word's Symbol-font bullets as PDFs extract them (private use area)
    "\uf0a7": "•",
    "\uf076": "•",
    "\uf0d8": "•",
    "\uf0fc": "•",
    "\ufb00": "ff",  # typographic ligatures in PDF text
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb06": "st",
}
_SPECIAL = re.compile(
    "\r\n"
    f"|[{_LINE_BREAKS}]|[{_SPACES}]|[{''.join(_REPLACED)}]|[{_INVISIBLE}]"
    "|(?<![^\\W_])\u00ad|\u00ad(?![ \t]*(?:[\r\n\f]|$))"  # soft hyphens but those ending a word and line
)
# every character a _SPECIAL match starts with, as one class: clean text is recognised in one fast scan
_SPECIAL_CHAR = re.compile(f"[{_LINE_BREAKS}{_SPACES}{''.join(_REPLACED)}{_INVISIBLE}\u00ad]")


def _replacement(match: re.Match[str]) -> tuple[str, int]:
    """What a special character becomes, and which original offset stands for it."""
    found = match.group()
    if found == "\r\n":
        return "\n", match.start() + 1  # the newline itself: copied unchanged
    if found in _LINE_BREAKS:
        return "\n", match.start()
    if found in _REPLACED:
        return _REPLACED[found], match.start()
    if found == "\t" and match.start() and match.string[match.start() - 1] not in ": \t\n":
        return "   ", match.start()  # a tab between table cells: a column gap, as the parser reads one
    if found.isspace():
        return " ", match.start()
    return "", match.start()


def _clean_characters(text: str) -> tuple[str, array | None]:
    """Stage 1; the index is None when nothing changed (the common case for clean UTF-8)."""
    nfc = unicodedata.is_normalized("NFC", text)
    if nfc and not _SPECIAL_CHAR.search(text):
        return text, None
    pieces: list[str] = []
    index = array("q")
    pos = 0
    for match in _SPECIAL.finditer(text):
        pieces.append(text[pos : match.start()])
        index.extend(range(pos, match.start()))
        replacement, at = _replacement(match)
        pieces.append(replacement)
        index.extend([at] * len(replacement))
        pos = match.end()
    pieces.append(text[pos:])
    index.extend(range(pos, len(text)))
    cleaned = "".join(pieces)
    if not nfc:
        cleaned, index = _compose(cleaned, index)
    return cleaned, index


def _compose(text: str, index: array) -> tuple[str, array]:
    """NFC line by line; a composed character maps to the first character it was made of."""
    pieces: list[str] = []
    out = array("q")
    for match in re.finditer(r"[^\n]*\n?", text):
        line, base = match.group(), match.start()
        if unicodedata.is_normalized("NFC", line):
            pieces.append(line)
            out.extend(index[base : match.end()])
            continue
        for start, end in _clusters(line):
            composed = unicodedata.normalize("NFC", line[start:end])
            pieces.append(composed)
            out.extend([index[base + start]] * len(composed))
    return "".join(pieces), out


def _clusters(line: str) -> list[tuple[int, int]]:
    """Spans that NFC composes independently: a starter and its combining marks.

    If composing span by span does not give the NFC of the whole line (exotic scripts whose
    starters combine), the line is one span: coarser offsets, but still exact text.
    """
    starts = [i for i, c in enumerate(line) if i == 0 or not (unicodedata.combining(c) or _joins_previous(c))]
    spans = list(zip(starts, [*starts[1:], len(line)], strict=True))
    whole = unicodedata.normalize("NFC", line)
    if "".join(unicodedata.normalize("NFC", line[a:b]) for a, b in spans) != whole:
        return [(0, len(line))]
    return spans


def _joins_previous(char: str) -> bool:
    """Starters that NFC still composes with the character before (Hangul vowels and finals)."""
    return "\u1160" <= char <= "\u11ff" or "\ud7b0" <= char <= "\ud7ff"


# --- stage 2: lines ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Knowledge:
    """The word lists of knowledge/languages.yaml, merged over all languages."""

    continuation: frozenset[str]
    abbreviations: frozenset[str]
    conjunctions: frozenset[str]
    presenter_markers: tuple[str, ...]
    furniture: re.Pattern[str]

    @staticmethod
    @lru_cache(maxsize=1)
    def load() -> _Knowledge:
        data = language_knowledge()
        langs = data["languages"].values()

        def merged(key: str) -> frozenset[str]:
            return frozenset(w.lower() for lang in langs for w in lang.get(key, []))

        furniture = "|".join(f"(?:{p})" for p in data["page_furniture"])
        return _Knowledge(
            continuation=merged("continuation_words"),
            abbreviations=merged("abbreviations"),
            conjunctions=merged("conjunctions"),
            presenter_markers=tuple(sorted(merged("presenter_markers"), key=len, reverse=True)),
            furniture=re.compile(f"(?:{furniture})", re.IGNORECASE),
        )


@dataclass(slots=True)
class _Line:
    raw_start: int  # start of the line in the stage-1 text
    start: int  # content without surrounding spaces: [start, end)
    end: int
    raw_end: int  # offset of the separator after the line ("\n", "\f") or of the text's end
    page: int


_BULLET = re.compile(r"^[•◦▪▫●○■□‣⁃∙·*–—-](?:\s|$)|^[•◦▪▫●○■□‣⁃∙]")
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
_FIRST_WORD = re.compile(r"[^\W_]+")
_QUOTES = "\"'“”‘’«»„"
_SENTENCE_END = ".!?;"


class _LineJoiner:
    """Stage 2: walks the lines once, deciding for each pair of lines: join or break."""

    def __init__(self, text: str, source: array, known: _Knowledge) -> None:
        self.text = text
        self.source = source  # source[i]: the original offset of text[i]
        self.known = known
        self.lines = _split_lines(text)
        self.pieces: list[str] = []
        self.index = array("q")
        self._vocabulary: tuple[set[str], set[str]] | None = None

    def run(self) -> tuple[str, array]:
        dropped = _furniture(self.text, self.lines, self.known)
        prev: _Line | None = None
        tail = ""  # the end of the current output line, for the join decisions
        gap = 0  # blank lines since prev
        for number, line in enumerate(self.lines):
            if number in dropped:
                continue
            if line.start == line.end:
                gap += 1
                continue
            content = self.text[line.start : line.end]
            if prev is None:
                self._copy(line.start, line.end)
                tail = content
            else:
                if line.page != prev.page:
                    gap = min(gap, 1)  # blank lines around a page break are layout, not structure
                tail = self._continue(prev, line, content, tail, gap)
            prev, gap = line, 0
        return "".join(self.pieces), self.index

    def _continue(self, prev: _Line, line: _Line, content: str, tail: str, gap: int) -> str:
        """Append ``line`` after ``prev``: joined to it or on a new line; returns the new tail."""
        soft = tail.endswith("\u00ad")
        if soft:
            self._unemit_last()
            tail = tail[:-1]
        joint = self._joint(tail, content, gap, soft)
        if joint == "drop-hyphen":
            self._unemit_last()
            self._copy(line.start, line.end)
            return (tail[:-1] + content)[-200:]
        if joint == "direct":
            self._copy(line.start, line.end)
            return (tail + content)[-200:]
        if joint == "space":
            self._insert(" ", prev.end if prev.end < prev.raw_end else prev.raw_end)
            self._copy(line.start, line.end)
            return (tail + " " + content)[-200:]
        self._insert("\n", prev.raw_end)
        if gap:
            self._insert("\n" * min(gap, 2), line.raw_start - 1)
        self._copy(line.start, line.end)
        return content

    def _joint(self, a: str, b: str, gap: int, soft: bool) -> str:
        """How line ``b`` follows ``a``: "drop-hyphen", "direct", "space" or "break"."""
        if gap > 1:
            return "break"
        if soft:
            return "direct" if b[0].isalnum() else "break"
        before = _word_before_hyphen(a)
        if before:
            return self._hyphen_joint(before, b)
        if gap == 1 and self._wrapped(a, b):
            return "space"
        return "break"

    def _hyphen_joint(self, before: str, b: str) -> str:
        """A word broken at a hyphen: rejoin it, keeping the hyphen only where it is real."""
        first = _FIRST_WORD.match(b)
        if first is None or first.start() != 0 or _is_structural(b):
            return "break"
        after = first.group()
        if b[0].isupper() or b[0].isdigit() or before[-1].isdigit():
            return "direct"  # Walford-|Moore, 2017-|2022, COVID-19-|vaccine
        if after.lower() in self.known.conjunctions:
            return "space"  # up-|og download
        hyphenated, words = self._vocabulary_sets()
        pair = f"{before}-{after}".lower()
        if pair in hyphenated and f"{before}{after}".lower() not in words:
            return "direct"  # the document writes the word with a hyphen elsewhere
        return "drop-hyphen"

    def _wrapped(self, a: str, b: str) -> bool:
        """Is ``b`` (after one blank line) the rest of the sentence ``a`` started?"""
        if _is_structural(b) or a.endswith(":"):
            return False
        start = b.lstrip(_QUOTES)[:1]
        if not start:
            return False
        if start.islower():
            return a[-1] not in "!?"
        if a[-1] in _SENTENCE_END and not self._ends_with_abbreviation(a):
            return False
        words = a.split()
        last = words[-1].lower()
        if start == "(" or last in self.known.continuation or last in self.known.abbreviations:
            return True
        return start.isupper() and self._ends_with_presenter(words)

    def _ends_with_abbreviation(self, a: str) -> bool:
        return a.split()[-1].lower().lstrip("(") in self.known.abbreviations

    def _ends_with_presenter(self, words: list[str]) -> bool:
        """ "v/Lene" or "by John" at the line end: the name continues on the next line."""
        last = words[-1]
        for marker in self.known.presenter_markers:
            if last.lower().startswith(marker) and last[len(marker) : len(marker) + 1].isupper():
                return True
        return len(words) > 1 and words[-2].lower() in self.known.presenter_markers and last[0].isupper()

    def _vocabulary_sets(self) -> tuple[set[str], set[str]]:
        """Hyphenated words and plain words the document writes within a line (built on demand)."""
        if self._vocabulary is None:
            lower = self.text.lower()
            chains = (m.group().split("-") for m in re.finditer(r"\b[^\W_]+(?:-[^\W_]+)+", lower))
            hyphenated = {f"{a}-{b}" for parts in chains for a, b in zip(parts, parts[1:], strict=False)}
            words = set(re.findall(r"[^\W_]+", lower))
            self._vocabulary = (hyphenated, words)
        return self._vocabulary

    def _copy(self, start: int, end: int) -> None:
        self.pieces.append(self.text[start:end])
        self.index.extend(self.source[start:end])

    def _insert(self, text: str, at: int) -> None:
        self.pieces.append(text)
        self.index.extend([self.source[at]] * len(text))

    def _unemit_last(self) -> None:
        """Remove the last emitted character (a line-end hyphen), which is always a copied one."""
        self.pieces[-1] = self.pieces[-1][:-1]
        self.index.pop()


def _word_before_hyphen(line: str) -> str:
    """The word a line-end hyphen follows ("mø" in "for mø-"), or "" if it does not end so."""
    if not line.endswith("-"):
        return ""
    start = len(line) - 1
    while start > 0 and line[start - 1].isalnum():
        start -= 1
    return line[start:-1]


def _split_lines(text: str) -> list[_Line]:
    """Lines of the stage-1 text, split at newlines and form feeds (a form feed starts a page)."""
    lines: list[_Line] = []
    page = 0
    raw_start = 0
    for content in re.split(r"[\n\f]", text):
        raw_end = raw_start + len(content)
        start, end = raw_start, raw_end
        if content[:1] == " " or content[-1:] == " ":
            start += len(content) - len(content.lstrip(" "))
            end = max(start, raw_start + len(content.rstrip(" ")))
        lines.append(_Line(raw_start, start, end, raw_end, page))
        if raw_end < len(text) and text[raw_end] == "\f":
            page += 1
        raw_start = raw_end + 1
    return lines


def _is_structural(line: str) -> bool:
    """Lines that start something of their own: bullets, numbered items, "Label:" fields, table rows,
    and a line that is only a link (joining it to a sentence would change what counts as page
    furniture)."""
    item = _ITEM.match(line)
    if item:
        return not item.group(1).islower()
    return bool(
        _BULLET.match(line)
        or _NUMBERED.match(line)
        or _LABEL.match(line)
        or _LINK.fullmatch(line)
        or line.startswith("|")  # a row of a Markdown table (or a Word or web table as the reader writes it)
    )


def _furniture(text: str, lines: list[_Line], known: _Knowledge) -> set[int]:
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


def _page_edges(lines: list[_Line], contents: list[str], dropped: set[int]) -> set[int]:
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
    lines: list[_Line], contents: list[str], dropped: set[int]
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
    lines: list[_Line], contents: list[str], edge: dict[int, int], *, keep_first: bool, exact: bool
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
