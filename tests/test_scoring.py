"""The scorer of the test minutes counts what it should: a hand-made record against a hand-made gold."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.scoring import aggregate, format_row, format_total, is_junk_person, run, score, score_with_misses

DEV = Path(__file__).resolve().parent / "minutes" / "dev"

GOLD: dict[str, Any] = {
    "date": "2024-03-01",
    "present": ["Anna Berg", "Cecilia Lund"],
    "absent": ["Bo Ek"],
    "people": ["Karl Holm"],
    "not_present": ["Karl Holm"],
    "roles": {"Anna Berg": ["chair", "presenter"], "Bo Ek": ["member"]},
    "affiliations": {"Anna Berg": ["Region Skåne"], "Bo Ek": ["Lunds universitet"]},
    "orgs": ["Region Skåne", "Lunds universitet"],
    "initiatives": ["Genomic Data Infrastructure", "European Health Data Space"],
    "initiative_aliases": {"Genomic Data Infrastructure": "GDI"},
    "same_person": [["Anna Berg", "Anna"], ["Bo Ek", "Ek"]],
    "not_people": ["Anna", "Ek", "Formanden"],
}


def person(
    pid: str, name: str, aliases: list[str] | None = None, affiliations: list[str] | None = None
) -> dict:
    return {"id": pid, "name": name, "aliases": aliases or [], "affiliations": affiliations or []}


RECORD: dict[str, Any] = {
    "people": [
        person("p:anna", "Anna Berg", ["Anna"], ["org:rs"]),
        person("p:bo", "Bo Ek"),
        person("p:karl", "Karl Holm"),
        person("p:formanden", "Formanden"),  # a role noun the gold lists under not_people
        person("p:region", "Region Skåne"),  # an organisation taken for a person
    ],
    "organizations": [{"id": "org:rs", "name": "Region Skåne", "aliases": ["RS"]}],
    "initiatives": [{"id": "ini:gdi", "name": "Genomic Data Infrastructure", "aliases": ["GDI"]}],
    "memberships": [{"person": "p:bo", "role": "member"}],
    "meetings": [
        {
            "date": "2024-03-01",
            "attendance": [
                {"person": "p:anna", "status": "present", "roles": ["chair"]},
                {"person": "p:bo", "status": "absent", "roles": []},
                {"person": "p:karl", "status": "present", "roles": []},  # only mentioned in the minutes
            ],
        }
    ],
}


def test_each_field_counts_hits_and_totals() -> None:
    assert score(RECORD, GOLD) == {
        "people": (3, 4),  # Cecilia Lund is missing
        "attendance": (2, 4),  # Cecilia has no status; Karl is marked present but only mentioned
        "clean": (3, 5),  # Formanden and Region Skåne are junk
        "roles": (2, 3),  # Anna's presenter role is missing; Bo's member comes from a membership
        "affiliations": (1, 2),
        "orgs": (1, 2),
        "initiatives": (1, 2),
        "merges": (1, 2),  # "Ek" is not an alias of Bo Ek
        "date": (1, 1),
    }


def test_misses_name_what_is_wrong() -> None:
    misses = score_with_misses(RECORD, GOLD).misses
    assert misses == [
        "missing person Cecilia Lund",
        "Cecilia Lund: status None, want present",
        "Karl Holm: marked present but only mentioned",
        "junk person 'Formanden'",
        "junk person 'Region Skåne'",
        "Anna Berg: role presenter missing (has ['chair'])",
        "Bo Ek: affiliation Lunds universitet missing (has [])",
        "missing organisation Lunds universitet",
        "missing initiative European Health Data Space",
        "Bo Ek and Ek are not one person",
    ]


def test_alias_merge_counts_only_when_both_names_lead_to_one_person() -> None:
    split = json.loads(json.dumps(RECORD))
    split["people"][0]["aliases"] = []
    split["people"].append(person("p:anna2", "Anna"))  # the first name as a person of its own
    fields = score(split, GOLD)
    assert fields["merges"] == (0, 2)
    assert fields["clean"] == (3, 6)  # and the stray first name is junk: the gold lists it in not_people


def test_names_compare_case_hyphen_and_space_insensitively() -> None:
    record = json.loads(json.dumps(RECORD))
    record["people"][1]["name"] = "BO  EK"
    record["organizations"][0]["name"] = "Region-Skåne"
    assert score(record, GOLD)["people"] == (3, 4)
    assert score(record, GOLD)["affiliations"] == (1, 2)


@pytest.mark.parametrize(
    ("name", "junk"),
    [
        ("Anna Berg", False),
        ("Anne-Marie van der Berg", False),
        ("Punkt 3", True),  # a digit
        ("Referent: Bo", True),  # a colon
        ("Dr Cecilia Lund", True),  # a title word
        ("Lunds Universitet", True),  # an organisation word
        ("lunds universitet", True),
        ("Ek", True),  # listed in not_people
        ("Anna Bo Cecilia Karl Lena Maja Nils", True),  # more than six words
        ("", True),
    ],
)
def test_junk_person(name: str, junk: bool) -> None:
    assert is_junk_person(name, GOLD) is junk


def test_note_keys_are_ignored_and_empty_fields_are_left_out() -> None:
    gold = {**GOLD, "_note": "Two people share the first name Anna", "date": None, "initiatives": []}
    fields = score(RECORD, gold)
    assert "date" not in fields and "initiatives" not in fields
    assert fields["people"] == (3, 4)
    assert "merges" not in score(RECORD, {**GOLD, "same_person": []})


def test_aggregate_and_total_line() -> None:
    totals = aggregate([score(RECORD, GOLD), {"people": (4, 4), "date": (0, 1), "merges": (0, 0)}])
    assert totals["people"] == (7, 8) and totals["date"] == (1, 2)
    assert list(totals)[:3] == ["people", "attendance", "clean"]
    assert format_row("a.txt", {"people": (3, 4), "date": (1, 1)}) == "a.txt: people=3/4 date=1/1"
    line = format_total({"people": (19, 20), "date": (1, 2)}, crashes=1)
    assert line == "total: people=0.95 date=0.50 crashes=1 short=date,crashes"
    assert format_total({"people": (1, 1)}, crashes=0) == "total: people=1.00 crashes=0 all floors met"


def test_a_crash_is_a_row_and_fails_the_run(tmp_path: Path) -> None:
    (tmp_path / "gold.json").write_text(json.dumps({"_about": "x", "a.txt": GOLD, "b.txt": GOLD}))
    lines: list[str] = []

    def extract(path: Path) -> dict:
        if path.name == "b.txt":
            raise IndexError("list index out of range")
        return RECORD

    assert run(tmp_path / "gold.json", tmp_path, extract, out=lines.append) == 1
    assert lines[0].startswith("a.txt: people=3/4 attendance=2/4")
    assert lines[1] == "b.txt: FAILED IndexError: list index out of range"
    assert lines[2].endswith(
        "crashes=1 short=people,attendance,clean,roles,affiliations,orgs,initiatives,merges,crashes"
    )


def test_runs_the_real_extractor_in_process(tmp_path: Path) -> None:
    name = "region-nord-farmakogenetik-arbejdsgruppe-2023-09-20.txt"
    gold = json.loads((DEV / "gold.json").read_text(encoding="utf-8"))
    (tmp_path / "gold.json").write_text(json.dumps({"_about": gold["_about"], name: gold[name]}))
    shutil.copy(DEV / name, tmp_path / name)
    lines: list[str] = []
    run(tmp_path / "gold.json", tmp_path, verbose=True, out=lines.append)
    assert lines[0].startswith(f"{name}: people=")
    fields = dict(item.split("=") for item in lines[0].split(": ", 1)[1].split())
    assert set(fields) == {
        "people",
        "attendance",
        "clean",
        "roles",
        "affiliations",
        "orgs",
        "initiatives",
        "merges",
        "date",
    }
    assert lines[-1].startswith("total: people=")
