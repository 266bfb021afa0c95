"""Whom people represent and in which capacity, as attendance lists write it (da/no/sv/en)."""

from __future__ import annotations

from pmkg.ingest.parse import parse_minutes
from pmkg.ingest.parse.attendance import find_attendance
from pmkg.ingest.parse.entry import parse_name_entry
from pmkg.ingest.parse.shared import heading_affiliation, leading_organisation
from pmkg.ingest.pipeline import extract_text
from pmkg.ingest.text.lines import split_lines


def _affiliations(text: str) -> dict[str, tuple[str | None, list[str]]]:
    found = find_attendance(split_lines(text), text)
    return {m.name: (m.affiliation, m.roles) for m in found.mentions}


def test_an_organisation_before_v_speaks_for_every_name_on_its_line() -> None:
    text = (
        "Til stede:\nHelse Nordland v/ Kari Holmvik og Ola Tangen (referent)\n"
        "Helse Østfold v/ Mona Berget\n\nSak 1 Velkommen\n"
    )
    assert _affiliations(text) == {
        "Kari Holmvik": ("Helse Nordland", []),
        "Ola Tangen": ("Helse Nordland", ["minute_taker"]),
        "Mona Berget": ("Helse Østfold", []),
    }


def test_a_danish_line_keeps_each_persons_own_organisation() -> None:
    text = "Deltagere:\n- Region Vestjylland v/ Jens Krogager og Bo Lind, Aarhus Universitet\n\n1. Velkomst\n"
    found = _affiliations(text)
    assert found["Jens Krogager"] == ("Region Vestjylland", [])
    assert found["Bo Lind"] == ("Aarhus Universitet", [])


def test_a_group_heading_naming_its_organisation() -> None:
    text = (
        "Til stede:\nMona Berget – Helse Østfold\n"
        "Fra sekretariatet i Helse Nordvest RHF: Kari Holmvik og Ola Tangen\n\nSak 1 Velkommen\n"
    )
    found = _affiliations(text)
    assert found["Kari Holmvik"] == ("Helse Nordvest RHF", ["secretariat"])
    assert found["Ola Tangen"] == ("Helse Nordvest RHF", ["secretariat"])
    assert found["Mona Berget"] == ("Helse Østfold", [])


def test_heading_and_line_organisations_need_an_organisation() -> None:
    assert heading_affiliation("Secretariat of the Northern Genomics Network") == "Northern Genomics Network"
    assert heading_affiliation("Fra sekretariatet") is None
    assert heading_affiliation("Medlemmer af bestyrelsen") is None
    assert leading_organisation("1. Orientering om budget v/ Karin Lund") is None
    assert leading_organisation("Karolinska Institutet v/ Anna Berg och Per Ek") == "Karolinska Institutet"


def test_a_name_particle_is_part_of_the_surname_not_a_link_to_a_body() -> None:
    swedish = parse_name_entry("Johan af Wetterstedt (Lunds universitet)")
    assert (swedish.name, swedish.affiliation) == ("Johan af Wetterstedt", "Lunds universitet")
    assert parse_name_entry("Greta af Sillén, ordförande").roles == ["chair"]
    danish = parse_name_entry("Ole Dam af Region Sjælland")
    assert (danish.name, danish.affiliation) == ("Ole Dam", "Region Sjælland")


def test_titles_in_english_and_spanish_and_nordic_adviser_titles() -> None:
    text = (
        "Members present:\nDra. Paloma Ruiz Ortega, Senior Scientist, Instituto Nacional de Genómica\n"
        "Dr. Torunn Aasvik, Senior Adviser, Helsedirektoratet\n"
        "Lena Ström, seniorrådgivare, Socialstyrelsen\n\n1. Opening\n"
    )
    assert _affiliations(text) == {
        "Paloma Ruiz Ortega": ("Instituto Nacional de Genómica", ["member"]),
        "Torunn Aasvik": ("Helsedirektoratet", ["member"]),
        "Lena Ström": ("Socialstyrelsen", ["member"]),
    }


def test_a_heading_naming_the_body_that_met_gives_no_affiliation() -> None:
    text = "Members of the Board in attendance\n– Karen Lowe (Chair)\n– Tom Baines\n\n1. Welcome\n"
    assert _affiliations(text) == {
        "Karen Lowe": (None, ["member", "chair"]),
        "Tom Baines": (None, ["member"]),
    }
    assert heading_affiliation("Styrets medlemmer fra Styret") is None


def _prose_affiliations(text: str) -> dict[str, list[str]]:
    record = extract_text(text)
    names = {org.id: org.name for org in record.organizations}
    return {p.name: [names[o] for o in p.affiliations] for p in record.people if p.affiliations}


def test_an_organisation_right_after_a_name_in_running_text() -> None:
    swedish = (
        "Protokoll\n\nNärvarande: Anna Lund (ordförande), Per Berg\n\n§ 1 Rådgivare\n"
        "Ordföranden meddelade att professor Bengt Norlin vid Karolinska Institutet blir rådgivare.\n"
    )
    assert _prose_affiliations(swedish)["Bengt Norlin"] == ["Karolinska Institutet"]
    danish = (
        "Referat\n\nDeltagere: Mette Krog (formand), Jens Bach\n\n1. Oplæg\n"
        "Jens Bach, Aalborg Universitetshospital, gennemgik panelet. Mette Krog takkede "
        "overlæge Karen Winther fra Rigshospitalet.\n"
    )
    found = _prose_affiliations(danish)
    assert found["Karen Winther"] == ["Rigshospitalet"]
    assert found["Jens Bach"] == ["Aalborg Universitetshospital"]
    english = (
        "Minutes\n\nPresent: Anne Hill (Chair), Tom Reid\n\n1. Webinar\n"
        "The Board agreed to ask Professor Alan Burns of the University of Edinburgh to speak. "
        "Tom Reid thanked Karolinska Institutet for hosting.\n"
    )
    found = _prose_affiliations(english)
    assert found["Alan Burns"] == ["University of Edinburgh"]
    assert "Tom Reid" not in found  # a verb stands between the name and the organisation


def test_names_joined_by_a_conjunction_share_the_organisation_after_the_last() -> None:
    """ "Elin Vik og Jon Dahl fra Norsk Helsenett SF": both came from it; a name with its own stays."""
    text = (
        "Protokoll\n\n"
        "Til stede: Elin Vik og Jon Dahl fra Norsk Helsenett SF; Siri Bø, Helse Vest RHF og Ola Nes fra "
        "Helse Nord RHF\n\n"
        "Sak 1/24 Godkjenning\nGodkjent.\n"
    )
    found = {m.name: m for m in parse_minutes(text).attendance}
    assert (found["Elin Vik"].affiliation, found["Elin Vik"].affiliation_rule) == (
        "Norsk Helsenett SF",
        "affiliation.shared",
    )
    assert found["Jon Dahl"].affiliation == "Norsk Helsenett SF"
    assert found["Siri Bø"].affiliation == "Helse Vest RHF"  # her own, written after her name
    assert found["Ola Nes"].affiliation == "Helse Nord RHF"
