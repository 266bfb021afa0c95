"""The analytics' network and measures kept in Neo4j by every write (graph.netstore): after a load, a
removal and a merge correction, what is kept, and every analytic answer read from it, equals a fresh full
computation on the real Neo4j; a version with nothing kept is computed afresh, never answered stale; in
the app (graph.netrefresh) a write measures on a thread of its own, and a question waits for it."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import neo4j
import networkx as nx
import pytest

from pmkg.graph import analytics, connection, corrections, netrefresh, netstore
from pmkg.graph.projection import project_simple
from pmkg.graph.store import load_record, remove_document
from pmkg.graph.version import graph_version
from pmkg.model.correction import make
from tests.test_questions import example_records

CENTRE = "person:soren-brunak"


@pytest.fixture
def loaded(neo4j_driver: neo4j.Driver) -> Iterator[neo4j.Driver]:
    for record in example_records():
        load_record(neo4j_driver, record)
    yield neo4j_driver


def edges(graph: nx.Graph) -> dict[frozenset[str], dict[str, Any]]:
    return {frozenset((u, v)): data for u, v, data in graph.edges(data=True)}


def assert_same(got: netstore.Measured, want: netstore.Measured) -> None:
    assert list(got.network.nodes(data=True)) == list(want.network.nodes(data=True))
    assert edges(got.network) == edges(want.network)
    assert got.betweenness == want.betweenness
    assert got.communities == want.communities


def answers(driver: neo4j.Driver) -> list[tuple[list[dict[str, Any]], dict[str, Any]]]:
    """Every analytic's answer as comparable values (the drawing's lists as sets of items)."""
    asked = [
        ("stakeholders", {"top": 10}),
        ("stakeholders", {"kind": "Person", "top": 5}),
        ("communities", {"top": 50}),
        ("ego_network", {"entity": CENTRE, "radius": 2}),
    ]
    out = []
    for name, params in asked:
        frame, graph = analytics.ANALYTICS[name](driver, params)
        drawn = {key: sorted(repr(sorted(item.items())) for item in items) for key, items in graph.items()}
        out.append((frame.to_dict("records"), drawn))
    return out


def fresh_answers(driver: neo4j.Driver) -> list[tuple[list[dict[str, Any]], dict[str, Any]]]:
    """The answers with nothing kept anywhere: projected and measured in memory, as before."""
    analytics._MEMO.clear()
    connection.write(driver, "MATCH (k:NetworkCache) DELETE k")
    try:
        return answers(driver)
    finally:
        analytics._MEMO.clear()
        netstore.refresh(driver)


def check_kept_is_fresh(driver: neo4j.Driver) -> None:
    kept = netstore.kept(driver, graph_version(driver))
    assert kept is not None
    assert_same(kept, netstore.measure(project_simple(driver)))
    analytics._MEMO.clear()
    fast = answers(driver)
    assert fast == fresh_answers(driver)


def test_encoding_keeps_network_and_measures() -> None:
    graph = nx.Graph()
    graph.add_node("b", label="Organization", name="B")
    graph.add_node("a", label="Person", name="Åse")
    graph.add_node("c", label="Meeting", name="c")
    graph.add_edge("a", "b", weight=3, type="AFFILIATED_WITH/HOLDS_ROLE")
    graph.add_edge("b", "c", weight=1, type="HELD_BY")
    measured = netstore.measure(graph)
    assert measured.betweenness == {"a": 0.0, "b": 1.0, "c": 0.0}
    assert_same(netstore.decode(netstore.encode(measured)), measured)
    empty = netstore.measure(nx.Graph())
    assert_same(netstore.decode(netstore.encode(empty)), empty)


def test_kept_after_load_removal_and_merge_equals_a_fresh_computation(loaded: neo4j.Driver) -> None:
    check_kept_is_fresh(loaded)
    first = next(iter(example_records())).document.id
    remove_document(loaded, first)
    check_kept_is_fresh(loaded)
    people = connection.read(loaded, "MATCH (p:Person) RETURN p.id AS id ORDER BY id LIMIT 2")
    keep, gone = [row["id"] for row in people]
    before = netstore.kept(loaded, graph_version(loaded))
    corrections.record(loaded, make("merge", [keep, gone], {"keep": keep, "label": "Person"}, "t", "test"))
    check_kept_is_fresh(loaded)
    after = netstore.kept(loaded, graph_version(loaded))
    assert before is not None and after is not None
    assert gone in before.network and gone not in after.network


def test_a_version_with_nothing_kept_is_computed_afresh(loaded: neo4j.Driver) -> None:
    records = example_records()
    remove_document(loaded, records[0].document.id)
    old = analytics.ANALYTICS["communities"](loaded, {"top": 50})[0]
    load_record(loaded, records[0], measure=False)  # a write whose refresh has not run
    assert netstore.kept(loaded, graph_version(loaded)) is None
    now = analytics.ANALYTICS["communities"](loaded, {"top": 50})[0]
    assert sum(now["size"]) == project_simple(loaded).number_of_nodes() > sum(old["size"])
    assert answers(loaded) == fresh_answers(loaded)
    assert netstore.refresh(loaded) is True  # the kept result is this version's: nothing to do


@pytest.fixture
def in_background(loaded: neo4j.Driver) -> Iterator[neo4j.Driver]:
    """The loaded driver as the app uses it: its writes measure on a thread of their own."""
    netrefresh.in_background(loaded)
    yield loaded
    assert netrefresh.settle(loaded, timeout=60)
    netrefresh.in_background(loaded, False)


def test_the_apps_writes_measure_on_a_thread_of_their_own_and_questions_wait_for_it(
    in_background: neo4j.Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In the app a merge returns once committed; the network is measured on another thread, and a
    question asked at once reads what that measurement keeps, equal to a fresh computation."""
    threads: list[str] = []
    measure = netstore.measure

    def recorded(graph: nx.Graph) -> netstore.Measured:
        threads.append(threading.current_thread().name)
        return measure(graph)

    monkeypatch.setattr(netstore, "measure", recorded)
    loaded = in_background
    people = connection.read(loaded, "MATCH (p:Person) RETURN p.id AS id ORDER BY id LIMIT 2")
    keep, gone = [row["id"] for row in people]
    corrections.record(loaded, make("merge", [keep, gone], {"keep": keep, "label": "Person"}, "t", "test"))
    analytics._MEMO.clear()
    first = answers(loaded)  # waits for the measurement under way rather than making its own
    assert threads == ["pmkg-netstore"]
    assert netrefresh.settle(loaded, timeout=60)
    check_kept_is_fresh(loaded)
    assert first == fresh_answers(loaded)
    assert all(gone not in str(frame) for frame, _ in first)
