"""What an attendance list's wording says of status beyond its headings, in da/no/sv/en (invented minutes):
absence wins over an earlier listing, a substitute's absent principal, away for some items only,
degrees after a name, co-opted groups beside deputies, lettered lists and a table's status cell."""

from __future__ import annotations

import pytest

from pmkg.ingest.parse import parse_minutes
from pmkg.ingest.parse.entry import parse_name_entry


def _people(text: str) -> dict[str, tuple[str, list[str]]]:
    return {m.name: (m.status, m.roles) for m in parse_minutes(text).attendance}


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        (
            "Styret:\n1) Gunnhild Ravnås, leder\n2) Torleif Bjørkli\n"
            "3) Åse Lindvik\n\nForfall: Torleif Bjørkli\n\n"
            "Sak 1/24 Godkjenning\nGodkjent.\n",
            "Torleif Bjørkli",
            "Åse Lindvik",
        ),
        (
            "Bestyrelsen:\nJesper Lund Krogh, formand\nMaja Dinesen\nOle Brøndum\n\nAfbud: Maja Dinesen\n\n"
            "1. Godkendelse\nGodkendt.\n",
            "Maja Dinesen",
            "Ole Brøndum",
        ),
        (
            "Members:\nCllr Hattie Brenchley (Chair)\nDr Ravi Nandakumar\n"
            "Gwen Tallis\n\nApologies: Dr Ravi Nandakumar\n\n"
            "1. Minutes\nAgreed.\n",
            "Ravi Nandakumar",
            "Gwen Tallis",
        ),
    ],
)
def test_a_person_listed_and_then_absent_is_absent(text: str, absent: str, present: str) -> None:
    people = _people(text)
    assert people[absent][0] == "absent"
    assert people[present][0] == "present"


@pytest.mark.parametrize(
    ("line", "substitute", "principal"),
    [
        ("Närvarande: Sigrid Holmén, Mattias Öhrn för Lovisa Falk", "Mattias Öhrn", "Lovisa Falk"),
        ("Til stede: Kirsten Bach, Anders Lyng i stedet for Mette Frisk", "Anders Lyng", "Mette Frisk"),
        ("Tilstede: Kari Utne, Sindre Hove (for Live Tønnesen)", "Sindre Hove", "Live Tønnesen"),
        ("Present: Alan Prothero, Jo Renwick (substitute for Sam Okafor)", "Jo Renwick", "Sam Okafor"),
    ],
)
def test_a_substitute_attended_and_the_person_stood_in_for_did_not(
    line: str, substitute: str, principal: str
) -> None:
    minutes = parse_minutes(f"{line}\n\n1. Velkomst\nText.\n")
    people = {m.name: m for m in minutes.attendance}
    assert people[substitute].status == "present"
    assert people[principal].status == "absent"
    assert people[principal].rule == "attendance.substitute"
    assert substitute not in people[principal].name


def test_a_substitute_link_before_an_organisation_is_an_affiliation() -> None:
    mention = parse_name_entry("Kari Holm for Helse Nord")
    assert (mention.name, mention.affiliation, mention.replaces) == ("Kari Holm", "Helse Nord", None)
    deputy = parse_name_entry("Annika Lund (Region Örebro län), ersättare för Bengt Eriksson")
    assert (deputy.name, deputy.roles, deputy.affiliation, deputy.replaces) == (
        "Annika Lund",
        ["deputy"],
        "Region Örebro län",
        "Bengt Eriksson",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Deltagere:\nSvend Kjær\nLise Ahl\n\nAfbud:\nRune Bæk\n"
        "Svend Kjær deltog ikke i punkterne 2 – 5\n\n1. Velkomst\nx\n",
        "Deltagere:\nSvend Kjær\nLise Ahl\n\nSvend Kjær deltog ikke under punkt 3.\n\n1. Velkomst\nx\n",
        "Present:\nSvend Kjær\nLise Ahl\n\nApologies:\nRune Bæk\n"
        "Svend Kjær, absent for item 4\n\n1. Welcome\nx\n",
    ],
)
def test_someone_away_for_some_items_attended_the_meeting(text: str) -> None:
    people = _people(text)
    assert people["Svend Kjær"][0] == "present"
    assert people["Lise Ahl"][0] == "present"


@pytest.mark.parametrize(
    ("entry", "name", "titles"),
    [
        ("Jane Pettigrew MD", "Jane Pettigrew", ["MD"]),
        ("Ola Nordbø, PhD", "Ola Nordbø", ["PhD"]),
        ("Ola Nordbø PhD (Chair)", "Ola Nordbø", ["PhD"]),
        ("Karen Vestergaard dr.med.", "Karen Vestergaard", ["dr.med"]),
        ("Hamish Doyle FRCP MRCP", "Hamish Doyle", ["FRCP", "MRCP"]),
        ("Ingrid Sahl, med.dr.", "Ingrid Sahl", ["med.dr"]),
    ],
)
def test_degrees_after_a_name_are_titles(entry: str, name: str, titles: list[str]) -> None:
    mention = parse_name_entry(entry)
    assert (mention.name, mention.titles, mention.affiliation) == (name, titles, None)


@pytest.mark.parametrize(
    ("text", "guest", "deputy"),
    [
        (
            "Närvarande ledamöter\n• Agnes Wiklund\nErsättare\n"
            "• Tore Lindh\nAdjungerade\n• Sanna Moberg, kanslichef\n"
            "Anmält förhinder\n• Elis Ström\n\n§ 1 Öppnande\nx\n",
            "Sanna Moberg",
            "Tore Lindh",
        ),
        (
            "Til stede\nMedlemmer\nTerje Haugland\nVaramedlemmer\n"
            "Solveig Brekke\nAdjungert\nEinar Moldestad\n\n"
            "Sak 1/24 Godkjenning\nx\n",
            "Einar Moldestad",
            "Solveig Brekke",
        ),
        (
            "Present\nMembers\nAlan Prothero\nDeputy members\n"
            "Gwen Tallis\nCo-opted members\nFarah Quereshi\n\n"
            "1. Minutes\nx\n",
            "Farah Quereshi",
            "Gwen Tallis",
        ),
    ],
)
def test_co_opted_groups_after_deputies_are_guests(text: str, guest: str, deputy: str) -> None:
    people = _people(text)
    assert people[guest] == ("present", ["guest"] + people[guest][1][1:])
    assert people[deputy][1][0] == "deputy"


def test_a_lettered_list_is_one_entry_a_line() -> None:
    text = (
        "Members present:\na) Professor Ada Grierson, University of Dunmore (Chair)\n"
        "b) Dr Tamsin Hale-Whitby, Reader in Public Health, University of Dunmore\n"
        "c) Mr Ewan Laird, lay member\n\n"
        "1. Minutes\nx\n"
    )
    assert list(_people(text)) == ["Ada Grierson", "Tamsin Hale-Whitby", "Ewan Laird"]


def test_a_status_cell_is_read_by_the_word_it_opens_with() -> None:
    text = (
        "Attendance\n\n| Member | Representing | Attendance |\n| Hugh Penrose | Dunmore Council | Present |\n"
        "| Nia Caddick | Dunmore Trust | Apologies – substitute: Dr Owen Pask |\n"
        "| Dr Owen Pask | Dunmore Trust | Present (substitute) |\n\n1. Minutes\nx\n"
    )
    people = _people(text)
    assert [people[n][0] for n in ("Hugh Penrose", "Nia Caddick", "Owen Pask")] == [
        "present",
        "absent",
        "present",
    ]


@pytest.mark.parametrize(
    ("text", "extra", "excepted"),
    [
        (
            "Bestyrelsen\nHelle Rydahl (2022–2026), formand\nNiels Barfod\nSanne Krog\n\n"
            "Til stede: Hele bestyrelsen. Desuden deltog sekretariatsleder Ditte Hjort.\nAfbud: Ingen\n\n"
            "Dagsorden\n1. Velkomst\n",
            "Ditte Hjort",
            None,
        ),
        (
            "Styret:\n1) Helle Rydahl, leder\n2) Niels Barfod\n3) Sanne Krog\n\n"
            "Tilstede: Alle styremedlemmer unntatt Sanne Krog, som hadde meldt forfall.\n\n"
            "Sak 1/24 Godkjenning\nx\n",
            None,
            "Sanne Krog",
        ),
        (
            "Ledamöter:\nHelle Rydahl, ordförande\nNiels Barfod\nSanne Krog\n\n"
            "Närvarande: Samtliga ledamöter utom Sanne Krog.\n\n§ 1 Öppnande\nx\n",
            None,
            "Sanne Krog",
        ),
        (
            "Members:\nHelle Rydahl (Chair)\nNiels Barfod\nSanne Krog\n\n"
            "Present: All members except Sanne Krog. Also present were Ditte Hjort.\n\n1. Minutes\nx\n",
            "Ditte Hjort",
            "Sanne Krog",
        ),
    ],
)
def test_the_whole_body_present_marks_its_roster_present(
    text: str, extra: str | None, excepted: str | None
) -> None:
    minutes = parse_minutes(text)
    people = {m.name: m for m in minutes.attendance}
    for name in ("Helle Rydahl", "Niels Barfod"):
        assert (people[name].status, people[name].roles[0]) == ("present", "member")
    if extra:
        assert people[extra].status == "present"
    if excepted:
        assert people[excepted].status == "absent"
    assert not any("bestyrelsen" in n.lower() or "members" in n.lower() for n in people)
