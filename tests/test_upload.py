"""The upload's corrections (pure): what the reader fixes in a preview is what the stored record says."""

from __future__ import annotations

from pathlib import Path

from pmkg.graph.triples import record_to_rows
from pmkg.ingest.pipeline import extract_file
from pmkg.ui.upload import Fix, corrected, valid_date

MINUTES = Path(__file__).resolve().parent / "minutes" / "dev" / "genhjerte-bestyrelse-2024-04-18.txt"


def test_a_corrected_title_date_and_body_are_what_the_graph_rows_say() -> None:
    record = extract_file(MINUTES)
    assert record.meetings[0].date == "2024-04-18"
    fixed = corrected(record, Fix(title="Bestyrelsesmøde", date="2024-04-19", body="GenHjerte"))
    rows = record_to_rows(fixed)
    (document,) = rows.nodes["Document"]
    (meeting,) = rows.nodes["Meeting"]
    assert (document["title"], document["date"]) == ("Bestyrelsesmøde", "2024-04-19")
    assert (meeting["name"], meeting["date"], meeting["body_name"]) == (
        "Bestyrelsesmøde",
        "2024-04-19",
        "GenHjerte",
    )
    assert fixed.document.sha256 == record.document.sha256 and fixed.meetings[0].id == record.meetings[0].id
    assert corrected(record, Fix()) == record  # nothing corrected: the record as extracted


def test_only_an_iso_day_is_a_date() -> None:
    assert valid_date("2024-04-19")
    assert not valid_date("19.4.2024") and not valid_date("2024-4-19") and not valid_date("2024-02-30")
