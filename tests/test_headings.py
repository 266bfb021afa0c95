"""Attendance headings are read word by word: any phrasing made of heading words, in four languages."""

from __future__ import annotations

import pytest

from pmkg.ingest.parse.headings import heading_of


@pytest.mark.parametrize(
    ("line", "status", "role", "names"),
    [
        ("Til stede:", "present", None, ""),
        ("Tilstedeværende medlemmer af udvalget", "present", "member", ""),
        ("Deltagende observatører", "present", "observer", ""),
        ("Til stede fra sekretariatet", "present", "secretariat", ""),
        ("• Afbud", "absent", None, ""),
        ("Afbud: Jonas Vinter Bak og Merete Højbjerg", "absent", None, "Jonas Vinter Bak og Merete Højbjerg"),
        ("Afbud fra bestyrelsen: Lise Dyhr", "absent", "member", "Lise Dyhr"),
        ("Forfall meldt fra:", "absent", None, ""),
        ("Møtende varamedlemmer:", "present", "deputy", ""),
        ("Fra sekretariatet i Helse Vest RHF: Ragnhild Bakke", None, "secretariat", "Ragnhild Bakke"),
        ("Övriga närvarande", "present", None, ""),
        ("Närvarande ledamöter:", "present", "member", ""),
        ("Anmält förhinder: Outi Kuismin", "absent", None, "Outi Kuismin"),
        ("Council members present:", "present", "member", ""),
        ("Members of the Board in attendance", "present", "member", ""),
        ("Members of the NPOC Board present:", "present", "member", ""),
        ("Apologies received from Dr Smith and Ms Jones", "absent", None, "Dr Smith and Ms Jones"),
        ("In attendance (secretariat)", "present", "secretariat", ""),
        ("Observers:", None, "observer", ""),
    ],
)
def test_headings_in_any_phrasing(line: str, status: str | None, role: str | None, names: str) -> None:
    heading = heading_of(line)
    assert heading is not None
    assert (heading.status, heading.role, line[heading.rest :].strip()) == (status, role, names)


@pytest.mark.parametrize(
    "line",
    [
        "Rasmus Ibsen deltog ikke i punkterne 2 – 11",  # a person first: a note, not a heading
        "Attendance at events was low.",  # a sentence
        "Status på arbejdet:",  # a label of another kind
        "Dagsorden",
        "Helse Vest RHF",
        "Medlem af bestyrelsen siden 2019",
        "Deltagelse i EU-projekter:",
    ],
)
def test_lines_that_are_no_heading(line: str) -> None:
    assert heading_of(line) is None
