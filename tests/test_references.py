"""Short forms of declared people: aliases when they fit one person, review candidates when they fit two."""

from __future__ import annotations

import pytest

from pmkg.ingest.pipeline import extract_text
from pmkg.model.record import Record


def aliases(record: Record, name: str) -> set[str]:
    (person,) = [p for p in record.people if p.name == name]
    return set(person.aliases)


@pytest.mark.parametrize(
    ("minutes", "name", "short"),
    [
        (  # Danish: a first name alone
            "Referat af møde i Styregruppen\n\nDeltagere: Hanne Kjærsgaard Poulsen (formand), Mogens Dyhr\n\n"
            "1. Velkomst\nHanne bød velkommen.\n",
            "Hanne Kjærsgaard Poulsen",
            "Hanne",
        ),
        (  # English: a surname after a title
            "Minutes of the Steering Group\n\nPresent: Dr Riikka Halonen, Prof. Tomasz Wierzbicki\n\n"
            "1. Registry\nDr Halonen reported on the registry.\n",
            "Riikka Halonen",
            "Halonen",
        ),
        (  # Norwegian: two given names
            "Referat fra styremøte\n\nTil stede: Kari Anne Solbakk (leder), Per Gunnar Mikkelsen\n\n"
            "Sak 1 Orientering\nKari Anne orienterte om budsjettet.\n",
            "Kari Anne Solbakk",
            "Kari Anne",
        ),
        (  # English: a surname of two words
            "Minutes of the Committee\n\nPresent: Lotte Brinck Thyssen, Mahmoud Haddadi\n\n"
            "1. Update\nBrinck Thyssen summarised the survey.\n",
            "Lotte Brinck Thyssen",
            "Brinck Thyssen",
        ),
        (  # Swedish: a genitive of a first name, the alias without its ending
            "Protokoll fört vid styrelsemöte\n\nNärvarande: Henrik Åberg, Lovisa Carlsson\n\n"
            "§ 1 Rapport\nHenriks rapport godkändes.\n",
            "Henrik Åberg",
            "Henrik",
        ),
        (  # Danish: initials used as a name
            "Referat af styregruppemøde\n\nDeltagere: Kirsten Nørgaard (formand), Palle Munk Bendixen\n\n"
            "1. Status\nPMB orienterede om økonomien.\n",
            "Palle Munk Bendixen",
            "PMB",
        ),
    ],
)
def test_a_short_form_that_fits_one_person_becomes_their_alias(minutes: str, name: str, short: str) -> None:
    record = extract_text(minutes)
    assert short in aliases(record, name)
    assert [p.name for p in record.people if p.name == short] == []  # never a person of its own
    assert record.unresolved == []


def test_a_first_name_two_people_share_is_left_for_review_not_guessed() -> None:
    record = extract_text(
        "Referat af bestyrelsesmøde\n\nTil stede: Jógvan Hansen, Jógvan Dam, Turið Nolsøe\n\n"
        "1. Økonomi\nJógvan gennemgik regnskabet. Turið spurgte til budgettet.\n"
    )
    (open_question,) = record.unresolved
    assert open_question.form == "Jógvan"
    assert sorted(open_question.candidates) == ["person:jogvan-dam", "person:jogvan-hansen"]
    assert (
        record.document.text[open_question.provenance[0].start : open_question.provenance[0].end] == "Jógvan"
    )
    assert "Jógvan" not in aliases(record, "Jógvan Hansen") | aliases(record, "Jógvan Dam")
    assert "Turið" in aliases(record, "Turið Nolsøe")


def test_an_organisation_acronym_is_never_a_persons_initials() -> None:
    record = extract_text(  # Nina Grøn Christensen's initials would be NGC
        "Referat af møde i arbejdsgruppen\n\nDeltagere: Nina Grøn Christensen, Ole Berg\n\n"
        "1. Status\nNGC orienterede om genomdata.\n"
    )
    assert "NGC" not in aliases(record, "Nina Grøn Christensen")


def test_a_shorter_form_mentioned_before_the_full_name_joins_it() -> None:
    record = extract_text(
        "Minutes of the Council\n\nPresent: Ruth Abernethy (Chair)\n\n"
        "1. Guidelines\nDr Van der Veken will report in June. The Council thanked Dr Pieter Van der Veken "
        "of KU Leuven for the draft.\n"
    )
    names = [p.name for p in record.people]
    assert "Pieter Van der Veken" in names and "Van der Veken" not in names
    assert "Van der Veken" in aliases(record, "Pieter Van der Veken")
