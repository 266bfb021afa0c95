"""Attendance written as sentences: "Til stede var A, B og C.", "Mødet blev ledet af X.", "Afbud fra Y.",
"Present were ...", "Z chaired the meeting.", "X deltog under punkt 3".

Minutes that write the attendance as a paragraph have no heading to open a list: a sentence opens
with a phrase that says what it lists (``before``) or a list of names at a sentence's start is followed
by one (``after``). The phrases, and those naming the whole body ("Hele bestyrelsen"), are the data of
``knowledge/prose-attendance.yaml``; the names are read by the same list and entry readers as headed lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from pmkg.ingest.parse.entry import parse_name_entry
from pmkg.ingest.parse.headings import heading_of
from pmkg.ingest.parse.lists import entries, names_person
from pmkg.ingest.parse.minutes import NameMention, Span
from pmkg.ingest.parse.shared import heading_affiliation
from pmkg.ingest.parse.signatures import role_field_re
from pmkg.ingest.parse.status import items_named_after, split_instead
from pmkg.ingest.text.lines import Line
from pmkg.ingest.vocabulary import alternation, is_title, role_of, vocabulary
from pmkg.knowledge import load
from pmkg.text import fold

_STATUSES = ("present", "absent")
# What may open a sentence before its phrase (folded): the group or organisation the people come from
# ("Fra sekretariatet deltog X", "Från Genomic Medicine Sweden deltog X"), or the item they came for
# ("Under punkt 3 deltog desuden X", "For item 4 Dr Y joined" is an ``after`` phrase instead).
_FROM = r"(?:fra|from|fran|av|af)\s+\w+(?:\s+\w+){0,3}\s+"
_ITEM = r"(?:under|ved|vid|for|during|at|i|pa)\s+(?:{prefixes})\s*\d+(?:[.,]\d+)?\s+"
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-ZÆØÅÄÖÜÞÐÁÍÓÚ])")
_GENITIVE = re.compile(r"^(?:the\s+)?\w+(?:'s|’s|s)\s+(?P<next>[\w.-]+)")  # "udvalgets formand"


@dataclass(frozen=True)
class _Cues:
    before: re.Pattern[str]
    after: re.Pattern[str]
    keys: dict[str, str]  # folded phrase -> present | absent | a role code
    whole_body: re.Pattern[str]
    exception: re.Pattern[str]  # "unntatt", "except for" right after a whole-body phrase


@dataclass
class ProseFound:
    """People a paragraph's sentences name, and the status a whole-body phrase gives the listed members."""

    mentions: list[NameMention] = field(default_factory=list)
    whole_body: str | None = None  # present | absent, when "Hele bestyrelsen" stood in a sentence


def _alternation(phrases: set[str]) -> str:
    ordered = sorted(phrases, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in ordered)


@cache
def _cues() -> _Cues:
    keys: dict[str, str] = {}
    before: set[str] = set()
    after: set[str] = set()
    whole: set[str] = set()
    exceptions: set[str] = set()
    for language in load("prose-attendance.yaml").values():
        for side, bucket in (("before", before), ("after", after)):
            for key, phrases in language[side].items():
                for phrase in phrases:
                    folded = " ".join(fold(phrase).split())
                    keys.setdefault(f"{side}:{folded}", key)
                    bucket.add(folded)
        whole.update(" ".join(fold(p).split()) for p in language["whole_body"])
        exceptions.update(" ".join(fold(p).split()) for p in language["except_words"])
    return _Cues(
        before=re.compile(
            rf"^(?P<from>{_FROM}|{_ITEM.format(prefixes=_item_prefixes())})?"
            rf"(?P<cue>{_alternation(before)})(?P<colon>\s*:)?(?=\s|$)"
        ),
        after=re.compile(rf"(?:,\s*(?:som|who|der|which)\s+|\s+)(?P<cue>{_alternation(after)})(?!\w)"),
        keys=keys,
        whole_body=re.compile(rf"^(?:{_alternation(whole)})(?!\w)"),
        exception=re.compile(rf"\s*,?\s*(?:{_alternation(exceptions)})\s+"),
    )


def _item_prefixes() -> str:
    """The words naming an agenda item ("punkt", "sak", "item", "§"), folded, as one alternation."""
    return _alternation({" ".join(fold(str(p)).split()) for p in vocabulary()["item_prefixes"]})


def sentences(text: str) -> list[tuple[int, int]]:
    """The sentences of a paragraph as spans: a full stop before a capital ends one, unless it ends a
    title or an abbreviation (``prof.``, ``cand.med.``, ``ph.d. Ayla``) or an initial (``J. Smith``)."""
    spans, start = [], 0
    for stop in _SENTENCE_END.finditer(text):
        word = text[: stop.end()].split()[-1] if text[: stop.end()].split() else ""
        bare = word.strip("(,;")
        initial = len(bare) == 2 and bare[0].isupper()
        if is_title(bare) or is_title(bare[:-1]) or initial or "." in bare[:-1]:
            continue
        spans.append((start, stop.end()))
        start = stop.end()
    spans.append((start, len(text)))
    return [(a + len(text[a:b]) - len(text[a:b].lstrip()), b) for a, b in spans if text[a:b].strip()]


def _key(side: str, cue: str) -> str:
    return _cues().keys.get(f"{side}:{' '.join(cue.split())}", "present")


def _named(part: str, span: Span, key: str) -> NameMention | None:
    """One entry of a sentence's list as a mention with the sentence's status or role; an entry's own
    clause (", som førte protokollen") adds its role."""
    clause = _cues().after.search(fold(part))
    roles: list[str] = []
    if clause and clause.start() > 0 and clause.group(0).startswith(","):
        clause_key = _key("after", clause.group("cue"))
        roles += [] if clause_key in _STATUSES else [clause_key]
        part = part[: clause.start()]
    part = part.strip()
    genitive = _GENITIVE.match(part)
    if genitive and (is_title(genitive.group("next")) or role_of(genitive.group("next"))):
        part = part[genitive.start("next") :]  # "Udvalgets sekretær, ..." -> "sekretær, ..."
    mention = parse_name_entry(part.strip(" .,;:"))
    if not names_person(mention):
        return None
    status = key if key in _STATUSES else "present"
    roles = ([key] if key not in _STATUSES else []) + mention.roles + roles
    if mention.status == "absent":
        status = "absent"
    return replace(mention, span=span, roles=list(dict.fromkeys(roles)), status=status)


def _opening(folded: str) -> re.Match[str] | None:
    """The phrase a sentence opens its list with; a one-word phrase ("Afbud") only before a colon."""
    opening = _cues().before.match(folded)
    if opening and (opening.group("colon") or opening.group("from") or " " in opening.group("cue")):
        return opening
    return None


def opens_list(text: str) -> bool:
    """Whether a sentence opens with a phrase and the people after it (``Från GMS deltog X``), so that
    a list line it follows (``Deltagare: A, B. Från GMS deltog X``) ends before it."""
    opening = _opening(fold(text))
    return opening is not None and opening.group("from") is not None


_CLAUSE = re.compile(r";\s+|,?\s+(?:og|and|och|samt)\s+")  # where a sentence's next clause may start


def _clauses(text: str) -> list[tuple[int, int]]:
    """A sentence's clauses, as spans: a new one starts after a semicolon or a conjunction when it opens
    with an attendance phrase ("...; forfall hadde A og B") or is one ("..., og B deltok under sak 4");
    a clause that is a mere list item ("A, AU; B, KU", "A og B deltok") stays with the one before."""
    cuts = [
        cut.end()
        for cut in _CLAUSE.finditer(text)
        if _opening(fold(text[cut.end() :])) or _clause_of_its_own(text[cut.end() :])
    ]
    bounds = [0, *cuts, len(text)]
    return [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if text[a:b].strip()]


def _clause_of_its_own(text: str) -> bool:
    """A clause that names people before its own phrase ("B deltok under sak 4"), up to the end."""
    closing = _cues().after.search(fold(text))
    return closing is not None and closing.start() > 0 and not _CLAUSE.search(text[: closing.start()])


def read_sentence(text: str, offset: int, found: ProseFound) -> bool:
    """Read one sentence (its text and where it starts) into ``found``, clause by clause; False when it
    is no attendance sentence."""
    read = False
    for a, b in _clauses(text):
        read = _read_clause(text[a:b].rstrip(" ,;"), offset + a, found) or read
    return read


def _read_clause(text: str, offset: int, found: ProseFound) -> bool:
    """Read one clause into ``found``; False when it says nothing of attendance. A one-word phrase
    ("Afbud", "Referent") opens a list only with a colon after it."""
    folded = fold(text)
    cues = _cues()
    key: str | None = None
    names: tuple[int, int] | None = None
    opening = _opening(folded)
    if opening:
        key, names = _key("before", opening.group("cue")), (opening.end(), len(text))
    else:
        closing = cues.after.search(folded)
        if closing and closing.start() > 0:
            key, names = _key("after", closing.group("cue")), (0, closing.start())
            if key == "absent" and items_named_after(text, closing.end()):
                key = "present"  # "X deltog ikke i punkterne 2 – 11": away for some items only
    if key is None or names is None:
        return False
    listed = text[names[0] : names[1]].rstrip(" .")
    lead = len(listed) - len(listed.lstrip(" :"))
    listed = listed.lstrip(" :")
    start = offset + names[0] + lead
    if cues.whole_body.match(fold(listed)):
        found.whole_body = key if key in _STATUSES else "present"
        return True
    came_from = text[: opening.end("from")].strip() if opening and opening.group("from") else None
    shared = heading_affiliation(came_from)
    read = False
    listed, instead = split_instead(listed)
    if instead is not None:  # "Apologies ... from A, with B attending as substitute": B came
        name, at = instead
        if (mention := _named(name, (start + at, start + at + len(name)), "present")) is not None:
            found.mentions.append(mention)
            read = True
    for part, span in entries(listed, start):
        mention = _named(part, span, key)
        if mention is not None:
            if shared and not mention.affiliation:  # "Från Genomic Medicine Sweden deltog X"
                mention = replace(mention, affiliation=shared, affiliation_rule="affiliation.heading")
            found.mentions.append(mention)
            read = True
    return read


def whole_body(text: str, offset: int, status: str) -> list[NameMention] | None:
    """The people a list opening with the whole body names (``Til stede: Hele bestyrelsen. Desuden
    deltog X``, ``Tilstede: Alle styremedlemmer unntatt Y, som hadde meldt forfall``): the exceptions with
    the other status, then whom the following sentences name; None when the text names no whole body.
    The body's own people, listed elsewhere under its heading, keep the status of that list."""
    folded = fold(text)
    opening = _cues().whole_body.match(folded)
    if opening is None:
        return None
    spans = sentences(text)
    first_end = next((b for a, b in spans if a <= opening.start() < b), len(text))
    found: list[NameMention] = []
    exception = _cues().exception.match(folded, opening.end())
    if exception:
        other = "absent" if status == "present" else "present"
        listed = text[exception.end() : first_end].rstrip(" .")
        for part, span in entries(listed, offset + exception.end()):
            if (mention := _named(part, span, other)) is not None:
                found.append(replace(mention, status=other, rule="attendance.whole_body"))
    for a, b in spans:
        if a >= first_end:
            found.extend(read_paragraph(text[a:b], offset + a).mentions)
    return found


def read_paragraph(text: str, offset: int) -> ProseFound:
    """Every attendance sentence of a paragraph (a line of the normalised text starting at ``offset``)."""
    found = ProseFound()
    for a, b in sentences(text):
        read_sentence(text[a:b], offset + a, found)
    return found


WRAPPED_PX = 60  # a line at least this long that runs on into the next was wrapped by its writer


def _opens_list(text: str) -> bool:
    """A line that opens with a heading or a role field ("Til stede: A og B. Fraværende: C", "Ordstyrer:
    Jan. Referent: Karl."): a list, never a paragraph of sentences."""
    heading = heading_of(text)
    return bool(heading is not None and text[: heading.rest].endswith(":") or role_field_re().match(text))


_MID_SENTENCE = re.compile(r"(?:,|\b(?:og|and|och|samt)|\b[a-zæøåäöü]+)$")  # a list or sentence going on


def _runs_on(line: Line, after: Line | None, preamble: int) -> bool:
    """Whether ``line`` is a hard-wrapped line of a paragraph whose next line is ``after``: it is long,
    stops in the middle of a sentence or list (a comma, a conjunction, a word in lower case), and the
    next line opens nothing of its own (a heading, a role field, an item)."""
    return (
        after is not None
        and not after.blank
        and after.index < preamble
        and len(line.text) >= WRAPPED_PX
        and bool(_MID_SENTENCE.search(line.text))
        and not _opens_list(after.text)
        and not agenda_line(after.text)
        and "|" not in line.text + after.text  # a table's rows are no paragraph
    )


def prose_paragraphs(lines: list[Line], text: str, preamble: int) -> dict[int, list[NameMention]]:
    """The people each paragraph of attendance sentences before the agenda names ("Mødet blev ledet af X.
    Til stede var: A og B. C deltog digitalt."), under the index of its first line; a paragraph its writer
    wrapped across lines is read whole, its other lines mapped to no one (so they are read no further).
    A line that opens a list (:func:`_opens_list`) is no paragraph."""
    found: dict[int, list[NameMention]] = {}
    at = 0
    while at < len(lines):
        first, last = at, at
        while last + 1 < len(lines) and _runs_on(lines[last], lines[last + 1], preamble):
            last += 1
        at = last + 1
        head = lines[first]
        if head.blank or head.index >= preamble or _opens_list(head.text):
            continue
        if last > first and heading_of(head.text):
            continue  # a list under a heading, wrapped: the walk reads it
        whole = text[head.start : lines[last].end].replace("\n", " ")  # the same offsets, on one line
        if last == first and len(sentences(whole)) < 2:
            continue  # one sentence on one line: read where the walk meets it
        if mentions := read_paragraph(whole, head.start).mentions:
            found[head.index] = mentions
            found.update((line.index, []) for line in lines[first + 1 : last + 1])
    return found


@cache
def _agenda_line() -> re.Pattern[str]:
    prefixes = alternation(vocabulary()["item_prefixes"])
    headings = alternation(vocabulary()["section_headings"])
    return re.compile(
        rf"^\s*(?:\d{{1,2}}[.)]?\s+\S|(?:{prefixes})\s*\d|(?:{headings})\s*:?\s*$)", re.IGNORECASE
    )


def agenda_line(text: str) -> bool:
    """A numbered item, ``Sak 3``, or a section heading (``Dagsorden``): no line of an attendance list."""
    return bool(_agenda_line().match(text))


def preamble_end(lines: list[Line]) -> int:
    """The index of the first line of the agenda or the minutes proper (a numbered item, ``Sak 3``,
    ``Dagsorden``): attendance sentences stand before it, what follows is the business of the meeting."""
    return next((line.index for line in lines if _agenda_line().match(line.text)), len(lines))
