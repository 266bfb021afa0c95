"""Every download of every answer carries what the screen shows: the CSV and the spreadsheet every
column and cell of the table, the RDF every node the table names (by id or by name) and every quote it
shows."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator

import neo4j
import pandas as pd
import pytest
import rdflib

from pmkg.graph import connection, rdf
from pmkg.graph.contact import MASK, without_contact
from pmkg.graph.questions import Answer, is_id_column, run_question
from pmkg.graph.subgraph import answer_rows
from pmkg.ui.questions import excel_bytes, frame_for_download
from tests.test_questions import QUESTIONS, example_params, examples_loaded


@pytest.fixture(scope="module")
def graph(neo4j_settings: connection.Settings) -> Iterator[neo4j.Driver]:
    with examples_loaded(neo4j_settings) as drv:
        yield drv


def cell_texts(value: object) -> list[str]:
    """The texts a cell shows: a list's items, a text, nothing for empty or non-text cells."""
    if isinstance(value, list | tuple):
        return [str(v) for v in value if v not in (None, "")]
    return [value] if isinstance(value, str) and value else []


def node_names(driver: neo4j.Driver) -> set[str]:
    return {
        row["name"]
        for row in connection.read(driver, "MATCH (n) WHERE n.name IS NOT NULL RETURN n.name AS name")
    }


def rdf_texts(data: bytes) -> set[str]:
    graph = rdflib.Dataset()
    graph.parse(data=data, format="nquads")
    return {str(o) for _, _, o, _ in graph.quads() if isinstance(o, rdflib.Literal)}


def table_texts(answer: Answer, columns: Iterable[object]) -> set[str]:
    return {t for c in columns for v in answer.frame[c] for t in cell_texts(v)}


@pytest.mark.parametrize("reader", ["editor", "viewer"])
@pytest.mark.parametrize("name", sorted(QUESTIONS))
def test_every_download_carries_what_the_screen_shows(graph: neo4j.Driver, name: str, reader: str) -> None:
    """As the app gives them: an editor sees and downloads contact details, a viewer neither."""
    answer = run_question(graph, QUESTIONS[name], example_params(QUESTIONS[name]))
    contact = reader == "editor"
    answer = answer if contact else without_contact(answer)
    flat = frame_for_download(answer.frame)
    csv = pd.read_csv(io.BytesIO(flat.to_csv(index=False).encode("utf-8")), dtype=str, keep_default_na=False)
    sheet = pd.read_excel(io.BytesIO(excel_bytes(answer.frame)), dtype=str, keep_default_na=False)
    for download in (csv, sheet):
        assert list(download.columns) == list(answer.frame.columns)
        assert len(download) == len(answer.frame)
        for column in answer.frame.columns:
            texts = table_texts(answer, [column])
            assert all(any(t in cell for cell in download[column]) for t in texts), (name, column)
    options = rdf.ExportOptions(include_contact_details=contact)
    literals = rdf_texts(rdf.serialize(rdf.rows_to_dataset(answer_rows(graph, answer), options), "nq"))
    named = table_texts(answer, [c for c in answer.frame.columns if not is_id_column(c)]) & node_names(graph)
    assert named <= literals, (name, sorted(named - literals))  # the bodies, people, meetings, parties ...
    # a quote the viewer sees with an address masked is left out of the RDF, not altered (docs/rdf.md)
    quotes = {
        q
        for q in table_texts(answer, [c for c in answer.frame.columns if "quote" in str(c)])
        if MASK not in q
    }
    assert quotes <= literals, (name, sorted(quotes - literals))


def test_the_word_file_is_in_the_language_of_the_page_it_was_offered_on(
    graph: neo4j.Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Streamlit makes a download's file when it is clicked, after the page's run, where the session's
    language is no longer known (it falls back to Danish): the English page's Word file must still have
    English column headings."""
    import docx

    from pmkg.ui import downloads, i18n

    answer = run_question(graph, QUESTIONS["attendance"], example_params(QUESTIONS["attendance"]))
    offered: list[object] = []
    monkeypatch.setattr(downloads.st, "download_button", lambda label, data, *a, **k: offered.append(data))
    monkeypatch.setattr(downloads, "current_language", lambda: "en")
    monkeypatch.setattr(i18n, "current_language", lambda: "en")
    downloads.answer_docx_button(answer, "attendance.docx")
    monkeypatch.setattr(downloads, "current_language", lambda: "da")  # after the run
    monkeypatch.setattr(i18n, "current_language", lambda: "da")
    (make,) = offered
    table = docx.Document(io.BytesIO(make())).tables[0]  # type: ignore[operator]
    headings = [cell.text for cell in table.rows[0].cells]
    assert "Meeting" in headings and "Møde" not in headings
