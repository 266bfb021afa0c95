"""Stage 2 of normalisation: join what layout broke (hyphenated words, wrapped sentences) and keep
what the minutes' structure needs (one attendee a line, items, bullets, fields), one decision per pair
of lines, with every character's original offset carried along."""

from __future__ import annotations

import re
from array import array

from pmkg.ingest.text.pages import (
    FIRST_WORD,
    QUOTES,
    SENTENCE_END,
    LayoutWords,
    PageLine,
    furniture,
    is_structural,
    split_page_lines,
)


class LineJoiner:
    """Stage 2: walks the lines once, deciding for each pair of lines: join or break."""

    def __init__(self, text: str, source: array, known: LayoutWords) -> None:
        self.text = text
        self.source = source  # source[i]: the original offset of text[i]
        self.known = known
        self.lines = split_page_lines(text)
        self.pieces: list[str] = []
        self.index = array("q")
        self._vocabulary: tuple[set[str], set[str]] | None = None

    def run(self) -> tuple[str, array]:
        dropped = furniture(self.text, self.lines, self.known)
        prev: PageLine | None = None
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

    def _continue(self, prev: PageLine, line: PageLine, content: str, tail: str, gap: int) -> str:
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
        first = FIRST_WORD.match(b)
        if first is None or first.start() != 0 or is_structural(b):
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
        if is_structural(b) or a.endswith(":"):
            return False
        start = b.lstrip(QUOTES)[:1]
        if not start:
            return False
        if start.islower():
            return a[-1] not in "!?"
        if a[-1] in SENTENCE_END and not self._ends_with_abbreviation(a):
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
