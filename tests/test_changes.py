"""What changed between two meetings of the NGC advisory board (the example minutes and a sixth meeting
made from them, tests/changes_data.py) and between two dates, in the real Neo4j; the exports opened."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import docx
import neo4j
import openpyxl
import pytest

from pmkg.cli import main
from pmkg.errors import PmkgError
from pmkg.graph import connection
from pmkg.graph.changes import changes
from pmkg.graph.store import load_record
from pmkg.reports import changes as report_of
from pmkg.reports.render import render
from pmkg.reports.text import one_line
from tests.changes_data import sixth_meeting, sixth_meeting_text
from tests.test_briefing import docx_footnotes
from tests.test_questions import example_records

BOARD = "org:nationale-advisory-board-for-forskning-og-infrastruktur"


def load_all(drv: neo4j.Driver) -> None:
    connection.write(drv, "MATCH (n) DETACH DELETE n")
    for record in (*example_records(), sixth_meeting()):
        load_record(drv, record)


@pytest.fixture(scope="module")
def graph(neo4j_settings: connection.Settings) -> Iterator[neo4j.Driver]:
    with connection.driver(neo4j_settings) as drv:
        load_all(drv)
        yield drv


def summary(table) -> set[tuple[str, str, str, str, str]]:
    return {(r.category, r.change, r.name, r.before, r.after) for r in table.itertuples()}


def test_the_last_two_meetings_of_a_body(graph: neo4j.Driver) -> None:
    found = changes(graph, body=BOARD)
    assert (found.before.date, found.after.date) == ("2023-06-14", "2023-11-09")
    assert found.before.inferred and not found.after.inferred  # "14. juni" has no year in the minutes
    board = "Nationale advisory board for forskning og infrastruktur"
    assert summary(found.table) == {
        ("people", "new", "Mette Holm", "", "present"),
        ("people", "gone", "Peter Løngreen", "present", ""),
        ("roles", "new", f"Ida Vogel · {board}", "", "chair"),
        ("roles", "changed", f"Søren Brunak · {board}", "chair, presenter", "presenter"),
        ("affiliations", "new", "Mette Holm · Region Hovedstaden", "", ""),
        ("affiliations", "gone", "Peter Løngreen · Danmarks Tekniske Universitet", "", ""),
    }
    sixth, fifth = sixth_meeting_text(), example_records()[2].document.text
    for row in found.table.itertuples():
        assert row.quote in (fifth if row.change == "gone" else sixth)


def test_two_meetings_in_either_order_and_two_dates(graph: neo4j.Driver) -> None:
    fifth, sixth = f"meeting:{BOARD[4:]}-2023-06-14", f"meeting:{BOARD[4:]}-2023-11-09"
    assert summary(changes(graph, first=sixth, second=fifth).table) == summary(changes(graph, BOARD).table)
    by_dates = changes(graph, body=BOARD, first="2023-07-01", second="2023-12-31")
    assert summary(by_dates.table) == summary(changes(graph, BOARD).table)
    everyone = changes(graph, first="2023-07-01", second="2024-12-31")  # every body's latest meeting
    people = {r.name for r in everyone.table.itertuples() if r.category == "people" and r.change == "new"}
    assert {"Mette Holm", "Ingrid Solvang Moe"} <= people  # NGC's sixth meeting; the Nordic board in 2024
    with pytest.raises(PmkgError, match="fewer than two"):
        changes(graph, body="org:gms")


def test_the_change_document_cites_every_row(graph: neo4j.Driver) -> None:
    found = changes(graph, body=BOARD)
    report = report_of.to_report(found, "da")
    document = docx.Document(io.BytesIO(render(report, "docx")))
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert {"ny", "væk", "ændret", "Mette Holm", "formand"} <= {c.rstrip("0123456789") for c in cells}
    footnotes = docx_footnotes(document)
    for row in found.table.itertuples():
        assert any(one_line(row.quote) in text for text in footnotes.values())


def test_pmkg_changes_writes_csv_and_xlsx(neo4j_env: connection.Settings, tmp_path: Path, capsys) -> None:
    with connection.driver(neo4j_env) as drv:
        load_all(drv)
    assert main(["changes", "--body", BOARD, "-f", "csv", "--lang", "en"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "category,change,name,before,after,quote,document,date"
    assert any(line.startswith("People,new,Mette Holm,,present,") for line in out)
    assert main(["changes", "--body", BOARD, "-f", "xlsx", "-o", str(tmp_path / "c.xlsx")]) == 0
    sheet = openpyxl.load_workbook(tmp_path / "c.xlsx").active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[1][:5] == ["Personer", "ny", "Mette Holm", None, "til stede"]
    assert main(["changes", "2023-07-01"]) == 1
