"""The profile questions (``queries/*_profile.cypher``) on the example minutes in the real Neo4j: what each
kind of entity shows, that every quote is the text of the document it cites, and the as-of date."""

from __future__ import annotations

from collections.abc import Iterator

import neo4j
import pytest

from pmkg.graph import connection, questions
from tests.test_questions import ask, example_records, examples_loaded, rows

PROFILE_COLUMNS = ["kind", "name", "detail", "since", "date", "quote", "document", "id", "document_id"]
SUBJECTS = {
    "person_profile": {"person": "person:soren-brunak"},
    "organisation_profile": {"organization": "org:ngc"},
    "initiative_profile": {"initiative": "init:1mg"},
    "agreement_profile": {"agreement": "MoU Frankrig"},
    "theme_profile": {"theme": "theme:health-data"},
    "meeting_profile": {"meeting": "meeting:gms-2023-06-14"},
    "document_profile": {"document": "doc:779d16785f9969f5"},
}


@pytest.fixture(scope="module")
def graph(neo4j_settings: connection.Settings) -> Iterator[neo4j.Driver]:
    with examples_loaded(neo4j_settings) as drv:
        yield drv


@pytest.fixture(autouse=True)
def patient(monkeypatch: pytest.MonkeyPatch) -> None:
    """A profile's first run plans a dozen branches, which a server busy with other work can take longer
    than the questions' time limit to do; the limit is a guard, not what these tests are about."""
    monkeypatch.setattr(questions, "QUERY_TIMEOUT_S", 300.0)


def texts() -> dict[str, str]:
    """Each example document's id and its original text (what every quote must be a part of)."""
    return {record.document.id: record.document.text for record in example_records()}


@pytest.mark.parametrize("name", sorted(SUBJECTS))
def test_every_profile_row_cites_a_quote_of_its_document(graph: neo4j.Driver, name: str) -> None:
    answer = ask(graph, name, **SUBJECTS[name])
    assert list(answer.frame.columns) == PROFILE_COLUMNS
    found = rows(answer)
    assert len({r["kind"] for r in found}) >= 3, found
    documents = texts()
    cited = [r for r in found if r["quote"]]
    assert len(cited) >= len(found) // 2
    for row in cited:
        assert row["quote"] in documents[row["document_id"]], row


def test_organisation_profile_names_roles_people_initiatives_and_agreements(graph: neo4j.Driver) -> None:
    ngc = rows(ask(graph, "organisation_profile", organization="Nationalt Genom Center"))
    by_kind: dict[str, set[str]] = {}
    for row in ngc:
        by_kind.setdefault(row["kind"], set()).add(row["name"])
    assert {"NGC", "Danish National Genome Center"} <= {
        r["detail"] for r in ngc if r["kind"] == "identity" and r["name"] == "alias"
    }
    assert ("type", "agency") in {(r["name"], r["detail"]) for r in ngc if r["kind"] == "identity"}
    assert {"Bettina Lundgren", "Lene Cividanes"} <= by_kind["affiliate"]
    assert {"1+ Million Genomes", "Genomic Data Infrastructure"} <= by_kind["initiative"]
    assert {"Genomics England", "Frankrig"} <= by_kind["collaborator"]
    assert any("Frankrig" in r["detail"] for r in ngc if r["kind"] == "agreement")
    board = rows(ask(graph, "organisation_profile", organization="org:gms"))
    assert any(r["kind"] == "meeting" and r["date"] == "2023-06-14" for r in board)
    roles = {(r["name"], r["detail"]) for r in board if r["kind"] == "role"}
    assert roles and all(role for _, role in roles)  # every membership names its role


def test_meeting_profile_gives_attendees_with_roles_and_the_inferred_year(graph: neo4j.Driver) -> None:
    ngc_meeting = "meeting:nationale-advisory-board-for-forskning-og-infrastruktur-2023-06-14"
    found = rows(ask(graph, "meeting_profile", meeting=ngc_meeting))
    identity = {r["name"]: r["detail"] for r in found if r["kind"] == "identity"}
    assert identity["date"] == "2023-06-14 (year inferred)"
    soren = next(r for r in found if r["name"] == "Søren Brunak" and r["kind"] == "attendee")
    assert "chair" in soren["detail"] and soren["detail"].startswith("present")
    assert sum(r["kind"] == "attendee" for r in found) == 13


def test_theme_and_initiative_profiles(graph: neo4j.Driver) -> None:
    theme = rows(ask(graph, "theme_profile", theme="theme:health-data"))
    assert ("label_en", "Health data and infrastructure") in {(r["name"], r["detail"]) for r in theme}
    bodies = {r["name"] for r in theme if r["kind"] == "body"}
    assert {"Genomic Medicine Sweden", "Scientific Advisory Board"} <= bodies
    points = [r["date"] for r in theme if r["kind"] == "point"]
    assert points == sorted(points, reverse=True) and points[0] == "2024-09-24"
    initiative = rows(ask(graph, "initiative_profile", initiative="1+MG"))
    assert {"Nationalt Genom Center", "Sverige"} <= {
        r["name"] for r in initiative if r["kind"] == "participant"
    }


def test_as_of_keeps_only_the_documents_dated_up_to_it(graph: neo4j.Driver) -> None:
    documents = {
        as_of: {
            r["name"]
            for r in rows(ask(graph, "organisation_profile", organization="org:ngc", as_of=as_of))
            if r["kind"] == "document"
        }
        for as_of in ("2023-01-01", "2023-07-01", "2023-12-31")
    }
    assert documents["2023-01-01"] == set()
    assert len(documents["2023-07-01"]) == 1 and len(documents["2023-12-31"]) == 2
    assert rows(ask(graph, "meeting_profile", meeting="meeting:gms-2023-06-14", as_of="2023-06-13")) == []
    later = rows(ask(graph, "person_profile", person="person:soren-brunak", as_of="2023-06-14"))
    assert any(r["kind"] == "role" and r["detail"] == "chair" for r in later)
