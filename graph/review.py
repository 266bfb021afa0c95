"""Deciding candidate merges: the one path from a person's decision to a stored correction.

``pmkg merge`` / ``pmkg not-same`` and the app's Review page both build their correction here from
node ids (checked to be in the graph and of one kind) and record it with ``graph.corrections.record``
(one transaction: applied, stored, and replayed after every later ingest). Who decided is the caller's
business: the CLI passes the local user, the app the signed-in one after ``ui.identity.require``.

:func:`summary` is what a reviewer compares two candidates by: the documents naming each node and
the roles they are recorded in, read with the rejected facts left out (as every answer does).

:func:`resolve` records the decision on a short form extraction left open (``graph.shortforms``): the
person it means, or none of its candidates. :func:`judge` confirms or rejects a low-confidence fact
(``graph.lowconfidence``), matched as a ``reject`` matches it, so both hold for a new version.
"""

from __future__ import annotations

from dataclasses import dataclass

import neo4j

from pmkg.graph import corrections, lowconfidence, shortforms
from pmkg.graph.connection import read
from pmkg.graph.curation import Outcome
from pmkg.model.correction import Correction, CorrectionError, make

SUMMARY = """
UNWIND $ids AS id
MATCH (n {id: id})
RETURN n.id AS id,
       [(d:Document)-[m:MENTIONS WHERE m.rejected IS NULL]->(n) | [d.title, d.source, d.date]] AS documents,
       [(n)-[a:ATTENDED WHERE a.rejected IS NULL]->(:Meeting) | a.roles] AS attended_roles,
       [(n)-[h:HOLDS_ROLE WHERE h.rejected IS NULL AND h.role IS NOT NULL]->(o:Organization)
        | [h.role, o.name]] AS held
"""


@dataclass(frozen=True)
class Summary:
    """One candidate as a reviewer compares it, sorted: the documents naming it (title, file, date) and
    its roles (role code, and the organisation for a role held in one; None for a role at a meeting)."""

    id: str
    documents: tuple[tuple[str, str, str], ...]
    roles: tuple[tuple[str, str | None], ...]


def summary(driver: neo4j.Driver, ids: list[str]) -> dict[str, Summary]:
    """The documents and roles of each of these nodes that is in the graph."""
    out = {}
    for row in read(driver, SUMMARY, {"ids": ids}):
        documents = {tuple(str(v or "") for v in doc) for doc in row["documents"]}
        roles = {(role, None) for roles in row["attended_roles"] for role in roles or ()}
        roles |= {(role, organisation) for role, organisation in row["held"]}
        out[row["id"]] = Summary(
            row["id"],
            tuple(sorted(documents)),  # type: ignore[arg-type]
            tuple(sorted(roles, key=lambda r: (r[0], r[1] or ""))),
        )
    return out


def found_nodes(driver: neo4j.Driver, ids: list[str]) -> dict[str, tuple[str, str]]:
    """The label and name of each of these node ids; a missing one is a one-line error."""
    found = corrections.find_nodes(driver, ids)
    missing = [i for i in ids if i not in found]
    if missing:
        raise CorrectionError(
            f"not in the graph: {', '.join(missing)} (give node ids, e.g. person:jan-moore)"
        )
    return found


def _one_label(driver: neo4j.Driver, ids: list[str]) -> str:
    """The one label of these nodes; nodes of two kinds cannot be one entity."""
    found = found_nodes(driver, ids)
    labels = {found[i][0] for i in ids}
    if len(labels) != 1:
        kinds = ", ".join(f"{i} is {found[i][0]}" for i in ids)
        raise CorrectionError(f"only nodes of one kind can be compared: {kinds}")
    return labels.pop()


def merge(
    driver: neo4j.Driver, ids: list[str], keep: str, author: str, reason: str = "", *, dry_run: bool = False
) -> tuple[Correction, Outcome]:
    """Merge the nodes ``ids`` into ``keep`` as a correction by ``author`` (stored unless ``dry_run``)."""
    ids = list(dict.fromkeys([keep, *ids]))
    if len(ids) < 2:
        raise CorrectionError("merge needs two or more different node ids")
    c = make("merge", ids, {"keep": keep, "label": _one_label(driver, ids)}, author, reason)
    return c, corrections.record(driver, c, dry_run=dry_run)


def not_same(
    driver: neo4j.Driver, ids: list[str], author: str, reason: str = "", *, dry_run: bool = False
) -> tuple[Correction, Outcome]:
    """Record that two nodes are different entities: ``graph.identity`` never proposes the pair again."""
    ids = sorted(set(ids))
    if len(ids) != 2:
        raise CorrectionError("not-same needs two different node ids")
    c = make("not_same", ids, {"label": _one_label(driver, ids)}, author, reason)
    return c, corrections.record(driver, c, dry_run=dry_run)


def resolve(
    driver: neo4j.Driver,
    form_id: str,
    person: str | None,
    author: str,
    reason: str = "",
    *,
    dry_run: bool = False,
) -> tuple[Correction, Outcome]:
    """Record that the short form ``form_id`` means ``person`` (one of its candidates), or none of them.
    A form already decided is refused (undo that decision first), so a second session's choice never
    silently replaces the first."""
    found = shortforms.find(driver, form_id)
    if found is None:
        raise CorrectionError(f"no short form {form_id!r} in the graph (its document was removed?)")
    if found["decided"]:
        raise CorrectionError(
            f"short form {form_id} ({found['form']!r} in {found['source']}) is already decided by "
            f"{found['decided']} (pmkg corrections undo {found['decided']} to decide it again)"
        )
    if person is not None and person not in found["candidates"]:
        raise CorrectionError(f"{person} is not one of {', '.join(found['candidates'])}")
    payload = {"form": found["form"], "document": found["doc"], "source": found["source"], "person": person}
    c = make("resolve", sorted(found["candidates"]), payload, author, reason)
    return c, corrections.record(driver, c, dry_run=dry_run)


def judge(
    driver: neo4j.Driver,
    fact_id: str,
    keep: bool,
    author: str,
    reason: str = "",
    *,
    dry_run: bool = False,
) -> tuple[Correction, Outcome]:
    """Confirm (``keep``) or reject the open low-confidence fact ``fact_id`` as a correction by ``author``."""
    fact = lowconfidence.find(driver, fact_id)
    if fact is None:
        raise CorrectionError(lowconfidence.why_not_open(driver, fact_id))
    payload = {
        "type": fact.type,
        "from_label": fact.from_label,
        "to_label": fact.to_label,
        "where": fact.where,
    }
    c = make("confirm" if keep else "reject", [fact.from_id, fact.to_id], payload, author, reason)
    return c, corrections.record(driver, c, dry_run=dry_run)
