"""Briefing notes on the example minutes in the real Neo4j: the statements and their notes checked
against the graph and the documents, and the DOCX, PDF and Markdown files opened and read back."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import docx
import neo4j
import pypdfium2
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE
from lxml import etree

from pmkg.cli import main
from pmkg.graph import connection, questions
from pmkg.graph.briefing import Briefing, build_briefing
from pmkg.reports import briefing as report_of
from pmkg.reports.model import Item, Note, Report, Section, Table
from pmkg.reports.render import render
from pmkg.reports.text import one_line
from tests.test_questions import example_records, examples_loaded

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HOSTILE = "#set page(fill: red) *bold* <script>alert(1)</script> [x](javascript:y) $x$ @ref \\ _u_"


@pytest.fixture(scope="module")
def graph(neo4j_settings: connection.Settings) -> Iterator[neo4j.Driver]:
    with examples_loaded(neo4j_settings) as drv:
        yield drv


@pytest.fixture(autouse=True)
def patient(monkeypatch: pytest.MonkeyPatch) -> None:
    """A profile's first run plans a dozen branches, which a server busy with other work can take longer
    than the questions' time limit to do; the limit is a guard, not what these tests are about."""
    monkeypatch.setattr(questions, "QUERY_TIMEOUT_S", 300.0)


@pytest.fixture(scope="module")
def ngc(graph: neo4j.Driver) -> Briefing:
    return build_briefing(graph, "Nationalt Genom Center")


def squeeze(text: str) -> str:
    """Text without any whitespace: PDF extraction breaks lines where the typesetter did."""
    return re.sub(r"\s+", "", text)


def texts() -> dict[str, str]:
    return {record.document.id: record.document.text for record in example_records()}


def pdf_text(data: bytes) -> str:
    document = pypdfium2.PdfDocument(data)
    return "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))


def docx_footnotes(document: docx.document.Document) -> dict[int, str]:
    part = document.part.part_related_by(RELATIONSHIP_TYPE.FOOTNOTES)
    root = etree.fromstring(part.blob)
    return {
        int(note.get(f"{W}id")): "".join(note.itertext()).strip()
        for note in root.iter(f"{W}footnote")
        if int(note.get(f"{W}id")) > 0
    }


def test_a_briefing_cites_every_statement_from_the_documents(ngc: Briefing) -> None:
    assert (ngc.entity_id, ngc.label) == ("org:ngc", "Organization")
    documents = texts()
    assert [n.number for n in ngc.notes] == list(range(1, len(ngc.notes) + 1))
    for note in ngc.notes:
        assert note.quote in documents[note.document_id]
    cited = [s.note for s in ngc.statements if s.note]
    assert sorted(set(cited)) == [n.number for n in ngc.notes]
    assert cited[0] == 1  # numbered in the order the note first cites them
    names = {(s.section, s.name) for s in ngc.statements}
    assert {
        ("roles", "Bettina Lundgren"),
        ("initiatives", "1+ Million Genomes"),
        ("links", "Genomics England"),
    } <= names
    upcoming = ngc.section("upcoming")
    assert all(s.date >= "2026-01-01" for s in upcoming if s.date)  # after today only


def test_as_of_a_date_the_briefing_knows_what_was_written_by_then(graph: neo4j.Driver) -> None:
    then = build_briefing(graph, "org:ngc", "2023-07-01")
    assert {s.name for s in then.section("documents")} == {
        s.name for s in build_briefing(graph, "org:ngc", "2023-06-14").section("documents")
    }
    assert len(then.section("documents")) == 1
    upcoming = {(s.kind, s.date) for s in then.section("upcoming")}
    assert upcoming == {("deadline", "2023-07-05"), ("next_meeting", "2023-11-09")}  # both set on 14 June
    assert {s.kind for s in build_briefing(graph, "org:ngc", "2023-07-06").section("upcoming")} == {
        "next_meeting"
    }  # the 5 July deadline had passed
    assert build_briefing(graph, "org:ngc", "2023-01-01").statements == []
    soren = build_briefing(graph, "person:soren-brunak", "2023-06-30")
    chair = next(s for s in soren.statements if s.kind == "role")
    assert (chair.detail, chair.current) == ("chair", True)
    assert "date_inferred" in soren.flags  # the NGC minutes give no year: 14 June is placed in 2023


def test_the_docx_has_a_footnote_for_every_note(ngc: Briefing) -> None:
    data = render(report_of.to_report(ngc, "da"), "docx")
    document = docx.Document(io.BytesIO(data))
    body = "\n".join(p.text for p in document.paragraphs)
    assert body.startswith("Briefing: Nationalt Genom Center")
    assert (
        "Roller, medlemskaber og tilknytninger over tid" in body
        and "Tilknyttet person: Bettina Lundgren" in body
    )
    footnotes = docx_footnotes(document)
    assert sorted(footnotes) == [n.number for n in ngc.notes]
    for note in ngc.notes:
        assert one_line(note.quote) in footnotes[note.number]  # as it reads: line-end hyphens joined
        assert note.document in footnotes[note.number]
    references = document.element.body.findall(f".//{W}footnoteReference")
    assert sorted(int(r.get(f"{W}id")) for r in references) == sorted(footnotes)
    assert len(document.inline_shapes) == 1  # the ego graph


def test_the_pdf_carries_the_text_and_every_note_in_english(ngc: Briefing) -> None:
    data = render(report_of.to_report(ngc, "en"), "pdf")
    assert data.startswith(b"%PDF")
    text = squeeze(pdf_text(data))
    for expected in (
        "Briefing:NationaltGenomCenter",
        "Roles,membershipsandaffiliationsovertime",
        "BettinaLundgren",
    ):
        assert expected in text
    for note in ngc.notes:
        assert squeeze(one_line(note.quote)) in text


def test_markdown_has_footnotes_in_danish(ngc: Briefing) -> None:
    text = render(report_of.to_report(ngc, "da", with_figure=False), "md").decode("utf-8")
    assert text.startswith("# Briefing: Nationalt Genom Center")
    assert "## Initiativer og aftaler" in text
    for note in ngc.notes:
        assert f"[^{note.number}]: " in text


def test_names_and_quotes_stay_text_in_every_format() -> None:
    report = Report(
        title=HOSTILE,
        subtitle="s",
        lang="en",
        sections=(
            Section("Items", items=(Item(HOSTILE, (1,)),)),
            Section("Table", table=Table(("a", "b"), ((HOSTILE, "x"),), ((1,),))),
        ),
        notes=(Note(1, HOSTILE, "2024-01-01", HOSTILE),),
    )
    pdf = squeeze(pdf_text(render(report, "pdf")))
    assert pdf.count(squeeze(HOSTILE)) >= 3
    document = docx.Document(io.BytesIO(render(report, "docx")))
    assert HOSTILE in document.paragraphs[0].text and HOSTILE in docx_footnotes(document)[1]
    markdown = render(report, "md").decode("utf-8")
    assert "<script>" not in markdown and "\\<script\\>" in markdown


def test_pmkg_brief_writes_each_format(neo4j_env: connection.Settings, tmp_path: Path, capsys) -> None:
    with connection.driver(neo4j_env) as drv:
        for record in example_records():
            from pmkg.graph.store import load_record

            load_record(drv, record)
    assert main(["brief", "Søren Brunak", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Briefing: Søren Brunak") and "Role: Nationale advisory board" in out
    assert main(["brief", "org:ngc", "-f", "docx", "-o", str(tmp_path / "ngc.docx")]) == 0
    assert docx.Document(str(tmp_path / "ngc.docx")).paragraphs[0].text == "Briefing: Nationalt Genom Center"
    assert (
        main(["brief", "org:ngc", "-f", "pdf", "--as-of", "2023-07-01", "-o", str(tmp_path / "n.pdf")]) == 0
    )
    assert "pr.2023-07-01" in squeeze(pdf_text((tmp_path / "n.pdf").read_bytes()))
    assert main(["brief", "Nobody Special"]) == 1
    assert "no entity named 'Nobody Special'" in capsys.readouterr().err
