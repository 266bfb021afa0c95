"""A rejected fact leaves every answer and export, and stays visible, rejected, in provenance (real Neo4j).

The four example minutes are ingested; staff reject Søren Brunak's chair of the national advisory board
(a ``HOLDS_ROLE`` fact) and his attendance of its meeting. The questions, his profile, his briefing and
the Turtle export then no longer state them, while ``pmkg corrections list`` and the app's provenance
still show them, marked with the correction; ``pmkg corrections undo`` brings them back.
"""

from __future__ import annotations

from pathlib import Path

import neo4j
import pytest
from rdflib import RDF

from pmkg.cli import main
from pmkg.graph import connection, questions, rdf
from pmkg.graph.briefing import build_briefing
from pmkg.graph.store import load_record
from pmkg.ui.data import provenance
from tests.test_questions import ask, example_records, rows

PERSON = "person:soren-brunak"
BOARD = "org:nationale-advisory-board-for-forskning-og-infrastruktur"
FACTS = """
MATCH (:Person {id: $person})-[r:HOLDS_ROLE|ATTENDED]->(x)
RETURN type(r) AS type, x.id AS to, r.key AS key, r.rejected AS rejected ORDER BY type, to
"""


@pytest.fixture(autouse=True)
def patient(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(questions, "QUERY_TIMEOUT_S", 300.0)


def facts(drv: neo4j.Driver) -> dict[str, dict]:
    """His HOLDS_ROLE and ATTENDED relationships, by type, as stored (rejected or not)."""
    return {row["type"]: row for row in connection.read(drv, FACTS, {"person": PERSON})}


def stated(drv: neo4j.Driver, tmp_path: Path) -> dict[str, object]:
    """What each answer and export says of his chair and his attendance."""
    profile = rows(ask(drv, "person_profile", person=PERSON))
    brief = build_briefing(drv, PERSON)
    out = tmp_path / "graph.ttl"
    assert main(["export", "--out", str(out)]) == 0
    exported = rdf.parse(out.read_bytes(), "turtle")
    # a rejected fact is still named, as a pmkg:RejectedFact (graph.rdfaudit), but no longer a pmkg:Fact
    stated_facts = {str(s) for s in exported.subjects(RDF.type, rdf.PMKG.Fact)}
    keys = {t: row["key"] for t, row in facts(drv).items()}
    return {
        "attended": [r["meeting"] for r in rows(ask(drv, "attendance", person=PERSON))],
        "profile_roles": [(r["id"], r["detail"]) for r in profile if r["kind"] == "role"],
        "profile_meetings": [r["id"] for r in profile if r["kind"] == "meeting"],
        "briefing_roles": [(s.entity_id, s.detail) for s in brief.statements if s.kind == "role"],
        "turtle_facts": sorted(t for t, key in keys.items() if fact_iri(key) in stated_facts),
    }


def fact_iri(key: str) -> str:
    """The fact's IRI as the export writes it (graph.rdfcodec's mapper)."""
    from pmkg.graph.rdfcodec import Mapper

    return str(Mapper(None, (), {}).fact_iri(key))


def test_a_rejected_role_leaves_every_answer_and_export_but_not_provenance(
    neo4j_env: connection.Settings,
    neo4j_driver: neo4j.Driver,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for record in example_records():
        load_record(neo4j_driver, record)
    before = stated(neo4j_driver, tmp_path)
    assert (BOARD, "chair") in before["profile_roles"] and (BOARD, "chair") in before["briefing_roles"]
    assert len(before["attended"]) == 1 and len(before["profile_meetings"]) == 1
    assert before["turtle_facts"] == ["ATTENDED", "HOLDS_ROLE"]
    meeting = facts(neo4j_driver)["ATTENDED"]["to"]
    capsys.readouterr()

    chair = ["reject", PERSON, "HOLDS_ROLE", BOARD, "--where", "role=chair", "--why", "not the chair"]
    assert main(chair) == 0
    assert main(["reject", PERSON, "ATTENDED", meeting, "--why", "sent apologies"]) == 0
    capsys.readouterr()

    after = stated(neo4j_driver, tmp_path)
    assert after == {
        "attended": [],
        "profile_roles": [],
        "profile_meetings": [],
        "briefing_roles": [],
        "turtle_facts": [],
    }
    # still there, marked with the correction: in the graph, in provenance and in the corrections list
    stored = facts(neo4j_driver)
    assert all(row["rejected"] for row in stored.values())
    seen = {(row["rel"], row["other_id"]): row["rejected"] for row in provenance(neo4j_driver, PERSON)}
    assert seen[("HOLDS_ROLE", BOARD)] == stored["HOLDS_ROLE"]["rejected"]
    assert seen[("ATTENDED", meeting)] == stored["ATTENDED"]["rejected"]
    assert main(["corrections", "list"]) == 0
    listed = capsys.readouterr().out
    for row in stored.values():
        assert row["rejected"] in listed
    assert "not the chair" in listed and "sent apologies" in listed

    for row in stored.values():
        assert main(["corrections", "undo", row["rejected"]]) == 0
    assert stated(neo4j_driver, tmp_path) == before
