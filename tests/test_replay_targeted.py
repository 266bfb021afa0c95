"""A load replays only the corrections of the nodes it wrote, and that is the same as replaying all.

Every load and removal replays the corrections in its own transaction; with a thousand corrections a
full replay would add seconds to each document, so only those whose nodes the load touched are applied,
plus any whose nodes an applied one changed. The invariant checked here, with the real Neo4j: after
each load or removal, a full replay finds nothing left to change.
"""

from __future__ import annotations

import neo4j

from pmkg.graph import connection, corrections
from pmkg.graph.connection import write_tx
from pmkg.graph.store import load_record, load_records, remove_document
from pmkg.model.correction import make
from tests.graph_samples import board_minutes

ROLES = """
MATCH (p:Person)-[r:HOLDS_ROLE]->(:Organization {id: 'org:board'})
RETURN p.id AS person, r.role AS role, r.doc AS doc, r.rejected AS rejected ORDER BY doc
"""
REJECT_CHAIR = {
    "type": "HOLDS_ROLE",
    "from_label": "Person",
    "to_label": "Organization",
    "where": {"role": "chair"},
}


def nothing_left(driver: neo4j.Driver) -> bool:
    """A full replay of every correction changes nothing."""
    return write_tx(driver, corrections.replay).changes == []


def test_a_chain_of_corrections_reaches_the_facts_a_new_version_brings(neo4j_driver: neo4j.Driver) -> None:
    a, b = board_minutes("a.txt", chair="Jan Moore"), board_minutes("b.txt", chair="Jane Moore")
    load_records(neo4j_driver, [a, b])
    merge = make(
        "merge",
        ["person:jan-moore", "person:jane-moore"],
        {"keep": "person:jan-moore", "label": "Person"},
        "t",
        "",
    )
    reject = make("reject", ["person:jan-moore", "org:board"], REJECT_CHAIR, "t", "he was deputy")
    rename = make(
        "rename", ["person:bettina-lundgren"], {"label": "Person", "name": "Bettina Lundgren Holm"}, "t", ""
    )
    for c in (merge, reject, rename):
        corrections.record(neo4j_driver, c)
    assert nothing_left(neo4j_driver)

    # a new version of b brings Jane Moore back as its own node with a chair role: the merge (her node
    # was touched) moves it onto Jan Moore, and the reject of his chair role, whose nodes the merge
    # changed, rejects it there, though the load never wrote Jan Moore's node
    load_record(neo4j_driver, board_minutes("b.txt", chair="Jane Moore", extra="Ny version."))
    rows = connection.read(neo4j_driver, ROLES)
    chairs = [(r["person"], r["rejected"]) for r in rows if r["role"] == "chair"]
    assert chairs == [("person:jan-moore", reject.id)] * 2
    assert nothing_left(neo4j_driver)
    names = "MATCH (p:Person {id: 'person:bettina-lundgren'}) RETURN p.name AS name"
    assert connection.read(neo4j_driver, names) == [
        {"name": "Bettina Lundgren Holm"}
    ]  # reloaded, renamed again

    remove_document(neo4j_driver, "a.txt")
    assert nothing_left(neo4j_driver)
    load_record(neo4j_driver, a)
    assert nothing_left(neo4j_driver)
    assert [item.status for item in corrections.listing(neo4j_driver)] == ["applied"] * 3
