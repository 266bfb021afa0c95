"""Minutes come out as a person reading them would record them.

Expected values live in ``tests/expected/<stem>.yaml``, written by hand from the minutes: the four real
example minutes in ``examples/`` and minutes in other layouts and languages in ``tests/data/``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import msgspec
import pytest
import yaml

from pmkg import knowledge
from pmkg.ingest.pipeline import extract_file, extract_text
from pmkg.model.record import Provenance, Record

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = sorted((ROOT / "tests" / "expected").glob("*.yaml"))


def fold(text: str) -> str:
    return " ".join(text.casefold().split())


class View:
    """Lookups over one record by the names a reader would use."""

    def __init__(self, record: Record) -> None:
        self.record = record
        self.meeting = record.meetings[0]
        self.entities = {e.id: e for e in [*record.organizations, *record.initiatives]}
        self.people = {p.id: p for p in record.people}

    def person(self, name: str) -> Any:
        hits = [p for p in self.record.people if fold(name) in {fold(n) for n in [p.name, *p.aliases]}]
        assert len(hits) == 1, f"{name!r}: {len(hits)} match among {[p.name for p in self.record.people]}"
        return hits[0]

    def entity(self, name: str, pool: list[Any]) -> Any:
        hits = [e for e in pool if fold(name) in {fold(n) for n in [e.name, *e.aliases]}]
        assert hits, f"{name!r} not found among {[e.name for e in pool]}"
        return hits[0]

    def org(self, name: str) -> Any:
        return self.entity(name, self.record.organizations)

    def names_of(self, entity_id: str) -> set[str]:
        entity = self.entities.get(entity_id) or self.people[entity_id]
        return {fold(n) for n in [entity.name, *entity.aliases]}


@pytest.fixture(scope="module", params=EXPECTED, ids=lambda p: p.stem)
def case(request: pytest.FixtureRequest) -> tuple[View, dict[str, Any]]:
    expected = yaml.safe_load(request.param.read_text(encoding="utf-8"))
    source = ROOT / "examples" / f"{request.param.stem}.txt"
    if not source.exists():  # minutes in other layouts, in any format the reader takes
        (source,) = (ROOT / "tests" / "data").glob(f"{request.param.stem}.*")
    record = extract_file(source)
    return View(record), expected


def test_meeting_header(case: tuple[View, dict[str, Any]]) -> None:
    view, expected = case
    meeting = view.meeting
    for key, value in expected["meeting"].items():
        if key.endswith("_contains"):
            field = key.removesuffix("_contains")
            assert fold(value) in fold(getattr(meeting, "body_name" if field == "body" else field) or "")
        else:
            assert getattr(meeting, key) == value, key
    assert view.record.document.language == expected["language"]


def test_every_attendee_status_role_title_and_affiliation(case: tuple[View, dict[str, Any]]) -> None:
    view, expected = case
    by_person = {a.person: a for a in view.meeting.attendance}
    assert len(by_person) == len(expected["attendance"]), sorted(view.people[p].name for p in by_person)
    for name, want in expected["attendance"].items():
        person = view.person(name)
        entry = by_person.get(person.id)
        assert entry is not None, f"{name} is not an attendee"
        assert entry.status == want["status"], name
        assert sorted(entry.roles) == sorted(want["roles"]), name
        assert {fold(t) for t in want.get("titles", [])} <= {fold(t) for t in person.titles}, name
        for title in person.titles:
            assert fold(title) not in fold(person.name), f"title {title!r} inside the name {person.name!r}"
        for org_name in want.get("affiliations", []):
            assert any(fold(org_name) in view.names_of(o) for o in person.affiliations), (name, org_name)


def test_memberships_in_the_body_that_met(case: tuple[View, dict[str, Any]]) -> None:
    view, expected = case
    if "memberships" not in expected:
        return
    found = {(view.people[m.person].name, m.role) for m in view.record.memberships}
    assert found == {(view.person(name).name, role) for name, role in expected["memberships"]}
    assert all(m.organization == view.meeting.body for m in view.record.memberships)


def test_aliases_and_emails(case: tuple[View, dict[str, Any]]) -> None:
    view, expected = case
    for name, aliases in expected.get("aliases", {}).items():
        person = view.person(name)
        assert {fold(a) for a in aliases} <= {fold(n) for n in [person.name, *person.aliases]}
    for name, emails in expected.get("emails", {}).items():
        assert set(emails) <= set(view.person(name).emails)


def test_agenda_items_and_presenters(case: tuple[View, dict[str, Any]]) -> None:
    view, expected = case
    items = {item.number: item for item in view.meeting.agenda_items}
    assert sorted(items) == sorted(i["number"] for i in expected["agenda"])
    for want in expected["agenda"]:
        item = items[want["number"]]
        assert fold(item.title) == fold(want["title"])
        if "presenters" in want:
            assert [view.people[p].name for p in item.presenters] == want["presenters"]


def test_people_mentioned_are_not_attendees(case: tuple[View, dict[str, Any]]) -> None:
    view, expected = case
    attendees = {a.person for a in view.meeting.attendance}
    for name, want in expected.get("mentioned", {}).items():
        person = view.person(name)
        assert person.id not in attendees
        assert {fold(t) for t in want["titles"]} <= {fold(t) for t in person.titles}
    for phrase in expected.get("not_people", []):  # organisations, places, sentence starts
        assert not [p.name for p in view.record.people if fold(phrase) in view.names_of(p.id)], phrase
    for short, full in expected.get("text_references", {}).items():
        person = view.person(full)
        quotes = [p.quote for m in view.record.mentions if m.entity == person.id for p in m.provenance]
        assert short in quotes, f"{short!r} does not resolve to {full}"
    person_quotes = {p.quote for m in view.record.mentions if m.entity in view.people for p in m.provenance}
    for quote in expected.get("unresolved_references", []):  # a post nobody or several people hold
        assert quote not in person_quotes, f"{quote!r} resolves to a person"


def test_organizations_and_initiatives(case: tuple[View, dict[str, Any]]) -> None:
    view, expected = case
    for name in expected.get("organizations", []):
        view.org(name)
    for name in expected.get("not_organizations", []):
        assert not [o for o in view.record.organizations if fold(o.name) == fold(name)], name
    for name, aliases in expected.get("organization_aliases", {}).items():
        org = view.org(name)
        assert {fold(a) for a in aliases} <= view.names_of(org.id)
    for name in expected.get("initiatives", []):
        view.entity(name, view.record.initiatives)
    for name, aliases in expected.get("initiative_aliases", {}).items():
        initiative = view.entity(name, view.record.initiatives)
        assert {fold(a) for a in aliases} <= view.names_of(initiative.id)
    pairs = {(p.organization, p.initiative) for p in view.record.participations}
    for org_name, initiative_name in expected.get("participations", []):
        pair = (view.org(org_name).id, view.entity(initiative_name, view.record.initiatives).id)
        assert pair in pairs
    for org_name, initiative_name in expected.get("no_participations", []):
        pair = (view.org(org_name).id, view.entity(initiative_name, view.record.initiatives).id)
        assert pair not in pairs, (org_name, initiative_name)


def test_agreements_fundings_facts_deadlines(case: tuple[View, dict[str, Any]]) -> None:
    view, expected = case
    for want in expected.get("agreements", []):
        parties = {view.org(name).id for name in want["parties"]}
        matches = [a for a in view.record.agreements if a.kind == want["kind"] and set(a.parties) == parties]
        assert matches, (want, view.record.agreements)
        for key in ("date", "date_inferred"):
            if key in want:
                assert getattr(matches[0], key) == want[key]
    for want in expected.get("fundings", []):
        funder = view.entity(want["funder"], [*view.record.organizations, *view.record.initiatives]).id
        found = [f for f in view.record.fundings if f.funder == funder]
        conditions = [f.condition or "" for f in found]
        assert any(fold(want["condition_contains"]) in fold(c) for c in conditions), conditions
        if "amount" in want:
            assert want["amount"] in [f.amount for f in found], found
    facts = {(f.value, fold(f.unit)) for f in view.record.facts}
    for want in expected.get("facts", []):
        assert (want["value"], fold(want["unit"])) in facts
    for want in expected.get("not_facts", []):  # a grant's sum is its amount, not a figure as well
        assert (want["value"], fold(want["unit"])) not in facts, want
    for want in expected.get("deadlines", []):
        found = [d for d in view.record.deadlines if d.kind == want["kind"] and d.date == want["date"]]
        assert found, view.record.deadlines
        for key in ("start_time", "end_time", "email"):
            if key in want:
                assert getattr(found[0], key) == want[key]
        if "contact" in want:
            assert found[0].contact == view.person(want["contact"]).id
    if "themes" in expected:
        themes = view.record.themes
        assert len(themes) == expected["themes"]["count"]
        assert all(t.concepts for t in themes), [t.text for t in themes if not t.concepts]


def test_every_quote_is_the_original_text_at_its_offsets(case: tuple[View, dict[str, Any]]) -> None:
    view, _ = case
    text = view.record.document.text
    checked = 0

    def walk(value: Any) -> None:
        nonlocal checked
        if isinstance(value, Provenance):
            assert 0 <= value.start < value.end <= len(text)
            assert value.quote == text[value.start : value.end]
            checked += 1
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, msgspec.Struct):
            for name in value.__struct_fields__:
                walk(getattr(value, name))

    walk(view.record)
    assert checked > 20
    for entity in [*view.record.people, *view.record.organizations, *view.record.initiatives]:
        assert entity.provenance, f"{entity.name} has no provenance"


def test_record_matches_its_json_schema(case: tuple[View, dict[str, Any]]) -> None:
    view, _ = case
    schema = json.loads(knowledge.path("record.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(view.record.to_dict(), schema)


def attendance_of(record: Record) -> set[tuple[str, str, tuple[str, ...]]]:
    names = {p.id: p.name for p in record.people}
    return {(names[a.person], a.status, tuple(sorted(a.roles))) for a in record.meetings[0].attendance}


@pytest.mark.parametrize(
    "name", ["ngc-advisory-board-5.txt", "npoc-scientific-advisory-board-2024-06-11.txt"]
)
@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_the_same_minutes_as_pdf_docx_and_html_give_the_same_attendance(name: str, fmt: str) -> None:
    """The layout survives conversion: one line per source line, as a PDF, a Word file or a web page."""
    from pmkg.ingest.pipeline import extract_bytes
    from tests.documents import corpus_text, docx_bytes, html_bytes, pdf_bytes

    lines = [line.strip() for line in corpus_text(name).splitlines() if line.strip()]
    data = {
        "pdf": lambda: pdf_bytes(lines),
        "docx": lambda: docx_bytes([("p", line) for line in lines]),
        "html": lambda: html_bytes("Referat", lines),
    }[fmt]()
    converted = extract_bytes(data, f"minutes.{fmt}")
    assert attendance_of(converted) == attendance_of(extract_file(ROOT / "examples" / name))


def test_generic_board_names_are_qualified_by_their_organisation() -> None:
    """Every society has "Bestyrelsen": two societies' boards must not become one node."""
    template = "Bestyrelsesmøde den 6. februar 2019\n\nTil stede:\n\nBestyrelsen: Anders Beich, Lise Dyhr\n\n"
    dsam = extract_text(template + "1. Velkomst\n\nDSAM og DSAM's udvalg drøftede sagen med PLO.\n", "a.txt")
    plo = extract_text(template + "1. Velkomst\n\nPLO drøftede sagen.\n", "b.txt")
    bodies = [record.meetings[0].body for record in (dsam, plo)]
    assert bodies == ["org:bestyrelsen-dsam", "org:bestyrelsen-plo"]
    assert [o.name for o in dsam.organizations if o.id == bodies[0]] == ["Bestyrelsen (DSAM)"]
    unnamed = extract_text(template + "1. Velkomst\n\nSagen blev drøftet.\n", "c.txt")
    assert unnamed.meetings[0].body == f"org:bestyrelsen-{unnamed.document.sha256[:8]}"
