"""Prebuilt questions: the query files in ``queries/``, their parameters and how to answer them.

The command line and the app both go through this module, so a question is defined once, in its
file (the header grammar is documented in ``queries/README.md``). Answers are a table (a pandas
DataFrame) plus, when the query returns nodes, relationships or paths, a graph for drawing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from importlib.resources import files
from pathlib import Path
from typing import Any

import neo4j
import pandas as pd
from neo4j.graph import Node, Relationship
from neo4j.graph import Path as GraphPath

from pmkg.errors import PmkgError
from pmkg.graph.analytics import ANALYTICS
from pmkg.graph.connection import read_tx
from pmkg.graph.schema import search
from pmkg.model.graph import HIDDEN_PROPERTIES, SEARCHABLE_LABELS
from pmkg.text import fold

QUERIES_DIR = Path(str(files("pmkg.queries")))
LANGUAGES = ("da", "en")
RESULT_KINDS = ("table", "graph", "chart")

# Parameter types that name a node, and the labels such a node may carry.
ENTITY_LABELS: dict[str, tuple[str, ...]] = {
    "person": ("Person",),
    "organization": ("Organization",),
    "initiative": ("Initiative",),
    "meeting": ("Meeting",),
    "theme": ("Theme",),
    "agreement": ("Agreement",),
    "document": ("Document",),
    "entity": SEARCHABLE_LABELS,
}
SCALAR_TYPES = ("text", "date", "int")
PARAM_TYPES = (*ENTITY_LABELS, *SCALAR_TYPES)

QUERY_TIMEOUT_S = 30.0
CHOICES_LIMIT = 2000
# Properties the graph view does not show: the model's plumbing, and a relationship's ends (the edge itself).
SHOWN_NOT = HIDDEN_PROPERTIES | {"from", "to"}

_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_HEADER_KEYS = "title|description|param|choices|result|analytic|packed"
_HEADER_RE = re.compile(rf"^//\s*({_HEADER_KEYS})\b\s*(\w*)\s*:\s*(.*)$")
_CYPHER_PARAM_RE = re.compile(r"\$(\w+)")

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


@dataclass(frozen=True)
class Param:
    """One parameter of a question, as declared in its header."""

    name: str
    type: str
    optional: bool = False
    default: str | None = None
    minimum: int | None = None
    maximum: int | None = None
    labels: Mapping[str, str] = field(default_factory=dict)  # {"da": ..., "en": ...}
    choices_cypher: str | None = None

    @property
    def required(self) -> bool:
        return not self.optional and self.default is None

    @property
    def is_entity(self) -> bool:
        return self.type in ENTITY_LABELS

    def label(self, lang: str = "da") -> str:
        return self.labels.get(lang) or self.labels.get("da") or self.name


@dataclass(frozen=True)
class Question:
    """A prebuilt question read from ``queries/NAME.cypher``."""

    name: str
    titles: Mapping[str, str]
    descriptions: Mapping[str, str]
    params: tuple[Param, ...]
    result: str  # table | graph | chart
    chart: tuple[str, ...] = ()  # (x, y[, series]) for chart results
    cypher: str = ""
    analytic: str | None = None
    packed: tuple[str, ...] = ()  # columns returned as lists, one row per series (unpack_rows)

    def title(self, lang: str = "da") -> str:
        return self.titles.get(lang) or self.titles["da"]

    def description(self, lang: str = "da") -> str:
        return self.descriptions.get(lang) or self.descriptions["da"]

    def param(self, name: str) -> Param:
        for param in self.params:
            if param.name == name:
                return param
        raise PmkgError(
            f"unknown parameter '{name}' for question {self.name}; it takes: {self.param_names()}"
        )

    def param_names(self) -> str:
        return ", ".join(p.name for p in self.params) or "no parameters"


@dataclass
class Answer:
    """What a question returns: a table, and a graph when the result holds nodes or paths."""

    question: Question
    params: dict[str, Any]
    frame: pd.DataFrame
    graph: dict[str, list[dict[str, Any]]] | None = None


# --- reading the query files -------------------------------------------------------------------


def load_questions(folder: str | Path = QUERIES_DIR) -> dict[str, Question]:
    """Every ``*.cypher`` file in ``folder`` as a Question, by name; a malformed file is an error."""
    folder = Path(folder)
    if not folder.is_dir():
        raise PmkgError(f"no question folder at {folder}; it should hold the queries/*.cypher files")
    return {
        path.stem: parse_question(path.stem, path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.cypher"))
    }


def parse_question(name: str, text: str) -> Question:
    """Parse one query file (header + Cypher); raises PmkgError naming the file and the problem."""

    def fail(problem: str) -> PmkgError:
        return PmkgError(f"queries/{name}.cypher: {problem}")

    if not _NAME_RE.match(name):
        raise fail("the file name must be lower case letters, digits and _")
    fields: dict[str, str] = {}
    params: list[Param] = []
    choices: dict[str, str] = {}
    lines = text.splitlines()
    body_start = len(lines)
    for number, line in enumerate(lines):
        stripped = line.strip()
        if not stripped.startswith("//"):
            body_start = number
            break
        match = _HEADER_RE.match(stripped)
        if not match:
            continue
        key, arg, value = match.group(1), match.group(2), match.group(3).strip()
        if key == "param":
            params.append(_parse_param(arg, value, fail))
        elif key == "choices":
            choices[arg] = value
        elif arg:
            raise fail(f"'{key}' takes no name: {stripped}")
        else:
            fields[key] = value
    for key in ("title", "description", "result"):
        if key not in fields:
            raise fail(f"the header has no '// {key}:' line")
    unknown_choices = set(choices) - {p.name for p in params}
    if unknown_choices:
        raise fail(f"choices for undeclared parameter(s): {', '.join(sorted(unknown_choices))}")
    params = [replace(p, choices_cypher=choices.get(p.name)) for p in params]
    result, chart = _parse_result(fields["result"], fail)
    cypher = "\n".join(lines[body_start:]).strip()
    analytic = fields.get("analytic") or None
    if analytic is None:
        _check_cypher(cypher, params, fail)
    elif analytic not in ANALYTICS:
        raise fail(f"unknown analytic '{analytic}' (analytics: {', '.join(ANALYTICS)})")
    elif cypher:
        raise fail("an analytic question has no Cypher body")
    packed = tuple(c.strip() for c in fields.get("packed", "").split(",") if c.strip())
    if packed and analytic:
        raise fail("an analytic question has no packed columns")
    return Question(
        name=name,
        titles=_bilingual(fields["title"], "title", fail),
        descriptions=_bilingual(fields["description"], "description", fail),
        params=tuple(params),
        result=result,
        chart=chart,
        cypher=cypher,
        analytic=analytic,
        packed=packed,
    )


def _bilingual(value: str, what: str, fail: Any) -> dict[str, str]:
    parts = [part.strip() for part in value.split(" | ")]
    if len(parts) != len(LANGUAGES) or not all(parts):
        raise fail(f"the {what} must be 'Danish | English': {value}")
    return dict(zip(LANGUAGES, parts, strict=True))


def _parse_param(name: str, spec: str, fail: Any) -> Param:
    spec, _, label = spec.partition(" -- ")
    words = spec.split()
    if not name or not words:
        raise fail(f"a parameter needs a name and a type: param {name}: {spec}")
    if words[0] not in PARAM_TYPES:
        raise fail(f"parameter {name} has unknown type '{words[0]}' (types: {', '.join(PARAM_TYPES)})")
    options: dict[str, Any] = {"optional": False}
    for word in words[1:]:
        key, has_value, value = word.partition("=")
        if word == "optional":
            options["optional"] = True
        elif has_value and key == "default":
            options["default"] = value
        elif has_value and key in ("min", "max"):
            try:
                options["minimum" if key == "min" else "maximum"] = int(value)
            except ValueError as exc:
                raise fail(f"parameter {name}: {key} must be a whole number") from exc
        else:
            raise fail(f"parameter {name}: unknown option '{word}'")
    labels = _bilingual(label, f"label of parameter {name}", fail) if label else {}
    return Param(name=name, type=words[0], labels=labels, **options)


def _parse_result(value: str, fail: Any) -> tuple[str, tuple[str, ...]]:
    kind, _, columns = value.partition(":")
    kind = kind.strip()
    if kind not in RESULT_KINDS:
        raise fail(f"unknown result kind '{value}' (kinds: table, graph, chart:X,Y[,SERIES])")
    chart = tuple(c.strip() for c in columns.split(",") if c.strip())
    if kind == "chart" and len(chart) not in (2, 3):
        raise fail("a chart result names its columns: chart:X,Y[,SERIES]")
    if kind != "chart" and chart:
        raise fail(f"only chart results name columns: {value}")
    return kind, chart


def _check_cypher(cypher: str, params: list[Param], fail: Any) -> None:
    if not cypher:
        raise fail("no Cypher after the header")
    if not re.search(r"\bLIMIT\b", cypher, re.IGNORECASE):
        raise fail("the query must be bounded with LIMIT")
    used = set(_CYPHER_PARAM_RE.findall(cypher))
    declared = {p.name for p in params}
    if used - declared:
        raise fail(f"the query uses undeclared parameter(s): {', '.join(sorted(used - declared))}")
    if declared - used:
        raise fail(f"declared parameter(s) the query never uses: {', '.join(sorted(declared - used))}")


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
