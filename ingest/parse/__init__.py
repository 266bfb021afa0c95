"""The structure of one set of minutes: header, attendance, agenda items and the people named.

Input is the normalised text; every span in the result points into it. The conventions (headings,
role words, titles, field labels) come from ``knowledge/minutes.yaml``.
"""

from __future__ import annotations

from pmkg.ingest.parse.agenda import agenda_items
from pmkg.ingest.parse.attendance import find_attendance
from pmkg.ingest.parse.header import header_end, read_header
from pmkg.ingest.parse.lists import recased_surnames
from pmkg.ingest.parse.minutes import ParsedMinutes
from pmkg.ingest.people.mentions import mentioned_people
from pmkg.ingest.people.roster import Roster
from pmkg.ingest.text.language import detect_language
from pmkg.ingest.text.lines import split_lines


def parse_minutes(text: str, language: str | None = None) -> ParsedMinutes:
    """Header, attendance, agenda items and mentioned people of one set of minutes."""
    lines = split_lines(text)
    found = find_attendance(lines, text)
    minutes = ParsedMinutes(title="", title_span=(0, 0), language=language or detect_language(text))
    written = text
    recased = recased_surnames(text)[0]  # "v/ Kari NORDMANN" presents as the listed Kari Nordmann
    if recased != text:
        text, lines = recased, split_lines(recased)
    items = agenda_items(lines, found.lines, text)
    for item in items:  # an item's text is the minutes as written
        item.text = written[slice(*item.text_span)] if item.text_span else item.text
    preamble_end = min((item.span[0] for item in items), default=len(text))
    read_header(text, lines, header_end(lines, found.lines, items), preamble_end, minutes)

    roster = Roster(found.mentions)
    for mention in found.role_fields:
        if roster.assign(mention, add_missing=True) is None:
            what = mention.roles[0] if mention.roles else "signatory"  # "Justeras:" gives no role
            minutes.warnings.append(f"{what} '{mention.name}' is not in the attendance list")
    for item in items:
        item.presenters = [roster.assign(p, add_missing=True) or p for p in item.presenters]
    minutes.attendance = roster.entries
    minutes.agenda = items
    skip = [(lines[i].start, lines[i].end) for i in found.lines | found.field_lines] + [minutes.title_span]
    minutes.mentioned = [*found.named, *mentioned_people(text, skip, roster.index)]
    if not roster.entries:
        minutes.warnings.append("no attendance list found")
    if minutes.date is None:
        minutes.warnings.append("no meeting date found")
    return minutes
