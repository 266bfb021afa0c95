"""The extraction record: the contract between extraction and everything downstream.

One record describes one document. The record classes are ``msgspec`` structs: typed, about four
times cheaper to build than dataclasses (extraction builds hundreds per document) and checked when a
record is decoded from JSON (``decode_record``: ``pmkg ingest --records``). ``knowledge/record.schema.json``
is generated from them (``python -m pmkg.model.jsonschema``). Offsets count Unicode code points in the
*original* text of the document (after decoding, before normalisation).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

import msgspec

SCHEMA_VERSION = "1"

Status = Literal["present", "absent", "unknown"]
Role = Literal[
    "chair",
    "vice_chair",
    "minute_taker",
    "secretariat",
    "secretary",
    "treasurer",
    "presenter",
    "observer",
    "guest",
    "member",
    "deputy",  # suppleant, varamedlem, ersättare: sits in for a member
    "patient_representative",
]
ROLE_CODES: tuple[str, ...] = Role.__args__  # type: ignore[attr-defined]
Offset = Annotated[int, msgspec.Meta(ge=0)]
Country = Annotated[
    str,
    msgspec.Meta(
        pattern="^[A-Z]{2}$",
        description="ISO 3166-1 alpha-2 code of the seat (DK, NO, GB); EU for bodies of the European Union",
    ),
]


RuleName = Annotated[str, msgspec.Meta(description="e.g. organisations.acronym; see pmkg extract --explain")]


class Provenance(msgspec.Struct, omit_defaults=True):
    """Where a fact came from: the exact quote and its span in the original text, and the extraction
    rule that found it (left out of the JSON where none is named)."""

    quote: str
    start: Offset
    end: Offset
    rule: RuleName | None = None


Sourced = Annotated[list[Provenance], msgspec.Meta(min_length=1)]


class DocumentInfo(msgspec.Struct):
    """The document the record describes."""

    id: str  # "doc:" + first 16 hex of sha256
    source: str  # file name as given
    sha256: str  # of the raw file bytes
    language: str  # "da", "en", "no", "sv" or "und"
    title: str
    format: str  # "txt", "pdf", "docx", "html", "md"
    text: str = ""  # the original decoded text all offsets point into


class Attendance(msgspec.Struct):
    """One person on a meeting's attendance list."""

    person: str  # a people id
    status: Status
    roles: list[Role] = []
    group: str | None = None  # heading the name stood under, e.g. "Bestyrelsen", "Observatører"
    provenance: Sourced = []


class AgendaItem(msgspec.Struct):
    """One item of a meeting's agenda and the minutes written under it."""

    number: str
    title: str
    presenters: list[str] = []  # people ids
    text: str = ""  # the minutes text of the item
    provenance: list[Provenance] = []


class Meeting(msgspec.Struct):
    """A meeting the document records."""

    id: str  # "meeting:" + slug
    title: str
    body: str | None  # organisation id of the body that met
    body_name: str | None
    number: str | None
    date: str | None  # ISO YYYY-MM-DD
    date_inferred: bool = False
    start_time: str | None = None  # "HH:MM"
    end_time: str | None = None
    location: str | None = None  # place, or "Online"
    attendance: list[Attendance] = []
    agenda_items: list[AgendaItem] = []
    provenance: list[Provenance] = []


class Person(msgspec.Struct):
    """A person named in the document."""

    id: str  # "person:" + slug of the full name
    name: str  # full name, no titles
    aliases: list[str] = []
    titles: list[str] = []  # "professor", "dekan", "Dr"
    affiliations: list[str] = []  # organisation ids
    emails: list[str] = []
    provenance: Sourced = []


class Organization(msgspec.Struct):
    """An organisation named in the document (from the gazetteer, or found by its name's form)."""

    id: str  # gazetteer id ("org:ku") or "org:" + slug
    name: str
    aliases: list[str] = []
    type: str = "organization"  # gazetteer types: university, region, agency, ministry, foundation, ...
    wikidata: str | None = None  # "Q..."
    ror: str | None = None
    country: Country | None = None
    provenance: Sourced = []


class Initiative(msgspec.Struct):
    """A project, programme, regulation or infrastructure named in the document."""

    id: str
    name: str
    aliases: list[str] = []
    type: str = "initiative"  # project, programme, regulation, infrastructure
    wikidata: str | None = None
    provenance: Sourced = []


class Membership(msgspec.Struct):
    """A role held in a body outside one meeting (e.g. chair of a board)."""

    person: str
    organization: str
    role: Role
    provenance: Sourced = []


class Participation(msgspec.Struct):
    """An organisation takes part in an initiative."""

    organization: str
    initiative: str
    provenance: Sourced = []


class Agreement(msgspec.Struct):
    """An agreement between organisations (or countries) that the minutes name."""

    id: str
    kind: str  # "mou", "collaboration", "agreement"
    name: str
    parties: list[str] = []  # organisation ids (countries: type country)
    date: str | None = None  # ISO date or "YYYY-MM"
    date_inferred: bool = False
    provenance: Sourced = []


class Funding(msgspec.Struct):
    """Money from a funder to an organisation or initiative."""

    funder: str  # organisation id
    recipient: str | None  # organisation or initiative id
    purpose: str | None = None
    condition: str | None = None
    amount: str | None = None
    provenance: Sourced = []


class Theme(msgspec.Struct):
    """One point raised in a discussion, linked to concepts of the theme taxonomy."""

    id: str
    label: str  # short label (first words)
    text: str
    concepts: list[str] = []  # taxonomy concept ids, "theme:data-sharing"
    meeting: str | None = None
    agenda_item: str | None = None
    provenance: list[Provenance] = []


class Fact(msgspec.Struct):
    """A figure stated in the minutes ("14.505 genomer")."""

    id: str
    subject: str | None  # entity id the figure is about, if known
    value: float
    unit: str  # "genomer", "patientgrupper"
    text: str
    date: str | None = None  # the date the figure refers to (meeting date by default)
    provenance: list[Provenance] = []


class Deadline(msgspec.Struct):
    """A deadline or the next meeting that the minutes set."""

    id: str
    kind: Literal["next_meeting", "deadline"]
    date: str | None
    date_inferred: bool = False
    start_time: str | None = None
    end_time: str | None = None
    location: str | None = None
    description: str = ""
    contact: str | None = None  # people id
    email: str | None = None
    meeting: str | None = None  # the meeting that set it
    provenance: list[Provenance] = []


class Mention(msgspec.Struct):
    """An entity named somewhere in the text (beyond the facts above)."""

    entity: str
    provenance: list[Provenance] = []


PersonId = Annotated[str, msgspec.Meta(pattern="^person:")]


class UnresolvedName(msgspec.Struct):
    """A short form (first name, surname, initials) that fits two or more of the document's people;
    not guessed, left for review (until then it is nobody's alias)."""

    form: Annotated[str, msgspec.Meta(description="The short form as written, e.g. 'Ole'")]
    candidates: Annotated[list[PersonId], msgspec.Meta(min_length=2)]
    provenance: list[Provenance] = []


class Record(msgspec.Struct):
    """What ``pmkg extract FILE --format json`` prints: the facts of one minutes document, each with
    provenance (quote and code-point offsets into the original text)."""

    document: DocumentInfo
    meetings: list[Meeting] = []
    people: list[Person] = []
    organizations: list[Organization] = []
    initiatives: list[Initiative] = []
    memberships: list[Membership] = []
    participations: list[Participation] = []
    agreements: list[Agreement] = []
    fundings: list[Funding] = []
    themes: list[Theme] = []
    facts: list[Fact] = []
    deadlines: list[Deadline] = []
    mentions: list[Mention] = []
    unresolved: list[UnresolvedName] = []
    warnings: list[str] = []
    schema_version: str = SCHEMA_VERSION

    def to_dict(self, *, include_text: bool = False) -> dict[str, Any]:
        """Plain JSON-ready dict; the document text is left out unless asked for."""
        data = msgspec.to_builtins(self)
        if not include_text:
            data["document"].pop("text", None)
        return data


_DECODER = msgspec.json.Decoder(Record)


def decode_record(line: bytes | str) -> Record:
    """A record from its JSON (one line of a JSON Lines file), checked against the record classes.

    Raises ``msgspec.ValidationError`` (a ``ValueError``) naming the field that does not fit."""
    return _DECODER.decode(line)


def encode_record(record: Record, *, include_text: bool = True) -> bytes:
    """The record as one line of JSON (no newline inside), the form ``decode_record`` reads back."""
    if include_text:
        return msgspec.json.encode(record)
    return msgspec.json.encode(record.to_dict())
