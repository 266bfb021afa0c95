"""A 10,000-character attendee name must not make its document unstorable (real Neo4j).

Neo4j refuses index keys past about 8 kB, so every id is capped (``pmkg.text.slug``: 80 characters and
a hash of the rest) while the full name stays a property.
"""

from __future__ import annotations

from pathlib import Path

import neo4j

from pmkg.graph import connection
from pmkg.graph.schema import ensure_schema
from pmkg.graph.store import load_record
from pmkg.ingest.pipeline import extract_text

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "ngc-advisory-board-5.txt"
LONG = "Bettina " + "Lundgrenøx" * 1000  # 10,008 characters, one very long surname
IDS = "MATCH (n) WHERE n.id IS NOT NULL RETURN max(size(n.id)) AS longest, count(n) AS nodes"


def test_a_huge_attendee_name_is_stored_with_a_capped_id(neo4j_driver: neo4j.Driver) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace("Bettina Lundgren", LONG)
    record = extract_text(text, "long-name.txt")
    ensure_schema(neo4j_driver)
    load_record(neo4j_driver, record)
    (row,) = connection.read(neo4j_driver, IDS)
    assert row["nodes"] > 10 and row["longest"] <= 120
    people = connection.read(neo4j_driver, "MATCH (p:Person) WHERE size(p.name) > 10000 RETURN p.id AS id")
    assert people and all(len(p["id"]) <= 120 for p in people)
