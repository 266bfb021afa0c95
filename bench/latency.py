"""Latency of the prebuilt questions, as the app asks them, with parameters drawn at random.

Two ways of asking each question. ``filled``: the required parameters and at least one of the optional
ones (each with probability 1/2) get a value drawn from the graph (an entity of the right label, a
meeting date, one of the offered choices; numbers keep their default), as a user who picks a name
does. ``unfiltered``: only the required parameters, so a question whose filters are all optional
returns everything up to its LIMIT (the browsing case).

Each question is first asked ``WARM_UP`` times, untimed (the JVM compiles the code paths a query
takes on its first runs, and the first runs after a load read pages from disk), then timed. Neo4j
also plans a query once per key of its plan cache: the query text, which parameters are null, and the
size of each string or list parameter rounded up to a power of ten (``SizeBucket`` in Neo4j's planner:
``org:sdu`` and ``person:anne-andersen`` are two plans). The first run of each key pays the planning
(0.1 to 0.6 s here) and later ones do not, so a key first met in the timed runs is left out too. The
slowest of the runs left out is reported as ``first``, as a cold start is.
"""

from __future__ import annotations

import math
import random
import statistics
import time
from collections.abc import Mapping
from typing import Any

import neo4j

from pmkg.errors import PmkgError
from pmkg.graph.connection import read
from pmkg.graph.questions import ENTITY_LABELS, Param, Question, choices, run_question
from pmkg.graph.schema import labelled

WARM_UP = 10  # untimed runs of each question before its timed runs

_IDS = "MATCH (n:{label}) RETURN n.id AS id ORDER BY id"
_DATES = "MATCH (m:Meeting) WHERE m.date IS NOT NULL RETURN DISTINCT m.date AS date ORDER BY date"


def pools(driver: neo4j.Driver) -> dict[str, list[str]]:
    """Every value a parameter can be drawn from: entity ids per parameter type, and meeting dates."""
    ids = {label: [r["id"] for r in read(driver, labelled(_IDS, label=label))] for label in _labels()}
    out = {kind: [i for label in labels for i in ids[label]] for kind, labels in ENTITY_LABELS.items()}
    out["date"] = [r["date"] for r in read(driver, _DATES)]
    return out


def _labels() -> set[str]:
    return {label for labels in ENTITY_LABELS.values() for label in labels}


def draw(
    driver: neo4j.Driver,
    question: Question,
    pool: Mapping[str, list[str]],
    rng: random.Random,
    filled: bool,
) -> dict[str, Any]:
    """Parameters for one run of a question (see the module docstring)."""
    drawable = [p for p in question.params if p.type != "int" and _values(driver, p, pool)]
    optional = [p for p in drawable if not p.required]
    chosen = {p.name for p in optional if filled and rng.random() < 0.5}
    if filled and optional and not chosen:
        chosen.add(rng.choice(optional).name)
    return {p.name: rng.choice(_values(driver, p, pool)) for p in drawable if p.required or p.name in chosen}


def _values(driver: neo4j.Driver, param: Param, pool: Mapping[str, list[str]]) -> list[str]:
    if param.choices_cypher:
        return [c["id"] for c in choices(driver, param)]
    if param.is_entity:
        return pool[param.type]
    if param.type == "date":
        return pool["date"]
    return []


def plan_key(params: Mapping[str, Any]) -> frozenset[tuple[str, str | int]]:
    """What Neo4j's plan cache tells these parameters apart by: their names (the others are null), the
    type of each value, and for strings and lists their size rounded up to a power of ten (exact for
    0 and 1)."""
    return frozenset((name, _size_bucket(value)) for name, value in params.items())


def _size_bucket(value: Any) -> str | int:
    if not isinstance(value, str | list):
        return type(value).__name__
    size = len(value)
    return size if size <= 1 else 10 ** math.ceil(math.log10(size))


def p95(samples: list[float]) -> float:
    """The 95th percentile (inclusive method: within the observed range)."""
    return statistics.quantiles(samples, n=20, method="inclusive")[-1]


def latencies(
    driver: neo4j.Driver,
    questions: Mapping[str, Question],
    rng: random.Random,
    runs: int,
    filled: bool = True,
) -> dict[str, dict[str, float]]:
    """Per question: p95, median and the first (cold) run, in ms, over ``runs`` runs after the first."""
    pool = pools(driver)
    result = {}
    for name, question in sorted(questions.items()):
        samples: list[float] = []
        firsts: list[float] = []
        shapes: set[frozenset[tuple[str, str | int]]] = set()
        for attempt in range(WARM_UP + runs * 3):
            params = draw(driver, question, pool, rng, filled)
            start = time.perf_counter()
            try:
                run_question(driver, question, params)
            except PmkgError:  # a drawn entity the question refuses
                continue
            elapsed = (time.perf_counter() - start) * 1000
            shape = plan_key(params)
            if attempt < WARM_UP or shape not in shapes:  # warming up, or planned now (module docstring)
                shapes.add(shape)
                firsts.append(elapsed)
                continue
            samples.append(elapsed)
            if len(samples) == runs:
                break
        result[name] = {
            "p95": round(p95(samples), 1),
            "median": round(statistics.median(samples), 1),
            "first": round(max(firsts, default=0.0), 1),
            "shapes": len(shapes),
        }
    return result
