"""The app's own reads: node details with provenance, neighbourhoods, pickers, documents, timeline.

Every query is a constant with parameters; every read runs in a read transaction through
``graph.connection``. Results come back as plain rows or as :class:`ui.graph_view.GraphData`.
"""

from __future__ import annotations

from typing import Any

import neo4j

from pmkg.graph.connection import read, read_tx
from pmkg.graph.contact import without_contact_properties
from pmkg.graph.schema import labelled
from pmkg.model.graph import HIDDEN_PROPERTIES, PROVENANCE_KEYS
from pmkg.ui.graph_view import GraphData, from_neo4j

# What a node's details leave out: the model's plumbing, and the id and file hash the page shows apart.
NOT_IN_DETAILS = HIDDEN_PROPERTIES | {"sha256", "id"}
# Relationship types that tie everything to its document: left out of overviews unless documents are shown.
DOCUMENT_LINKS = ("MENTIONS", "RECORDS")

NODE = """
MATCH (n {id: $id})
RETURN labels(n) AS labels, properties(n) AS props
LIMIT 1
"""

PROVENANCE = """
MATCH (n {id: $id})-[r]-(m)
OPTIONAL MATCH (d:Document {id: r.doc})
WITH n, r, m, d, coalesce(r.quotes, []) AS quotes
UNWIND CASE WHEN size(quotes) = 0 THEN [null] ELSE quotes END AS quote
RETURN type(r) AS rel, startNode(r) = n AS outgoing, m.id AS other_id, m.name AS other,
       labels(m) AS other_labels, quote, d.title AS document, d.source AS source, d.date AS date,
       r.rejected AS rejected, r.curated_by AS curated_by, r.note AS note
ORDER BY date, rel, other
LIMIT $limit
"""

# One link of the graph and the others of its kind between the same two nodes (other documents stating the
# same fact), each with its document and quotes: the clicked one first. Either direction: an analytic's
# graph may draw a link from its other end. ``{type}`` is filled by ``graph.schema.labelled``
# (whitelisted); the key is indexed per type.
LINK_FACTS = """
MATCH (a {id: $source})-[r:{type} WHERE r.rejected IS NULL]-(b {id: $target})
OPTIONAL MATCH (d:Document {id: r.doc})
RETURN r.key AS key, properties(r) AS props, coalesce(r.quotes, []) AS quotes,
       d.title AS document, d.source AS source, d.date AS date
ORDER BY r.key = $key DESC, date, key
LIMIT $limit
"""

# With an as-of date (the sidebar's), only the facts of documents dated on or before it, and the curated
# ones valid from on or before it (graph/curated.py).
NEIGHBOURS = """
MATCH (n {id: $id})-[r WHERE r.rejected IS NULL]-(m)
WHERE ($documents OR NOT type(r) IN $document_links)
  AND ($as_of IS NULL OR r.valid_from <= $as_of
       OR EXISTS { MATCH (d:Document {id: r.doc}) WHERE d.date <= $as_of })
RETURN n, r, m
LIMIT $limit
"""

OVERVIEW = """
MATCH (a)-[r WHERE r.rejected IS NULL]->(b)
WHERE any(l IN labels(a) WHERE l IN $types) AND any(l IN labels(b) WHERE l IN $types)
  AND ($documents OR NOT type(r) IN $document_links)
  AND ($as_of IS NULL OR r.valid_from <= $as_of
       OR EXISTS { MATCH (d:Document {id: r.doc}) WHERE d.date <= $as_of })
WITH a, r, b,
     COUNT { (a)-[x WHERE x.rejected IS NULL]-() } + COUNT { (b)-[y WHERE y.rejected IS NULL]-() } AS weight
ORDER BY weight DESC
RETURN a, r, b
LIMIT $limit
"""

# How many nodes of some types the graph holds (as of a date: those a fact of a document then stated),
# what the overview's note compares its drawing with.
COUNT_NODES = """
MATCH (n)
WHERE any(l IN labels(n) WHERE l IN $types)
  AND ($as_of IS NULL OR EXISTS {
        MATCH (n)-[r WHERE r.rejected IS NULL]-() MATCH (d:Document {id: r.doc}) WHERE d.date <= $as_of })
RETURN count(n) AS n
"""

# The bodies that hold meetings, and the meetings of some bodies and some themes (a filter of Explore).
BODIES = """
MATCH (m:Meeting)-[rj4:HELD_BY WHERE rj4.rejected IS NULL]->(o:Organization)
RETURN DISTINCT o.id AS id, o.name AS name
ORDER BY toLower(o.name)
"""

MEETINGS_OF = """
MATCH (m:Meeting)
WHERE ($bodies IS NULL OR EXISTS {
        MATCH (m)-[rj5:HELD_BY WHERE rj5.rejected IS NULL]->(o) WHERE o.id IN $bodies })
  AND ($themes IS NULL OR EXISTS {
        MATCH (m)-[rj6:RAISED WHERE rj6.rejected IS NULL]->(th) WHERE th.id IN $themes })
RETURN collect(m.id) AS ids
"""

ENTITIES = """
MATCH (n)
WHERE any(l IN labels(n) WHERE l IN $types)
RETURN n.id AS id, n.name AS name, labels(n)[0] AS type, n.date AS date
ORDER BY toLower(n.name)
LIMIT $limit
"""

DOCUMENTS = """
MATCH (d:Document)
OPTIONAL MATCH (d)-[rj1:RECORDS WHERE rj1.rejected IS NULL]->(m:Meeting)
RETURN d.id AS id, d.title AS title, d.source AS source, d.format AS format, d.language AS language,
       d.date AS date, d.ingested_at AS ingested_at, collect(DISTINCT m.name) AS meetings,
       COUNT { (d)-[rj2:MENTIONS WHERE rj2.rejected IS NULL]->() } AS mentions
ORDER BY d.date DESC, d.title
"""

MEETINGS = """
MATCH (m:Meeting)
OPTIONAL MATCH (m)-[rj3:HELD_BY WHERE rj3.rejected IS NULL]->(body:Organization)
RETURN m.id AS id, m.name AS title, m.date AS date, m.location AS location,
       coalesce(m.body_name, body.name) AS body,
       [(p:Person)-[a:ATTENDED WHERE a.rejected IS NULL]->(m)
        WHERE coalesce(a.status, 'unknown') <> 'absent' | p.name] AS attendees,
       [(p:Person)-[a:ATTENDED WHERE a.rejected IS NULL]->(m) WHERE a.status = 'absent' | p.name] AS absent,
       [(m)-[rj4:RAISED WHERE rj4.rejected IS NULL]->(t:Theme) | t.id] AS theme_ids,
       [(m)-[rj5:RAISED WHERE rj5.rejected IS NULL]->(t:Theme) | coalesce(t.label_da, t.name)] AS themes_da,
       [(m)-[rj6:RAISED WHERE rj6.rejected IS NULL]->(t:Theme) | coalesce(t.label_en, t.name)] AS themes_en
ORDER BY m.date
"""


def node(
    driver: neo4j.Driver, node_id: str, *, contact: bool = False
) -> tuple[list[str], dict[str, Any]] | None:
    """The labels and readable properties of one node, or None when it is gone; its contact details
    (``Person.emails`` ...) only with ``contact`` (a reader with that permission)."""
    rows = read(driver, NODE, {"id": node_id})
    if not rows:
        return None
    props = {k: v for k, v in rows[0]["props"].items() if k not in NOT_IN_DETAILS}
    return rows[0]["labels"], props if contact else without_contact_properties(props)


def provenance(driver: neo4j.Driver, node_id: str, limit: int = 2000) -> list[dict[str, Any]]:
    """Every fact about a node, one row per source quote, with the document and its date."""
    return read(driver, PROVENANCE, {"id": node_id, "limit": limit})


def link_facts(
    driver: neo4j.Driver, key: str, rel_type: str, source: str, target: str, limit: int = 200
) -> list[dict[str, Any]]:
    """The facts behind one edge (``key``, of kind ``rel_type`` from ``source`` to ``target``) and the
    other documents' statements of the same link, each with its properties (plumbing left out), quotes,
    document and date; empty when the link is gone (or was rejected since it was drawn)."""
    query = labelled(LINK_FACTS, type=rel_type)
    params = {"key": key, "source": source, "target": target, "limit": limit}
    rows = read(driver, query, params)
    hidden = NOT_IN_DETAILS | {"key", "doc", *PROVENANCE_KEYS, "rejected"}
    return [{**row, "props": {k: v for k, v in row["props"].items() if k not in hidden}} for row in rows]


def _graph(driver: neo4j.Driver, query: str, params: dict[str, Any]) -> GraphData:
    return read_tx(driver, lambda tx: from_neo4j(tx.run(query, params).graph()))


def neighbours(
    driver: neo4j.Driver, node_id: str, *, documents: bool, limit: int = 200, as_of: str | None = None
) -> GraphData:
    """A node and its direct neighbours (what a double click adds to the view), as of a date if given."""
    params = {
        "id": node_id,
        "documents": documents,
        "document_links": list(DOCUMENT_LINKS),
        "limit": limit,
        "as_of": as_of,
    }
    return _graph(driver, NEIGHBOURS, params)


def overview(driver: neo4j.Driver, types: list[str], limit: int, as_of: str | None = None) -> GraphData:
    """The best-connected part of the graph among the chosen node types, as of a date if given."""
    params = {
        "as_of": as_of,
        "types": types,
        "documents": "Document" in types,
        "document_links": list(DOCUMENT_LINKS),
        "limit": limit,
    }
    return _graph(driver, OVERVIEW, params)


def count_nodes(driver: neo4j.Driver, types: list[str], as_of: str | None = None) -> int:
    """How many nodes of the given types the graph holds (as of a date if given)."""
    return int(read(driver, COUNT_NODES, {"types": types, "as_of": as_of})[0]["n"])


def bodies(driver: neo4j.Driver) -> list[dict[str, Any]]:
    """The organisations that hold meetings (the bodies Explore filters by), by name."""
    return read(driver, BODIES)


def meetings_of(driver: neo4j.Driver, bodies: list[str] | None, themes: list[str] | None) -> set[str]:
    """The ids of the meetings held by one of ``bodies`` that raised one of ``themes`` (None: any)."""
    return set(read(driver, MEETINGS_OF, {"bodies": bodies, "themes": themes})[0]["ids"])


def entities(driver: neo4j.Driver, types: list[str], limit: int = 5000) -> list[dict[str, Any]]:
    """Nodes of the given types for a picker, by name."""
    return read(driver, ENTITIES, {"types": types, "limit": limit})


def documents(driver: neo4j.Driver) -> list[dict[str, Any]]:
    """The ingested documents, newest first."""
    return read(driver, DOCUMENTS)


def meetings(driver: neo4j.Driver) -> list[dict[str, Any]]:
    """Every meeting with its date, attendees and the themes raised, oldest first."""
    return read(driver, MEETINGS)


# Documents and corrections: a merge leaves the documents as they were but changes the graph.
LATEST_MEETING = "MATCH (m:Meeting) WHERE m.date IS NOT NULL RETURN max(m.date) AS date"


def latest_meeting_date(driver: neo4j.Driver) -> str | None:
    """The date of the newest meeting the graph holds: what an empty "from this date" answer points to."""
    return read(driver, LATEST_MEETING)[0]["date"]
