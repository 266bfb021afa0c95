"""A prebuilt question's parameters: checked against their declared type, range and choices, and
entity names resolved to ids.

Every value from the command line or the app passes here before it reaches a query, so a wrong one is
a one-line PmkgError naming the parameter, never a traceback or a silent answer to another question:
numbers must be whole and finite (``1e309``, ``2.5`` and ``true`` are refused), a parameter with a
``// choices`` line takes only what its choices query offers, and a name must really name the entity
the full-text search found (``-1`` does not name ``Board 1``).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from typing import Any

import neo4j

from pmkg.errors import PmkgError
from pmkg.graph.connection import read_tx
from pmkg.graph.questionfiles import ENTITY_LABELS, Param, Question
from pmkg.graph.schema import search
from pmkg.text import fold, words

PARAM_TIMEOUT_S = 30.0
_READS_GRAPH_RE = re.compile(r"\bMATCH\b", re.IGNORECASE)
CHOICES_LIMIT = 2000

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

ENTITY_BY_ID_CYPHER = """
MATCH (n:Person|Organization|Initiative|Meeting|Theme|Agreement|Document {id: $id})
WHERE any(label IN labels(n) WHERE label IN $labels)
RETURN n.id AS id LIMIT 1
"""


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
        value = _whole_number(param.name, raw)
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
    if isinstance(raw, Mapping | list | tuple | set):
        raise PmkgError(f"{param.name} must be text, not a {type(raw).__name__} ({raw})")
    return str(raw).strip()


def _whole_number(name: str, raw: Any) -> int:
    """``raw`` as an int: whole numbers and their text only (no bool, fraction, infinity or NaN)."""
    wrong = PmkgError(f"{name} must be a whole number, not '{raw}'")
    if isinstance(raw, bool):
        raise wrong
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        if not math.isfinite(raw) or not raw.is_integer():
            raise wrong
        return int(raw)
    text = str(raw).strip()
    if not text.lstrip("+-").isdigit() or len(text) > 18:  # no exponent, no digits past int64
        raise wrong
    return int(text)


def check_choice(driver: neo4j.Driver, param: Param, value: Any) -> Any:
    """The value as its choices query spells it (``dk`` -> ``DK``), for a parameter whose file lists
    its choices. A fixed list (a choices query that reads no graph, like ``per``'s month, quarter,
    year) is closed: another value is refused (``per=junk``). Choices read from the graph are only
    what is stored now, so another value (a country no body has yet) is asked and answers nothing."""
    if value is None or not param.choices_cypher or param.is_entity:
        return value
    offered = [c["id"] for c in choices(driver, param)]
    same = [choice for choice in offered if fold(choice) == fold(str(value))]
    if same:
        return same[0]
    if _READS_GRAPH_RE.search(param.choices_cypher):
        return value
    raise PmkgError(f"{param.name} must be one of {', '.join(offered)}, not '{value}'")


def resolve_entity(driver: neo4j.Driver, param: Param, value: str) -> str:
    """The id of the entity a value names: an id as it is, else a name found by the full-text search.

    A hit counts only if it is a match: the value has a letter, and each number in it is a word of
    the hit's name (the search matches numbers as prefixes and drops signs).
    """
    labels = list(ENTITY_LABELS[param.type])
    if _rows(driver, ENTITY_BY_ID_CYPHER, {"id": value, "labels": labels}):
        return value
    wanted = words(value)
    numbers = {w for w in wanted if w.isdigit()}
    hits = [
        hit
        for hit in search(driver, value)
        if hit["label"] in labels and numbers <= set(words(str(hit.get("name") or "")))
    ]
    if not hits or not any(not w.isdigit() for w in wanted):
        raise PmkgError(f"no {param.type} named '{value}' in the graph; check the spelling or give its id")
    best = _best_hit(hits, value)
    if best is None:
        names = "; ".join(f"{h['name']} ({h['id']})" for h in hits[:5])
        raise PmkgError(f"'{value}' could be several {param.type} entities: {names}; give the id")
    return str(best["id"])


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
        rows = _rows(driver, param.choices_cypher, {})
    elif param.is_entity:
        rows = _rows(
            driver, CHOICES_CYPHER, {"labels": list(ENTITY_LABELS[param.type]), "limit": CHOICES_LIMIT}
        )
    else:
        return []
    return [{"id": str(row["id"]), "name": str(row["name"])} for row in rows if row["id"] is not None]


def _rows(driver: neo4j.Driver, cypher: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
    """A read with the questions' time limit; a server error is a one-line PmkgError."""
    try:
        return read_tx(driver, lambda tx: tx.run(cypher, dict(params)).data(), timeout=PARAM_TIMEOUT_S)
    except neo4j.exceptions.Neo4jError as exc:
        message = (exc.message or str(exc)).splitlines()[0]
        raise PmkgError(f"the query failed: {message}") from exc
