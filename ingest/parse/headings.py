"""Is a line the heading of an attendance list, and what does it say of the people under it?

A heading is a short run of words from ``knowledge/attendance.yaml``: status words ("til stede",
"apologies"), group words ("observatører", "members") and the words that qualify them ("af", "the",
"also"), maybe with the name of the body ("Members of the NPOC Board present"). Reading it word by
word instead of matching whole phrases lets "Tilstedeværende medlemmer af udvalget" and "Council
members present" be understood without a list entry of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pmkg.ingest.parse.status import item_note
from pmkg.knowledge import load
from pmkg.text import fold

MAX_WORDS = 8  # a heading is short; a longer line is a sentence
MAX_NAMES = 2  # runs of capitalised words in a heading that are no heading words: a body's name
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_ENDINGS = ("erne", "ene", "en", "et", "ne", "a", "n")  # Scandinavian definite forms: "styret", "gæsterne"
_LINK = re.compile(
    r"\s+(?:fra|from|af|av|by|var|were|from the|från)\s+(?=(?-i:[A-ZÆØÅÄÖÜÞÐ]))", re.IGNORECASE
)
_BULLET = re.compile(r"^(?:[-•*·▪◦–o]|\(?\d{1,2}[.)]|[a-z][.)])\s+")


@dataclass(frozen=True)
class Heading:
    """What a heading says: the status and capacity of the people listed under it."""

    status: str | None  # present | absent; None for a group heading alone ("Observatører:")
    role: str | None  # a role code from the group words, if any
    text: str  # the heading as written, without its colon
    rest: int  # where the names start on the line (its length when none follow)


@dataclass(frozen=True)
class _Words:
    phrases: dict[tuple[str, ...], tuple[str, str | None]]  # words -> ("status", present) | ("group", role)
    qualifiers: frozenset[str]
    longest: int
    first: frozenset[str]  # the first word of every phrase


@cache
def _words() -> _Words:
    phrases: dict[tuple[str, ...], tuple[str, str | None]] = {}
    qualifiers: set[str] = set()
    for language in load("attendance.yaml").values():
        for status in ("present", "absent"):
            for phrase in language[status]:
                phrases[tuple(_tokens(phrase))] = ("status", status)
        for role, group in language["groups"].items():
            for phrase in group:
                phrases.setdefault(tuple(_tokens(phrase)), ("group", role))
        for phrase in language.get("leadership", []):  # "Formandskab:": the entries say who is chair
            phrases.setdefault(tuple(_tokens(phrase)), ("group", None))
        qualifiers.update(fold(w) for w in language["qualifiers"])
    return _Words(phrases, frozenset(qualifiers), max(map(len, phrases)), frozenset(p[0] for p in phrases))


def _tokens(text: str) -> list[str]:
    return [fold(w) for w in _WORD.findall(text)]


def _phrase_at(tokens: list[str], at: int) -> tuple[int, tuple[str, str | None]] | None:
    """The longest heading phrase starting at ``tokens[at]``, also with a definite ending."""
    words = _words()
    for size in range(min(words.longest, len(tokens) - at), 0, -1):
        key = tuple(tokens[at : at + size])
        found = words.phrases.get(key)
        if found is None and size == 1:
            word = key[0]
            bare = next(
                (word[: -len(e)] for e in _ENDINGS if word.endswith(e) and len(word) > len(e) + 3), ""
            )
            found = words.phrases.get((bare,)) if bare else None
        if found:
            return size, found
    return None


def _qualifier(token: str) -> bool:
    """A qualifying word, or its genitive ("Panelets medlemmer", "Udvalgets medlemmer")."""
    qualifiers = _words().qualifiers
    return token in qualifiers or token.endswith("s") and token[:-1] in qualifiers


def _may_open(token: str) -> bool:
    """Whether a heading may start with this word: the first word of a phrase, a one-word phrase in
    its definite form, or a qualifier (what ``classify`` accepts at a heading's first word)."""
    return token in _words().first or _phrase_at([token], 0) is not None or _qualifier(token)


def classify(head: str) -> tuple[str | None, str | None] | None:
    """(status, role) of a heading's words, or None when they are not a heading: every word a heading
    word but for ``MAX_NAMES`` runs of capitalised words (never first), at least one status or group
    (a leadership group, ``Formandskab``, has no role: ``(None, None)``); the items a heading is limited to
    (``Adjungeret under punkt 3``, ``Co-opted for item 4``) are no part of it."""
    head = head[: items.start()] if (items := item_note().search(head)) else head
    first = _WORD.search(head)
    if first is None or not _may_open(fold(first.group(0))):  # most lines: one word read, not all
        return None
    written = _WORD.findall(head)
    if not written or len(written) > MAX_WORDS:  # a sentence: answered before its words are folded
        return None
    tokens = [fold(w) for w in written]
    status: str | None = None
    role: str | None = None
    grouped = False  # a group word, maybe one that gives no role ("Formandskab")
    names = 0
    i = 0
    while i < len(tokens):
        hit = _phrase_at(tokens, i)
        if hit:
            size, (kind, value) = hit
            if kind == "status":
                status = "absent" if "absent" in (status, value) else value
            else:
                role, grouped = role or value, True
            i += size
        elif _qualifier(tokens[i]):
            i += 1
        elif i and written[i][:1].isupper() and names < MAX_NAMES:  # "Fra sekretariatet i Helse Vest RHF"
            names += 1
            while i < len(tokens) and written[i][:1].isupper() and not _phrase_at(tokens, i):
                i += 1
        else:
            return None
    return (status, role) if status or grouped else None


def heading_of(line: str) -> Heading | None:
    """The heading a line opens with, and where the names after it start: ``Afbud: A og B``,
    ``Til stede fra styret:`` (names on the next lines), ``Apologies received from Dr A`` (a linking
    word before a capitalised name); None when the line is no heading."""
    bullet = _BULLET.match(line)
    start = bullet.end() if bullet else 0
    colon = line.find(":", start)
    if 0 <= colon - start <= 60:
        head = line[start:colon]
        found = classify(head)
        if found:
            return Heading(*found, head.strip(" *_"), colon + 1)
    for link in _LINK.finditer(line, start):
        found = classify(line[start : link.start()])
        if found and found[0]:
            return Heading(*found, line[start : link.start()].strip(), link.end())
    found = classify(line[start:])
    if found and not line.rstrip().endswith("."):
        return Heading(*found, line[start:].strip(" *_"), len(line))
    return None


@cache
def inline_heading_re() -> re.Pattern[str]:
    """Where a second heading starts inside a line, after a full stop or semicolon
    (``Til stede: A og B. Fraværende: C``): a status or group phrase followed by a colon."""
    phrases = sorted({" ".join(words) for words in _words().phrases}, key=len, reverse=True)
    alternation = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
    return re.compile(rf"(?<=[.;])\s+(?=(?:{alternation})\w*\s*:)", re.IGNORECASE)
