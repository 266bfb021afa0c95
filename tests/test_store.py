"""The loader against the real Neo4j: schema, search, idempotency, replacement, removal, round trip."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import msgspec
import neo4j
import pytest

from pmkg.errors import PmkgError
from pmkg.graph import connection, corrections
from pmkg.graph.schema import ensure_schema, lucene_query, schema_names, search
from pmkg.graph.store import (
    find_documents,
    load_record,
    load_records,
    read_rows,
    remove_document,
)
from pmkg.graph.tally import complete as complete_tally
from pmkg.graph.triples import merge_rows, record_to_rows
from pmkg.graph.version import graph_version
from pmkg.model.correction import make
from pmkg.model.graph import LABELS, REL_TYPES
from tests.graph_samples import board_minutes

EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.txt"))
COUNTS = """
MATCH (n) WITH count(n) AS nodes
OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS rels
"""
DUPLICATE_IDS = "MATCH (n) WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN id"


def counts(drv: neo4j.Driver) -> tuple[int, int]:
    row = connection.read(drv, COUNTS)[0]
    return row["nodes"], row["rels"]


def expected(*records) -> object:
    return merge_rows(record_to_rows(r) for r in records)


def test_schema_is_created_idempotently(neo4j_driver: neo4j.Driver) -> None:
    ensure_schema(neo4j_driver)
    ensure_schema(neo4j_driver)  # a second run is a no-op, not an error
    names = schema_names(neo4j_driver)
    assert {f"{label}_id" for label in LABELS} <= names
    assert {f"{t}_doc" for t in REL_TYPES} <= names and {f"{t}_key" for t in REL_TYPES} <= names
    assert {"Meeting_date", "entity_names"} <= names
    # the uniqueness constraint is enforced by the server
    connection.write(neo4j_driver, "CREATE (:Person {id: 'person:x', name: 'X'})")
    with pytest.raises(neo4j.exceptions.ConstraintError):
        connection.write(neo4j_driver, "CREATE (:Person {id: 'person:x', name: 'Y'})")


def test_search_folds_diacritics_and_is_fuzzy(neo4j_driver: neo4j.Driver) -> None:
    load_record(neo4j_driver, board_minutes())
    assert search(neo4j_driver, "Soren")[0]["id"] == "person:soren-brunak"
    assert search(neo4j_driver, "søren brunak")[0]["id"] == "person:soren-brunak"
    assert search(neo4j_driver, "Genom Center")[0]["id"] == "org:ngc"
    assert search(neo4j_driver, "genom centre")[0]["id"] == "org:ngc"  # a typo
    assert search(neo4j_driver, "the Genom Center of")[0]["id"] == "org:ngc"  # stop words are optional
    assert search(neo4j_driver, "NGC")[0]["id"] == "org:ngc"  # an alias
    assert search(neo4j_driver, "Skott")[0]["label"] == "Person"
    assert search(neo4j_driver, "") == [] and search(neo4j_driver, "  ()  ") == []
    before = counts(neo4j_driver)
    for hostile in ("x'}) DETACH DELETE (n) //", 'name:"a" OR *:*', "\\", "AND OR NOT ~ ^ [ ] { } ! : /"):
        search(neo4j_driver, hostile)  # Lucene syntax in user text is neither an error nor a query
    assert counts(neo4j_driver) == before


def test_lucene_query_keeps_only_terms() -> None:
    assert lucene_query('Søren "Brunak"~ *') == "+(soren^3 soren* soren~1) +(brunak^3 brunak* brunak~1)"
    assert lucene_query("NGC") == "(ngc^3 ngc*)"
    assert (
        lucene_query("board of the NGC") == "+(board^3 board* board~1) (of^3 of*) (the^3 the*) (ngc^3 ngc*)"
    )


def test_load_counts_and_round_trip(neo4j_driver: neo4j.Driver) -> None:
    one, two = board_minutes("a.txt"), board_minutes("b.txt", extra="Tillæg.", chair_aliases=("S. Brunak",))
    rows_one = record_to_rows(one)
    first = load_record(neo4j_driver, one)
    nodes, rels = rows_one.counts()
    assert (first.status, first.nodes_created, first.rels_created, first.nodes_updated) == (
        "loaded",
        nodes,
        rels,
        0,
    )
    second = load_record(neo4j_driver, two)
    # the second document adds its own Document and Meeting; the shared chair gains an alias
    assert (second.status, second.nodes_created, second.nodes_updated) == ("loaded", 2, 1)
    assert read_rows(neo4j_driver) == expected(one, two)
    assert read_rows(neo4j_driver, [two.document.id]).rels == record_to_rows(two).rels


def test_loading_again_changes_nothing(neo4j_driver: neo4j.Driver) -> None:
    records = [board_minutes("a.txt"), board_minutes("b.txt", extra="Tillæg.")]
    load_records(neo4j_driver, records)
    rows, before = read_rows(neo4j_driver), counts(neo4j_driver)
    seen = []
    again = load_records(neo4j_driver, records, progress=seen.append)
    assert [s.status for s in again] == ["unchanged", "unchanged"] and seen == again
    assert all(s.nodes_created == s.rels_created == s.nodes_updated == 0 for s in again)
    assert counts(neo4j_driver) == before
    assert read_rows(neo4j_driver) == rows


def test_a_changed_file_replaces_only_its_own_contribution(neo4j_driver: neo4j.Driver) -> None:
    old = board_minutes("a.txt", chair_aliases=("S. Brunak",), extra="Også Extra Person deltog.")
    old.people.append(msgspec.structs.replace(old.people[2], id="person:extra-person", name="Extra Person"))
    old.mentions.append(msgspec.structs.replace(old.mentions[0], entity="person:extra-person"))
    other = board_minutes("b.txt", chair="Søren Brunak", extra="Andet referat.")
    new = board_minutes("a.txt", extra="Rettet version.")
    load_records(neo4j_driver, [old, other])
    assert connection.read(neo4j_driver, "MATCH (p:Person {id: 'person:extra-person'}) RETURN p.id")
    summary = load_record(neo4j_driver, new)
    assert summary.status == "replaced" and summary.rels_deleted > 0 and summary.nodes_deleted >= 3
    # exactly what the other document and the new version say: the old alias and person are gone
    assert read_rows(neo4j_driver) == expected(other, new)
    assert [d["id"] for d in find_documents(neo4j_driver, "a.txt")] == [new.document.id]


def test_remove_document(neo4j_driver: neo4j.Driver) -> None:
    one = board_minutes("minutes/a.txt", chair_aliases=("S. Brunak",))
    two = board_minutes("minutes/b.txt", extra="Tillæg.")
    load_records(neo4j_driver, [one, two])
    summary = remove_document(neo4j_driver, "a.txt")  # a file name finds minutes/a.txt
    assert (summary.document, summary.status) == (one.document.id, "removed")
    assert read_rows(neo4j_driver) == expected(two)  # the alias only `one` gave is gone too
    with pytest.raises(PmkgError, match="no stored document"):
        remove_document(neo4j_driver, "a.txt")
    remove_document(neo4j_driver, two.document.sha256[:8])  # by sha256 prefix
    assert counts(neo4j_driver) == (0, 0)


def test_remove_refuses_an_ambiguous_name(neo4j_driver: neo4j.Driver) -> None:
    load_records(neo4j_driver, [board_minutes("x/a.txt"), board_minutes("y/a.txt", extra="Andet.")])
    with pytest.raises(PmkgError, match="matches 2 documents"):
        remove_document(neo4j_driver, "a.txt")
    remove_document(neo4j_driver, "./x//a.txt")  # the path as the user may type it
    assert [d["source"] for d in find_documents(neo4j_driver, "a.txt")] == ["y/a.txt"]


@pytest.mark.skipif(not EXAMPLES, reason="examples/ is part of the repository")
def test_examples_round_trip_through_neo4j(neo4j_driver: neo4j.Driver) -> None:
    from pmkg.ingest.pipeline import extract_file

    records = [extract_file(path) for path in EXAMPLES]
    summaries = load_records(neo4j_driver, records)
    assert [s.status for s in summaries] == ["loaded"] * len(records)
    assert read_rows(neo4j_driver) == expected(*records)
    assert connection.read(neo4j_driver, DUPLICATE_IDS) == []
    assert search(neo4j_driver, "Soren Brunak")[0]["name"] == "Søren Brunak"


TALLIES = "MATCH (t:Theme) RETURN t.id AS id, t.raised_months AS months, t.raised_points AS points"
POINTS = "MATCH (m)-[:RAISED]->(t:Theme) WHERE m.date IS NOT NULL RETURN t.id AS id, m.date AS date"


def tallies(drv: neo4j.Driver) -> dict[str, dict[str, int]]:
    return {
        row["id"]: dict(zip(row["months"], row["points"], strict=True))
        for row in connection.read(drv, TALLIES)
        if row["months"]
    }


def counted(drv: neo4j.Driver) -> dict[str, dict[str, int]]:
    """The points counted one by one, as the tally should hold them."""
    found: dict[str, Counter[str]] = {}
    for row in connection.read(drv, POINTS):
        found.setdefault(row["id"], Counter())[row["date"][:7]] += 1
    return {theme: dict(months) for theme, months in found.items()}


def test_themes_keep_a_monthly_tally_of_their_points(neo4j_driver: neo4j.Driver) -> None:
    from pmkg.ingest.pipeline import extract_file

    records = [extract_file(path) for path in EXAMPLES]
    ngc = next(r for r in records if r.document.source.endswith("ngc-advisory-board-5.txt"))
    load_record(neo4j_driver, ngc)
    load_records(neo4j_driver, [r for r in records if r is not ngc], batch=5)
    tally = tallies(neo4j_driver)
    assert tally == counted(neo4j_driver)
    # June 2023: the NGC board's 8 points and the GMS steering group's 1 (both met on 14 June)
    assert tally["theme:clinical-implementation"]["2023-06"] == 9
    assert sum(sum(months.values()) for months in tally.values()) > len(tally)
    remove_document(neo4j_driver, ngc.document.id)
    assert tallies(neo4j_driver) == counted(neo4j_driver)
    assert tallies(neo4j_driver)["theme:clinical-implementation"]["2023-06"] == 1
    load_record(neo4j_driver, ngc)  # loaded again after the removal: the tally as at first
    assert tallies(neo4j_driver) == tally
    # a store loaded before themes kept a tally gets one when pmkg next loads into it
    connection.write(neo4j_driver, "MATCH (t:Theme) REMOVE t.raised_months, t.raised_points")
    assert complete_tally(neo4j_driver) == len(tally) and tallies(neo4j_driver) == tally
    assert complete_tally(neo4j_driver) == 0


def test_the_graph_version_moves_with_every_store_removal_and_correction(neo4j_driver: neo4j.Driver) -> None:
    """What the app keys its kept answers on (``graph.version.graph_version``): a new document, a new
    version of one, a removal, a correction and its undo each give a version not seen before; a repeat
    load does not."""
    seen = [graph_version(neo4j_driver)]

    def moved() -> bool:
        seen.append(graph_version(neo4j_driver))
        return seen[-1] not in seen[:-1]

    load_record(neo4j_driver, board_minutes("a.txt"))
    assert moved()
    load_record(neo4j_driver, board_minutes("b.txt", extra="Tillæg."))
    assert moved()
    load_record(neo4j_driver, board_minutes("b.txt", extra="Tillæg."))  # unchanged: same version
    assert not moved()
    load_record(neo4j_driver, board_minutes("a.txt", extra="Rettet version."))  # a new version of a.txt
    assert moved()
    remove_document(neo4j_driver, "b.txt")
    assert moved()
    rename = make(
        "rename",
        ["person:soren-brunak"],
        {"name": "S. Brunak", "was": "Søren Brunak", "label": "Person"},
        "t",
        "x",
    )
    corrections.record(neo4j_driver, rename)
    assert moved()
    corrections.undo(neo4j_driver, rename.id, "tester")
    assert moved()
