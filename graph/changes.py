"""What changed between two meetings of a body, or between two dates: people, roles, affiliations,
initiatives, agreements and themes that are new, gone or changed, each with the quote that says so.

A side of the comparison is a set of meetings: one meeting, or, for a date, the last meeting each body
(or the chosen body) held on or before it, which is how things stood then. A side's *state* is what the
minutes of those meetings say: who attended and in what role, whom they were affiliated with, which
organisations took part in which initiatives, the agreements and the themes raised. The two states are
compared key by key.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import neo4j
import pandas as pd

from pmkg.errors import PmkgError
from pmkg.graph.connection import read

CATEGORIES = ("people", "roles", "affiliations", "initiatives", "agreements", "themes")
COLUMNS = ["category", "change", "name", "before", "after", "quote", "document", "date", "key"]

_BODY_MEETINGS = """
MATCH (:Organization {id: $body})<-[rj1:HELD_BY WHERE rj1.rejected IS NULL]-(m:Meeting)
WHERE m.date IS NOT NULL
RETURN m.id AS id, m.date AS date, m.name AS name, coalesce(m.date_inferred, false) AS date_inferred
ORDER BY m.date DESC, m.id
LIMIT $limit
"""
_BODIES = """
MATCH (b:Organization) WHERE EXISTS { (b)<-[rj2:HELD_BY WHERE rj2.rejected IS NULL]-(:Meeting) }
RETURN b.id AS id, b.name AS name
ORDER BY toLower(b.name)
LIMIT 2000
"""
_MEETING = """
MATCH (m:Meeting {id: $id})
RETURN m.id AS id, m.date AS date, m.name AS name, coalesce(m.date_inferred, false) AS date_inferred,
       COLLECT {
         MATCH (m)-[rj3:HELD_BY WHERE rj3.rejected IS NULL]->(b:Organization) RETURN b.id LIMIT 1
       }[0] AS body
LIMIT 1
"""
# The last meeting each body (or the one body) held on or before a date.
_LATEST_BEFORE = """
MATCH (b:Organization)<-[rj4:HELD_BY WHERE rj4.rejected IS NULL]-(m:Meeting)
WHERE ($body IS NULL OR b.id = $body) AND m.date <= $date
WITH b, m ORDER BY m.date DESC, m.id
WITH b, collect(m)[0] AS m
RETURN m.id AS id, m.date AS date, m.name AS name, coalesce(m.date_inferred, false) AS date_inferred
ORDER BY date DESC
LIMIT 1000
"""
# What the minutes of a set of meetings say, one row per fact, keyed for comparison.
_STATE = """
UNWIND $meetings AS meeting_id
MATCH (m:Meeting {id: meeting_id})
CALL (m) {
  // a curated attendance (a role or status fixed by staff) has no document of its own: the meeting's
  // minutes, and the staff's source note as its quote
  MATCH (p:Person)-[a:ATTENDED WHERE a.rejected IS NULL]->(m)
  RETURN 'people' AS category, p.id AS key, p.name AS name, a.status AS value,
         coalesce(a.quotes[0], a.note, '') AS quote,
         coalesce(a.doc, head([(d0:Document)-[r0:RECORDS WHERE r0.rejected IS NULL]->(m) | d0.id])) AS doc
  UNION ALL
  MATCH (p:Person)-[a:ATTENDED WHERE a.rejected IS NULL]->(m)
        -[rj5:HELD_BY WHERE rj5.rejected IS NULL]->(b:Organization)
  WHERE size(coalesce(a.roles, [])) > 0
  RETURN 'roles' AS category, p.id + '|' + b.id AS key, p.name + ' · ' + b.name AS name,
         reduce(s = '', x IN a.roles | CASE WHEN s = '' THEN x ELSE s + ', ' + x END) AS value,
         coalesce(a.quotes[0], a.note, '') AS quote,
         coalesce(a.doc, head([(d0:Document)-[r0:RECORDS WHERE r0.rejected IS NULL]->(m) | d0.id])) AS doc
  UNION ALL
  MATCH (doc:Document)-[rj6:RECORDS WHERE rj6.rejected IS NULL]->(m)
  MATCH (p:Person)-[rj7:ATTENDED WHERE rj7.rejected IS NULL]->(m)
  MATCH (p)-[r:AFFILIATED_WITH {doc: doc.id} WHERE r.rejected IS NULL]->(o:Organization)
  RETURN 'affiliations' AS category, p.id + '|' + o.id AS key, p.name + ' · ' + o.name AS name, '' AS value,
         r.quotes[0] AS quote, r.doc AS doc
  UNION ALL
  MATCH (doc:Document)-[rj8:RECORDS WHERE rj8.rejected IS NULL]->(m)
  MATCH (o:Organization)-[r:PARTICIPATES_IN {doc: doc.id} WHERE r.rejected IS NULL]->(i:Initiative)
  RETURN 'initiatives' AS category, o.id + '|' + i.id AS key, o.name + ' · ' + i.name AS name, '' AS value,
         r.quotes[0] AS quote, r.doc AS doc
  UNION ALL
  MATCH (doc:Document)-[rj9:RECORDS WHERE rj9.rejected IS NULL]->(m)
  // an agreement gets an id per document that names it; its name is what two minutes share
  MATCH (doc)-[r:MENTIONS WHERE r.rejected IS NULL]->(g:Agreement)
  RETURN 'agreements' AS category, toLower(g.name) AS key, g.name AS name,
         g.kind + coalesce(', ' + g.date, '') AS value, r.quotes[0] AS quote, r.doc AS doc
  UNION ALL
  MATCH (m)-[r:RAISED WHERE r.rejected IS NULL]->(t:Theme)
  WITH t, collect(r) AS points
  RETURN 'themes' AS category, t.id AS key, t.name AS name, toString(size(points)) + ' point(s)' AS value,
         points[0].quotes[0] AS quote, points[0].doc AS doc
}
MATCH (d:Document {id: doc})
RETURN category, key, name, value, quote, d.name AS document, d.date AS date
LIMIT 20000
"""


@dataclass(frozen=True)
class Side:
    """One side of a comparison: its label (a meeting's name and date, or a date) and its meetings."""

    label: str
    date: str
    meetings: tuple[str, ...]
    inferred: bool = False  # a meeting's year was inferred


def bodies(driver: neo4j.Driver) -> dict[str, str]:
    """The organisations that held meetings (the bodies one can compare), name by id."""
    return {r["id"]: r["name"] for r in read(driver, _BODIES)}


def body_meetings(driver: neo4j.Driver, body: str, limit: int = 200) -> list[dict[str, Any]]:
    """A body's dated meetings, newest first (what the pickers offer)."""
    return read(driver, _BODY_MEETINGS, {"body": body, "limit": limit})


def meeting_side(driver: neo4j.Driver, meeting_id: str) -> Side:
    rows = read(driver, _MEETING, {"id": meeting_id})
    if not rows:
        raise PmkgError(f"no meeting '{meeting_id}' in the graph")
    row = rows[0]
    return Side(f"{row['name']} ({row['date']})", row["date"] or "", (row["id"],), bool(row["date_inferred"]))


def date_side(driver: neo4j.Driver, date: str, body: str | None) -> Side:
    """How things stood on a date: the last meeting of each body (or of ``body``) on or before it."""
    rows = read(driver, _LATEST_BEFORE, {"date": date, "body": body})
    return Side(date, date, tuple(r["id"] for r in rows), any(r["date_inferred"] for r in rows))


def last_two(driver: neo4j.Driver, body: str) -> tuple[Side, Side]:
    """The default comparison: the body's last two meetings, older first."""
    meetings = body_meetings(driver, body, limit=2)
    if len(meetings) < 2:
        raise PmkgError("the body has fewer than two dated meetings in the graph: nothing to compare")
    return meeting_side(driver, meetings[1]["id"]), meeting_side(driver, meetings[0]["id"])


def state(driver: neo4j.Driver, side: Side) -> dict[tuple[str, str], dict[str, Any]]:
    """What the side's minutes say, by (category, key); the newest statement of a key wins."""
    rows = read(driver, _STATE, {"meetings": list(side.meetings)}) if side.meetings else []
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for row in sorted(rows, key=lambda r: r["date"] or ""):
        found[(row["category"], row["key"])] = row
    return found


def compare(
    before: dict[tuple[str, str], dict[str, Any]], after: dict[tuple[str, str], dict[str, Any]]
) -> pd.DataFrame:
    """New, gone and changed facts between two states, each with the quote of the side that says it."""
    out = []
    for category, key in sorted(set(before) | set(after), key=lambda k: (CATEGORIES.index(k[0]), k[1])):
        old, new = before.get((category, key)), after.get((category, key))
        if old and new and (old["value"] or "") == (new["value"] or ""):
            continue
        change = "new" if old is None else "gone" if new is None else "changed"
        cited = new or old
        assert cited is not None
        out.append(
            {
                "category": category,
                "change": change,
                "name": cited["name"],
                "before": (old or {}).get("value") or "",
                "after": (new or {}).get("value") or "",
                "quote": cited["quote"],
                "document": cited["document"],
                "date": cited["date"],
                "key": key,
            }
        )
    return pd.DataFrame(out, columns=COLUMNS)


@dataclass
class Changes:
    before: Side
    after: Side
    table: pd.DataFrame


def changes(
    driver: neo4j.Driver,
    body: str | None = None,
    first: str | None = None,
    second: str | None = None,
) -> Changes:
    """Compare two meetings (ids) or two dates (YYYY-MM-DD, optionally of one body); with only a body, its
    last two meetings. The older side is ``before`` whatever the order given."""
    if first is None and second is None:
        if body is None:
            raise PmkgError("choose a body, or two meetings or dates to compare")
        sides = last_two(driver, body)
    elif first is None or second is None:
        raise PmkgError("give both sides to compare (two meetings or two dates), or neither for the last two")
    else:
        sides = (side_of(driver, first, body), side_of(driver, second, body))
    before, after = sorted(sides, key=lambda side: side.date)
    return Changes(before, after, compare(state(driver, before), state(driver, after)))


def side_of(driver: neo4j.Driver, value: str, body: str | None) -> Side:
    """A meeting id (``meeting:...``) or a date."""
    if value.startswith("meeting:"):
        return meeting_side(driver, value)
    return date_side(driver, value, body)
