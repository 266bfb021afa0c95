"""A merge leaves one relationship per fact: two statements of one document join, with both quotes."""

from __future__ import annotations

from collections import Counter

import neo4j

from pmkg.graph import connection, corrections
from pmkg.graph.store import load_record, remove_document
from pmkg.model.correction import make
from pmkg.model.record import Attendance, Record
from tests.graph_samples import board_minutes, prov

KEEP, GONE = "person:bettina-lundgren", "person:ole-skott"
FACTS = """
MATCH (:Person {id: $id})-[r]-(x)
RETURN type(r) AS type, x.id AS other, r.doc AS doc, r.quotes AS quotes, r.status AS status
ORDER BY type, other, doc, status
"""


def present_too(source: str) -> Record:
    """Board minutes where Ole Skøtt, like Bettina Lundgren, is present and with NGC: the document states
    the same attendance, affiliation and mention under two names that (say staff) are one person."""
    record = board_minutes(source, chair="Jan Moore")
    quote = prov(record.document.text, "Ole Skøtt")
    record.meetings[0].attendance[2] = Attendance(GONE, "present", [], "Deltagere", quote)
    record.people[2].affiliations = ["org:ngc"]
    return record


def test_a_merge_joins_the_parallel_relationships_of_one_document(neo4j_driver: neo4j.Driver) -> None:
    a, b = present_too("a.txt"), board_minutes("b.txt", chair="Jan Moore", extra="Andet møde.")
    load_record(neo4j_driver, a)
    load_record(neo4j_driver, b)
    kept = connection.read(neo4j_driver, FACTS, {"id": KEEP})
    gone = connection.read(neo4j_driver, FACTS, {"id": GONE})
    assert Counter(r["doc"] for r in gone) == {a.document.id: 3, b.document.id: 2}

    outcome = corrections.record(
        neo4j_driver, make("merge", [KEEP, GONE], {"keep": KEEP, "label": "Person"}, "tester", "one person")
    )

    # of his 5 relationships, the 3 of document a (attended, NGC, mention) and the mention in b join
    # hers; his absence from b's meeting is another fact (another status) and stays apart
    assert outcome.changes[0].endswith("4 parallel relationships joined")
    after = connection.read(neo4j_driver, FACTS, {"id": KEEP})
    assert len(after) == len(kept) + 1
    keys = [(r["type"], r["other"], r["doc"], r["status"]) for r in after]
    assert len(set(keys)) == len(keys)
    joined = [r for r in after if "Ole Skøtt" in r["quotes"]]
    assert sorted((r["type"], r["doc"]) for r in joined) == sorted(
        [
            ("ATTENDED", a.document.id),
            ("AFFILIATED_WITH", a.document.id),
            ("MENTIONS", a.document.id),
            ("MENTIONS", b.document.id),
            ("ATTENDED", b.document.id),
        ]
    )
    for row in joined:
        if row["status"] != "absent":
            assert set(row["quotes"]) == {"Bettina Lundgren", "Ole Skøtt"}, row

    # a document's facts are still its own: removing a leaves exactly b's
    remove_document(neo4j_driver, a.document.id)
    assert {r["doc"] for r in connection.read(neo4j_driver, FACTS, {"id": KEEP})} == {b.document.id}
