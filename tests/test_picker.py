"""The app's entity pickers find as the search box does (``ui.picker.matches`` over ``graph.schema.search``):
without diacritics, in any case, by acronym and alias, and only among the entities the picker offers. Real
Neo4j holding the example minutes."""

from __future__ import annotations

from collections.abc import Iterator

import neo4j
import pytest

from pmkg.graph import connection
from pmkg.graph import questions as qs
from pmkg.ui.picker import matches
from tests.test_questions import examples_loaded

ENTITY = qs.Param(name="entity", type="entity")
PERSON = qs.Param(name="person", type="person")


@pytest.fixture(scope="module")
def graph(neo4j_settings: connection.Settings) -> Iterator[neo4j.Driver]:
    with examples_loaded(neo4j_settings) as drv:
        yield drv


def offered(drv: neo4j.Driver, param: qs.Param) -> list[str]:
    return [o["id"] for o in qs.choices(drv, param)]


@pytest.mark.parametrize("typed", ["Soren", "soren brunak", "SØREN BRUNAK", "Brunak", "Søren Brunak"])
def test_a_person_is_found_without_diacritics_and_in_any_case(graph: neo4j.Driver, typed: str) -> None:
    assert matches(graph, typed, offered(graph, ENTITY))[0] == "person:soren-brunak"


def test_an_organisation_is_found_by_its_acronym(graph: neo4j.Driver) -> None:
    assert matches(graph, "ngc", offered(graph, ENTITY))[0] == "org:ngc"  # Nationalt Genom Center


def test_only_what_the_picker_offers_is_found(graph: neo4j.Driver) -> None:
    people = offered(graph, PERSON)
    assert "person:soren-brunak" in matches(graph, "Soren", people)
    assert matches(graph, "ngc", people) == []
    assert matches(graph, "Soren", [None, "org:ngc"]) == []  # Explore's overview is None
