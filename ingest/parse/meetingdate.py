"""The day the meeting was held, among the dates at the head of the minutes.

Minutes put other dates first: when they were sent ("Referat - udsendt 26. oktober 2023"), approved
("Godkendt: 11.01.2024"), signed, published, or when the next meeting is. Each date is judged by the
words before it in its sentence (``knowledge/meeting-date.yaml``): a date after one of the ``other``
words is never the meeting's; a date in a date field, on the title line or after a ``meeting`` word
("Mødet blev afholdt onsdag den 13. september 2023") is preferred; among equals, the first wins.
A date without a year takes it from the document's other dates, else from a year in the heading
("bestyrelsesmøde nr. 2/2024"), and says the year was inferred.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pmkg.ingest.parse.minutes import Span
from pmkg.ingest.text.dates import DateMatch, find_dates, infer_year
from pmkg.knowledge import load
from pmkg.text import fold

_SENTENCE_START = re.compile(r"[.!?:\n]\s*(?=\S)|^")  # a colon too: "Godkendt: 11.01.2024"
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_BEFORE = 60  # characters before a date its words may stand in


@dataclass(frozen=True)
class MeetingDate:
    """The meeting's date as written, and whether its year had to be inferred."""

    date: DateMatch
    inferred: bool


@cache
def _words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = load("meeting-date.yaml").values()

    def pattern(key: str) -> re.Pattern[str]:
        phrases = sorted({fold(w) for language in data for w in language[key]}, key=len, reverse=True)
        return re.compile(
            r"(?<!\w)(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases) + r")(?!\w)"
        )

    return pattern("other"), pattern("meeting")


def _lead(text: str, start: int) -> str:
    """The words before a date in its sentence (or on its line), folded."""
    window = text[max(0, start - _BEFORE) : start]
    cut = max(m.end() for m in _SENTENCE_START.finditer(window)) if window else 0
    return fold(window[cut:])


def meeting_date(
    text: str, candidates: list[DateMatch], preferred: list[Span], headings: tuple[str, ...]
) -> MeetingDate | None:
    """The meeting's date among ``candidates`` (dates of the head of the minutes, in order), those
    inside a ``preferred`` span (a date field, the title line) counting first; a year missing from it
    comes from the document's other dates, else the first of ``headings`` (the title line, then the
    header) that names one year."""
    other, meeting = _words()
    scored = []
    for order, found in enumerate(candidates):
        lead = _lead(text, found.span[0])
        if other.search(lead):
            continue
        preferred_here = any(s <= found.span[0] < e for s, e in preferred)
        scored.append((-(2 * preferred_here + bool(meeting.search(lead))), order, found))
    if not scored:
        return None
    best = min(scored)[2]
    if not best.year_missing:
        return MeetingDate(best, inferred=False)
    year = infer_year(find_dates(text), best) or next(
        (y for heading in headings if (y := _heading_year(heading, best))), None
    )
    completed = best.with_year(year) if year else best
    return MeetingDate(completed, inferred=not completed.year_missing)


def _heading_year(heading: str, written: DateMatch) -> int | None:
    """A year the heading names outside any date ("nr. 2/2024", "Årsmøde 2023"), when it names one."""
    for found in reversed(find_dates(heading)):
        heading = heading[: found.span[0]] + " " + heading[found.span[1] :]
    years = [int(y) for y in _YEAR.findall(heading)]
    if len(set(years)) != 1:
        return None
    return years[0] if not written.with_year(years[0]).year_missing else None
