"""Codes the graph stores are shown in the reader's words (``ui.codes``), on the answers of real questions
over the example minutes in a real Neo4j: an agreement's kind, an organisation's type and country, a
profile's row kinds and fields, the fixed choices and the row count."""

from __future__ import annotations

from collections.abc import Iterator

import neo4j
import pandas as pd
import pytest

from pmkg.graph import connection
from pmkg.graph.questions import run_question
from pmkg.ui.codes import choice_name, in_words
from pmkg.ui.i18n import translate
from tests.test_questions import QUESTIONS, examples_loaded


@pytest.fixture(scope="module")
def graph(neo4j_settings: connection.Settings) -> Iterator[neo4j.Driver]:
    with examples_loaded(neo4j_settings) as drv:
        yield drv


def cells(frame: pd.DataFrame) -> set[str]:
    return {str(v) for column in frame.columns for v in frame[column]}


def test_an_organisation_profile_says_its_type_country_and_kinds_in_words(graph: neo4j.Driver) -> None:
    answer = run_question(graph, QUESTIONS["organisation_profile"], {"organization": "org:ngc"})
    raw = cells(answer.frame)
    assert {"agency", "DK", "country", "identity"} <= raw  # what the graph stores
    danish, english = cells(in_words(answer.frame, "da")), cells(in_words(answer.frame, "en"))
    assert {"styrelse", "Danmark (DK)", "land", "kendetegn"} <= danish
    assert {"agency", "Denmark (DK)", "country", "particulars"} <= english
    assert not {"DK", "identity"} & (danish | english)
    assert not {"agency", "country"} & danish


def test_an_agreement_kind_is_written_as_a_reader_writes_it(graph: neo4j.Driver) -> None:
    frame = run_question(graph, QUESTIONS["agreements"], {}).frame
    assert "mou" in set(frame["kind"])
    for lang, words in (
        ("da", {"MoU", "samarbejde", "aftale"}),
        ("en", {"MoU", "collaboration", "agreement"}),
    ):
        kinds = set(in_words(frame, lang)["kind"])
        assert "MoU" in kinds and kinds <= words


def test_a_documents_language_and_an_inferred_year_are_in_the_readers_words(graph: neo4j.Driver) -> None:
    document = connection.read(graph, "MATCH (d:Document) RETURN d.id AS id ORDER BY d.id LIMIT 1")[0]["id"]
    frame = run_question(graph, QUESTIONS["document_profile"], {"document": document}).frame
    (code,) = set(frame["detail"]) & {"da", "en", "no", "sv"}  # as the graph stores it
    for lang in ("da", "en"):
        shown = set(in_words(frame, lang)["detail"])
        assert translate(f"language.{code}", lang) in shown and code not in shown
    meeting = {"meeting": "meeting:nationale-advisory-board-for-forskning-og-infrastruktur-2023-06-14"}
    frame = run_question(graph, QUESTIONS["meeting_profile"], meeting).frame
    assert "2023-06-14 (year inferred)" in set(frame["detail"])
    assert "2023-06-14 (år udledt)" in set(in_words(frame, "da")["detail"])


def test_fixed_choices_and_countries_have_names() -> None:
    assert choice_name("per", "quarter", "quarter", "da") == "kvartal"
    assert choice_name("per", "quarter", "quarter", "en") == "quarter"
    assert choice_name("country", "DK", "DK", "da") == "Danmark (DK)"
    assert choice_name("country", "XX", "XX", "da") == "XX"  # an unknown code stays readable as itself


def test_one_row_is_one_row() -> None:
    assert translate("q.rows.one", "en", n=1) == "1 row in the answer."
    assert translate("q.rows.one", "da", n=1) == "1 række i svaret."
