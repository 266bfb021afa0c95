"""The data of a briefing note: what the graph knows about one entity, as cited statements.

A briefing is the entity's profile question (``queries/*_profile.cypher``) and its coming meetings and
deadlines (``queries/upcoming.cypher``), sorted into the sections a policy officer reads, with every
statement pointing at a numbered note (document, meeting date, quote). The notes are numbered in the order
the statements first cite them, so a reader finds them in order in any format (``pmkg.reports``).

As of a date, only documents dated on or before it count (the questions' ``as_of``), and the facts staff
curated valid from on or before it; the coming meetings are those after it, and a role is *current* when
it was stated at the last meeting its body held by then.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import neo4j
import pandas as pd

from pmkg.errors import PmkgError
from pmkg.graph.connection import read
from pmkg.graph.contact import without_contact
from pmkg.graph.identity import candidate_merges
from pmkg.graph.questions import Param, load_questions, resolve_entity, run_question
from pmkg.model.correction import CORRECTION_PREFIX

# The profile question of each kind of entity, and the name of its entity parameter.
PROFILES: dict[str, tuple[str, str]] = {
    "Person": ("person_profile", "person"),
    "Organization": ("organisation_profile", "organization"),
    "Initiative": ("initiative_profile", "initiative"),
    "Agreement": ("agreement_profile", "agreement"),
    "Theme": ("theme_profile", "theme"),
    "Meeting": ("meeting_profile", "meeting"),
    "Document": ("document_profile", "document"),
}
# The order of a briefing's sections, and the section of each kind of profile row.
SECTIONS = (
    "identity",
    "roles",
    "links",
    "initiatives",
    "themes",
    "meetings",
    "figures",
    "upcoming",
    "review",
    "documents",
)
SECTION_OF_KIND = {
    "identity": "identity",
    "affiliation": "roles",
    "role": "roles",
    "body": "roles",
    "affiliate": "roles",
    "participant": "roles",
    "party": "roles",
    "attendee": "roles",
    "absent": "roles",
    "presenter": "roles",
    "collaborator": "links",
    "funds": "links",
    "funded by": "links",
    "person": "links",
    "organisation": "links",
    "initiative": "initiatives",
    "agreement": "initiatives",
    "theme": "themes",
    "point": "themes",
    "meeting": "meetings",
    "presented": "meetings",
    "figure": "figures",
    "deadline": "meetings",
    "contact": "upcoming",
    "document": "documents",
}
# Where a kind means something else for one kind of entity (a theme's bodies are who raised it).
SECTION_OVERRIDES = {("Theme", "body"): "links", ("Document", "meeting"): "identity"}
# Memberships whose currency the as-of date decides (see current_roles).
MEMBERSHIP_KINDS = ("role", "body")

_ENTITY = """
MATCH (n:Person|Organization|Initiative|Meeting|Theme|Agreement|Document {id: $id})
RETURN n.id AS id, n.name AS name, [l IN labels(n) WHERE l IN $labels][0] AS label, n.date AS date,
       coalesce(n.date_inferred, false) AS date_inferred
LIMIT 1
"""
_LAST_MEETINGS = """
UNWIND $ids AS id
MATCH (b:Organization {id: id})<-[rj1:HELD_BY WHERE rj1.rejected IS NULL]-(m:Meeting)
WHERE $as_of IS NULL OR m.date <= $as_of
RETURN b.id AS id, max(m.date) AS last
LIMIT 1000
"""


@dataclass(frozen=True)
class Note:
    """One numbered citation: the document (its title), its date (the meeting's), and the quote."""

    number: int
    document: str
    document_id: str
    date: str | None
    quote: str

    @property
    def curated(self) -> bool:
        """A fact staff stated (``graph.curated``): the note is its source note, the document its author
        and the id its correction's, not the minutes'."""
        return self.document_id.startswith(CORRECTION_PREFIX)


@dataclass(frozen=True)
class Source:
    """Where a statement comes from, before its note is numbered."""

    document: str
    document_id: str
    date: str | None
    quote: str


@dataclass(frozen=True)
class Statement:
    """One thing the briefing says, with the number of the note that cites it (None: no quote)."""

    section: str
    kind: str
    name: str
    detail: str = ""
    since: str | None = None
    date: str | None = None
    entity_id: str | None = None
    note: int | None = None
    current: bool | None = None  # for memberships: held at the body's last meeting by the as-of date
    source: Source | None = None


@dataclass
class Briefing:
    """Everything a briefing note says about one entity, ready for any output format."""

    entity_id: str
    name: str
    label: str
    as_of: str | None
    statements: list[Statement] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)  # e.g. "date_inferred": a date whose year was inferred

    def section(self, name: str) -> list[Statement]:
        return [s for s in self.statements if s.section == name]


def source(document: Any, document_id: Any, date: Any, quote: Any) -> Source | None:
    """The source of a row that cites a quote; None when it has none."""
    if not document_id or not quote:
        return None
    return Source(_text(document) or str(document_id), str(document_id), _text(date) or None, str(quote))


def numbered(statements: list[Statement]) -> tuple[list[Statement], list[Note]]:
    """Statements in section order with their notes numbered in the order they are first cited; the same
    quote of the same document is one note."""
    ordered = sorted(statements, key=lambda s: SECTIONS.index(s.section))
    notes: dict[tuple[str, str], Note] = {}
    out = []
    for s in ordered:
        if s.source is None:
            out.append(s)
            continue
        key = (s.source.document_id, s.source.quote)
        if key not in notes:
            notes[key] = Note(len(notes) + 1, s.source.document, key[0], s.source.date, key[1])
        out.append(_with(s, note=notes[key].number))
    return out, list(notes.values())


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return str(value)


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


def entity_of(driver: neo4j.Driver, value: str) -> dict[str, Any]:
    """The entity a value names (an id, or a name found by the forgiving search) with its label."""
    entity_id = resolve_entity(driver, Param(name="entity", type="entity"), value)
    rows = read(driver, _ENTITY, {"id": entity_id, "labels": list(PROFILES)})
    if not rows or rows[0]["label"] not in PROFILES:
        raise PmkgError(f"'{value}' is not a person, organisation, initiative, agreement, theme or meeting")
    return rows[0]


def section_of(label: str, kind: str) -> str:
    return SECTION_OVERRIDES.get((label, kind)) or SECTION_OF_KIND.get(kind, "links")


def profile_statements(label: str, rows: list[dict[str, Any]]) -> list[Statement]:
    """Profile rows as statements (the rows' own order)."""
    return [
        Statement(
            section=section_of(label, row["kind"]),
            kind=row["kind"],
            name=_text(row["name"]),
            detail=_text(row["detail"]),
            since=_text(row["since"]) or None,
            date=_text(row["date"]) or None,
            entity_id=row["id"],
            source=source(row["document"], row["document_id"], row["date"], row["quote"]),
        )
        for row in rows
    ]


def upcoming_statements(rows: list[dict[str, Any]]) -> list[Statement]:
    """Coming meetings and deadlines (the upcoming question's rows) as statements."""
    return [
        Statement(
            section="upcoming",
            kind=row["kind"],
            name=_text(row["what"]),
            detail=", ".join(_text(row[c]) for c in ("body", "location", "contact") if row[c]),
            date=_text(row["date"]) or None,
            entity_id=row["deadline_id"],
            source=source(row["set_at"], row["document_id"], row["date"], row["quote"]),
        )
        for row in rows
    ]


def review_statements(driver: neo4j.Driver, entity_id: str, label: str) -> list[Statement]:
    """Open review items: candidate merges that involve the entity (see ``pmkg candidates``)."""
    if label not in ("Person", "Organization"):
        return []
    return [
        Statement(
            section="review",
            kind="candidate",
            name=c.b_name if c.a_id == entity_id else c.a_name,
            detail=f"{c.reason} {c.score:g}",
            entity_id=c.b_id if c.a_id == entity_id else c.a_id,
        )
        for c in candidate_merges(driver)
        if entity_id in (c.a_id, c.b_id)
    ]


def current_roles(statements: list[Statement], last_meetings: dict[str, str]) -> list[Statement]:
    """Memberships marked current when stated at the last meeting their body held by the as-of date."""
    marked = []
    for s in statements:
        last = last_meetings.get(s.entity_id or "") if s.kind in MEMBERSHIP_KINDS else None
        marked.append(s if last is None else _with(s, current=s.date is not None and s.date >= last))
    return marked


def _with(statement: Statement, **changes: Any) -> Statement:
    return Statement(**{**statement.__dict__, **changes})


def build_briefing(
    driver: neo4j.Driver,
    entity: str,
    as_of: str | dt.date | None = None,
    limit: int = 25,
    contact_details: bool = False,
) -> Briefing:
    """The briefing of one entity (an id or a name), as the graph stood on ``as_of`` (default: now).
    Contact details are left out unless ``contact_details`` (as in every export of personal data): the
    questions' contact rows and columns, and addresses in their text (``graph.contact.without_contact``)."""
    found = entity_of(driver, entity)
    label = found["label"]
    question, param = PROFILES[label]
    questions = load_questions()
    day = as_of.isoformat() if isinstance(as_of, dt.date) else as_of
    profile = run_question(driver, questions[question], {param: found["id"], "as_of": day, "limit": limit})
    upcoming_from = day or dt.date.today().isoformat()
    upcoming = run_question(
        driver,
        questions["upcoming"],
        {"on": upcoming_from, "entity": found["id"], "as_of": day, "limit": limit},
    )
    if not contact_details:  # the questions' contact columns and rows, and addresses in their text
        profile, upcoming = without_contact(profile), without_contact(upcoming)
    statements = profile_statements(label, _records(profile.frame))
    statements += upcoming_statements(_records(upcoming.frame))
    statements += review_statements(driver, found["id"], label)
    bodies = sorted({s.entity_id for s in statements if s.kind in MEMBERSHIP_KINDS and s.entity_id})
    if bodies and label == "Person":
        rows = read(driver, _LAST_MEETINGS, {"ids": bodies, "as_of": day})
        statements = current_roles(statements, {r["id"]: r["last"] for r in rows})
    statements, notes = numbered(statements)
    briefing = Briefing(found["id"], found["name"], label, day, statements, notes)
    if found["date_inferred"] or any("year inferred" in s.detail for s in statements):
        briefing.flags.append("date_inferred")
    return briefing
