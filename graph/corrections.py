"""Corrections in Neo4j: kept as ``:Correction`` nodes apart from the extracted facts, and replayed.

A ``:Correction`` node is linked to nothing and has a label outside the model's whitelist, so reading
the graph (``store.read_rows``, the questions, RDF) never sees it and removing a document never
touches it. :func:`replay` applies every active correction in order (``at``, then ``id``) inside the
caller's transaction: the store calls it in the same transaction as each load, replace and removal,
so the graph is never stored uncorrected, and a failure leaves it as it was. Each correction's
``status`` (``applied`` or ``orphaned``) is kept up to date on its node for ``pmkg corrections list``.

Making a correction (:func:`record`: applied, then the corrections of its nodes replayed in order, so
a decision committed after a later one cannot override it), importing a file (:func:`import_lines`)
and undoing one (:func:`undo`) are each one transaction; ``dry_run=True`` runs the same transaction
and rolls it back, so what it reports is exactly what would change.
"""

from __future__ import annotations

import contextlib
import json
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import neo4j

from pmkg.graph import curation, netrefresh
from pmkg.graph.connection import read_tx, write, write_tx
from pmkg.graph.curation import Outcome
from pmkg.graph.schema import labelled
from pmkg.model.correction import Correction, CorrectionError, now
from pmkg.model.graph import LABELS

T = TypeVar("T")

_CONSTRAINT = "CREATE CONSTRAINT Correction_id IF NOT EXISTS FOR (c:Correction) REQUIRE c.id IS UNIQUE"
_ALL = """
MATCH (c:Correction)
RETURN c.id AS id, c.kind AS kind, c.targets AS targets, c.payload AS payload, c.author AS author,
       c.at AS at, c.reason AS reason, c.undone_at AS undone_at, c.undone_by AS undone_by, c.status AS status
ORDER BY c.at, c.id
"""
_SAVE = """
UNWIND $rows AS row
MERGE (c:Correction {id: row.id})
ON CREATE SET c += row
SET c.undone_at = coalesce(c.undone_at, row.undone_at), c.undone_by = coalesce(c.undone_by, row.undone_by)
"""
_STATUS = """
UNWIND $rows AS row
MATCH (c:Correction {id: row.id}) WHERE c.status IS NULL OR c.status <> row.status
SET c.status = row.status
"""
_UNDONE = "MATCH (c:Correction {id: $id}) SET c.undone_at = $at, c.undone_by = $by, c.status = 'undone'"
_NOT_SAME = """
MATCH (c:Correction {kind: 'not_same'}) WHERE c.undone_at IS NULL RETURN c.targets AS targets
"""
_ORPHANED = """
MATCH (c:Correction {status: 'orphaned'}) WHERE c.undone_at IS NULL RETURN c.id AS id ORDER BY c.at, c.id
"""

_FIND = "MATCH (n:{label}) WHERE n.id IN $ids RETURN n.id AS id, n.name AS name"

_SCHEMA_READY: weakref.WeakSet[neo4j.Driver] = weakref.WeakSet()


@dataclass
class Replay:
    """What a replay did: the outcome of every active correction, in the order applied."""

    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def orphaned(self) -> list[str]:
        return [o.correction for o in self.outcomes if o.orphaned]

    @property
    def changes(self) -> list[str]:
        return [line for o in self.outcomes for line in o.changes]


@dataclass(frozen=True)
class Stored:
    """A correction as kept in Neo4j, with its current status (``applied``, ``orphaned``, ``undone``)."""

    correction: Correction
    status: str | None


class _Rollback(Exception):
    """Raised inside a transaction to roll it back (a dry run)."""


def ensure_schema(driver: neo4j.Driver) -> None:
    """The uniqueness constraint on correction ids (once per driver)."""
    if driver not in _SCHEMA_READY:
        write(driver, _CONSTRAINT)
        _SCHEMA_READY.add(driver)


def _to_row(c: Correction) -> dict[str, Any]:
    """A correction as node properties (Neo4j keeps no maps: the payload is JSON text)."""
    return {
        "id": c.id,
        "kind": c.kind,
        "targets": c.targets,
        "payload": json.dumps(c.payload, ensure_ascii=False, sort_keys=True),
        "author": c.author,
        "at": c.at,
        "reason": c.reason,
        "undone_at": c.undone_at,
        "undone_by": c.undone_by,
    }


def _from_row(row: dict[str, Any]) -> Correction:
    return Correction(
        id=row["id"],
        kind=row["kind"],
        targets=list(row["targets"]),
        payload=json.loads(row["payload"] or "{}"),
        author=row["author"],
        at=row["at"],
        reason=row["reason"] or "",
        undone_at=row["undone_at"],
        undone_by=row["undone_by"],
    )


def stored(tx: neo4j.ManagedTransaction) -> list[Stored]:
    """Every stored correction, active or undone, in replay order."""
    return [Stored(_from_row(row), row["status"]) for row in tx.run(_ALL)]


def _nodes_of(c: Correction) -> set[str]:
    """The nodes a correction reads or writes: its targets, and the node a split makes."""
    return {*c.targets, *([c.payload["into"]] if c.kind == "split" else [])}


def replay(tx: neo4j.ManagedTransaction, touched: set[str] | None = None) -> Replay:
    """Apply the active corrections in order, in ``tx``; records each one's status on its node.

    With ``touched`` (the nodes a load or removal wrote), only the corrections of those nodes are
    applied: the others' nodes are as the last replay left them, and every kind is idempotent. A
    correction that changes something adds its nodes to ``touched``, so a later one on them (a rejected
    role of the node a merge just moved facts onto) is applied too, as a full replay would.
    """
    report = Replay()
    for item in stored(tx):
        c = item.correction
        if c.undone_at is not None or (touched is not None and not _nodes_of(c) & touched):
            continue
        outcome = curation.apply(tx, c)
        report.outcomes.append(outcome)
        if touched is not None and outcome.changes:
            touched |= _nodes_of(c)
    rows = [{"id": o.correction, "status": "orphaned" if o.orphaned else "applied"} for o in report.outcomes]
    if rows:
        tx.run(_STATUS, rows=rows).consume()
    return report


def _run(driver: neo4j.Driver, work: Callable[[neo4j.ManagedTransaction], T], dry_run: bool) -> T:
    """``work`` in one write transaction, rolled back after it ran when ``dry_run``; a committed one then
    keeps the analytics' network and measures for the corrected graph (``graph.netrefresh``)."""
    ensure_schema(driver)
    if not dry_run:
        done = write_tx(driver, work)
        netrefresh.after_write(driver)
        return done
    box: list[T] = []

    def trial(tx: neo4j.ManagedTransaction) -> T:
        box.append(work(tx))
        raise _Rollback

    with contextlib.suppress(_Rollback):
        write_tx(driver, trial)
    return box[0]


def record(driver: neo4j.Driver, c: Correction, *, dry_run: bool = False) -> Outcome:
    """Store a new correction and apply it, in one transaction; an orphaned one is refused."""

    def work(tx: neo4j.ManagedTransaction) -> Outcome:
        outcome = curation.apply(tx, c)
        if outcome.orphaned:
            raise CorrectionError(f"{c.kind}: not in the graph: {', '.join(outcome.missing)}")
        if not outcome.changes and c.kind != "not_same":
            raise CorrectionError(f"{c.kind}: the graph already shows this; nothing to correct")
        tx.run(_SAVE, rows=[_to_row(c)]).consume()
        tx.run(_STATUS, rows=[{"id": c.id, "status": "applied"}]).consume()
        # A correction made before one already stored (a slower session's) must not override it: the
        # corrections of its nodes are replayed in their order, so the graph is what every later replay
        # gives. Two sessions writing one node wait for each other's lock (read committed), so the second
        # replays the first's correction too.
        replay(tx, _nodes_of(c))
        return outcome

    return _run(driver, work, dry_run)


def import_lines(
    driver: neo4j.Driver, records: list[Correction], *, dry_run: bool = False
) -> tuple[int, Replay]:
    """Store the corrections not yet stored (by id) and replay all, in one transaction.

    Returns how many were new and the replay. Importing the same file again adds none and changes nothing.
    """

    def work(tx: neo4j.ManagedTransaction) -> tuple[int, Replay]:
        known = {item.correction.id for item in stored(tx)}
        new = [c for c in records if c.id not in known]
        tx.run(_SAVE, rows=[_to_row(c) for c in records]).consume()
        return len({c.id for c in new}), replay(tx)

    return _run(driver, work, dry_run)


def export_lines(driver: neo4j.Driver) -> list[Correction]:
    """Every stored correction (undone ones too, marked), in replay order."""
    return [item.correction for item in read_tx(driver, stored)]


def listing(driver: neo4j.Driver) -> list[Stored]:
    """Every stored correction with its status, in replay order (for ``pmkg corrections list``)."""
    return read_tx(driver, stored)


def history(driver: neo4j.Driver) -> list[tuple[Correction, str | None]]:
    """Every stored correction and its status, in replay order (for the RDF export's PROV activities)."""
    return [(item.correction, item.status) for item in listing(driver)]


def undo(driver: neo4j.Driver, correction_id: str, by: str, *, dry_run: bool = False) -> list[str]:
    """Reverse one correction's effect and mark it undone (kept, with who undid it and when)."""

    def work(tx: neo4j.ManagedTransaction) -> list[str]:
        found = {item.correction.id: item.correction for item in stored(tx)}
        c = found.get(correction_id)
        if c is None:
            raise CorrectionError(f"no correction {correction_id!r}: see `pmkg corrections list`")
        if c.undone_at:
            raise CorrectionError(f"{correction_id} was undone already ({c.undone_at} by {c.undone_by})")
        changes = curation.undo(tx, c)
        tx.run(_UNDONE, id=c.id, at=now(), by=by).consume()
        return changes

    return _run(driver, work, dry_run)


def not_same_pairs(tx: neo4j.ManagedTransaction) -> set[frozenset[str]]:
    """The pairs staff said are not the same (``graph.identity`` never proposes them)."""
    return {frozenset(row["targets"]) for row in tx.run(_NOT_SAME)}


def orphaned(driver: neo4j.Driver) -> list[str]:
    """Ids of the active corrections whose targets the last replay did not find."""
    return [row["id"] for row in read_tx(driver, lambda tx: tx.run(_ORPHANED).data())]


def find_nodes(driver: neo4j.Driver, ids: list[str]) -> dict[str, tuple[str, str]]:
    """The label and name of each of these node ids that is in the graph (to build a correction)."""

    def work(tx: neo4j.ManagedTransaction) -> dict[str, tuple[str, str]]:
        found: dict[str, tuple[str, str]] = {}
        for label in LABELS:
            for row in tx.run(labelled(_FIND, label=label), ids=ids):
                found[row["id"]] = (label, row["name"])
        return found

    return read_tx(driver, work)
