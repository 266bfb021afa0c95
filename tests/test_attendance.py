"""Attendance blocks in the layouts minutes use: headings, groups, wrapped lines, tables, fields."""

from __future__ import annotations

from pmkg.ingest.parse.attendance import find_attendance
from pmkg.ingest.parse.lists import entries, recased_surnames
from pmkg.ingest.text.lines import split_lines


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
        ("Lise Dyhr", "absent", ["member"], "Afbud fra bestyrelsen"),  # the heading as written
        ("Jane Smith", "present", ["member"], "Present (Board)"),
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
    # the sentence ends the list of apologies; "X deltog under punkt 3" is a sentence of its own saying X came
    assert [(m.name, m.status) for m in found.mentions] == [
        ("Mette Olsen", "absent"),
        ("Jens Hansen", "present"),
    ]
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


def _rows(text: str) -> list[tuple[str, str, list[str], str | None, list[str]]]:
    found = find_attendance(split_lines(text), text)
    return [(m.name, m.status, m.roles, m.affiliation, m.titles) for m in found.mentions]


def test_a_table_is_read_by_its_header_row_whatever_the_order_of_its_columns() -> None:
    text = (
        "Deltagere\n| Organisation | Navn | Titel | Fremmøde |\n"
        "| Sundhedsministeriet | Anne Larsen | Kontorchef | Til stede |\n"
        "| Region Syddanmark | Hansen, Lars | Overlæge | x |\n"
        "| Sundhedsdatastyrelsen | Maja Steffensen |  | Afbud |\n"
        "|  | Ole Nielsen | Formand |  |\n\n1. Velkomst\n"
    )
    assert _rows(text) == [
        ("Anne Larsen", "present", [], "Sundhedsministeriet", ["Kontorchef"]),
        ("Lars Hansen", "present", [], "Region Syddanmark", ["Overlæge"]),
        ("Maja Steffensen", "absent", [], "Sundhedsdatastyrelsen", []),
        ("Ole Nielsen", "present", ["chair"], None, []),
    ]
    found = find_attendance(split_lines(text), text)
    assert text[slice(*found.mentions[1].span)] == "Region Syddanmark | Hansen, Lars | Overlæge | x"
    assert found.lines == {0, 1, 2, 3, 4, 5}


def test_a_header_row_opens_a_table_under_no_heading_and_marks_follow_their_column() -> None:
    text = (
        "Minutes of the Board meeting\n\nName   Organisation   Apologies\n"
        "Jane Smith   Genomics England\nTom O'Brien   NHS England   x\n\n1. Welcome\n"
    )
    assert _rows(text) == [
        ("Jane Smith", "present", [], "Genomics England", []),
        ("Tom O'Brien", "absent", [], "NHS England", []),
    ]
    assert find_attendance(split_lines(text), text).mentions[0].group is None


def test_a_table_ends_at_a_heading_and_a_row_naming_nobody_is_skipped() -> None:
    text = (
        "Participants\n\nName | Role | Organisation\nDr. Hanna Virtanen | Chair | University of Helsinki\n"
        "N.N. | Member | Region Midtjylland\n\nAbsent: Dr. Tomas Kral (Masaryk University)\n"
    )
    assert _rows(text) == [
        ("Hanna Virtanen", "present", ["chair"], "University of Helsinki", ["Dr."]),
        ("Tomas Kral", "absent", [], "Masaryk University", ["Dr."]),
    ]


def test_names_written_surname_first() -> None:
    text = (
        "Närvarande: Lindqvist, Anna (ordförande); Berg, Erik; Holm, Karin\n"
        "Frånvarande: Ekström, Maria\n\nDeltagere:\nHansen, Jens\nBerg, Eva\n\n1. Velkomst\n"
    )
    assert [(name, status, roles) for name, status, roles, _, _ in _rows(text)] == [
        ("Anna Lindqvist", "present", ["chair"]),
        ("Erik Berg", "present", []),
        ("Karin Holm", "present", []),
        ("Maria Ekström", "absent", []),
        ("Jens Hansen", "present", []),
        ("Eva Berg", "present", []),
    ]
    found = find_attendance(split_lines(text), text)
    assert text[slice(*found.mentions[0].span)] == "Lindqvist, Anna (ordförande)"
    eu = "Participants: SMITH, Jane; van der Berg, Maria; O'BRIEN, Tom (Chair)\n"
    assert [(n, r) for n, _, r, _, _ in _rows(eu)] == [
        ("Jane Smith", []),
        ("Maria van der Berg", []),
        ("Tom O'Brien", ["chair"]),
    ]
    # a title, an organisation or a second full name after the comma is no given name
    assert [e for e, _ in entries("Jens Hansen, Professor", 0)] == ["Jens Hansen, Professor"]
    assert _rows("Deltagere: Anne, Bo\n") == [
        ("Anne", "present", [], None, []),
        ("Bo", "present", [], None, []),
    ]
    assert [n for n, *_ in _rows("Deltagere: Jens Hansen, Bo Jensen; Eva Berg\n")] == [
        "Jens Hansen",
        "Bo Jensen",
        "Eva Berg",
    ]


def test_surnames_in_capitals_are_names_when_the_document_writes_names_so() -> None:
    text = (
        "Present: Siobhan O'CONNOR (Chair), Declan MURPHY, Aoife KELLY\nApologies: Sean RYAN, Trude LIE\n"
        "Item 2: the Data Protection GDPR and the European Union EU\n"
    )
    assert [(n, s, r) for n, s, r, _, _ in _rows(text)] == [
        ("Siobhan O'Connor", "present", ["chair"]),
        ("Declan Murphy", "present", []),
        ("Aoife Kelly", "present", []),
        ("Sean Ryan", "absent", []),
        ("Trude Lie", "absent", []),  # not a known given name, but on a line of names
    ]
    recased, names = recased_surnames(text)
    assert recased.splitlines()[2] == text.splitlines()[2]  # acronyms on a line of no names stay
    assert "trude lie" in names and len(recased) == len(text)
    acronyms = "Data Protection GDPR, European Union EU, Health Data EHDS\nDeltagere: Anne Hansen DTU\n"
    assert recased_surnames(acronyms) == (acronyms, frozenset())


def test_signatures_at_the_end_give_roles_not_a_second_entry() -> None:
    text = (
        "Närvarande: Lindqvist, Anna; Berg, Erik; Holm, Karin\n\n§ 1 Mötets öppnande\nMötet öppnades.\n\n"
        "Vid protokollet\n\nKarin Holm\nSekreterare\n\nJusteras:\n\n"
        "Anna Lindqvist            Erik Berg\nOrdförande                Justerare\n"
        "Stockholm den 20 juni 2023\n"
    )
    found = find_attendance(split_lines(text), text)
    assert [(m.name, m.roles) for m in found.role_fields] == [
        ("Karin Holm", ["minute_taker"]),
        ("Anna Lindqvist", ["chair"]),
        ("Erik Berg", ["member"]),
    ]
    assert [text[slice(*m.span)] for m in found.role_fields] == ["Karin Holm", "Anna Lindqvist", "Erik Berg"]
    assert found.lines == {0, 5, 7, 8, 10, 12, 13, 14}


def test_sign_off_lines_in_english_danish_and_norwegian() -> None:
    text = (
        "Minutes taken by Mary Walsh\nRef.: Ola Hansen\nReferat ved Karen Holm\n"
        "Justeras: Anna Wedell, Allan Lund\nSigned by the chair and circulated.\nJane Smith presented.\n"
    )
    found = find_attendance(split_lines(text), text)
    assert [(m.name, m.roles) for m in found.role_fields] == [
        ("Mary Walsh", ["minute_taker"]),
        ("Ola Hansen", ["minute_taker"]),
        ("Karen Holm", ["minute_taker"]),
        ("Anna Wedell", []),
        ("Allan Lund", []),
    ]
    assert found.mentions == []


def test_a_grid_with_a_column_per_status() -> None:
    text = (
        "| Til stede | Afbud |\n| Anders Holm (formand) | Mette Bak |\n| Line Kristensen, Peter Dam |  |\n"
        "|  | Søren Vang |\n\n1. Velkomst\n"
    )
    found = find_attendance(split_lines(text), text)
    assert [(m.name, m.status, m.roles, m.group) for m in found.mentions] == [
        ("Anders Holm", "present", ["chair"], "Til stede"),
        ("Mette Bak", "absent", [], "Afbud"),
        ("Line Kristensen", "present", [], "Til stede"),
        ("Peter Dam", "present", [], "Til stede"),
        ("Søren Vang", "absent", [], "Afbud"),
    ]
    assert text[slice(*found.mentions[4].span)] == "Søren Vang"


def test_surname_first_in_one_comma_list_and_a_role_in_a_table_of_labels() -> None:
    text = "Til stede: Olsen, Kari, Berg, Nils, Dahl, Ingrid\n\n| Referent | Line Kristensen |\n"
    found = find_attendance(split_lines(text), text)
    assert [m.name for m in found.mentions] == ["Kari Olsen", "Nils Berg", "Ingrid Dahl"]
    assert [(m.name, m.roles) for m in found.role_fields] == [("Line Kristensen", ["minute_taker"])]
    # four first names are four people, not two turned round
    names = "Deltagere: Jens, Eva, Bo, Ole\n"
    assert [m.name for m in find_attendance(split_lines(names), names).mentions] == [
        "Jens",
        "Eva",
        "Bo",
        "Ole",
    ]


def test_table_rows_under_a_heading_without_a_header_row() -> None:
    text = (
        "Deltagere\n| Henrik Lund |  | Board member |\n|  | Eva Berg | DTU |\n| Observatører |\n"
        "| Ole Nielsen | Sundhedsstyrelsen |\n\n1. Velkomst\n"
    )
    found = find_attendance(split_lines(text), text)
    assert [(m.name, m.roles, m.affiliation, m.group) for m in found.mentions] == [
        ("Henrik Lund", ["member"], None, "Deltagere"),
        ("Eva Berg", [], "DTU", "Deltagere"),
        ("Ole Nielsen", ["observer"], "Sundhedsstyrelsen", "Observatører"),
    ]
    assert text[slice(*found.mentions[0].span)] == "Henrik Lund |  | Board member"


def test_a_status_column_holding_words_and_more_headings() -> None:
    text = (
        "Attendees\n| Name | Title | Organisation | Present/Apologies |\n"
        "| Jane Smith | Professor | UCL | Present |\n| Tom Evans | Dr | NHS England | Apologies |\n\n"
        "Deltakere: Kari Olsen, Nils Berg\nForhindret: Bo Jensen\n"
    )
    assert _rows(text) == [
        ("Jane Smith", "present", [], "UCL", ["Professor"]),
        ("Tom Evans", "absent", [], "NHS England", ["Dr"]),
        ("Kari Olsen", "present", [], None, []),
        ("Nils Berg", "present", [], None, []),
        ("Bo Jensen", "absent", [], None, []),
    ]


def test_a_cell_wrapped_onto_its_own_line_in_a_pdf_table_keeps_the_table_open() -> None:
    text = (
        "Deltagere\nNavn   Organisation   Funktion\nMette Sørensen   Aarhus   Formand\nUniversitetshospital\n"
        "Jonas Riis   Region Midtjylland   Medlem\nSekretariat\nThomas Krogh   Region Midtjylland\n"
        "Dagsorden\n1. Velkomst\n"
    )
    assert _rows(text) == [
        ("Mette Sørensen", "present", ["chair"], "Aarhus Universitetshospital", []),
        ("Jonas Riis", "present", ["member"], "Region Midtjylland", []),
        ("Thomas Krogh", "present", ["secretariat"], "Region Midtjylland", []),
    ]
    found = find_attendance(split_lines(text), text)
    assert found.lines == set(range(7))  # neither "Dagsorden" nor "1. Velkomst" is a wrapped cell


def test_a_contact_table_under_no_heading_lists_no_attendees() -> None:
    text = "Bilag 1\n\n| Navn | E-mail |\n| Jens Hansen | jh@example.dk |\n"
    assert find_attendance(split_lines(text), text).mentions == []
    under = "Deltagere\n| Navn | E-mail |\n| Jens Hansen | jh@example.dk |\n"
    assert [m.name for m in find_attendance(split_lines(under), under).mentions] == ["Jens Hansen"]
