"""Attendance blocks in the layouts minutes use: headings, groups, wrapped lines, tables, fields."""

from __future__ import annotations

from ingest.attendance import entries, find_attendance, split_lines


def _people(text: str) -> list[tuple[str, str, list[str], str | None]]:
    found = find_attendance(split_lines(text), text)
    return [(m.name, m.status, m.roles, m.group) for m in found.mentions]


def test_group_headings_keep_the_status_of_their_block() -> None:
    text = (
        "Til stede:\n\nBestyrelsen: Anne Hansen, Bo Jensen\n\nObservatører: Ole Nielsen\n\n"
        "Afbud:\n\nBestyrelsen: Karen Holm\n\n1. Velkomst\n"
    )
    assert _people(text) == [
        ("Anne Hansen", "present", ["member"], "Bestyrelsen"),
        ("Bo Jensen", "present", ["member"], "Bestyrelsen"),
        ("Ole Nielsen", "present", ["observer"], "Observatører"),
        ("Karen Holm", "absent", ["member"], "Bestyrelsen"),
    ]


def test_a_block_ends_at_the_first_line_that_is_not_a_name() -> None:
    text = "Deltagere\nAnne Hansen, professor, Aarhus Universitet\nReferat\nAnne Hansen bød velkommen.\n"
    found = find_attendance(split_lines(text), text)
    assert [m.name for m in found.mentions] == ["Anne Hansen"]
    assert found.lines == {0, 1}


def test_wrapped_lines_join_before_they_are_split() -> None:
    text = (
        "Board Members Present: Gillian Scott (Company Secretary) Heather Skirton\n"
        "                       (Board Moderator), Lesley Snadden (Treasurer),\n"
        "                       Barbara Stayner\n"
    )
    assert _people(text) == [
        ("Gillian Scott", "present", ["member", "secretary"], "Board Members Present"),
        ("Heather Skirton", "present", ["member"], "Board Members Present"),
        ("Lesley Snadden", "present", ["member", "treasurer"], "Board Members Present"),
        ("Barbara Stayner", "present", ["member"], "Board Members Present"),
    ]


def test_table_rows_and_markdown_headings() -> None:
    text = (
        "## **Deltagere:**\n| Navn | Organisation | Rolle |\n|---|---|---|\n"
        "| Jens Hansen | Region Midtjylland | formand |\n| Eva Berg | DTU |\n\nDagsorden\n"
    )
    found = find_attendance(split_lines(text), text)
    assert [(m.name, m.roles, m.affiliation) for m in found.mentions] == [
        ("Jens Hansen", ["chair"], "Region Midtjylland"),
        ("Eva Berg", [], "DTU"),
    ]


def test_qualified_headings_and_empty_blocks() -> None:
    text = "Afbud fra bestyrelsen: Lise Dyhr\nApologies: None\nPresent (Board): Jane Smith\n"
    assert _people(text) == [
        ("Lise Dyhr", "absent", ["member"], "Afbud"),
        ("Jane Smith", "present", ["member"], "Present"),
    ]


def test_role_fields_name_single_people() -> None:
    text = "Ordstyrer: Jan. Referent: Karl.\nMinutes taken by: Jo Bloggs\nChair: Dr Jane Smith\n"
    found = find_attendance(split_lines(text), text)
    assert [(m.name, m.roles, m.titles) for m in found.role_fields] == [
        ("Jan", ["chair"], []),
        ("Karl", ["minute_taker"], []),
        ("Jo Bloggs", ["minute_taker"], []),
        ("Jane Smith", ["chair"], ["Dr"]),
    ]
    assert [text[s:e] for s, e in (m.span for m in found.role_fields)] == [
        "Jan",
        "Karl",
        "Jo Bloggs",
        "Dr Jane Smith",
    ]
    assert found.mentions == []


def test_entries_group_descriptors_with_their_person() -> None:
    line = "Søren Brunak, professor, Københavns Universitet, Bettina Lundgren, direktør, NGC"
    assert [e for e, _ in entries(line, 100)] == [
        "Søren Brunak, professor, Københavns Universitet",
        "Bettina Lundgren, direktør, NGC",
    ]
    assert [span for _, span in entries(line, 100)] == [(100, 147), (149, 180)]
    assert [e for e, _ in entries("Anne Hansen, Novo Nordisk", 0)] == ["Anne Hansen, Novo Nordisk"]
    assert [e for e, _ in entries("Anne Hansen, Peter Jensen", 0)] == ["Anne Hansen", "Peter Jensen"]


def test_trailing_afbud_marks_one_person_absent() -> None:
    text = "Deltagere:\nJens Hansen (A)\nMette Olsen (V) - afbud\n"
    assert _people(text) == [
        ("Jens Hansen", "present", [], "Deltagere"),
        ("Mette Olsen", "absent", [], "Deltagere"),
    ]


def test_a_sentence_starting_with_a_name_ends_the_block() -> None:
    text = "Afbud: Mette Olsen\nAnne Hansen orienterede om arbejdet.\nJens Hansen deltog under punkt 3\n"
    found = find_attendance(split_lines(text), text)
    assert [m.name for m in found.mentions] == ["Mette Olsen"]
    text = "Deltagere:\nAnne Hansen\nJens Hansen deltog under punkt 3\n"
    assert [m.name for m in find_attendance(split_lines(text), text).mentions] == [
        "Anne Hansen",
        "Jens Hansen",
    ]


def test_observers_after_a_list_of_absentees_attended() -> None:
    text = (
        "Forfall:\nHilde Aarsland\nGeir Egil Eide\n\n"
        "Observatør: Linn Bøe, Helse Vest RHF\n\nSak 1/23 Godkjent\n"
    )
    assert _people(text) == [
        ("Hilde Aarsland", "absent", [], "Forfall"),
        ("Geir Egil Eide", "absent", [], "Forfall"),
        ("Linn Bøe", "present", ["observer"], "Observatør"),
    ]


def test_titles_before_the_name_in_a_numbered_list() -> None:
    text = (
        "Deltagere:\n1. Prodekan for forskning, professor Lise Bach (formand)\n"
        "2. Professor, overlæge, dr.med. Henrik Toft Sørensen, Klinisk Institut\n\nDagsorden\n"
    )
    found = find_attendance(split_lines(text), text)
    assert [(m.name, m.titles, m.roles, m.affiliation) for m in found.mentions] == [
        ("Lise Bach", ["Prodekan for forskning", "professor"], ["chair"], None),
        ("Henrik Toft Sørensen", ["Professor", "overlæge", "dr.med."], [], "Klinisk Institut"),
    ]


def test_a_second_heading_on_the_same_line_after_a_full_stop() -> None:
    text = "Til stede: Anne Kristensen (S), Bo Lund (V) og Carsten Holm (A). Fraværende: Dorte Friis (O).\n"
    assert _people(text) == [
        ("Anne Kristensen", "present", [], "Til stede"),
        ("Bo Lund", "present", [], "Til stede"),
        ("Carsten Holm", "present", [], "Til stede"),
        ("Dorte Friis", "absent", [], "Fraværende"),
    ]


def test_dash_affiliations_peers_and_notes_with_an_item_number() -> None:
    text = (
        "Present:\nJane Smith – NHS England (Chair)\nProf. Mark Caulfield – Queen Mary University of London\n"
        "Lord Patel of Bradford\nChris Wigley (Genomics England) for item 3\n\n1. Apologies\n"
    )
    found = find_attendance(split_lines(text), text)
    assert [(m.name, m.titles, m.roles, m.affiliation) for m in found.mentions] == [
        ("Jane Smith", [], ["chair"], "NHS England"),
        ("Mark Caulfield", ["Prof."], [], "Queen Mary University of London"),
        ("Patel", ["Lord"], [], None),  # "of Bradford" is a title's territory, no organisation
        ("Chris Wigley", [], [], "Genomics England"),
    ]


def test_initials_are_a_convention_of_the_list() -> None:
    uk = "Attendees: Jane Smith (JS) – Chair, Robert Brown (RB)\nMinutes: Claire Dunne (CD)\n"
    dk = "Deltagere: Jens Hansen (Danske Regioner), Kim Lund (KL), Marie Holm (Sundhedsstyrelsen)\n"
    uk_found = find_attendance(split_lines(uk), uk)
    assert [(m.name, m.initials) for m in uk_found.mentions + uk_found.role_fields] == [
        ("Jane Smith", "JS"),
        ("Robert Brown", "RB"),
        ("Claire Dunne", "CD"),
    ]
    dk_found = find_attendance(split_lines(dk), dk)
    assert [(m.name, m.initials, m.affiliation) for m in dk_found.mentions][1] == ("Kim Lund", None, "KL")
