"""What the home page says about the graph at a glance: how much it holds, the newest meetings and the
latest uploads.

These are not questions a reader asks (``queries/``) but the page's own summary, so they live here as
parameterised Cypher; the most connected stakeholders come from ``graph.analytics`` (the Stakeholders
question), never from a second ranking.
"""

from __future__ import annotations

from typing import Any

import neo4j

from pmkg.graph.connection import read

# The kinds of node the home page counts, in the order it shows them.
COUNTED = ("Document", "Meeting", "Person", "Organization", "Initiative", "Agreement")

# Neo4j keeps the count of each label, so each COUNT is read in constant time however big the graph.
_COUNTS = """
RETURN COUNT { (:Document) } AS Document, COUNT { (:Meeting) } AS Meeting, COUNT { (:Person) } AS Person,
       COUNT { (:Organization) } AS Organization, COUNT { (:Initiative) } AS Initiative,
       COUNT { (:Agreement) } AS Agreement
"""
_NEWEST_MEETINGS = """
MATCH (m:Meeting) WHERE m.date IS NOT NULL
WITH m ORDER BY m.date DESC, m.name LIMIT $limit
OPTIONAL MATCH (m)-[rj1:HELD_BY WHERE rj1.rejected IS NULL]->(b:Organization)
WITH m, collect(b.name)[0] AS held_by
RETURN m.id AS id, m.name AS title, coalesce(m.body_name, held_by) AS body, m.date AS date
ORDER BY date DESC, title
"""
_RECENT_UPLOADS = """
MATCH (d:Document) WHERE d.ingested_at IS NOT NULL
RETURN d.id AS id, d.title AS title, d.source AS source, d.date AS date, d.ingested_at AS ingested_at
ORDER BY ingested_at DESC, source
LIMIT $limit
"""


def counts(driver: neo4j.Driver) -> dict[str, int]:
    """How many nodes of each :data:`COUNTED` kind the graph holds (a kind with none counts 0)."""
    row = read(driver, _COUNTS)[0]
    return {label: int(row[label]) for label in COUNTED}


def newest_meetings(driver: neo4j.Driver, limit: int = 5) -> list[dict[str, Any]]:
    """The ``limit`` most recent dated meetings, newest first: id, title, body and date."""
    return read(driver, _NEWEST_MEETINGS, {"limit": limit})


def recent_uploads(driver: neo4j.Driver, limit: int = 5) -> list[dict[str, Any]]:
    """The ``limit`` documents stored last (by ``ingested_at``), latest first."""
    return read(driver, _RECENT_UPLOADS, {"limit": limit})
