"""The extraction rules: one registry, stable names, and every fact names the rule that found it."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmkg.ingest.extract import Context, describe, extract, rules
from pmkg.ingest.extract.registry import rule
from pmkg.ingest.parse.rules import PARSER_RULES
from pmkg.ingest.pipeline import extract_file, extract_text
from pmkg.model.record import Provenance

ROOT = Path(__file__).resolve().parents[1]


def test_the_rules_run_in_a_fixed_order_under_stable_names() -> None:
    assert [r.name for r in rules()] == [
        "organisations.gazetteer",
        "organisations.body",
        "organisations.acronym",
        "organisations.named",
        "initiatives.introduced",
        "initiatives.joined",
        "initiatives.plan",
        "organisations.counterparty",
        "organisations.self_reference",
        "participations.cue",
        "agreements.cue",
        "funding.cue",
        "figures.number",
        "deadlines.next_meeting",
        "themes.bullet",
    ]
    assert {r.name for r in rules("entities")} == {
        r.name for r in rules() if r.name.startswith(("organisations.", "initiatives."))
    }


def test_a_name_cannot_be_registered_twice() -> None:
    with pytest.raises(ValueError, match="initiatives.acronym"):
        rule("initiatives.acronym")(lambda reading: None)


def test_every_rule_says_what_it_does() -> None:
    for each in rules():
        for name in each.names:
            summary = describe(name)
            assert summary and summary.endswith(".") and len(summary.split()) >= 5, name
    assert describe("no.such_rule") is None


def _provenances(value: object) -> list[Provenance]:
    if isinstance(value, Provenance):
        return [value]
    if isinstance(value, list):
        return [p for item in value for p in _provenances(item)]
    fields = getattr(value, "__struct_fields__", None)
    return [p for name in fields or () for p in _provenances(getattr(value, name))]


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "examples").glob("*.txt")))
def test_every_extracted_fact_names_a_registered_rule(name: str) -> None:
    record = extract_text((ROOT / "examples" / name).read_text(encoding="utf-8"), name)
    content = [
        record.organizations,
        record.initiatives,
        record.participations,
        record.agreements,
        record.fundings,
        record.facts,
        record.deadlines,
        record.themes,
    ]
    found = _provenances(content)
    assert found
    known = {n for r in rules() for n in r.names}
    assert {p.rule for p in found if p.rule} - known <= set(PARSER_RULES)
    assert len([p for p in found if p.rule in known]) > len(found) // 2
    # the body that met comes from the parser's header, and affiliations from attendance lists
    for org in record.organizations:
        assert all(p.rule and describe(p.rule) for p in org.provenance), org.name


PARSED = [
    "examples/ngc-advisory-board-5.txt",  # Danish list, entries with titles and organisations
    "tests/minutes/new/biobank-sverige-styrgrupp-2023-10-05.docx",  # a DOCX table
    "tests/minutes/new/ern-genturis-board-2024-03-22.pdf",  # a PDF
    "tests/minutes/new/northmoor-health-wellbeing-board-2024-02-15.html",
    "tests/minutes/dev/gms-styrgrupp-2023-06-14.txt",  # Swedish, signatures
    "tests/minutes/dev/pmpf-board-2024-02-06.txt",
]


@pytest.mark.parametrize("path", PARSED)
def test_attendance_roles_and_affiliations_name_the_parsers_rules(path: str) -> None:
    record = extract_file(ROOT / path)
    (meeting,) = record.meetings
    assert meeting.attendance and meeting.provenance[0].rule == "meeting.title"
    for entry in meeting.attendance:
        rules_named = [p.rule for p in entry.provenance]
        assert rules_named[0] and rules_named[0].startswith("attendance."), entry.person
        assert all(r and describe(r) for r in rules_named), (entry.person, rules_named)
    for membership in record.memberships:  # a post held: the rule that gave the role
        assert all(p.rule and p.rule.startswith("roles.") and describe(p.rule) for p in membership.provenance)
    affiliated = {org for person in record.people for org in person.affiliations}
    for org in record.organizations:
        if org.id in affiliated and org.id != meeting.body:
            assert any(p.rule and p.rule.startswith("affiliation.") for p in org.provenance), org.name


# Minutes naming someone only where they sign (Biobank Sverige's document did, before its "Adjungerade"
# group was read as the guests it lists): the signature rule is exercised whatever the documents do.
SIGNED_ONLY = (
    "Styrgruppen för Fjällbiobanken\nProtokoll 2/2024\nDatum: 2024-03-05\n\nNärvarande\n"
    "• Agnes Lindqvist, ordförande\n• Hugo Blomberg\n\n§ 1 Mötets öppnande\nOrdföranden öppnade mötet.\n\n"
    "Vid protokollet\n\nMalin Sjöstrand\n"
)


def test_the_documents_use_each_way_of_listing_people() -> None:
    used = set()
    for record in [extract_text(SIGNED_ONLY), *(extract_file(ROOT / path) for path in PARSED)]:
        used |= {p.rule for m in record.meetings for a in m.attendance for p in a.provenance}
        used |= {p.rule for ms in record.memberships for p in ms.provenance}
        used |= {p.rule for o in record.organizations for p in o.provenance}
    expected = {"attendance.list", "attendance.table", "attendance.signature", "roles.word", "roles.heading"}
    assert expected | {"affiliation.comma", "affiliation.parenthesis", "affiliation.column"} <= used


def test_every_parser_rule_says_what_it_does() -> None:
    for name in PARSER_RULES:
        summary = describe(name)
        assert summary and summary.endswith(".") and len(summary.split()) >= 5, name
    assert not set(PARSER_RULES) & {n for r in rules() for n in r.names}


def test_the_rule_name_reaches_the_json_and_is_left_out_where_none_is_named() -> None:
    text = "Nordic Rare Disease Data Network (NRDDN) er et nyt netværk. NGC deltager i NRDDN.\n"
    data = extract_text(text).to_dict()
    (initiative,) = [i for i in data["initiatives"] if i["name"] == "Nordic Rare Disease Data Network"]
    assert [p["rule"] for p in initiative["provenance"]] == ["initiatives.acronym"] * 3
    assert initiative["aliases"] == ["NRDDN"]
    (participation,) = data["participations"]
    assert participation["provenance"][0]["rule"] == "participations.cue"
    items = [p for m in data["meetings"] for item in m["agenda_items"] for p in item["provenance"]]
    assert all("rule" not in p for p in items)


def test_rules_read_only_the_context() -> None:
    content = extract(Context(text="Fjordlandsfonden støtter arbeidet med 2 mio. kr.", language="no"))
    assert [(o.name, o.provenance[0].rule) for o in content.organizations] == [
        ("Fjordlandsfonden", "organisations.named")
    ]
    assert [(f.value, f.unit, f.provenance[0].rule) for f in content.facts] == [
        (2_000_000, "kr", "figures.number")
    ]
