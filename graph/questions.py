"""Prebuilt questions: the query files in ``queries/``, their parameters and how to answer them.

The command line and the app both go through this module, so a question is defined once, in its
file (read by ``graph.questionfiles``, whose names this module re-exports; the header grammar is
documented in ``queries/README.md``). Answers are a table (a pandas
DataFrame) plus, when the query returns nodes, relationships or paths, a graph for drawing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import neo4j
import pandas as pd
from neo4j.graph import Node, Relationship
from neo4j.graph import Path as GraphPath

from pmkg.errors import PmkgError
from pmkg.graph.analytics import ANALYTICS
from pmkg.graph.connection import read_tx
from pmkg.graph.questionfiles import (
    ENTITY_LABELS,
    LANGUAGES,
    PARAM_TYPES,
    QUERIES_DIR,
    RESULT_KINDS,
    SCALAR_TYPES,
    Param,
    Question,
    load_questions,
    parse_question,
)
from pmkg.graph.schema import search
from pmkg.model.graph import HIDDEN_PROPERTIES
from pmkg.text import fold

QUERY_TIMEOUT_S = 30.0
CHOICES_LIMIT = 2000
# Properties the graph view does not show: the model's plumbing, and a relationship's ends (the edge itself).
SHOWN_NOT = HIDDEN_PROPERTIES | {"from", "to"}
__all__ = [  # the question files' names, read in graph.questionfiles and imported from here
    "ENTITY_LABELS",
    "LANGUAGES",
    "PARAM_TYPES",
    "QUERIES_DIR",
    "RESULT_KINDS",
    "SCALAR_TYPES",
    "Answer",
    "Param",
    "Question",
    "load_questions",
    "parse_question",
]

# The label disjunction names every label an entity parameter may take (SEARCHABLE_LABELS): the planner
# turns it into label scans and, with an id, into unique-index seeks instead of a scan of every node.
CHOICES_CYPHER = """
MATCH (n:Person|Organization|Initiative|Meeting|Theme|Agreement|Document)
WHERE any(label IN labels(n) WHERE label IN $labels)
RETURN n.id AS id,
       n.name + CASE WHEN n.date IS NULL OR NOT n:Meeting THEN '' ELSE ' (' + n.date + ')' END AS name
ORDER BY toLower(name), id
LIMIT $limit
"""
# Questions run with their expressions compiled when they are planned. By default Neo4j interprets them
# and recompiles a query on its tenth run (a 50 to 100 ms pause then); compiled, rows are also cheaper
# (BENCHMARKS.md). A query option, so the question files stay plain Cypher.
COMPILED = "CYPHER expressionEngine=compiled\n"

ENTITY_BY_ID_CYPHER = """
MATCH (n:Person|Organization|Initiative|Meeting|Theme|Agreement|Document {id: $id})
WHERE any(label IN labels(n) WHERE label IN $labels)
RETURN n.id AS id LIMIT 1
"""


@dataclass
class Answer:
    """What a question returns: a table, and a graph when the result holds nodes or paths."""

    question: Question
    params: dict[str, Any]
    frame: pd.DataFrame
    graph: dict[str, list[dict[str, Any]]] | None = None


# --- parameters ----------------------------------------------------------------------------------


def bind_params(question: Question, given: Mapping[str, Any]) -> dict[str, Any]:
    """Check names, fill defaults and coerce values to their types (entities are resolved later)."""
    for name in given:
        question.param(name)  # raises for an unknown name
    values: dict[str, Any] = {}
    for param in question.params:
        raw = given.get(param.name)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            raw = param.default
        if raw is None:
            if param.required:
                raise PmkgError(
                    f"missing {param.name} for question {question.name}: give --param {param.name}=..."
                )
            values[param.name] = None
            continue
        values[param.name] = coerce(param, raw)
    return values


def coerce(param: Param, raw: Any) -> Any:
    """One value in the form the query expects; a wrong value is a one-line PmkgError."""
    if param.type == "int":
        try:
            value = int(raw)
        except (TypeError, ValueError) as exc:
            raise PmkgError(f"{param.name} must be a whole number, not '{raw}'") from exc
        if param.minimum is not None and value < param.minimum:
            raise PmkgError(f"{param.name} must be at least {param.minimum}, not {value}")
        if param.maximum is not None and value > param.maximum:
            raise PmkgError(f"{param.name} must be at most {param.maximum}, not {value}")
        return value
    if param.type == "date":
        if isinstance(raw, dt.date):
            return raw.isoformat()
        if str(raw).strip().lower() == "today":
            return dt.date.today().isoformat()
        try:
            return dt.date.fromisoformat(str(raw).strip()).isoformat()
        except ValueError as exc:
            raise PmkgError(f"{param.name} must be a date YYYY-MM-DD (or 'today'), not '{raw}'") from exc
    return str(raw).strip()


def resolve_entity(driver: neo4j.Driver, param: Param, value: str) -> str:
    """The id of the entity a value names: an id as it is, else a name found by the full-text search."""
    labels = list(ENTITY_LABELS[param.type])
    if _read(driver, ENTITY_BY_ID_CYPHER, {"id": value, "labels": labels}):
        return value
    hits = [hit for hit in search(driver, value) if hit["label"] in labels]
    if not hits:
        raise PmkgError(f"no {param.type} named '{value}' in the graph; check the spelling or give its id")
    best = _best_hit(hits, value)
    if best is None:
        names = "; ".join(f"{h['name']} ({h['id']})" for h in hits[:5])
        raise PmkgError(f"'{value}' could be several {param.type} entities: {names}; give the id")
    return best["id"]


def _best_hit(hits: list[Mapping[str, Any]], value: str) -> Mapping[str, Any] | None:
    """A single hit, the only exact name, or a hit scoring clearly above the next; else None."""
    if len(hits) == 1:
        return hits[0]
    wanted = fold(value)
    exact = [h for h in hits if fold(h.get("name", "")) == wanted]
    if len(exact) == 1:
        return exact[0]
    scores = sorted((float(h.get("score") or 0.0) for h in hits), reverse=True)
    if not exact and scores[0] > 0 and scores[0] >= 1.5 * scores[1]:
        return max(hits, key=lambda h: float(h.get("score") or 0.0))
    return None


def choices(driver: neo4j.Driver, param: Param) -> list[dict[str, str]]:
    """What a picker offers for a parameter: ``[{id, name}]``; empty for free text, dates and numbers."""
    if param.choices_cypher:
        rows = _read(driver, param.choices_cypher, {})
    elif param.is_entity:
        rows = _read(
            driver, CHOICES_CYPHER, {"labels": list(ENTITY_LABELS[param.type]), "limit": CHOICES_LIMIT}
        )
    else:
        return []
    return [{"id": str(row["id"]), "name": str(row["name"])} for row in rows if row["id"] is not None]


# --- running ---------------------------------------------------------------------------------------


def run_question(driver: neo4j.Driver, question: Question, params: Mapping[str, Any] | None = None) -> Answer:
    """Answer a question: bind and resolve its parameters, run its query or analytic."""
    values = bind_params(question, params or {})
    for param in question.params:
        if param.is_entity and values[param.name] is not None:
            values[param.name] = resolve_entity(driver, param, values[param.name])
    if question.analytic:
        frame, graph = ANALYTICS[question.analytic](driver, values)
        return Answer(question, values, frame, graph)
    keys, records = _read_records(driver, COMPILED + question.cypher, values)
    frame, graph = tabulate(records, keys)
    return Answer(question, values, unpack_rows(frame, question.packed), graph)


def _read_records(
    driver: neo4j.Driver, cypher: str, params: Mapping[str, Any]
) -> tuple[list[str], list[neo4j.Record]]:
    """Run one query in a read transaction (the server refuses writes) with a time limit."""

    def work(tx: neo4j.ManagedTransaction) -> tuple[list[str], list[neo4j.Record]]:
        result = tx.run(cypher, dict(params))
        records = list(result)
        return list(result.keys()), records

    try:
        return read_tx(driver, work, timeout=QUERY_TIMEOUT_S)
    except neo4j.exceptions.Neo4jError as exc:
        message = (exc.message or str(exc)).splitlines()[0]
        raise PmkgError(f"the query failed: {message}") from exc


def _read(driver: neo4j.Driver, cypher: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
    return [record.data() for record in _read_records(driver, cypher, params)[1]]


def tabulate(
    records: list[neo4j.Record], keys: list[str] | None = None
) -> tuple[pd.DataFrame, dict[str, list[dict[str, Any]]] | None]:
    """A DataFrame of the records (nodes by name, paths as text) and the graph they contain, if any."""
    collector = GraphCollector()
    rows = [{key: collector.cell(value) for key, value in record.items()} for record in records]
    columns = keys if keys is not None else (list(records[0].keys()) if records else None)
    frame = pd.DataFrame(rows, columns=columns)
    return frame, collector.graph()


def unpack_rows(frame: pd.DataFrame, packed: tuple[str, ...]) -> pd.DataFrame:
    """One row per element of the ``packed`` list columns, ordered by the first of them (stable).

    Long answers (a chart's points) come one row per series with their values as lists: the driver
    spends about 15 µs on each row it receives, so 1,800 rows cost 30 ms and 15 rows of lists 3 ms.
    """
    if not packed or frame.empty:
        return frame
    try:
        rows = frame.explode(list(packed), ignore_index=True)
    except (KeyError, ValueError) as exc:
        problem = f"packed columns {', '.join(packed)} are not lists of one length per row"
        raise PmkgError(f"{problem} ({exc})") from exc
    rows = rows.dropna(subset=list(packed)).infer_objects()
    return rows.sort_values(packed[0], kind="stable", ignore_index=True)


class GraphCollector:
    """Gathers the nodes and relationships found in query values into the app's graph dict."""

    def __init__(self) -> None:
        self.nodes: dict[str, dict[str, Any]] = {}
        self.edges: dict[str, dict[str, Any]] = {}

    def cell(self, value: Any) -> Any:
        """The table cell for a value, collecting any graph elements it holds."""
        if isinstance(value, Node):
            return self.add_node(value)["name"]
        if isinstance(value, Relationship):
            self.add_relationship(value)
            return value.type
        if isinstance(value, GraphPath):
            return self.add_path(value)
        if isinstance(value, list):
            return [self.cell(item) for item in value]
        if isinstance(value, dict):
            return {key: self.cell(item) for key, item in value.items()}
        return value

    def add_node(self, node: Node) -> dict[str, Any]:
        key = node.get("id") or node.element_id
        if key not in self.nodes:
            props = {k: v for k, v in dict(node).items() if k not in SHOWN_NOT}
            label = sorted(node.labels)[0] if node.labels else ""
            self.nodes[key] = {**props, "id": key, "label": label, "name": node.get("name") or key}
        return self.nodes[key]

    def add_relationship(self, rel: Relationship) -> dict[str, Any]:
        if rel.element_id not in self.edges:
            assert rel.start_node is not None and rel.end_node is not None
            source = self.add_node(rel.start_node)["id"]
            target = self.add_node(rel.end_node)["id"]
            self.edges[rel.element_id] = {
                **{k: v for k, v in dict(rel).items() if k not in SHOWN_NOT},
                "id": rel.element_id,
                "source": source,
                "target": target,
                "type": rel.type,
            }
        return self.edges[rel.element_id]

    def add_path(self, path: GraphPath) -> str:
        """Collect a path and describe it as 'A -[TYPE]-> B <-[TYPE]- C'."""
        nodes = path.nodes
        text = self.add_node(nodes[0])["name"]
        for before, rel, after in zip(nodes, path.relationships, nodes[1:], strict=False):
            self.add_relationship(rel)
            forward = rel.start_node is not None and rel.start_node.element_id == before.element_id
            arrow = f" -[{rel.type}]-> " if forward else f" <-[{rel.type}]- "
            text += arrow + self.add_node(after)["name"]
        return text

    def graph(self) -> dict[str, list[dict[str, Any]]] | None:
        if not self.nodes:
            return None
        return {"nodes": list(self.nodes.values()), "edges": list(self.edges.values())}
