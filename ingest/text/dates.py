"""Dates and clock times as minutes write them, in Danish, English, Norwegian and Swedish.

Minutes often give a day without a year ("14. juni"); such a date is reported with ``iso`` in the
ISO 8601 year-less form ``--MM-DD`` and ``year_missing`` set, so the caller can complete it with
:func:`infer_year` (the year of the document's other dated statements) and :meth:`DateMatch.with_year`.
Month names and time words come from ``knowledge/minutes.yaml``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from pmkg.ingest.vocabulary import vocabulary
from pmkg.text import alternation

_HOUR = r"(?:[01]?\d|2[0-3])"
_MIN = r"[0-5]\d"
_MERIDIEM = r"(?:\s*[ap]\.?m\b\.?)"
_CLOCK = rf"{_HOUR}(?:[:.]{_MIN})?{_MERIDIEM}?"
_DASH = r"\s*(?:-|–|—|til|to|till|until|indtil|tills)\s*"


@dataclass(frozen=True)
class DateMatch:
    """One date found in a text; ``iso`` is ``YYYY-MM-DD``, or ``--MM-DD`` when the year is missing."""

    iso: str | None
    year_missing: bool
    span: tuple[int, int]
    start_time: str | None = None
    end_time: str | None = None
    weekday: int | None = None  # the ISO weekday written with the date ("tirsdag den 3. oktober" -> 2)

    @property
    def month(self) -> int | None:
        return int(self.iso[-5:-3]) if self.iso else None

    def with_year(self, year: int) -> DateMatch:
        """The same date completed with ``year`` (unchanged when it already has one or is invalid)."""
        if not self.year_missing or not self.iso:
            return self
        iso = _iso(year, int(self.iso[-5:-3]), int(self.iso[-2:]))
        return replace(self, iso=iso, year_missing=False) if iso else self


def _alternation(words: list[str]) -> str:
    return alternation(words, gap=" ")  # a trie: month and weekday names are tried at every position


@cache
def _month_lookup() -> dict[str, int]:
    return {name.lower(): int(num) for num, names in vocabulary()["months"].items() for name in names}


@cache
def _weekday_lookup() -> dict[str, int]:
    return {name.lower(): int(num) for num, names in vocabulary()["weekdays"].items() for name in names}


@cache
def _patterns() -> list[re.Pattern[str]]:
    months = _alternation(list(_month_lookup()))
    weekday = rf"(?P<weekday>{_alternation(list(_weekday_lookup()))})"
    month = rf"(?P<month>{months})\.?"
    day = r"(?P<day>[0-3]?\d)(?:\.|st|nd|rd|th|:e|e)?"
    until = r"(?:\s*[-–]\s*[0-3]?\d(?:\.|st|nd|rd|th)?)?"  # "14.-15. juni": a meeting over two days
    year = r"(?P<year>(?:19|20)\d\d)"
    lead = rf"(?:(?:{weekday})(?:\s+(?:d\.|den|the))?,?\s+)?"
    flags = re.IGNORECASE
    return [
        re.compile(rf"(?<![\w-]){year}-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?![\w-])"),
        re.compile(rf"(?<![\w.]){day}[./-](?P<mnum>[01]?\d)[./-]{year}(?![\w.]\d)"),
        # "12.06.23": a two-digit year only with a two-digit day and month, as no section number has
        re.compile(r"(?<![\w.])(?P<day>[0-3]\d)([./])(?P<mnum>[01]\d)\2(?P<yy>\d\d)(?![\w.]?\d)"),
        re.compile(rf"(?<!\w){lead}{day}{until}(?:\s+of)?\s+{month}(?:,?\s+{year})?(?!\w)", flags),
        re.compile(rf"(?<!\w){lead}{month}\s+{day},?\s+{year}(?!\w)", flags),
        # "3/5-22": day/month, a hyphen, a two-digit year (a Danish way of writing a date)
        re.compile(r"(?<![\w./])(?P<day>[0-3]?\d)/(?P<mnum>[01]?\d)-(?P<yy>\d\d)(?![\w/-]|\.\d)"),
        # "torsdag d. 14/6 kl. 14", "d. 12/9 2023": a day and month in figures after "d."/"den", the year
        # maybe after a space
        re.compile(
            rf"(?<!\w)(?:{weekday}\s+)?(?:d\.|den)\s*(?P<day>[0-3]?\d)[./](?P<mnum>[01]?\d)\.?"
            rf"(?:\s+{year})?(?![\w/.-]?\d)",
            flags,
        ),
    ]


@cache
def _time_range_re() -> re.Pattern[str]:
    words = _alternation(vocabulary()["time_words"])
    # the end may repeat the time word or hedge it: "fra kl. 13 til kl. 15", "kl. 13.00-ca. 15.00"
    again = _alternation(vocabulary()["time_words"] + vocabulary()["approximately"])
    clock = rf"(?P<start>{_CLOCK})(?:{_DASH}(?:(?:{again})\s*)?(?P<end>{_CLOCK}))?"
    return re.compile(rf"(?<![\w.:])(?P<word>(?:{words})\s*)?{clock}(?![\w:]|\.\d)", re.IGNORECASE)


def _is_time(match: re.Match[str]) -> bool:
    """A number is a clock time after "kl."/"at", or with minutes or am/pm ("14-16" alone is not)."""
    return bool(match.group("word")) or bool(re.search(r"[:.]\d|[ap]\.?m", match.group(0), re.IGNORECASE))


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _clock(value: str | None, meridiem: str = "") -> str | None:
    """``"15.30"`` -> ``"15:30"``; ``"2pm"`` -> ``"14:00"`` (``meridiem`` for the bare start of "2-4pm")."""
    if not value:
        return None
    found = re.search(r"([ap])\.?m", value, re.IGNORECASE)
    half = (found.group(1) if found else meridiem).lower()
    hour, minute = (re.findall(r"\d+", value) + ["00"])[:2]  # "2.00 p.m." -> 2, 00 (no stray dot)
    hours = int(hour) % 12 + (12 if half == "p" else 0) if half else int(hour)
    return f"{hours:02d}:{minute}"


def _range(match: re.Match[str]) -> tuple[str | None, str | None]:
    start, end = match.group("start"), match.group("end")
    meridiem = re.search(r"([ap])\.?m", end or "", re.IGNORECASE)
    hours = [int(re.match(r"\d+", t).group(0)) % 12 for t in (start, end or "0")]  # type: ignore[union-attr]
    shared = meridiem.group(1) if meridiem and hours[0] <= hours[1] else ""  # "2-4pm", not "11-1pm"
    return _clock(start, shared), _clock(end)


def time_spans(text: str) -> list[tuple[int, int]]:
    """Where clock times and ranges stand in ``text`` ("kl. 14-15.30", "at 2.00pm", "13:00-14:00")."""
    return [m.span() for m in _time_range_re().finditer(text) if _is_time(m)]


def parse_time_range(text: str) -> tuple[str | None, str | None]:
    """The first clock time or range in ``text``: ``"kl. 14-15.30"`` -> ``("14:00", "15:30")``,
    ``"2-4pm"`` -> ``("14:00", "16:00")``."""
    match = next((m for m in _time_range_re().finditer(text) if _is_time(m)), None)
    return _range(match) if match else (None, None)


def _time_after(text: str, end: int) -> tuple[str | None, str | None]:
    """A clock time written right after a date ("9. november 2023 kl. 14-16")."""
    tail = _BEFORE_TIME.match(text, end)
    match = _time_range_re().match(text, tail.end() if tail else end)
    return _range(match) if match and _is_time(match) else (None, None)


_DEN_BEFORE = re.compile(r"(?<!\w)(?:den|d\.)\s+$", re.IGNORECASE)  # "den 10 juni", searched up to the date
_DEN_REACH = 40  # characters before a date "den" may stand in
_BEFORE_TIME = re.compile(r"[\s,]*(?:(?:fra|from|at|,)\s*)?")


def _bare_lowercase_month(text: str, m: re.Match[str]) -> bool:
    """``2 may be`` is no date: a year-less date needs a dotted day (``14. juni``), a capitalised
    month, a weekday (``onsdag 15 maj``) or ``den`` before it (Swedish and Norwegian ``den 10 juni``)."""
    month = m.groupdict().get("month")
    if not month or not month.islower() or re.search(r"\d(?:\.|st|nd|rd|th)", m.group(0)):
        return False
    after_den = _DEN_BEFORE.search(text, max(0, m.start() - _DEN_REACH), m.start())
    return not m.groupdict().get("weekday") and not after_den


def _to_match(text: str, m: re.Match[str]) -> DateMatch | None:
    groups = m.groupdict()
    month = int(groups["mnum"]) if groups.get("mnum") else _month_lookup()[groups["month"].lower()]
    day = int(groups["day"])
    if groups.get("year") or groups.get("yy"):
        iso = _iso(int(groups.get("year") or 2000 + int(groups["yy"])), month, day)
        year_missing = False
    else:
        iso = _iso(2000, month, day)  # a leap year, so 29 February is a valid year-less date
        iso = iso and "--" + iso[5:]
        year_missing = True
    if iso is None or (year_missing and _bare_lowercase_month(text, m)):
        return None
    start_time, end_time = _time_after(text, m.end())
    weekday = _weekday_lookup().get((groups.get("weekday") or "").lower())
    return DateMatch(iso, year_missing, (m.start(), m.end()), start_time, end_time, weekday)


def find_dates(text: str) -> list[DateMatch]:
    """Every date in ``text``, in order, with the clock time written right after it if any."""
    found: list[DateMatch] = []
    taken = bytearray(len(text))  # 1 where a date already stands: one look per character, not per date
    for pattern in _patterns():
        for m in pattern.finditer(text):
            if 1 in taken[m.start() : m.end()]:
                continue
            match = _to_match(text, m)
            if match:
                found.append(match)
                taken[match.span[0] : match.span[1]] = b"\x01" * (match.span[1] - match.span[0])
    return sorted(found, key=lambda d: d.span)


def infer_year(matches: list[DateMatch], written: DateMatch | None = None) -> int | None:
    """The year for a date written without one: when ``written`` names its weekday, the year next to
    the document's dated statements in which it falls on that weekday; otherwise the year those
    statements agree on most (the earliest on a tie). None when the document gives no year."""
    years = Counter(int(m.iso[:4]) for m in matches if m.iso and not m.year_missing)
    if not years:
        return None
    best = max(years.values())
    common = min(y for y, n in years.items() if n == best)
    if written is None or written.weekday is None or not written.iso:
        return common
    month, day = int(written.iso[-5:-3]), int(written.iso[-2:])
    nearby = sorted({y + d for y in years for d in (-1, 0, 1)}, key=lambda y: (abs(y - common), -years[y]))
    weekday = written.weekday
    fitting = (y for y in nearby if _iso(y, month, day) and date(y, month, day).isoweekday() == weekday)
    return next(fitting, common)
