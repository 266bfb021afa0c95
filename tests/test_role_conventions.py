"""Roles and affiliations a layout gives by convention (da/no/sv/en): a table's member and deputy columns,
a known organisation followed by a unit or post word, semicolon lists, invited guests."""

from __future__ import annotations

from pmkg.ingest.parse import parse_minutes
from pmkg.ingest.parse.attendance import find_attendance
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
