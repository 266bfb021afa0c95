"""The Neo4j schema (constraints, indexes, the full-text index) and name search over it.

Labels and relationship types cannot be Cypher parameters, so queries that need them are module
constant templates filled by :func:`labelled`, which accepts only names from the whitelists in
``graph.triples``. Everything that comes from data travels as a parameter.
"""

from __future__ import annotations

import re
from typing import Any

import neo4j

from pmkg.graph.connection import read, read_tx, write
from pmkg.model.graph import LABELS, REL_TYPES, SEARCHABLE_LABELS
from pmkg.text import words

FULLTEXT_INDEX = "entity_names"
# Lucene's ASCII folding analyzer: "Søren" is indexed as "soren", so "Soren" finds it.
FULLTEXT_ANALYZER = "standard-folding"
INDEX_WAIT_S = 120
MIN_REQUIRED = 4  # letters: shorter search words are optional (stop words are not in the index)

_CONSTRAINT = "CREATE CONSTRAINT {label}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
_REL_INDEX = "CREATE INDEX {type}_{prop} IF NOT EXISTS FOR ()-[r:{type}]-() ON (r.{prop})"
_INDEXES = {
    "Meeting_date": "CREATE INDEX Meeting_date IF NOT EXISTS FOR (n:Meeting) ON (n.date)",
    "Document_source": "CREATE INDEX Document_source IF NOT EXISTS FOR (n:Document) ON (n.source)",
    "Document_sha256": "CREATE INDEX Document_sha256 IF NOT EXISTS FOR (n:Document) ON (n.sha256)",
    # the latest load (the analytics' cache key), upcoming deadlines, figures by unit
    "Document_ingested_at": "CREATE INDEX Document_ingested_at IF NOT EXISTS "
    "FOR (n:Document) ON (n.ingested_at)",
    "Deadline_date": "CREATE INDEX Deadline_date IF NOT EXISTS FOR (n:Deadline) ON (n.date)",
    "Figure_unit": "CREATE INDEX Figure_unit IF NOT EXISTS FOR (n:Figure) ON (n.unit)",
    FULLTEXT_INDEX: "CREATE FULLTEXT INDEX entity_names IF NOT EXISTS "
    "FOR (n:Person|Organization|Initiative|Meeting|Theme|Agreement|Document) ON EACH [n.name, n.search_text] "
    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding', "
    "`fulltext.eventually_consistent`: false}}",
}
_AWAIT = "CALL db.awaitIndexes($seconds)"
_SEARCH = """
CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $limit}) YIELD node, score
RETURN node.id AS id, node.name AS name, [l IN labels(node) WHERE l IN $labels][0] AS label, score
ORDER BY score DESC, id
"""
_CONSTRAINT_NAMES = "SHOW CONSTRAINTS YIELD name RETURN name"
_INDEX_NAMES = "SHOW INDEXES YIELD name, state RETURN name, state"

_WHITELIST = {
    "label": LABELS,
    "type": REL_TYPES,
    "from_label": LABELS,
    "to_label": LABELS,
    "prop": ("doc", "key"),
}
# The facts a correction names by their values (``where``: ``{"role": "chair"}``, ``{"roles": ["chair"]}``),
# for a relationship ``r``: a list value matches the same codes in any order (the minutes' order of a
# person's roles at a meeting says nothing).
WHERE_VALUES = (
    "all(k IN keys($where) WHERE CASE WHEN $where[k] IS :: LIST<ANY> AND r[k] IS :: LIST<ANY> "
    "THEN size(r[k]) = size($where[k]) AND all(x IN $where[k] WHERE x IN r[k]) ELSE r[k] = $where[k] END)"
)
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def labelled(template: str, **names: str) -> str:
    """Fill ``{label}``/``{type}``/... in a constant query template with whitelisted names only.

    The one sanctioned way to put a label or relationship type into Cypher: a value not in the
    whitelist (anything from data) raises ValueError instead of reaching the server.
    """
    for key, value in names.items():
        if value not in _WHITELIST.get(key, ()):
            raise ValueError(f"{key}={value!r} is not a whitelisted Cypher name")

    def fill(match: re.Match[str]) -> str:
        return names[match.group(1)] if match.group(1) in names else match.group(0)

    return _PLACEHOLDER.sub(fill, template)


def ensure_schema(driver: neo4j.Driver, *, database: str | None = None) -> None:
    """Create the constraints and indexes the loader and the app rely on, and wait until they are online.

    Only missing objects are created (and every statement is ``IF NOT EXISTS`` besides), so a second
    call costs one read. Schema changes cannot share a transaction with data: one statement each.
    """
    present = schema_names(driver)
    created = 0
    for label in LABELS:
        if f"{label}_id" not in present:
            created += write(driver, labelled(_CONSTRAINT, label=label), database=database).constraints_added
    for rtype in REL_TYPES:
        for prop in ("doc", "key"):
            if f"{rtype}_{prop}" not in present:
                query = labelled(_REL_INDEX, type=rtype, prop=prop)
                created += write(driver, query, database=database).indexes_added
    for name in _INDEXES:
        if name not in present:
            created += write(driver, _INDEXES[name], database=database).indexes_added
    if created:
        read(driver, _AWAIT, {"seconds": INDEX_WAIT_S}, database=database)


def schema_names(driver: neo4j.Driver) -> set[str]:
    """Names of the constraints and indexes present (for status pages and tests)."""
    indexes = [row["name"] for row in read(driver, _INDEX_NAMES)]
    return {row["name"] for row in read(driver, _CONSTRAINT_NAMES)} | set(indexes)


def lucene_query(text: str) -> str:
    """A fuzzy, diacritics-insensitive Lucene query for user text; empty when there is nothing to find.

    The text is cut into plain ASCII words (``pmkg.text.words``), so no Lucene syntax from the user survives.
    Each term matches exactly, as a prefix, or within an edit distance of one (two for long words).
    Words of four letters or more are required; shorter ones (``of``, ``the``, ``og``, which the
    analyzer drops as stop words, but also ``KU``) only raise the score, unless all words are short.
    """
    terms = list(dict.fromkeys(words(text)))
    any_long = any(len(term) >= MIN_REQUIRED for term in terms)
    clauses = []
    for term in terms:
        fuzzy = f" {term}~{2 if len(term) >= 8 else 1}" if len(term) >= MIN_REQUIRED else ""
        required = "+" if any_long and len(term) >= MIN_REQUIRED else ""
        clauses.append(f"{required}({term}^3 {term}*{fuzzy})")
    return " ".join(clauses)


def search(driver: neo4j.Driver, text: str, limit: int = 20) -> list[dict[str, Any]]:
    """Entities whose names or aliases match ``text``: dicts with id, name, label and score, best first."""
    query = lucene_query(text)
    if not query:
        return []
    params = {"query": query, "limit": int(limit), "labels": list(SEARCHABLE_LABELS)}
    return read_tx(driver, lambda tx: tx.run(_SEARCH, params).data())
