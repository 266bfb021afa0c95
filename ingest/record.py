"""The extraction record: the contract between extraction and everything downstream.

One record describes one document. The Neo4j loader, the RDF writer and the tests
read nothing else, so every field here is documented in ``knowledge/record.schema.json``
and in the comments below. Offsets count Unicode code points in the *original* text
of the document (after decoding, before normalisation).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = "1"

Status = Literal["present", "absent", "unknown"]
ROLE_CODES = (
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
)


@dataclass
class Provenance:
    """Where a fact came from: the exact quote and its span in the original text, and the name of the
    extraction rule that found it (``organisations.acronym``; see ``pmkg extract --explain``)."""

    quote: str
    start: int
    end: int
    rule: str | None = None


@dataclass
class DocumentInfo:
    id: str  # "doc:" + first 16 hex of sha256
    source: str  # file name as given
    sha256: str  # of the raw file bytes
    language: str  # "da", "en", "no", "sv" or "und"
    title: str
    format: str  # "txt", "pdf", "docx", "html", "md"
    text: str = ""  # the original decoded text all offsets point into


@dataclass
class Attendance:
    person: str  # a people id
    status: Status
    roles: list[str] = field(default_factory=list)  # ROLE_CODES
    group: str | None = None  # heading the name stood under, e.g. "Bestyrelsen", "Observatører"
    provenance: list[Provenance] = field(default_factory=list)


@dataclass
class AgendaItem:
    number: str
    title: str
    presenters: list[str] = field(default_factory=list)  # people ids
    text: str = ""  # the minutes text of the item
    provenance: list[Provenance] = field(default_factory=list)


@dataclass
class Meeting:
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
    attendance: list[Attendance] = field(default_factory=list)
    agenda_items: list[AgendaItem] = field(default_factory=list)
    provenance: list[Provenance] = field(default_factory=list)


@dataclass
class Person:
    id: str  # "person:" + slug of the full name
    name: str  # full name, no titles
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)  # "professor", "dekan", "Dr"
    affiliations: list[str] = field(default_factory=list)  # organisation ids
    emails: list[str] = field(default_factory=list)
    provenance: list[Provenance] = field(default_factory=list)


@dataclass
class Organization:
    id: str  # gazetteer id ("org:ku") or "org:" + slug
    name: str
    aliases: list[str] = field(default_factory=list)
    type: str = "organization"  # gazetteer types: university, region, agency, ministry, foundation, ...
    wikidata: str | None = None  # "Q..."
    ror: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2 code of the seat ("DK"); "EU" for bodies of the EU
    provenance: list[Provenance] = field(default_factory=list)


@dataclass
class Initiative:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    type: str = "initiative"  # project, programme, regulation, infrastructure
    wikidata: str | None = None
    provenance: list[Provenance] = field(default_factory=list)


@dataclass
class Membership:
    """A role held in a body outside one meeting (e.g. chair of a board)."""

    person: str
    organization: str
    role: str  # ROLE_CODES
    provenance: list[Provenance] = field(default_factory=list)


@dataclass
class Participation:
    """An organisation takes part in an initiative."""

    organization: str
    initiative: str
    provenance: list[Provenance] = field(default_factory=list)


@dataclass
class Agreement:
    id: str
    kind: str  # "mou", "collaboration", "agreement"
    name: str
    parties: list[str] = field(default_factory=list)  # organisation ids (countries: type country)
    date: str | None = None  # ISO date or "YYYY-MM"
    date_inferred: bool = False
    provenance: list[Provenance] = field(default_factory=list)


@dataclass
class Funding:
    funder: str  # organisation id
    recipient: str | None  # organisation or initiative id
    purpose: str | None = None
    condition: str | None = None
    amount: str | None = None
    provenance: list[Provenance] = field(default_factory=list)


@dataclass
class Theme:
    """One point raised in a discussion, linked to concepts of the theme taxonomy."""

    id: str
    label: str  # short label (first words)
    text: str
    concepts: list[str] = field(default_factory=list)  # taxonomy concept ids, "theme:data-sharing"
    meeting: str | None = None
    agenda_item: str | None = None
    provenance: list[Provenance] = field(default_factory=list)


@dataclass
class Fact:
    """A figure stated in the minutes ("14.505 genomer")."""

    id: str
    subject: str | None  # entity id the figure is about, if known
    value: float
    unit: str  # "genomer", "patientgrupper"
    text: str
    date: str | None = None  # the date the figure refers to (meeting date by default)
    provenance: list[Provenance] = field(default_factory=list)


@dataclass
class Deadline:
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
    provenance: list[Provenance] = field(default_factory=list)


@dataclass
class Mention:
    """An entity named somewhere in the text (beyond the facts above)."""

    entity: str
    provenance: list[Provenance] = field(default_factory=list)


@dataclass
class UnresolvedName:
    """A short form (``Ole``, ``Hansen``, ``KN``) that fits two or more of the document's people.

    It is not guessed: staff choose in the review queue, and until then it is nobody's alias.
    """

    form: str
    candidates: list[str]  # people ids it could mean
    provenance: list[Provenance] = field(default_factory=list)


@dataclass
class Record:
    document: DocumentInfo
    meetings: list[Meeting] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    initiatives: list[Initiative] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
    participations: list[Participation] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    fundings: list[Funding] = field(default_factory=list)
    themes: list[Theme] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    unresolved: list[UnresolvedName] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    schema_version: str = SCHEMA_VERSION

    def to_dict(self, *, include_text: bool = False) -> dict[str, Any]:
        """Plain JSON-ready dict; the document text is left out unless asked for."""
        data = asdict(self, dict_factory=_without_empty_rule)
        if not include_text:
            data["document"].pop("text", None)
        return data


def _without_empty_rule(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A provenance no rule is named for reads as before the field existed (``quote``, ``start``, ``end``)."""
    return {key: value for key, value in pairs if key != "rule" or value is not None}
