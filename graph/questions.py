"""Prebuilt questions: the query files in ``queries/``, their parameters and how to answer them.

The command line and the app both go through this module, so a question is defined once, in its
file (read by ``graph.questionfiles``; its parameters are checked and resolved by ``graph.params``;
this module re-exports the names of both; the header grammar is documented in ``queries/README.md``).
Answers are a table (a pandas DataFrame) plus, when the query returns nodes, relationships or paths,
a graph for drawing.
"""

from __future__ import annotations

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
from pmkg.graph.params import bind_params, check_choice, choices, coerce, resolve_entity
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
from pmkg.model.graph import HIDDEN_PROPERTIES

QUERY_TIMEOUT_S = 30.0
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
    "bind_params",
    "choices",
    "coerce",
    "load_questions",
    "parse_question",
    "resolve_entity",
]

# Questions run with their expressions compiled when they are planned. By default Neo4j interprets them
# and recompiles a query on its tenth run (a 50 to 100 ms pause then); compiled, rows are also cheaper
# (BENCHMARKS.md). A query option, so the question files stay plain Cypher.
COMPILED = "CYPHER expressionEngine=compiled\n"


@dataclass
class Answer:
    """What a question returns: a table, and a graph when the result holds nodes or paths."""

    question: Question
    params: dict[str, Any]
    frame: pd.DataFrame
    graph: dict[str, list[dict[str, Any]]] | None = None


def is_id_column(name: object) -> bool:
    """Columns of internal ids (``id``, ``person_id``): kept in downloads (they link to the RDF), hidden
    on screen."""
    return str(name) == "id" or str(name).endswith("_id")


# --- running ---------------------------------------------------------------------------------------


def run_question(driver: neo4j.Driver, question: Question, params: Mapping[str, Any] | None = None) -> Answer:
    """Answer a question: bind and resolve its parameters, run its query or analytic."""
    values = bind_params(question, params or {})
    for param in question.params:
        values[param.name] = check_choice(driver, param, values[param.name])
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


def tabulate(
    records: list[neo4j.Record], keys: list[str] | None = None
) -> tuple[pd.DataFrame, dict[str, list[dict[str, Any]]] | None]:
    """A DataFrame of the records (nodes by name, paths as text) and the graph they contain, if any."""
    collector = GraphCollector()
    rows = []
    for record in records:
        collector.route = record.get("route") if isinstance(record.get("route"), int) else None
        rows.append({key: collector.cell(value) for key, value in record.items()})
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
        # The number of the route (a row's ``route`` column) being read: each edge lists the routes it is
        # on, so a drawing keeps the routes of a shortest connection apart.
        self.route: int | None = None

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
        edge = self.edges[rel.element_id]
        if self.route is not None and self.route not in edge.setdefault("routes", []):
            edge["routes"].append(self.route)
        return edge

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
