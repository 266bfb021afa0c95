"""Cross-document identity: certain matches become one node, uncertain ones are only listed."""

from __future__ import annotations

import neo4j

from pmkg.graph import connection
from pmkg.graph.identity import Known, candidate_merges, candidate_pairs, name_key, resolve, resolve_corpus
from pmkg.graph.store import load_record, load_records, read_rows, remove_document
from pmkg.graph.triples import merge_rows, record_to_rows
from tests.graph_samples import board_minutes

PEOPLE = "MATCH (p:Person) RETURN p.id AS id, p.name AS name, p.aliases AS aliases ORDER BY id"
CHAIRED_BY = """
MATCH (p:Person)-[a:ATTENDED]->(:Meeting) WHERE 'chair' IN a.roles
RETURN p.id AS id, a.doc AS doc ORDER BY doc
"""


def people(drv: neo4j.Driver) -> dict[str, dict]:
    return {row["id"]: row for row in connection.read(drv, PEOPLE)}


def test_name_key_ignores_spelling() -> None:
    assert name_key("Jan Walford-Moore") == name_key("Jan Walford Moore") == name_key("jan  walford moore")
    assert name_key("Søren Brunak") == "soren-brunak"


def test_resolve_maps_a_known_alias_onto_the_node() -> None:
    record = board_minutes("b.txt", chair="S. Brunak")
    known = {"Person": [Known("person:soren-brunak", "Søren Brunak", ("S. Brunak",))]}
    resolved = resolve(record, known)
    chair = resolved.people[0]
    assert (chair.id, chair.name, chair.aliases) == ("person:soren-brunak", "Søren Brunak", ["S. Brunak"])
    assert resolved.meetings[0].attendance[0].person == "person:soren-brunak"
    assert resolved.memberships[0].person == "person:soren-brunak"
    assert record.people[0].id == "person:s-brunak"  # the input is not modified


def test_resolve_never_merges_different_full_names_or_ambiguous_aliases() -> None:
    record = board_minutes("b.txt", chair="Jane Moore")
    assert resolve(record, {"Person": [Known("person:jan-moore", "Jan Moore")]}) is record
    two = [Known("person:a", "Anne Berg", ("A. Berg",)), Known("person:b", "Anders Berg", ("A. Berg",))]
    record = board_minutes("c.txt", chair="A. Berg")
    assert resolve(record, {"Person": two}).people[0].id == "person:a-berg"


def test_candidate_rules() -> None:
    nodes = [
        Known("person:jan-moore", "Jan Moore"),
        Known("person:jane-moore", "Jane Moore"),  # same surname and initial
        Known("person:martin-bogsted", "Martin Bøgsted"),
        Known("person:martin-bogstedt", "Martin Bogstedt"),  # fuzzy
        Known("person:dybkjaer-sorensen", "Dybkjær Sørensen"),
        Known("person:karen-dybkjaer-sorensen", "Karen Dybkjær Sørensen"),  # subset
        Known("person:ole-skott", "Ole Skøtt"),
        Known("person:o-skott", "O. Skøtt", ()),
        Known("person:peter-hansen", "Peter Hansen"),
        Known("person:mette-hansen", "Mette Hansen"),  # same surname only: not a candidate
        Known("person:s-brunak", "S. Brunak"),
        Known("person:soren-brunak", "Søren Brunak", ("S. Brunak",)),  # already an alias: not listed
    ]
    found = {(c.a_id, c.b_id): c.reason for c in candidate_pairs("Person", nodes)}
    assert found == {
        ("person:jan-moore", "person:jane-moore"): "initial+surname",
        ("person:martin-bogsted", "person:martin-bogstedt"): "fuzzy",
        ("person:dybkjaer-sorensen", "person:karen-dybkjaer-sorensen"): "subset",
        ("person:o-skott", "person:ole-skott"): "initial+surname",
    }
    orgs = [
        Known("org:a", "Region Hovedstaden"),
        Known("org:b", "Region Sjælland"),
        Known("org:c", "Hovedstaden"),
    ]
    assert candidate_pairs("Organization", orgs) == []  # one shared word is not enough for organisations


def test_same_full_name_written_differently_is_one_node(neo4j_driver: neo4j.Driver) -> None:
    one = board_minutes("a.txt", chair="Jan Walford Moore")
    two = board_minutes("b.txt", chair="Jan Walford-Moore", extra="Andet møde.")
    load_record(neo4j_driver, one)
    load_record(neo4j_driver, two)
    jan = people(neo4j_driver)["person:jan-walford-moore"]
    assert jan["name"] == "Jan Walford Moore" and jan["aliases"] == ["Jan Walford-Moore"]
    assert [r["id"] for r in connection.read(neo4j_driver, CHAIRED_BY)] == ["person:jan-walford-moore"] * 2


def test_a_known_alias_is_the_same_person_and_removal_takes_it_back(neo4j_driver: neo4j.Driver) -> None:
    one = board_minutes("a.txt", chair="Søren Brunak", chair_aliases=("S. Brunak",))
    two = board_minutes("b.txt", chair="S. Brunak", extra="Andet møde.")
    load_record(neo4j_driver, one)
    load_record(neo4j_driver, two)
    stored = people(neo4j_driver)
    assert "person:s-brunak" not in stored
    assert stored["person:soren-brunak"]["aliases"] == ["S. Brunak"]
    assert {r["doc"] for r in connection.read(neo4j_driver, CHAIRED_BY)} == {one.document.id, two.document.id}
    remove_document(neo4j_driver, "b.txt")
    assert {r["doc"] for r in connection.read(neo4j_driver, CHAIRED_BY)} == {one.document.id}
    assert read_rows(neo4j_driver).counts() == read_rows(neo4j_driver, [one.document.id]).counts()


def test_different_full_names_are_listed_not_merged(neo4j_driver: neo4j.Driver) -> None:
    load_record(neo4j_driver, board_minutes("a.txt", chair="Jan Moore"))
    load_record(neo4j_driver, board_minutes("b.txt", chair="Jane Moore", extra="Andet møde."))
    assert {"person:jan-moore", "person:jane-moore"} <= set(people(neo4j_driver))
    pairs = [(c.a_id, c.b_id, c.reason) for c in candidate_merges(neo4j_driver)]
    assert pairs == [("person:jan-moore", "person:jane-moore", "initial+surname")]


def test_a_corpus_with_name_variants_round_trips(neo4j_driver: neo4j.Driver) -> None:
    """Names vary between documents (hyphen or space, aliases): the graph holds what resolve_corpus says."""
    from bench.corpus import generate
    from pmkg.ingest.pipeline import extract_text

    records = [extract_text(text, name) for name, text in generate(12, seed=3)]
    resolved = resolve_corpus(records)
    assert resolved != records  # the corpus does exercise identity merges
    load_records(neo4j_driver, records)
    assert read_rows(neo4j_driver) == merge_rows(record_to_rows(r) for r in resolved)
