"""Header fields (``Dato: 14. juni 2023``, ``Sted | Online``) and the place of a meeting."""

from __future__ import annotations

import re
from functools import cache

from pmkg.ingest.text.dates import find_dates, time_spans
from pmkg.ingest.text.lines import Line
from pmkg.ingest.vocabulary import alternation, lookup, vocabulary


@cache
def _field_re(kind: str) -> re.Pattern[str]:
    """``Dato: 14. juni``, ``- **Dato:** 14. juni``, and a label and its value in cells of a table
    (``Dato | 14. juni``)."""
    labels = alternation(vocabulary()["fields"][kind])
    bullet = r"(?:[-•*–]\s+)?[*_]*"  # "- **Dato:** 21. september 2023" in a Markdown list
    return re.compile(rf"^{bullet}(?P<label>{labels})(?:\s*:\s*|\s+\|\s+)(?P<value>.*)$", re.I)


_CELL = " | "  # between the cells of a table row (see ingest.read.rows.row_text)


def field_value(lines: list[Line], kind: str) -> tuple[str, int] | None:
    """The value of a header field and its offset; an empty value continues on the next line,
    and a value ending in a comma on the lines after it. In a table row, a label may stand in any
    cell and its value is the next cell (``Dato | 5. september 2023 | Tidspunkt | Kl. 16-18``)."""
    for i, line in enumerate(lines):
        cells = [0] + [m.end() for m in re.finditer(re.escape(_CELL), line.text)]
        found = next(((at, m) for at in cells if (m := _field_re(kind).match(line.text[at:]))), None)
        if found is None:
            continue
        at, m = found
        value, start = m.group("value"), line.start + at + m.start("value")
        markup = re.match(r"[*_|\s]*", value)  # "**Dato:** 14.6.2023": the label's bold mark
        value, start = value[markup.end() :].split(_CELL)[0], start + markup.end()
        following = [x for x in lines[i + 1 :] if not x.blank]
        if not value and following:
            value, start = following[0].text, following[0].start
            following = following[1:]
        for nxt in following:
            if not value.rstrip().endswith(",") or is_field(nxt.text):
                break
            value = f"{value.rstrip()} {nxt.text}"
        return value.strip(), start
    return None


def is_field(text: str) -> bool:
    return any(_field_re(kind).match(text) for kind in vocabulary()["fields"])


def location_of(value: str) -> str | None:
    """The place in a field value, with dates, clock times and a leading "på"/"at" removed."""
    clock = [span for span in time_spans(value) if not _room_number(value, *span)]
    spans = [d.span for d in find_dates(value)] + clock
    for start, end in sorted(spans, reverse=True):
        value = value[:start] + " " + value[end:]
    value = _preps_re("leading").sub("", value.strip(" ,.;-–()")).strip(" ,.;-–()")
    if value.count("(") > value.count(")"):  # "..., København Ø (mødelokale 3)": its own parenthesis
        value += ")"
    value = re.sub(r"^the\s+(?=\w)", "", value, flags=re.I)
    if not value:
        return None
    words = [w for w in re.findall(r"[^\W\d_]+", value) if not _preps_re("word").fullmatch(w)]
    platforms = [str(lookup("online_places", w)) for w in words]
    if len(words) > 1 and "None" not in platforms:  # "Digitalt via Teams", "Online (Zoom)": the platform
        return next((p for p in reversed(platforms) if p != "Online"), "Online")
    online = lookup("online_places", value) or lookup("online_places", value.split()[0].strip(",."))
    if online and (len(value.split()) <= 2 or lookup("online_places", value)):
        return str(online)
    return value


@cache
def _preps_re(kind: str) -> re.Pattern[str]:
    """Place prepositions and time words (``på``, ``at``, ``kl.``): before a place (``leading``), as a
    word of their own (``word``), or opening what follows a date (``after``); compiled once."""
    preps = alternation(vocabulary()["place_prepositions"] + vocabulary()["time_words"])
    patterns = {"leading": rf"^(?:(?:{preps})\s+)+", "word": preps, "after": rf"\s*(?:,|(?:{preps})\s)"}
    return re.compile(patterns[kind], re.I)


def _room_number(value: str, start: int, end: int) -> bool:
    """``lokale 3.14``, ``Room 4.12``: a bare number after a word is a room, not a clock time."""
    bare = re.fullmatch(r"\d{1,2}\.\d{2}", value[start:end])
    return bool(bare and re.search(r"[^\W\d]\s+$", value[:start]))


def time_line(header: list[Line]) -> str | None:
    """A header line holding only a clock time (``Kl. 13.00-15.30`` under the date)."""
    for line in header:
        spans = time_spans(line.text)
        if spans and not re.sub(r"[\W_]+", "", line.text[: spans[0][0]] + line.text[spans[0][1] :]):
            return line.text
    return None


def place_after_date(text: str, date_end: int) -> str | None:
    """``Torsdag den 2. marts 2023 kl. 15-17, Regionshuset, Vejle``: the place after the date and time."""
    line_end = text.find("\n", date_end)
    tail = text[date_end : line_end if line_end >= 0 else len(text)]
    if _preps_re("after").match(tail):
        return location_of(tail)
    return None
