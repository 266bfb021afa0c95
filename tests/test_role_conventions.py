"""Roles and affiliations a layout gives by convention (da/no/sv/en): a table's member and deputy columns,
a known organisation followed by a unit or post word, semicolon lists, invited guests."""

from __future__ import annotations

from pmkg.ingest.parse import parse_minutes
from pmkg.ingest.parse.attendance import find_attendance
from pmkg.ingest.parse.entry import parse_name_entry
from pmkg.ingest.pipeline import extract_text
from pmkg.ingest.text.lines import split_lines


def _rows(text: str) -> list[tuple[str, str, list[str], str | None, dict[str, str]]]:
    found = find_attendance(split_lines(text), text)
    return [(m.name, m.status, m.roles, m.affiliation, m.role_rules) for m in found.mentions]


def test_member_and_deputy_columns_give_their_roles_and_the_rows_organisation() -> None:
    text = (
        "Oppmøte\n| Organisasjon | Medlem | Varamedlem |\n"
        "| Helse Fjordane RHF | Tone Haugvik | Erlend Moastuen |\n"
        "| Kreftforeningen | Sigrun Lauvås (forfall) | Pål Brekkhus (møtte) |\n\nSak 1 Godkjenning\n"
    )
    assert _rows(text) == [
        ("Tone Haugvik", "present", ["member"], "Helse Fjordane RHF", {"member": "roles.column"}),
        ("Sigrun Lauvås", "absent", ["member"], "Kreftforeningen", {"member": "roles.column"}),
        ("Pål Brekkhus", "present", ["deputy"], "Kreftforeningen", {"deputy": "roles.column"}),
    ]
    found = find_attendance(split_lines(text), text)
    assert [(m.name, m.affiliation, m.roles, m.status) for m in found.named] == [
        ("Erlend Moastuen", "Helse Fjordane RHF", ["deputy"], "unknown")
    ]
    parsed = parse_minutes(text, "no")
    assert "Erlend Moastuen" in [m.name for m in parsed.mentioned]
    assert "Erlend Moastuen" not in [m.name for m in parsed.attendance]


def test_a_swedish_table_of_ledamot_and_ersattare() -> None:
    text = (
        "Närvarande\n| Organisation | Ledamot | Ersättare |\n"
        "| Region Halland | Britt Sjöberg | Ove Lindkvist (närvarade) |\n\n§ 1 Mötets öppnande\n"
    )
    assert [(n, s, r, a) for n, s, r, a, _ in _rows(text)] == [
        ("Britt Sjöberg", "present", ["member"], "Region Halland"),
        ("Ove Lindkvist", "present", ["deputy"], "Region Halland"),
    ]


def test_a_board_members_table_without_a_role_column_gives_the_role_member() -> None:
    text = (
        "Attendance\n| Member | Representing | Attendance |\n"
        "| Cllr Dora Pennick (Chair) | Eastwold District Council | Present |\n"
        "| Nigel Osei | Eastwold Community Trust | Apologies |\n"
        "| Dr Mia Kettle | Eastwold Community Trust | Present (substitute) |\n\n1. Welcome\n"
    )
    assert [(n, s, r) for n, s, r, _, _ in _rows(text)] == [
        ("Dora Pennick", "present", ["chair", "member"]),
        ("Nigel Osei", "absent", ["member"]),
        ("Mia Kettle", "present", []),
    ]


def test_a_role_column_or_a_plain_name_column_gives_no_member_role() -> None:
    text = (
        "Deltagere\n| Medlem | Rolle | Organisation |\n| Jens Bøgelund | Observatør | Danske Regioner |\n\n"
        "Fremmødte\n| Navn | Organisation |\n| Lise Kruuse | Region Nordjylland |\n\n1. Velkomst\n"
    )
    assert [(n, r) for n, _, r, _, _ in _rows(text)] == [("Jens Bøgelund", ["observer"]), ("Lise Kruuse", [])]


def _roles_and_orgs(text: str) -> dict[str, tuple[list[str], list[str]]]:
    record = extract_text(text)
    orgs = {o.id: o.name for o in record.organizations}
    roles = {a.person: a.roles for a in record.meetings[0].attendance}
    return {p.name: (sorted(roles.get(p.id, [])), [orgs[a] for a in p.affiliations]) for p in record.people}


def test_a_known_organisation_before_a_unit_or_post_word_is_the_affiliation() -> None:
    found = _roles_and_orgs(
        "Nordic Hearing Genomics Association (NHGA)\nSteering group meeting, 4 March 2024\n\n"
        "Present:\nGreta Lowther, Chair\nOwen Paskin, Programme Officer, NHGA Secretariat\n"
        "Iris Feld, NHGA Programme Manager\nDora Vance, NHGA Office\n\n"
        "1. Welcome\nThe Chair opened the meeting.\n"
    )
    assert found["Owen Paskin"] == (["secretariat"], ["Nordic Hearing Genomics Association"])
    assert found["Iris Feld"] == ([], ["Nordic Hearing Genomics Association"])
    assert found["Dora Vance"] == ([], ["Nordic Hearing Genomics Association"])


def test_unit_words_in_danish_norwegian_and_swedish() -> None:
    danish = _roles_and_orgs(
        "Referat af møde i styregruppen, 3. april 2024\n\n"
        "Deltagere:\nSøs Kjærgaard, Danske Regioner Sekretariatet\n\n"
        "1. Velkomst\nSøs Kjærgaard bød velkommen.\n"
    )
    assert danish["Søs Kjærgaard"] == (["secretariat"], ["Danske Regioner"])
    norwegian = _roles_and_orgs(
        "Referat fra møte i styringsgruppen, 3. april 2024\n\nTil stede:\nOla Brekke, Helse Vest kontoret\n\n"
        "Sak 1 Velkommen\nOla Brekke ønsket velkommen.\n"
    )
    assert norwegian["Ola Brekke"][1] == ["Helse Vest"]
    swedish = _roles_and_orgs(
        "Protokoll från styrgruppens möte, 3 april 2024\n\n"
        "Närvarande:\nLena Strand, Biobank Sverige kansliet\n\n"
        "§ 1 Mötets öppnande\nLena Strand öppnade mötet.\n"
    )
    assert swedish["Lena Strand"] == (["secretariat"], ["Biobank Sverige"])


def test_an_unknown_name_before_a_unit_word_is_no_new_affiliation_rule() -> None:
    mention = parse_name_entry("Tove Ness, Fjordkyst Secretariat")
    assert (mention.affiliation, mention.roles, mention.role_rules) == (
        "Fjordkyst Secretariat",
        ["secretariat"],
        {"secretariat": "roles.unit"},
    )
    assert parse_name_entry("Tove Ness, Secretariat").role_rules == {"secretariat": "roles.word"}


def test_a_conjunction_closes_an_entry_whatever_the_next_given_name() -> None:
    """Two people joined by og/and/och, each with an organisation; the second's given name is in no list
    (invented, as a rare name or a spelling the lists lack would be), so only the conjunction says a new
    entry begins."""
    for heading, joined in (("Forfall", "og"), ("Apologies", "and"), ("Frånvarande", "och")):
        text = (
            f"{heading}: Tirsa Holmvik (Pasientforeningen) {joined} Quorin Aasvedt (Foreningen for sjeldne "
            "diagnoser)\n\n1. Velkommen\n"
        )
        found = find_attendance(split_lines(text), text)
        assert [(m.name, m.affiliation, m.status) for m in found.mentions] == [
            ("Tirsa Holmvik", "Pasientforeningen", "absent"),
            ("Quorin Aasvedt", "Foreningen for sjeldne diagnoser", "absent"),
        ]


def test_a_semicolon_closes_each_persons_entry_with_its_own_organisation() -> None:
    text = (
        "Deltagare: Signe Wallgren, Region Halland (ordförande); Tor Ekdahl, Region Jämtland Härjedalen; "
        "Yara Haddad, VGR och Olle Brink, Region Gävleborg.\n\n§ 1 Mötets öppnande\n"
    )
    found = find_attendance(split_lines(text), text)
    assert [(m.name, m.affiliation, m.roles) for m in found.mentions] == [
        ("Signe Wallgren", "Region Halland", ["chair"]),
        ("Tor Ekdahl", "Region Jämtland Härjedalen", []),
        ("Yara Haddad", "VGR", []),
        ("Olle Brink", "Region Gävleborg", []),
    ]


def test_an_invited_guest_is_a_guest_in_every_language() -> None:
    for entry in (
        "Dr. Amal Rahimi (invited guest, item 4)",
        "Birk Thorsen (inviteret gæst)",
        "Eirin Nedrelid (invitert gjest)",
        "Lisa Kronberg (inbjuden gäst)",
    ):
        assert parse_name_entry(entry).roles == ["guest"], entry


def _roles_in(text: str) -> dict[str, list[str]]:
    record = extract_text(text, "minutes.txt")
    return {a.person: a.roles for m in record.meetings for a in m.attendance}


def test_a_post_written_with_a_name_in_brackets_gives_that_attendee_the_role() -> None:
    """ "Formanden (Name) bød velkommen": the list named the person without a role; the text says which
    post they hold (da, en, sv, no). Brackets holding no attendee (an item, an organisation) give none."""
    cases = [
        ("Deltagere", "Formanden (Henrik Dalsgaard) bød velkommen.", "chair"),
        ("Present", "The Treasurer (Hannah Oduya) presented the accounts.", "treasurer"),
        ("Närvarande", "Ordföranden (Henrik Dalsgaard) hälsade alla välkomna.", "chair"),
        ("Til stede", "Sekretæren (Hannah Oduya) leste opp protokollen.", "secretary"),
    ]
    for heading, sentence, role in cases:
        people = "Henrik Dalsgaard, Region Syd\nHannah Oduya, Region Nord"
        text = f"{heading}:\n{people}\n\n1. Velkomst\n{sentence}\n"
        roles = _roles_in(text)
        holder = "person:henrik-dalsgaard" if "Henrik" in sentence else "person:hannah-oduya"
        assert role in roles[holder], sentence
        assert not any(role in held for person, held in roles.items() if person != holder), sentence
    said = "Formanden (se punkt 3) og Formanden (Region Syd) talte."
    unnamed = f"Deltagere:\nHenrik Dalsgaard\nBo Lund\n\n1. Velkomst\n{said}\n"
    assert _roles_in(unnamed) == {"person:henrik-dalsgaard": [], "person:bo-lund": []}
