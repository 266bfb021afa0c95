"""The header of the minutes: title, body, number, the meeting's date and time, and its place."""

from __future__ import annotations

from pmkg.ingest.parse.fields import field_value, location_of, place_after_date, time_line
from pmkg.ingest.parse.meetingdate import meeting_date
from pmkg.ingest.parse.minutes import ParsedItem, ParsedMinutes
from pmkg.ingest.parse.title import (
    as_name,
    body_and_number,
    body_line_name,
    find_body_line,
    find_title,
    meeting_name,
    naming_re,
)
from pmkg.ingest.text.dates import find_dates, parse_time_range
from pmkg.ingest.text.lines import Line
from pmkg.ingest.vocabulary import vocabulary

_HEADER_LINES = 25


def header_end(lines: list[Line], attendance_lines: set[int], items: list[ParsedItem]) -> int:
    """The header runs to the attendance list, the first agenda item, or a section heading
    ("Dagsorden") once a line has named the meeting (a letterhead may stand above "Referat")."""
    sections = {str(w).lower() for w in vocabulary()["section_headings"]}
    first_item = min((item.span[0] for item in items), default=None)
    named = False
    for line in lines[:_HEADER_LINES]:
        if line.index in attendance_lines or (first_item is not None and line.start >= first_item):
            return line.index
        if named and line.text.strip(" :").lower() in sections:
            return line.index
        named = named or bool(naming_re().search(line.text) or find_dates(line.text))
    return min(len(lines), _HEADER_LINES)


def read_header(text: str, lines: list[Line], end: int, preamble_end: int, minutes: ParsedMinutes) -> None:
    """The header's facts into ``minutes``: title, body, number, date and time, place. The header is
    ``lines[:end]``; the meeting's date may also stand later in the preamble (before ``preamble_end``,
    the first agenda item), after an attendance list ("Mødet blev holdt torsdag den 18. april")."""
    header = lines[:end]
    title_line, doc_line, meeting_line = find_title(header)
    if title_line is None:
        title_line = next((line for line in lines if not line.blank), Line(0, 0, 0, ""))
    minutes.title, minutes.title_span = (
        meeting_name(title_line.text, doc_line),
        (title_line.start, title_line.end),
    )
    minutes.body_name, minutes.number, evidence = body_and_number(title_line.text, doc_line)
    if meeting_line is not None:
        body, number, named = body_and_number(meeting_line.text, doc_line)
        minutes.number = minutes.number or number
        if minutes.body_name is None and body:  # "Bestyrelsesmøde den 6. februar" under a letterhead
            minutes.body_name, evidence = body, named
        elif minutes.body_name is None:
            minutes.body_name = evidence = title_line.text
    at = text.find(evidence, title_line.start) if evidence else -1
    minutes.body_span = (at, at + len(evidence)) if evidence and at >= 0 else None
    body_line = None if minutes.body_name else find_body_line(header)
    if body_line is not None:  # "Udvalg for forebyggelse ..." under the region's name, over "Referat"
        named = body_line_name(body_line.text)
        minutes.body_name, minutes.body_span = as_name(named), (body_line.start, body_line.start + len(named))
    header_text = text[: header[-1].end if header else 0]
    date_field = field_value(header, "date")
    preferred = [minutes.title_span]
    if date_field:
        value, offset = date_field
        preferred.append((offset, offset + len(value)))
    headings = (minutes.title, header_text)
    held = meeting_date(text, find_dates(header_text), preferred, headings) or meeting_date(
        text, find_dates(text[:preamble_end]), preferred, headings
    )
    if held is not None:
        minutes.date = None if held.date.year_missing else held.date.iso
        minutes.date_inferred = held.inferred
        minutes.date_span = held.date.span
        minutes.start_time, minutes.end_time = held.date.start_time, held.date.end_time
    if minutes.start_time is None:
        time_field = field_value(header, "time")
        times = time_field[0] if time_field else time_line(header)
        if times:
            minutes.start_time, minutes.end_time = parse_time_range(times)
    place = field_value(header, "location")
    if place:
        minutes.location = location_of(place[0])
    elif minutes.date_span and minutes.date_span[0] >= minutes.title_span[1]:
        minutes.location = place_after_date(text, minutes.date_span[1])
