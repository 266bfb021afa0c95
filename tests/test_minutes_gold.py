"""The gold of the test minutes (tests/minutes/) agrees with its documents: names occur, fields are sound."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from tests.minutes.src.check_gold import MINUTES, SETS, check_document, check_set, sources_of

TEXT = (
    "Til stede: Anna Berg (formand), Anna Holm og Bo Ek, Region Skåne.\n"
    "Afbud: Karl Lund. Anna Berg orienterede om Genomic Data Infrastructure (GDI). Bo takkede."
)
GOLD: dict[str, Any] = {
    "date": "2024-03-01",
    "present": ["Anna Berg", "Anna Holm", "Bo Ek"],
    "absent": ["Karl Lund"],
    "people": [],
    "not_present": [],
    "roles": {"Anna Berg": ["chair", "presenter"]},
    "affiliations": {"Bo Ek": ["Region Skåne"]},
    "orgs": ["Region Skåne"],
    "initiatives": ["Genomic Data Infrastructure"],
    "initiative_aliases": {"Genomic Data Infrastructure": "GDI"},
    "same_person": [["Bo Ek", "Bo"]],
    "not_people": ["Bo", "Til stede", "Afbud"],
}


@pytest.mark.parametrize("set_name", SETS)
def test_gold_agrees_with_documents(set_name: str) -> None:
    errors, _ = check_set(MINUTES / set_name, sources_of(set_name))
    assert errors == []


def test_sound_gold_passes() -> None:
    assert check_document(GOLD, TEXT) == ([], [])


def broken(**changes: Any) -> list[str]:
    gold = copy.deepcopy(GOLD)
    gold.update(changes)
    return check_document(gold, TEXT)[0]


def test_flaws_are_reported() -> None:
    assert broken(present=["Anna Berg", "Anna Holm", "Bo Ek", "Karl Lund"]) == [
        "a person is in more than one of present/absent/people"
    ]
    assert broken(roles={"Anna Berg": ["leader"]}) == [
        "Anna Berg: roles ['leader'] empty, repeated or outside the vocabulary"
    ]
    assert broken(affiliations={"Bo Ek": ["Lunds universitet"]}) == [
        "Bo Ek: affiliation ['Lunds universitet'] not in orgs"
    ]
    assert broken(absent=["Karl Lundgren"]) == ["person 'Karl Lundgren' does not occur as a whole word"]
    assert broken(orgs=["Region Skåne", "Region Halland"]) == [
        "organisation/initiative 'Region Halland' does not occur"
    ]
    assert broken(date="1 March 2024") == ["date '1 March 2024' is not an ISO date"]
    assert broken(same_person=[["Anna Berg", "Anna"]], not_people=["Anna"]) == [
        "short form 'Anna' fits ['Anna Berg', 'Anna Holm']: it must stay unresolved"
    ]
    assert broken(same_person=[["Bo Ek", "Bo"]], not_people=[]) == [
        "short form 'Bo' not listed in not_people"
    ]
    assert broken(present=["Anna Berg", "Anna Holm", "Bo Ek", "Region Skåne"]) == [
        "person 'Region Skåne' would be scored as junk"
    ]
    assert broken(_note="notes are allowed") == []
