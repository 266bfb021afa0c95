"""Each theme's monthly tally of the points that raised it, kept by the store.

Each Theme keeps how many points raised it per month (``substring(date, 0, 7)`` of the meeting), as two
parallel lists (``THEME_TALLY``), so the themes-over-time question reads a few hundred numbers instead of
every point of years of minutes. Loading adds to them; removing a document recounts the themes it
touched. They and ``ingested_at`` are ``STORE_ONLY`` in the model: left out by read_rows.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import neo4j

from pmkg.graph.connection import write_tx
from pmkg.graph.triples import GraphRows

_TALLY_NOW = """
MATCH (t:Theme) WHERE t.id IN $ids
RETURN t.id AS id, coalesce(t.raised_months, []) AS months, coalesce(t.raised_points, []) AS points
"""
_SET_TALLY = """
UNWIND $rows AS row
MATCH (t:Theme {id: row.id})
SET t.raised_months = row.months, t.raised_points = row.points
"""
_RECOUNT_TALLY = """
MATCH (t:Theme) WHERE t.id IN $ids
CALL (t) {
  MATCH (t)<-[:RAISED]-(m) WHERE m.date IS NOT NULL
  WITH substring(m.date, 0, 7) AS month, count(*) AS points ORDER BY month
  RETURN collect(month) AS months, collect(points) AS points
}
SET t.raised_months = CASE WHEN size(months) > 0 THEN months END,
    t.raised_points = CASE WHEN size(points) > 0 THEN points END
"""
_UNTALLIED = (
    "MATCH (t:Theme) WHERE t.raised_months IS NULL AND EXISTS { (t)<-[:RAISED]-() } RETURN t.id AS id"
)


def recount(tx: neo4j.ManagedTransaction, ids: list[str]) -> None:
    """Count these themes' tally afresh from the points that remain (after a removal)."""
    tx.run(_RECOUNT_TALLY, ids=ids).consume()


def complete(driver: neo4j.Driver) -> int:
    """Count the monthly tally of themes that have points but none (a store loaded by an older pmkg);
    the number of themes counted."""

    def work(tx: neo4j.ManagedTransaction) -> int:
        ids = [row["id"] for row in tx.run(_UNTALLIED)]
        if ids:
            recount(tx, ids)
        return len(ids)

    return write_tx(driver, work)


def add(tx: neo4j.ManagedTransaction, rows: GraphRows) -> None:
    """Add the points these rows raise to their themes' monthly tally (see ``THEME_TALLY``)."""
    dates = {meeting["id"]: meeting.get("date") for meeting in rows.nodes.get("Meeting", ())}
    added: dict[str, Counter[str]] = defaultdict(Counter)
    for rel in rows.rels.get("RAISED", ()):
        if date := dates.get(rel["from"]):
            added[rel["to"]][date[:7]] += 1
    if not added:
        return
    updates = []
    for row in tx.run(_TALLY_NOW, ids=sorted(added)):
        tally = Counter(dict(zip(row["months"], row["points"], strict=True))) + added[row["id"]]
        months = sorted(tally)
        updates.append({"id": row["id"], "months": months, "points": [tally[m] for m in months]})
    tx.run(_SET_TALLY, rows=updates).consume()
