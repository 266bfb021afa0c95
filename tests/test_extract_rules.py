"""The extraction rules: one registry, stable names, and every fact names the rule that found it."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmkg.ingest.extract import Context, describe, extract, rules
from pmkg.ingest.extract.registry import rule
from pmkg.ingest.pipeline import extract_text
from pmkg.ingest.record import Provenance

ROOT = Path(__file__).resolve().parents[1]


def test_the_rules_run_in_a_fixed_order_under_stable_names() -> None:
    assert [r.name for r in rules()] == [
        "organisations.gazetteer",
        "organisations.body",
        "organisations.acronym",
        "organisations.named",
        "initiatives.introduced",
        "initiatives.joined",
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
    # the body that met comes from the parser's header, and affiliations from attendance lists
    from_parser = [p for p in found if p.rule is None]
    assert {p.rule for p in found if p.rule} <= known
    assert len(from_parser) < len(found)
    for org in record.organizations:
        assert all(p.rule in known or p.rule is None for p in org.provenance)


def test_the_rule_name_reaches_the_json_and_is_left_out_where_none_is_named() -> None:
    text = "Nordic Rare Disease Data Network (NRDDN) er et nyt netværk. NGC deltager i NRDDN.\n"
    data = extract_text(text).to_dict()
    (initiative,) = [i for i in data["initiatives"] if i["name"] == "Nordic Rare Disease Data Network"]
    assert [p["rule"] for p in initiative["provenance"]] == ["initiatives.acronym"] * 3
    assert initiative["aliases"] == ["NRDDN"]
    (participation,) = data["participations"]
    assert participation["provenance"][0]["rule"] == "participations.cue"
    assert all("rule" not in p for m in data["meetings"] for p in m["provenance"])


def test_rules_read_only_the_context() -> None:
    content = extract(Context(text="Fjordlandsfonden støtter arbeidet med 2 mio. kr.", language="no"))
    assert [(o.name, o.provenance[0].rule) for o in content.organizations] == [
        ("Fjordlandsfonden", "organisations.named")
    ]
    assert [(f.value, f.unit, f.provenance[0].rule) for f in content.facts] == [
        (2_000_000, "kr", "figures.number")
    ]
