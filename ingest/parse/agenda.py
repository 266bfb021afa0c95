"""Agenda items: numbered titles in every numbering style, their presenters and the minutes text of
each; when the minutes repeat the agenda, the text comes from the repetition."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from pmkg.ingest.parse.fields import is_field
from pmkg.ingest.parse.minutes import ParsedItem
from pmkg.ingest.parse.presenters import lead_line, presenter_re, split_presenters
from pmkg.ingest.text.dates import find_dates
from pmkg.ingest.text.language import language_knowledge
from pmkg.ingest.text.lines import Line
from pmkg.ingest.vocabulary import alternation, vocabulary
from pmkg.text import fold

_MAX_TITLE_WORDS = 20


@dataclass
class _Candidate:
    line: Line
    style: str
    number: int
    title: str
    title_start: int
    title_line: Line  # the line the title is on: the number's own line, or the next ("Punkt 1" / "Velkomst")


@cache
def _item_res() -> dict[str, re.Pattern[str]]:
    prefixes = alternation(vocabulary()["item_prefixes"])
    return {
        "prefix": re.compile(
            rf"^(?:(?:{prefixes})\s*)+(?P<num>\d{{1,3}})(?:/\d{{2,4}})?\s*[.:)\-–]?\s+(?P<title>.+)$",
            re.IGNORECASE,
        ),
        "bare": re.compile(
            rf"^(?:(?:{prefixes})\s*)+(?P<num>\d{{1,3}})(?:/\d{{2,4}})?\s*[.:)\-–]?$", re.IGNORECASE
        ),
        "slash": re.compile(r"^(?P<num>\d{1,2})\s*/\s*(?P<of>\d{1,2})\s+(?P<title>.+)$"),
        "dot": re.compile(r"^(?P<num>\d{1,2})[.)]\s+(?P<title>.+)$"),
    }


_TIME_PREFIX = re.compile(
    r"^(?:kl\.?\s*)?\d{1,2}[.:]\d{2}(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?\s+|^(?:kl\.?\s*)\d{1,2}\s+", re.IGNORECASE
)


def _candidates(lines: list[Line], skip: set[int], text: str) -> list[_Candidate]:
    """Lines that look like numbered agenda items, in every numbering style."""
    found = []
    for line in lines:
        if line.blank or line.index in skip:
            continue
        for style, pattern in _item_res().items():
            m = pattern.match(line.text)
            if not m or (style == "slash" and int(m.group("of")) < int(m.group("num"))):
                continue
            title_line, offset = line, (m.start("title") if style != "bare" else 0)
            if style == "bare":  # "Punkt 1" with the title on the next line
                nxt = _next_nonblank(lines, line.index)
                if nxt is None or nxt.index in skip or nxt.index > line.index + 2:
                    break
                title_line, style = nxt, "prefix"
            cut = _TIME_PREFIX.match(title_line.text[offset:])
            offset += cut.end() if cut else 0
            title = title_line.text[offset:].strip()
            dated = find_dates(line.text)
            if dated and dated[0].span[0] == 0:
                break  # "6. February 2019" is a date, not item 6
            if title[:1].isupper() and len(title.split()) <= _MAX_TITLE_WORDS:
                number, start = int(m.group("num")), title_line.start + offset
                wrapped = _title_wraps(lines, title_line, title, skip)
                if wrapped:  # whitespace kept char for char, so presenter spans stay true
                    title, title_line = re.sub(r"\s", " ", text[start : wrapped.end]), wrapped
                found.append(_Candidate(line, style, number, title, start, title_line))
            break
    return found


@cache
def _continuation_words() -> frozenset[str]:
    languages = language_knowledge()["languages"].values()
    return frozenset(str(w).lower() for lang in languages for w in lang.get("continuation_words", []))


_MAX_WRAP_WORDS = 12


def _title_wraps(lines: list[Line], line: Line, title: str, skip: set[int]) -> Line | None:
    """The next line when an item title runs onto it: the title ends in a word that cannot end it
    (``... medicin og`` / ``genomisk diagnostik``), the next line goes on in lower case, or both are
    in capitals. Not a line that is itself an item, a field, a presenter line or a sentence."""
    nxt = lines[line.index + 1] if line.index + 1 < len(lines) else None
    if nxt is None or nxt.blank or nxt.index in skip or title.rstrip()[-1:] in ".:;!?":
        return None
    following = nxt.text
    if (
        following.endswith(".")
        or len(following.split()) > _MAX_WRAP_WORDS
        or any(p.match(following) for p in _item_res().values())
        or is_field(following)
        or presenter_re().match(following)
    ):
        return None
    last = title.split()[-1].lower()
    capitals = title.isupper() and following.isupper()
    return nxt if last in _continuation_words() or following[:1].islower() or capitals else None


def _passes(candidates: list[_Candidate]) -> list[list[_Candidate]]:
    """Runs of increasing item numbers. A number continues the run it follows (``6`` after ``5``,
    even with an inner ``1. 2.`` list in between, or after a gap); a number that continues no run
    starts one (the minutes repeating the agenda, or a numbered list inside an item)."""
    runs: list[list[_Candidate]] = []
    for cand in candidates:
        exact = [r for r in runs if r[-1].number == cand.number - 1]
        below = [r for r in runs if r[-1].number < cand.number]
        target = exact[0] if exact else max(below, key=lambda r: r[-1].number) if below else None
        if target is None:
            runs.append([cand])
        else:
            target.append(cand)
    return runs


def _first_word(title: str) -> str:
    return fold(title.split()[0]).lower() if title.split() else ""


def _agenda_passes(lines: list[Line], skip: set[int], text: str) -> tuple[list[_Candidate], list[_Candidate]]:
    """The agenda (the longest run of numbered items, the earliest on a tie) and, when the minutes
    repeat the items after it (``1/5 ...`` again under "Referat", or ``Ad 1.``), that second run."""
    candidates = _candidates(lines, skip, text)
    runs = [run for style in _item_res() for run in _passes([c for c in candidates if c.style == style])]
    if not runs:
        return [], []
    agenda = max(runs, key=lambda r: (len(r), -r[0].line.index))
    titles = {c.number: _first_word(c.title) for c in agenda}
    for run in sorted(runs, key=lambda r: r[0].line.index):
        if run is agenda or run[0].line.index < agenda[-1].line.index:
            continue
        same = sum(titles.get(c.number) == _first_word(c.title) for c in run)
        if len(run) >= 2 and same * 2 >= len(run):
            return agenda, run
    return agenda, []


def _next_nonblank(lines: list[Line], index: int) -> Line | None:
    return next((line for line in lines[index + 1 :] if not line.blank), None)


def _item(cand: _Candidate, lines: list[Line], end_line: int, text: str) -> ParsedItem:
    title, presenters = split_presenters(cand.title, cand.title_start)
    body_from = cand.title_line.index + 1
    nxt = _next_nonblank(lines, cand.title_line.index)
    if presenters and nxt and nxt.index < end_line and re.fullmatch(r"[A-ZÆØÅÄÖÜ][\w'’-]+", nxt.text):
        last = presenters[-1]
        if len(last.name.split()) == 1:  # "v/Lene" + wrapped "Cividanes"
            presenters[-1] = replace(last, name=f"{last.name} {nxt.text}", span=(last.span[0], nxt.end))
            body_from = nxt.index + 1
            nxt = _next_nonblank(lines, nxt.index)
    if nxt and nxt.index < end_line:
        lead = lead_line(nxt)
        if lead:
            presenters.extend(lead)
            body_from = nxt.index + 1
    body = [line for line in lines[body_from:end_line] if not line.blank]
    while body and body[-1].text.isupper() and len(body) > 1:  # a section label like "DEBATPUNKTER"
        body.pop()
    text_span = (body[0].start, body[-1].end) if body else None
    return ParsedItem(
        number=str(cand.number),
        title=" ".join(title.split()),
        span=(cand.line.start, cand.line.end),
        presenters=presenters,
        text=text[text_span[0] : text_span[1]] if text_span else "",
        text_span=text_span,
    )


def _repeated_titles(lines: list[Line], agenda: list[_Candidate], skip: set[int]) -> list[_Candidate]:
    """Unnumbered headings after the agenda that repeat its titles (the minutes of each item)."""
    found: list[_Candidate] = []
    after = agenda[-1].title_line.index if agenda else len(lines)
    for cand in agenda:
        title = fold(split_presenters(cand.title, 0)[0]).lower()
        start = found[-1].line.index if found else after
        for line in lines[start + 1 :]:
            heading = fold(line.text).lower()
            repeats = heading == title or heading.startswith(title + " ") and not heading.endswith(".")
            if line.index not in skip and repeats:
                found.append(_Candidate(line, "title", cand.number, line.text, line.start, line))
                break
    return found if len(found) * 2 > len(agenda) >= 2 else []


_SUB_ITEM = re.compile(r"^(?P<num>\d{1,2})\.(?P<sub>\d{1,2})\.?\s+(?P<title>[A-ZÆØÅÄÖÜ].*)$")


def _sub_items(
    lines: list[Line], parents: list[_Candidate], skip: set[int], text: str
) -> list[tuple[_Candidate, str]]:
    """``3.1 Financial performance`` under item 3: the sub-item and its number ``3.1``."""
    found = []
    ordered = sorted(parents, key=lambda c: c.line.index)
    for line in lines:
        m = _SUB_ITEM.match(line.text)
        parent = next((c for c in reversed(ordered) if c.line.index < line.index), None) if m else None
        if m is None or parent is None or parent.number != int(m.group("num")) or line.index in skip:
            continue
        title, start = m.group("title").strip(), line.start + m.start("title")
        wrapped = _title_wraps(lines, line, title, skip)
        if wrapped:
            title = re.sub(r"\s", " ", text[start : wrapped.end])
        found.append(
            (
                _Candidate(line, "sub", parent.number, title, start, wrapped or line),
                m.group(0)[: m.end("sub")],
            )
        )
    return found


def agenda_items(lines: list[Line], attendance_lines: set[int], text: str) -> list[ParsedItem]:
    """Agenda items and their sub-items; when the minutes repeat the items, the text and extra
    presenters come from there."""
    agenda, minutes = _agenda_passes(lines, attendance_lines, text)
    minutes = minutes or _repeated_titles(lines, agenda, attendance_lines)
    subs = _sub_items(lines, agenda + minutes, attendance_lines, text)
    stops = sorted(
        {c.line.index for c in agenda + minutes} | {c.line.index for c, _ in subs} | attendance_lines
    )

    def build(cand: _Candidate) -> ParsedItem:
        return _item(cand, lines, next((s for s in stops if s > cand.line.index), len(lines)), text)

    items = [build(c) for c in agenda]
    if minutes:
        recorded = {str(c.number): build(c) for c in minutes}
        merged = []
        for item in items:
            record = recorded.get(item.number)
            if record is None:
                merged.append(replace(item, text="", text_span=None))
                continue
            seen = {fold(p.name).lower() for p in item.presenters}
            extra = [p for p in record.presenters if fold(p.name).lower() not in seen]
            merged.append(
                replace(record, title=item.title, span=item.span, presenters=item.presenters + extra)
            )
        items = merged
    by_number: dict[str, ParsedItem] = {}
    for cand, number in subs:  # listed in the agenda, then recorded in the minutes: the record wins
        built, first = build(cand), by_number.get(number)
        by_number[number] = replace(built, number=number, title=first.title if first else built.title)
    return [
        x
        for item in items
        for x in [item, *(s for n, s in by_number.items() if n.split(".")[0] == item.number)]
    ]
