"""``pmkg extract --explain``: every attendee, role and affiliation with a rule ``describe`` knows and
the words of the text it was read from, over documents of different layouts and languages."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from pmkg.ingest.explain import explain, render
from pmkg.ingest.extract import describe
from pmkg.ingest.pipeline import Stages, run_stages
from pmkg.ingest.read import RawDocument, read_document

ROOT = Path(__file__).resolve().parents[1]

DOCUMENTS = [
    "tests/minutes/new/ern-genturis-board-2024-03-22.pdf",  # English, a PDF table
    "tests/minutes/new/biobank-sverige-styrgrupp-2023-10-05.docx",  # Swedish, DOCX
    "tests/minutes/new/northmoor-health-wellbeing-board-2024-02-15.html",  # English, HTML
    "tests/minutes/new/nfmg-styremote-2023-04-18.txt",  # Norwegian
    "tests/minutes/dev/gms-styrgrupp-2023-06-14.txt",  # Swedish, groups and signatures
    "tests/minutes/dev/region-midt-personlig-medicin-udvalg-2024-03-12.txt",  # Danish
]


def _stages(text: str) -> Stages:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return run_stages(RawDocument(source="minutes.txt", format="txt", sha256=digest, text=text))


@pytest.mark.parametrize("path", DOCUMENTS)
def test_every_attendee_role_and_affiliation_is_explained_by_a_known_rule_and_its_words(path: str) -> None:
    stages = run_stages(read_document(ROOT / path))
    record, text = stages.record, stages.record.document.text
    explained = explain(stages)
    (meeting,) = record.meetings
    assert [p.person for p in explained.people] == [a.person for a in meeting.attendance]
    assert meeting.attendance
    for person, entry in zip(explained.people, meeting.attendance, strict=True):
        labels = [f.label for f in person.findings]
        assert labels[0] == entry.status
        assert labels[1 : 1 + len(entry.roles)] == [f"role {r}" for r in entry.roles]
        assert len(labels) == 1 + len(entry.roles) + len(
            next(p for p in record.people if p.id == entry.person).affiliations
        )
        first = person.findings[0].evidence
        assert first and first.rule.startswith("attendance.")
        for finding in person.findings:
            evidence = finding.evidence
            assert evidence is not None, (person.name, finding.label)
            assert describe(evidence.rule), evidence.rule
            assert text[evidence.start : evidence.end] == evidence.quote and evidence.quote.strip()
    output = render(explained)
    for person in explained.people:
        assert f"  {person.name} — " in output
    assert "Rules\n" in output and "attendance." in output


def test_a_short_form_that_fits_two_people_is_listed_with_its_candidates() -> None:
    text = (
        "Referat af bestyrelsesmøde 12. marts 2024\n\nTil stede: Anne Hansen, Anne Jensen, Bo Lund\n\n"
        "1. Budget\nAnne orienterede om budgettet, og Bo Lund spurgte til regnskabet.\n"
    )
    stages = _stages(text)
    assert stages.record.unresolved, "the example needs an unresolved short form"
    explained = explain(stages)
    (finding,) = explained.unresolved
    assert finding.label == '"Anne" could be: Anne Hansen, Anne Jensen'
    assert finding.evidence and text[finding.evidence.start : finding.evidence.end] == "Anne"
    assert '"Anne" could be: Anne Hansen, Anne Jensen' in render(explained)


def test_minutes_without_attendance_still_explain() -> None:
    text = "Notat om genomsekventering\n\nNationalt Genom Center har sendt et oplæg til Region Syddanmark.\n"
    stages = _stages(text)
    assert not stages.record.meetings[0].attendance
    output = render(explain(stages))
    assert "People on the attendance list (0)" in output and "none found" in output
    assert "Nationalt Genom Center" in output
