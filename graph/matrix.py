"""Theme × stakeholder: how many points on each theme (at a level of the SKOS taxonomy) each organisation,
kind of organisation, or person raised, with the quotes behind every cell.

A person raised a point when they presented the agenda item it stands under (PRESENTED.item_number =
RAISED.agenda_item, as in the profiles); an organisation raised it through the people affiliated with it
or holding a role in it. Every theme of the chosen level is a row, raised or not, so the gaps show: a
theme nobody from a kind of organisation raised is a row of zeros in that column.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

import neo4j
import pandas as pd
from rdflib import Graph
from rdflib.namespace import SKOS

from pmkg.errors import PmkgError
from pmkg.graph.connection import read

LEVELS = ("group", "theme")  # the taxonomy's top concepts, or its concepts
STAKEHOLDERS = ("organisation", "type", "person")
THEME_PREFIX = "theme:"

_POINTS = """
MATCH (p:Person)-[pr:PRESENTED WHERE pr.rejected IS NULL]->(m:Meeting)
      -[r:RAISED WHERE r.rejected IS NULL]->(t:Theme)
WHERE r.agenda_item = pr.item_number AND ($as_of IS NULL OR m.date <= $as_of)
WITH DISTINCT p, t, r.point_id AS point
CALL (p) {
  OPTIONAL MATCH (p)-[rj1:AFFILIATED_WITH|HOLDS_ROLE WHERE rj1.rejected IS NULL]->(o:Organization)
  RETURN collect(DISTINCT o) AS organisations
}
WITH p, t, point, [x IN organisations | coalesce(x.type, 'organization')] AS types, organisations
UNWIND CASE $by WHEN 'person' THEN [[p.id, p.name]] WHEN 'type' THEN [x IN types | [x, x]]
       ELSE [x IN organisations | [x.id, x.name]] END AS column
WITH t.id AS theme, column[0] AS column_id, column[1] AS column_name, count(DISTINCT point) AS points
RETURN theme, column_id, column_name, points
LIMIT 100000
"""
_TYPES = """
MATCH (o:Organization) WHERE EXISTS {
  (o)<-[rj2:AFFILIATED_WITH|HOLDS_ROLE WHERE rj2.rejected IS NULL]-(:Person) }
RETURN DISTINCT coalesce(o.type, 'organization') AS type
LIMIT 200
"""
_QUOTES = """
MATCH (p:Person)-[pr:PRESENTED WHERE pr.rejected IS NULL]->(m:Meeting)
      -[r:RAISED WHERE r.rejected IS NULL]->(t:Theme)
WHERE t.id IN $themes AND r.agenda_item = pr.item_number AND ($as_of IS NULL OR m.date <= $as_of)
  AND CASE $by WHEN 'person' THEN p.id = $column
      WHEN 'type' THEN EXISTS {
        (p)-[rj3:AFFILIATED_WITH|HOLDS_ROLE WHERE rj3.rejected IS NULL]->(o:Organization)
                                WHERE coalesce(o.type, 'organization') = $column }
      ELSE EXISTS {
        (p)-[rj4:AFFILIATED_WITH|HOLDS_ROLE WHERE rj4.rejected IS NULL]->(:Organization {id: $column})
      } END
WITH DISTINCT r, p, m, t ORDER BY m.date DESC LIMIT $limit
MATCH (d:Document {id: r.doc})
RETURN m.date AS date, p.name AS person,
       CASE $lang WHEN 'en' THEN coalesce(t.label_en, t.name) ELSE t.name END AS theme,
       r.text AS point, r.quotes[0] AS quote, d.name AS document, m.name AS meeting
ORDER BY date DESC
"""


@dataclass(frozen=True)
class Concept:
    id: str  # "theme:health-data"
    group: str  # the id of its top concept (itself for a top concept)
    labels: dict[str, str]  # {"da": ..., "en": ...}


@cache
def taxonomy() -> dict[str, Concept]:
    """The concepts of ``knowledge/themes.ttl`` with their top concept and Danish and English labels."""
    graph = Graph().parse(data=files("pmkg.knowledge").joinpath("themes.ttl").read_text(encoding="utf-8"))

    def local(iri: Any) -> str:
        return THEME_PREFIX + str(iri).rstrip("/").rsplit("/", 1)[-1]

    concepts = {}
    for iri in set(graph.subjects(SKOS.prefLabel, None)):
        if (iri, SKOS.topConceptOf, None) not in graph and (iri, SKOS.broader, None) not in graph:
            continue  # the scheme itself
        top = iri
        while (top, SKOS.broader, None) in graph:
            top = graph.value(top, SKOS.broader)
        labels = {label.language: str(label) for label in graph.objects(iri, SKOS.prefLabel)}
        concepts[local(iri)] = Concept(local(iri), local(top), labels)
    return concepts


def with_narrower(theme_ids: Iterable[str]) -> set[str]:
    """The themes and every theme under them: a group chosen (``theme:data``) means all of its themes."""
    chosen = set(theme_ids)
    return chosen | {c.id for c in taxonomy().values() if c.group in chosen}


def row_of(theme_id: str, level: str) -> str:
    """The row a theme's points count in: the theme, or its group."""
    concept = taxonomy().get(theme_id)
    if level == "group":
        return concept.group if concept else theme_id
    return theme_id


def rows_of_level(level: str) -> list[str]:
    """Every row of a level (so a theme nobody raised is still a row)."""
    concepts = taxonomy().values()
    return sorted(
        {c.group if level == "group" else c.id for c in concepts if level == "group" or c.id != c.group}
    )


def label(theme_id: str, lang: str) -> str:
    concept = taxonomy().get(theme_id)
    return (concept.labels.get(lang) or concept.labels.get("da") or theme_id) if concept else theme_id


def matrix(
    driver: neo4j.Driver, level: str = "group", by: str = "type", as_of: str | None = None
) -> pd.DataFrame:
    """Points per theme row (index: row ids) and stakeholder column (columns: column ids), zeros included."""
    if level not in LEVELS or by not in STAKEHOLDERS:
        raise PmkgError(
            f"level is one of {', '.join(LEVELS)} and stakeholders one of {', '.join(STAKEHOLDERS)}"
        )
    rows = read(driver, _POINTS, {"by": by, "as_of": as_of})
    counts = pd.DataFrame(rows, columns=["theme", "column_id", "column_name", "points"])
    counts["row"] = counts["theme"].map(lambda theme: row_of(theme, level))
    table = counts.pivot_table(index="row", columns="column_id", values="points", aggfunc="sum", fill_value=0)
    table = table.reindex(sorted(set(rows_of_level(level)) | set(table.index)), fill_value=0)
    if by == "type":  # every kind of organisation people belong to is a column, so a silent sector shows
        types = {r["type"] for r in read(driver, _TYPES)}
        table = table.reindex(columns=sorted(types | set(table.columns)), fill_value=0)
        counts = pd.concat([counts, pd.DataFrame({"column_id": sorted(types), "column_name": sorted(types)})])
    table.attrs["names"] = dict(zip(counts["column_id"], counts["column_name"], strict=True))
    table.columns.name = None
    return table.astype(int)


def cell_quotes(
    driver: neo4j.Driver,
    row: str,
    column: str,
    level: str,
    by: str,
    as_of: str | None = None,
    limit: int = 50,
    lang: str = "da",
) -> list[dict[str, Any]]:
    """The points behind one cell, newest first, each with its quote and minutes; the theme named in
    ``lang`` (the taxonomy's English label in English)."""
    themes = [c.id for c in taxonomy().values() if row_of(c.id, level) == row] or [row]
    params = {"themes": themes, "column": column, "by": by, "as_of": as_of, "limit": limit, "lang": lang}
    return read(driver, _QUOTES, params)
