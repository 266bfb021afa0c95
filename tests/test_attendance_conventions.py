"""Attendance conventions beyond the first layouts: leadership groups, genitive headings, a person's
entry written with a colon, posts in aligned columns, links such as ``på vegne af`` and ``representing``,
a table column qualified by ``i mødet``, and a minute taker named by initials only."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmkg.ingest.parse.attendance import find_attendance
from pmkg.ingest.parse.entry import parse_name_entry
from pmkg.ingest.parse.headings import heading_of
from pmkg.ingest.pipeline import extract_file
from pmkg.ingest.text.lines import split_lines


def _found(text: str) -> list[tuple[str, str, list[str], str | None]]:
    """Name, status, roles and affiliation of every attendance entry and role field of a text."""
    found = find_attendance(split_lines(text), text)
    return [(m.name, m.status, m.roles, m.affiliation) for m in found.mentions + found.role_fields]


@pytest.mark.parametrize(
    ("line", "status", "role"),
    [
        ("Møtedeltakere:", "present", None),
        ("Mötesdeltagare:", "present", None),
        ("Forfald:", "absent", None),
        ("Sent regrets:", "absent", None),
        ("Afbud i øvrigt:", "absent", None),
        ("Panelets medlemmer:", None, "member"),  # the genitive of a qualifier ("panelet")
        ("Udvalgets medlemmer:", None, "member"),
        ("Formandskab:", None, None),  # a group that gives no role: each entry says whose
        ("Presidium:", None, None),
        ("Tjänstgörande ersättare", None, "deputy"),
        ("Övriga deltagande", "present", None),
        ("Councillors present", "present", "member"),
        ("Deltakarar", "present", None),  # Nynorsk
        ("Til stades:", "present", None),
    ],
)
def test_more_heading_words(line: str, status: str | None, role: str | None) -> None:
    heading = heading_of(line)
    assert heading is not None
    assert (heading.status, heading.role) == (status, role)


def test_a_leadership_group_leaves_the_roles_to_its_entries() -> None:
    text = (
        "Formandskab:\nAnne Holm (formand), Astmaforeningen\nBo Ek (næstformand)\n\n"
        "Forfald: Karl Lund\n\n1. Velkomst\n"
    )
    assert _found(text) == [
        ("Anne Holm", "present", ["chair"], "Astmaforeningen"),
        ("Bo Ek", "present", ["vice_chair"], None),
        ("Karl Lund", "absent", [], None),
    ]


def test_a_name_before_a_colon_is_an_entry_and_an_organisation_before_one_a_label() -> None:
    person = "Til stede:\nKari Holm: overlege, Helse Bergen\nOla Dahl\n\nSak 1\n"
    label = "Til stede:\nSt. Olavs hospital: Kari Holm, Ola Dahl\n\nSak 1\n"
    assert _found(person) == [
        ("Kari Holm", "present", [], "Helse Bergen"),
        ("Ola Dahl", "present", [], None),
    ]
    assert [a for *_, a in _found(label)] == ["St. Olavs hospital", "St. Olavs hospital"]


@pytest.mark.parametrize(
    ("entry", "roles", "affiliation"),
    [
        ("Dr Jane Hill          Chair; Non-Executive Director", ["chair"], None),  # aligned post column
        ("Ann Lee   Laboratory Director, representing the North Genomic Hub", [], "North Genomic Hub"),
        ("Ulla Berg, på vegne af Astmaforeningen", [], "Astmaforeningen"),
        ("Per Lund från Region Örebro län", [], "Region Örebro län"),
        ("Nina Dahl, from the University of Kent", [], "University of Kent"),
        ("Simon Berg (ref.)", ["minute_taker"], None),
        ("Jonas Ek, förde protokollet", ["minute_taker"], None),
        ("Edda Sig (President, in the chair)", ["chair"], None),  # a society's president chairs
        ("Anders Kaas (Vice-President)", ["vice_chair"], None),
        ("Ulf Berg, sammankallande", ["chair"], None),
        ("Kari Moe (leiar), Helse Førde", ["chair"], "Helse Førde"),
        ("Dr Jane Hill – Chair – Kent County Council", ["chair"], "Kent County Council"),  # dashed parts
        ("Eva Lund (ordf.), Region Halland", ["chair"], "Region Halland"),  # abbreviated roles
        ("Bo Berg (vice ordf.)", ["vice_chair"], None),
        ("Jens Holm (fmd.)", ["chair"], None),
        ("Tom Ash – Public Health Registrar, Kent County Council", [], "Kent County Council"),
        ("patientrepræsentant Lis Holm", ["patient_representative"], None),  # a role written as a title
        ("brukerrepresentant Kari Moe", ["patient_representative"], None),
        ("Dr Jo Reed, Consultant Clinical Geneticist, Kent General Hospital", [], "Kent General Hospital"),
        ("Ann Cole, Director of Public Health, Kent County Council", [], "Kent County Council"),
        ("Ola Sara, Finnmarkssykehuset, Sámi klinihkka", [], "Finnmarkssykehuset, Sámi klinihkka"),  # a unit
    ],
)
def test_roles_and_organisations_written_after_the_name(
    entry: str, roles: list[str], affiliation: str | None
) -> None:
    mention = parse_name_entry(entry)
    assert (mention.roles, mention.affiliation) == (roles, affiliation)


def test_a_post_with_for_is_no_substitution() -> None:
    mention = parse_name_entry("Dr Ann Lee          Clinical Lead for Rare Disease")
    assert (mention.name, mention.replaces) == ("Ann Lee", None)
    assert parse_name_entry("Kasper Holm for Eva Duus").replaces == "Eva Duus"


def test_a_role_column_qualified_by_the_meeting() -> None:
    text = (
        "Deltagere\n| Navn | Organisation | Rolle i mødet |\n"
        "| Anne Holm | Region Syddanmark | Formand |\n"
        "| Bo Ek | Syddansk Universitet | Observatør |\n\n1. Velkomst\n"
    )
    assert _found(text) == [
        ("Anne Holm", "present", ["chair"], "Region Syddanmark"),
        ("Bo Ek", "present", ["observer"], "Syddansk Universitet"),
    ]


def test_a_minute_taker_named_by_initials_only_is_the_person_they_fit(tmp_path: Path) -> None:
    minutes = tmp_path / "minutes.txt"
    minutes.write_text(
        "Referat fra møde i styret 3. mars 2024\n\nTil stede:\nKari Holm, Helse Bergen\nOla Dahl\n\n"
        "Referent: KH\n\nSak 1 Velkommen\nOla Dahl ønsket velkommen.\n",
        encoding="utf-8",
    )
    record = extract_file(minutes).to_dict()
    people = {p["id"]: p["name"] for p in record["people"]}
    roles = {people[a["person"]]: a.get("roles") for a in record["meetings"][0]["attendance"]}
    assert "KH" not in people.values()
    assert roles["Kari Holm"] == ["minute_taker"]


@pytest.mark.parametrize(
    ("sentence", "name", "affiliation"),
    [
        (
            "Under punkt 3 deltog desuden Nanna Holt på vegne af Danske Regioner.",
            "Nanna Holt",
            "Danske Regioner",
        ),
        ("Från Region Stockholm deltog Ida Sand under punkt 4.", "Ida Sand", "Region Stockholm"),
        ("Under sak 5 møtte Ola Dahl fra Helse Bergen.", "Ola Dahl", "Helse Bergen"),
    ],
)
def test_a_sentence_opening_with_the_item_or_the_organisation_lists_who_came(
    sentence: str, name: str, affiliation: str
) -> None:
    assert _found(f"{sentence}\n\n1. Velkomst\n") == [(name, "present", [], affiliation)]


def test_a_list_line_ends_before_a_sentence_that_opens_its_own_list() -> None:
    text = (
        "Deltagare: Anna Berg, Region Skåne; Bo Ek. Från Region Stockholm deltog Ida Sand under punkt 4.\n"
        "\n§ 1\n"
    )
    assert _found(text) == [
        ("Anna Berg", "present", [], "Region Skåne"),
        ("Bo Ek", "present", [], None),
        ("Ida Sand", "present", [], "Region Stockholm"),
    ]


def test_a_nynorsk_table_with_yes_and_no_marks() -> None:
    text = (
        "Deltakarar\n| Namn | Rolle | Verksemd | Til stades |\n"
        "| Solrun Vik | Leiar | Helse Førde HF | Ja |\n"
        "| Per Moe | Brukarrepresentant | Kreftforeningen | Nei |\n\nSak 1\n"
    )
    assert _found(text) == [
        ("Solrun Vik", "present", ["chair"], "Helse Førde HF"),
        ("Per Moe", "absent", ["patient_representative"], "Kreftforeningen"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Apologies were received from Cllr Tessa Grange, with Cllr Owen Marsh attending as substitute.",
        "Afbud fra Tessa Grange, med Owen Marsh som suppleant.",
    ],
)
def test_who_came_instead_of_an_absent_member_attended(sentence: str) -> None:
    assert sorted(_found(f"{sentence}\n\n1. Welcome\n")) == [
        ("Owen Marsh", "present", [], None),
        ("Tessa Grange", "absent", [], None),
    ]


def test_a_post_in_the_organisation_cell_is_no_part_of_the_organisation() -> None:
    text = (
        "Attendance\n| Member | Representing | Attendance |\n"
        "| Dr Ann Cole | Director of Public Health, Kent County Council | Present |\n"
        "| Bo Ray | NHS Kent and Medway | Present |\n\n1. Welcome\n"
    )
    assert [(name, affiliation) for name, *_, affiliation in _found(text)] == [
        ("Ann Cole", "Kent County Council"),
        ("Bo Ray", "NHS Kent and Medway"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Deltagere\n\nFra Region Midtjylland:\nMette Holm (formand)\nBo Ek (afbud)\n\n"
            "Fra Aarhus Universitet:\nKaj Lund\n\nAdjungeret: Lis Berg\n\n1. Velkomst\n",
            [
                ("Mette Holm", "present", ["chair"], "Region Midtjylland"),
                ("Bo Ek", "absent", [], "Region Midtjylland"),
                ("Kaj Lund", "present", [], "Aarhus Universitet"),
                ("Lis Berg", "present", ["guest"], None),
            ],
        ),
        (
            "Närvarande\n\nRepresentanter för Region Skåne\nKarin Ek, ordförande\n\n"
            "Representanter för Lunds universitet\nPer Lund\n\n§ 1 Mötets öppnande\n",
            [
                ("Karin Ek", "present", ["chair"], "Region Skåne"),
                ("Per Lund", "present", [], "Lunds universitet"),
            ],
        ),
        (
            "Present:\n\nUniversities:\nDr Jane Hill, Reader, University of Kent (Chair)\n\n"
            "NHS bodies:\nTom Ash, NHS Kent and Medway\n\nApologies: Ann Cole\n\n1. Welcome\n",
            [
                ("Jane Hill", "present", ["chair"], "University of Kent"),
                ("Tom Ash", "present", [], "NHS Kent and Medway"),
                ("Ann Cole", "absent", [], None),
            ],
        ),
        (
            "Forfall:\nFra Helse Bergen:\nKari Moe\nOla Dahl\n\nSak 1\n",
            [("Kari Moe", "absent", [], "Helse Bergen"), ("Ola Dahl", "absent", [], "Helse Bergen")],
        ),
    ],
)
def test_group_labels_inside_an_attendance_block_keep_its_status_and_give_their_organisation(
    text: str, expected: list[tuple[str, str, list[str], str | None]]
) -> None:
    assert _found(text) == expected


def test_a_person_linked_to_an_organisation_is_no_group_label() -> None:
    text = "Ledamöter:\nMaria Holm från Uppsala universitet;\nEva-Lotta Strand från Region Dalarna\nPer Ek\n"
    assert [name for name, *_ in _found(text)] == ["Maria Holm", "Eva-Lotta Strand", "Per Ek"]


@pytest.mark.parametrize(
    ("entry", "roles"),
    [
        ("Andrew Price, Kent County Council (ex officio member)", ["member"]),
        ("Jo Hart (ex officio)", ["member"]),
        ("Bo Ek (adjungeret)", ["guest"]),  # a co-opted guest: da, no, sv
        ("Ola Dahl, adjungert", ["guest"]),
        ("Ida Sand (adjungerad ledamot)", ["guest"]),
        ("Rune Holm, sekretariatsleder", ["secretariat"]),  # a secretariat post
        ("Lena Ek (kanslichef)", ["secretariat"]),
        ("Eva Ek, föredragande", ["presenter"]),
        ("Dr Rosa Lind (rapporteur)", ["presenter"]),
        ("Helena Sjöberg (skattmästare)", ["treasurer"]),
    ],
)
def test_role_words_of_co_opted_ex_officio_secretariat_posts_and_rapporteurs(
    entry: str, roles: list[str]
) -> None:
    assert parse_name_entry(entry).roles == roles


def _affiliations(path: Path, text: str) -> dict[str, list[str]]:
    """Each extracted person's organisations, by name, from minutes written to ``path``."""
    path.write_text(text, encoding="utf-8")
    record = extract_file(path).to_dict()
    names = {o["id"]: o["name"] for o in record["organizations"]}
    return {p["name"]: sorted(names[a] for a in p.get("affiliations", [])) for p in record["people"]}


@pytest.mark.parametrize(
    ("text", "person", "organisation"),
    [
        (
            "Referat 3. maj 2024\n\nDeltagere:\nFra RH:\nAnne Holm\nBo Ek\n\n1. Velkomst\n",
            "Anne Holm",
            "Rigshospitalet",
        ),
        (
            "Protokoll 3. mai 2024\n\nTil stede:\nOla Dahl (UNN)\nKari Moe (UiT)\n\nSak 1\n",
            "Kari Moe",
            "UiT Norges arktiske universitet",
        ),
        (
            "Protokoll 3 maj 2024\n\nNärvarande:\nEva Lund, SUS\nPer Ek, NUS\n\n§ 1\n",
            "Eva Lund",
            "Skånes universitetssjukhus",
        ),
    ],
)
def test_a_hospitals_or_universitys_acronym_is_the_organisation_the_gazetteer_names(
    tmp_path: Path, text: str, person: str, organisation: str
) -> None:
    assert _affiliations(tmp_path / "minutes.txt", text)[person] == [organisation]


@pytest.mark.parametrize(
    "text",
    [
        "Forfall: Lars Hovde (UiB). Kristin Eide møtte for Lars Hovde.\n\nSak 1/24\n",
        "Afbud: Lars Hovde. Kristin Eide mødte for Lars Hovde.\n\n1. Velkomst\n",
        "Anmält förhinder: Lars Hovde. Kristin Eide, ersättare för Lars Hovde.\n\n§ 1\n",
        "Apologies: Lars Hovde. Kristin Eide attended for Lars Hovde.\n\n1. Welcome\n",
    ],
)
def test_a_sentence_after_the_absent_list_on_who_came_instead_is_an_entry_of_someone_present(
    text: str,
) -> None:
    found = {(name, status) for name, status, *_ in _found(text)}
    assert found == {("Lars Hovde", "absent"), ("Kristin Eide", "present")}


@pytest.mark.parametrize(
    ("line", "role"),
    [
        ("Adjungeret under punkt 3: Peter Holst", "guest"),
        ("Adjungerad (§ 5): Peter Holst", "guest"),
        ("Co-opted for item 4: Peter Holst", "guest"),
        ("Observatør under sak 12/24: Peter Holst", "observer"),
    ],
)
def test_a_heading_limited_to_some_items_still_gives_its_role(line: str, role: str) -> None:
    assert _found(f"Til stede: Anne Holm\n\n{line}\n\n1. Velkomst\n") == [
        ("Anne Holm", "present", [], None),
        ("Peter Holst", "present", [role], None),
    ]


@pytest.mark.parametrize(
    ("header", "rows", "statuses"),
    [
        (
            "| Funktion | Namn | Arbetsplats | Närvaro |",
            [
                "| Ledamot | Amir Ek | Region Skåne | Anmält förhinder |",
                "| Ledamot | Kristina Wall | Region Stockholm | Närvarande |",
            ],
            ["absent", "present"],
        ),
        (
            "| Name | Organisation | Role | Attendance |",
            [
                "| Dr Nadia Rahman | NHS England | Member | Sent regrets |",
                "| Ben Carter | NHS England | Observer | Present (via Teams) |",
            ],
            ["absent", "present"],
        ),
        (
            "| Navn | Organisation | Funktion | Fremmøde |",
            [
                "| Helle Agger | Region Sjælland | Medlem | Meldt afbud |",
                "| Bo Ek | Region Sjælland | Medlem | Deltog fra punkt 3 |",
            ],
            ["absent", "present"],
        ),
        (
            "| Navn | Virksomhet | Rolle | Oppmøte |",
            [
                "| Kari Moe | Helse Bergen | Medlem | Meldt forfall |",
                "| Ola Dahl | Helse Bergen | Medlem | Møtt |",
            ],
            ["absent", "present"],
        ),
    ],
)
def test_a_table_status_cell_in_words_and_a_row_that_reads_like_a_heading(
    header: str, rows: list[str], statuses: list[str]
) -> None:
    text = "\n".join(["Styrelsen", header, *rows, "", "1. Velkomst", ""])
    found = _found(text)
    assert [status for _, status, *_ in found] == statuses
    assert all("member" in roles for _, _, roles, _ in found if roles and "observer" not in roles)


@pytest.mark.parametrize(
    ("heading", "role"), [("Styrelsen", "member"), ("Bestyrelsen", "member"), ("Observatører", "observer")]
)
def test_a_group_heading_alone_over_a_table_gives_every_row_its_role(heading: str, role: str) -> None:
    text = (
        f"{heading}\n| Funktion | Namn | Arbetsplats |\n| Ordförande | Gunnar Hed | Region Skåne |\n"
        "| Sekreterare | Fredrik Lind | Karolinska Institutet |\n\n§ 1\n"
    )
    assert [(name, roles[0]) for name, _, roles, _ in _found(text)] == [
        ("Gunnar Hed", role),
        ("Fredrik Lind", role),
    ]


def test_a_deputy_named_with_a_title_in_a_table_and_a_secretariat_in_the_organisation_cell() -> None:
    text = (
        "Attendance\n| Name | Organisation | Role | Attendance |\n"
        "| Dr Nadia Rahman | Westbrook NHS Foundation Trust | Member | Apologies |\n"
        "| Dr Owen Pryce | Westbrook NHS Foundation Trust | Deputising for Dr Nadia Rahman | Present |\n"
        "| Kate Ibbotson | Committee secretariat | Secretary (minutes) | Present |\n\n1. Welcome\n"
    )
    found = _found(text)
    assert {(name, status) for name, status, *_ in found} == {
        ("Nadia Rahman", "absent"),
        ("Owen Pryce", "present"),
        ("Kate Ibbotson", "present"),
    }
    assert {"secretariat", "minute_taker"} <= set(next(r for n, _, r, _ in found if n == "Kate Ibbotson"))


@pytest.mark.parametrize(
    "text",
    [
        "Protokoll 3 maj 2024\n\nNärvarande\n\nRepresentanter för Region Skåne\nEva Lund, SUS\nPer Ek\n",
        "Referat 3. maj 2024\n\nDeltagere\n\nFra Region Skåne:\nEva Lund (SUS)\nPer Ek\n\n1. Velkomst\n",
    ],
)
def test_an_entry_under_a_group_label_keeps_both_organisations(tmp_path: Path, text: str) -> None:
    found = _affiliations(tmp_path / "minutes.txt", text)
    assert found["Eva Lund"] == ["Region Skåne", "Skånes universitetssjukhus"]
    assert found["Per Ek"] == ["Region Skåne"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Deltagere\n| Formand | Næstformand | Medlemmer |\n"
            "| Anne Holm | Bo Ek | Lis Berg, Kaj Lund |\n\n1. Velkomst\n",
            [("Anne Holm", "chair"), ("Bo Ek", "vice_chair"), ("Lis Berg", "member"), ("Kaj Lund", "member")],
        ),
        (
            "Present\n| Chair | Members | Officers |\n"
            "| Jane Hill | Tom Ash | Ann Cole |\n|  | Bo Ray |  |\n\n1. Welcome\n",
            [
                ("Jane Hill", "chair"),
                ("Tom Ash", "member"),
                ("Ann Cole", "secretariat"),
                ("Bo Ray", "member"),
            ],
        ),
        (
            "Närvarande\n| Ordförande | Ledamöter | Observatörer |\n"
            "| Eva Lund | Per Ek | Ida Sand |\n\n§ 1\n",
            [("Eva Lund", "chair"), ("Per Ek", "member"), ("Ida Sand", "observer")],
        ),
    ],
)
def test_a_table_with_a_column_per_role_gives_each_name_its_column_s_role(
    text: str, expected: list[tuple[str, str]]
) -> None:
    found = _found(text)
    assert [(name, roles[0]) for name, _, roles, _ in found] == expected
    assert {status for _, status, *_ in found} == {"present"}


def test_a_column_per_role_under_an_absent_heading_is_absent() -> None:
    found = _found("Afbud\n| Formand | Medlemmer |\n| Anne Holm | Bo Ek |\n\n1. Velkomst\n")
    assert [(name, status) for name, status, *_ in found] == [("Anne Holm", "absent"), ("Bo Ek", "absent")]


@pytest.mark.parametrize(
    ("entry", "role"),
    [("Tom Ash (Hon. Secretary)", "secretary"), ("Ann Cole, Hon. Treasurer", "treasurer")],
)
def test_a_societys_honorary_officers(entry: str, role: str) -> None:
    assert parse_name_entry(entry).roles == [role]


@pytest.mark.parametrize(
    "text",
    [
        "Forfall: Kari Moe (vara Ola Dahl møtte)\n\nSak 1\n",
        "Afbud: Kari Moe (suppleant Ola Dahl deltog)\n\n1. Velkomst\n",
        "Frånvarande: Kari Moe (ersättare Ola Dahl tjänstgjorde)\n\n§ 1\n",
        "Apologies: Dr Kari Moe (substitute: Dr Ola Dahl)\n\n1. Welcome\n",
        "Fraværende: Kari Moe (vara: Ola Dahl)\n\nSak 1\n",
    ],
)
def test_a_deputy_named_in_brackets_in_the_absent_list_came_instead(text: str) -> None:
    assert sorted((name, status) for name, status, *_ in _found(text)) == [
        ("Kari Moe", "absent"),
        ("Ola Dahl", "present"),
    ]


def _roles_of(path: Path, text: str) -> dict[str, list[str]]:
    """Each attendee's roles, by name, from minutes written to ``path``."""
    path.write_text(text, encoding="utf-8")
    record = extract_file(path).to_dict()
    names = {p["id"]: p["name"] for p in record["people"]}
    return {names[a["person"]]: a.get("roles", []) for a in record["meetings"][0]["attendance"]}


@pytest.mark.parametrize(
    ("text", "person", "role"),
    [
        (
            "Minutes of the Council, 4 March 2024\n\nPresent: Dr Jane Hill (President), Bo Ray\n\n"
            "1. Report\nThe President reported on the membership.\n",
            "Jane Hill",
            "chair",
        ),
        (
            "Minutes of the Council, 4 March 2024\n\nPresent: Ann Cole (Hon. Treasurer), Bo Ray\n\n"
            "1. Accounts\nThe Hon. Treasurer presented the accounts.\n",
            "Ann Cole",
            "treasurer",
        ),
        (
            "Protokoll 4 mars 2024\n\nNärvarande: Per Ek (skattmästare), Ida Sand\n\n"
            "§ 1 Ekonomi\nSkattmästaren redovisade ekonomin.\n",
            "Per Ek",
            "treasurer",
        ),
    ],
)
def test_a_society_officer_named_by_post_presents(tmp_path: Path, text: str, person: str, role: str) -> None:
    assert {role, "presenter"} <= set(_roles_of(tmp_path / "minutes.txt", text)[person])
