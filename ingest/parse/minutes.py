"""What the parser hands on: people as written, agenda items, and the parsed minutes.

Spans are ``(start, end)`` in the *normalised* text; the assembler maps them back to the original
text (``ingest.text.normalise.Normalised.to_original``) when it builds the record.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Span = tuple[int, int]


@dataclass
class NameMention:
    """A person as written in an attendance block, an agenda line or the text."""

    name: str  # the name with titles, roles and party letters removed
    span: Span  # where the whole entry stands (name plus its title/affiliation), normalised offsets
    titles: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)  # role codes from pmkg.model.record.ROLE_CODES
    status: str = "unknown"  # present | absent | unknown (for attendance entries)
    group: str | None = None  # the heading it stood under: "Bestyrelsen", "Observatører", "Sekretariat"
    affiliation: str | None = None  # raw organisation text, e.g. "Københavns Universitet"
    initials: str | None = None  # written after the name, "Jane Smith (JS)", and used for the person after
    # the parser's rules (ingest/parse/rules.py) that found the entry, each role and the affiliation
    rule: str | None = None  # "attendance.list"
    role_rules: dict[str, str] = field(default_factory=dict)  # role code -> "roles.word"
    affiliation_rule: str | None = None  # "affiliation.parenthesis"
    replaces: str | None = None  # the person this one stood in for ("A för B"), who was absent


@dataclass
class ParsedItem:
    number: str
    title: str
    span: Span
    presenters: list[NameMention] = field(default_factory=list)
    text: str = ""  # the minutes text of the item
    text_span: Span | None = None


@dataclass
class ParsedMinutes:
    title: str
    title_span: Span
    body_name: str | None = None  # "advisory board for forskning og infrastruktur", "GCRB"
    body_span: Span | None = None
    number: str | None = None
    date: str | None = None  # ISO
    date_inferred: bool = False
    date_span: Span | None = None
    start_time: str | None = None
    end_time: str | None = None
    location: str | None = None
    language: str = "und"
    attendance: list[NameMention] = field(default_factory=list)
    agenda: list[ParsedItem] = field(default_factory=list)
    # people named in the running text (neither attendees nor presenters), e.g. a suggested speaker
    mentioned: list[NameMention] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
