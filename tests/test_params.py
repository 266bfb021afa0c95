"""``graph.params``: a name given for an entity parameter must name the entity found (real Neo4j).

The full-text search matches numbers as prefixes and drops a sign, so ``body=-1`` answered for
``Board 1`` and ``body=1`` for ``Board 12``.
"""

from __future__ import annotations

import neo4j
import pytest

from pmkg.errors import PmkgError
from pmkg.graph import connection
from pmkg.graph.params import coerce, resolve_entity
from pmkg.graph.questions import load_questions
from pmkg.graph.schema import ensure_schema, search

BODIES = "UNWIND $bodies AS b CREATE (:Organization {id: b.id, name: b.name})"


@pytest.fixture
def boards(neo4j_driver: neo4j.Driver) -> neo4j.Driver:
    ensure_schema(neo4j_driver)
    bodies = [
        {"id": "org:board-12", "name": "Board 12"},
        {"id": "org:styregruppe-1", "name": "Styregruppe 1"},
    ]
    connection.write(neo4j_driver, BODIES, {"bodies": bodies})
    connection.write(neo4j_driver, "CALL db.awaitIndexes(60)")
    return neo4j_driver


def test_a_name_must_match_the_entity_found(boards: neo4j.Driver) -> None:
    body = load_questions()["meetings"].param("body")
    assert {h["id"] for h in search(boards, "-1")} >= {"org:styregruppe-1"}  # what the search offers
    for junk in ("-1", "1", "12"):
        with pytest.raises(PmkgError, match=f"no organization named '{junk}' in the graph"):
            resolve_entity(boards, body, junk)
    with pytest.raises(PmkgError, match="no organization named 'Board 1' in the graph"):
        resolve_entity(boards, body, "Board 1")  # not Board 12
    assert resolve_entity(boards, body, "Board 12") == "org:board-12"
    assert resolve_entity(boards, body, "styregruppe 1") == "org:styregruppe-1"
    assert resolve_entity(boards, body, "org:board-12") == "org:board-12"  # an id as it is


def test_numbers_are_whole_finite_and_in_range() -> None:
    radius = load_questions()["ego_network"].param("radius")
    assert coerce(radius, "3") == 3 and coerce(radius, 2.0) == 2 and coerce(radius, 4) == 4
    for wrong in (float("inf"), float("nan"), 2.5, True, "1e309", "2.0", "", "x", [2]):
        with pytest.raises(PmkgError, match="radius must be a whole number"):
            coerce(radius, wrong)
    with pytest.raises(PmkgError, match="radius must be at most 4, not 10000000000000000000"):
        coerce(radius, 10**19)
