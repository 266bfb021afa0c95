"""The sentences of a document, with the names and dates in each, and the organisation each is about.

A sentence ends at a full stop before a capital or a blank line (not after an abbreviation), at a
bullet, after a short heading line, and where an agenda item or a header line ends. A sentence without
an organisation of its own is about the one named first in the latest sentence of the same agenda item
that named one ("Aktuelt er der 14.505 genomer" after "... status fra Nationalt Genom Center (NGC)").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from pmkg import knowledge
from pmkg.ingest.extract.context import Context, Span
from pmkg.ingest.extract.entities import Hit, hit_start
from pmkg.ingest.extract.words import BULLET, common, phrases
from pmkg.ingest.text.dates import DateMatch
from pmkg.text import fold

_LONGEST_SENTENCE = 1500  # characters; a longer run without full stops is cut at its line breaks
_LINE_BREAK = re.compile(r"\n")


@cache
def _own_subject() -> re.Pattern[str]:
    """ "The partnership signed ...", "En arbejdsgruppe har ...": a sentence with a subject of its own."""
    articles = knowledge.load("content.yaml")["own_subject_articles"]
    return re.compile(rf"(?i:{phrases(articles)})\s+[a-zæøåäöü]")


@dataclass
class Sentence:
    """One sentence (or heading, or bullet) with the entities and dates named in it."""

    start: int
    end: int
    text: str
    folded: str  # the text folded (lower case, no accents), character for character
    item: str | None  # agenda item number
    hits: list[Hit]
    dates: list[DateMatch]  # spans relative to the sentence

    def named(self, start: int = 0, end: int | None = None) -> list[Hit]:
        """Everything named between two offsets of the sentence (relative to its start)."""
        stop = self.start + (len(self.text) if end is None else end)
        return within(self.hits, self.start + max(0, start), stop, hit_start)

    def orgs(self, start: int = 0, end: int | None = None) -> list[Hit]:
        """Organisations and countries named between two offsets of the sentence."""
        return [h for h in self.named(start, end) if h.kind != "initiative"]


def sentence_spans(text: str, boundaries: Iterable[int] = ()) -> list[Span]:
    """Sentences: full stops before a capital or a blank line (not after abbreviations), bullets,
    short heading lines, and the given boundaries (where agenda items start and end)."""
    vocab = common()
    cuts = {0, len(text), *boundaries}
    for m in re.finditer(r"[.!?]+[\"”’)]*(?=\s+[\"“(]?[A-ZÆØÅÄÖÜ•]|[ \t]*\n[ \t]*\n)", text):
        token = fold(text[_word_start(text, m.start()) : m.start() + 1])
        if token in vocab.abbreviations or re.fullmatch(r"\(?[a-zæøå]\.", token):
            continue
        cuts.add(m.end())
    for m in re.finditer(rf"(?m)^[ \t]*{BULLET}[ \t]", text):
        cuts.add(m.start())
    for m in re.finditer(r"(?m)^[^\S\n]*(\S[^\n]*)\n(?=\s*[A-ZÆØÅÄÖÜ\d])", text):
        line = m.group(1).rstrip()
        if len(line.split()) <= 6 and not re.search(r"[.!?,;:]$", line) and not _ends_in_connector(line):
            cuts.add(m.end())
    ordered = sorted(cuts)
    for start, end in zip(ordered, ordered[1:], strict=False):
        if end - start > _LONGEST_SENTENCE:  # a table or a list without full stops: one line each
            cuts.update(m.end() for m in _LINE_BREAK.finditer(text, start, end))
    ordered = sorted(cuts)
    spans = []
    for start, end in zip(ordered, ordered[1:], strict=False):
        chunk = text[start:end]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk.rstrip())
        if trail > lead:
            spans.append((start + lead, start + trail))
    return spans


_LONGEST_WORD = 100  # characters looked back for the start of a word before a full stop


def _word_start(text: str, end: int) -> int:
    """Where the whitespace-delimited word ending at ``end`` starts."""
    start = max(0, end - _LONGEST_WORD)  # not back to the text's start: linear in the text's length
    return max(start - 1, *(text.rfind(c, start, end) for c in " \t\n")) + 1


def _ends_in_connector(line: str) -> bool:
    words = line.split()
    return bool(words) and fold(words[-1]) in common().connectors


def within(items: list[Any], start: int, end: int, at: Any) -> list[Any]:
    """The items (sorted by ``at``) whose offset lies in ``[start, end)``."""
    return items[bisect_left(items, start, key=at) : bisect_left(items, end, key=at)]


def sentences(context: Context, folded: str, hits: list[Hit], dates: list[DateMatch]) -> list[Sentence]:
    """The sentences of the text with the entities and dates in each (date spans made relative)."""
    text = context.text
    boundaries = [
        *context.header,
        *(b for item in context.items for b in (item.span[0], *(item.text_span or ()))),
    ]
    result = []
    for start, end in sentence_spans(text, boundaries):
        inside = within(hits, start, end, hit_start)
        dated = [
            replace(d, span=(d.span[0] - start, d.span[1] - start))
            for d in within(dates, start, end, lambda d: d.span[0])
        ]
        item = context.item_at(start)
        result.append(Sentence(start, end, text[start:end], folded[start:end], item, inside, dated))
    return result


def subjects(sentences: list[Sentence]) -> list[str | None]:
    """For each sentence, the organisation the text is about: the first one named in the latest
    sentence of the same agenda item that named one (sentences usually name their subject first);
    none when the sentence opens with a subject of its own ("The partnership signed ...")."""
    subjects: list[str | None] = []
    last: str | None = None
    item: str | None = None
    own = _own_subject()
    for sentence in sentences:
        if sentence.item != item:
            last, item = None, sentence.item
        subjects.append(None if own.match(sentence.text) else last)
        organisations = [h for h in sentence.hits if h.kind == "organization"]
        if organisations:
            last = organisations[0].entity
    return subjects


@dataclass
class Dating:
    """The year the document is written in and the meeting's month, for dates without a year."""

    year: int | None
    month: int | None

    def complete(self, match: DateMatch, *, future: bool) -> tuple[str | None, bool]:
        if not match.year_missing or not match.iso:
            return match.iso, False
        if self.year is None:
            return None, False
        year = self.year
        if self.month and future and (match.month or 0) < self.month:
            year += 1
        if self.month and not future and (match.month or 0) > self.month:
            year -= 1
        return match.with_year(year).iso, True


def trailing_list(sentence: Sentence, hits: list[Hit]) -> list[Hit]:
    """The last hit and those joined to it by "og"/"and"/commas ("Sverige, Norge og Danmark")."""
    run = hits[-1:]
    for left in reversed(hits[:-1]):
        if not joined(sentence, left, run[0]):
            break
        run.insert(0, left)
    return run


def joined(sentence: Sentence, left: Hit, right: Hit) -> bool:
    """Whether only a comma or "og"/"and"/"och"/"&" stands between two names."""
    gap = fold(sentence.text[left.end - sentence.start : right.start - sentence.start]).strip(" ,")
    return gap in {"", "og", "and", "och", "&"}
