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
from dataclasses import dataclass, field

from pmkg.ingest.text.pages import LayoutWords
from pmkg.ingest.text.unwrap import LineJoiner


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
    out, out_index = LineJoiner(chars, char_index, LayoutWords.load()).run()
    return Normalised(out, out_index, text)


def reading(quote: str) -> str:
    """A quote as a reader reads it: the layout it was cut with undone by the same joiner as the text it
    came from ("Genomics Eng-\n\nland" -> "Genomics England", "(For-\nperson)" -> "(Forperson)", while
    "for-\nog efterår" keeps its hyphen), on one line.

    A quote is stored exactly as the original text has it (its offsets, and the RDF's quote selector,
    point there), so this is for showing and writing it, never for storing it.
    """
    if "\n" not in quote and "\u00ad" not in quote:
        return " ".join(quote.split())
    return " ".join(normalise(quote).text.split())


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
