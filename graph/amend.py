"""Building ``set_type``, ``add``, ``fix``, ``reject`` and ``split`` corrections from what a person gives:
the one path of ``pmkg set-type|add|fix|reject|split`` and of the app's "correct this" controls.

Each function checks what it is given against the graph and the model before anything is written (the
nodes are in the graph, the relationship type joins their kinds, a role is one of the code list's, a
fix names facts that are there), so every mistake is one line naming what is wrong, and records the
correction with ``graph.corrections.record`` (one transaction; ``dry_run`` rolls it back). Who made it
is the caller's business: the CLI passes the local user, the app the signed-in one after
``ui.identity.require``.
"""

from __future__ import annotations

from typing import Any

import neo4j

from pmkg.graph import corrections, store
from pmkg.graph.connection import read
from pmkg.graph.curated import shown_value
from pmkg.graph.outcome import Outcome
from pmkg.graph.rdfcodec import code_list
from pmkg.graph.review import found_nodes
from pmkg.graph.schema import WHERE_VALUES, labelled
from pmkg.model.correction import RETYPABLE, Correction, CorrectionError, make, split_id
from pmkg.model.graph import RELS

_MATCHING = (
    """
MATCH (:{from_label} {id: $from})-[r:{type}]->(:{to_label} {id: $to})
WHERE r.curated IS NULL AND r.rejected IS NULL AND """
    + WHERE_VALUES
    + """
RETURN properties(r) AS props
"""
)


def pairs(items: list[str], option: str) -> dict[str, str]:
    """``["role=chair"]`` -> ``{"role": "chair"}``; a malformed item is a one-line error."""
    out = {}
    for item in items:
        prop, sep, value = item.partition("=")
        if not sep or not prop.strip() or not value.strip():
            raise CorrectionError(f"{option} {item!r}: write PROP=VALUE, e.g. role=chair")
        out[prop.strip()] = value.strip()
    return out


def typed(rtype: str, values: dict[str, Any]) -> dict[str, Any]:
    """The values as the relationship holds them: a list property's text split at commas
    (``roles=chair,member`` -> ``["chair", "member"]``), everything else as given."""
    lists = {p.name for p in RELS[rtype].props if p.kind == "string[]"} if rtype in RELS else set()
    return {
        k: [x.strip() for x in v.split(",") if x.strip()] if k in lists and isinstance(v, str) else v
        for k, v in values.items()
    }


def _check_codes(rtype: str, values: dict[str, Any]) -> None:
    """A value of a coded property (a role, each of a meeting's roles) must be one of its code list's."""
    for prop in RELS[rtype].props:
        kind, _, scheme = prop.codec.partition(":")
        if prop.name not in values or kind not in ("code", "concept"):
            continue
        codes = sorted(code_list(scheme))
        given = values[prop.name]
        for value in given if isinstance(given, list) else [given]:
            if value not in codes:
                raise CorrectionError(
                    f"{prop.name}={value!r} is not a known {prop.name}: one of {', '.join(codes)}"
                )


def _from(valid_from: str | None) -> dict[str, str]:
    """The payload's ``valid_from`` when the editor gave one (kept out otherwise, so the default follows
    the graph: ``graph.curated.valid_from``)."""
    return {"valid_from": valid_from.strip()} if valid_from and valid_from.strip() else {}


def kept_values(rtype: str, facts: list[dict[str, Any]], named: set[str]) -> dict[str, Any]:
    """The values all the revised facts share that the fix does not name (an attendance's status and
    group when only the role was wrong): the curated fact keeps them."""
    out = {}
    for prop in RELS[rtype].props:
        if prop.name in named or prop.fixed is not None or prop.kind not in ("string", "string[]"):
            continue
        seen = {
            tuple(f[prop.name]) if isinstance(f.get(prop.name), list) else f.get(prop.name) for f in facts
        }
        if len(seen) == 1 and (only := seen.pop()) not in (None, ()):
            out[prop.name] = list(only) if isinstance(only, tuple) else only
    return out


def _record(driver: neo4j.Driver, c: Correction, dry_run: bool) -> tuple[Correction, Outcome]:
    return c, corrections.record(driver, c, dry_run=dry_run)


def set_type(
    driver: neo4j.Driver, node_id: str, to: str, author: str, reason: str = "", *, dry_run: bool = False
) -> tuple[Correction, Outcome]:
    """Make ``node_id`` a node of label ``to`` (Person, Organization, Initiative), keeping its facts."""
    label = found_nodes(driver, [node_id])[node_id][0]
    if to not in RETYPABLE or label not in RETYPABLE:
        raise CorrectionError(
            f"set-type changes a {' or '.join(RETYPABLE)} into another; {node_id} is {label}"
        )
    if to == label:
        raise CorrectionError(f"{node_id} is a {label} already")
    return _record(driver, make("set_type", [node_id], {"label": label, "to": to}, author, reason), dry_run)


def _fact(
    driver: neo4j.Driver,
    kind: str,
    ids: list[str],
    rtype: str,
    payload: dict[str, Any],
    author: str,
    reason: str,
) -> Correction:
    if rtype not in RELS:
        raise CorrectionError(f"{rtype!r} is not a relationship type: one of {', '.join(RELS)}")
    found = found_nodes(driver, ids)
    payload = {"type": rtype, "from_label": found[ids[0]][0], "to_label": found[ids[1]][0], **payload}
    payload |= {key: typed(rtype, payload[key]) for key in ("props", "where") if key in payload}
    if len(ids) == 3 and found[ids[2]][0] != found[ids[1]][0]:
        raise CorrectionError(f"--to {ids[2]} is {found[ids[2]][0]}, not {found[ids[1]][0]} like {ids[1]}")
    _check_codes(rtype, payload.get("props", {}))
    return make(kind, ids, payload, author, reason)


def add(
    driver: neo4j.Driver,
    source: str,
    rtype: str,
    target: str,
    values: dict[str, Any],
    note: str,
    author: str,
    reason: str = "",
    *,
    valid_from: str | None = None,
    dry_run: bool = False,
) -> tuple[Correction, Outcome]:
    """Add the fact ``source -rtype-> target`` with ``values`` (``{"role": "member"}``), known from
    ``note``, holding from ``valid_from`` (default: today) for questions asked as of a date."""
    payload = {"props": values, "note": note.strip(), **_from(valid_from)}
    return _record(driver, _fact(driver, "add", [source, target], rtype, payload, author, reason), dry_run)


def fix(
    driver: neo4j.Driver,
    source: str,
    rtype: str,
    target: str,
    where: dict[str, Any],
    values: dict[str, Any],
    note: str,
    author: str,
    reason: str = "",
    *,
    into: str | None = None,
    valid_from: str | None = None,
    dry_run: bool = False,
) -> tuple[Correction, Outcome]:
    """Revise the extracted facts ``source -rtype {where}-> target`` into one with ``values`` (and the
    other end ``into``, when the organisation was wrong), known from ``note``, holding from
    ``valid_from`` (default: the first date of the documents it revises, whose minutes it corrects).
    A list property's value may be given as text with commas (``roles=chair,member``). The values the
    revised facts share and the fix does not name are kept (a role at one meeting fixed, the
    attendance's status stays)."""
    into = None if into == target else into
    if not values and not into:
        raise CorrectionError("fix: say what is right: --set PROP=VALUE (role=vice_chair) or --to ID")
    ids = [source, target, *([into] if into else [])]
    payload: dict[str, Any] = {"where": where, "props": values, "note": note.strip(), **_from(valid_from)}
    if into:
        payload["into"] = into
    c = _fact(driver, "fix", ids, rtype, payload, author, reason)
    params = {"from": source, "to": target, "where": c.payload["where"]}
    names = {"type": rtype, "from_label": c.payload["from_label"], "to_label": c.payload["to_label"]}
    facts = [row["props"] for row in read(driver, labelled(_MATCHING, **names), params)]
    if not facts:
        shown = "".join(f" {k}={shown_value(v)}" for k, v in sorted(c.payload["where"].items()))
        raise CorrectionError(
            f"fix: no {rtype}{shown} {source} -> {target} in the graph to revise (a new fact: pmkg add)"
        )
    if kept := kept_values(rtype, facts, set(c.payload["where"]) | set(c.payload["props"])):
        c = make("fix", c.targets, {**c.payload, "kept": kept}, author, reason, at=c.at)
    return _record(driver, c, dry_run)


def reject(
    driver: neo4j.Driver,
    source: str,
    rtype: str,
    target: str,
    where: dict[str, str],
    author: str,
    reason: str = "",
    *,
    dry_run: bool = False,
) -> tuple[Correction, Outcome]:
    """Mark the facts ``source -rtype {where}-> target`` wrong: they stay, visibly rejected in their
    provenance, and every answer leaves them out."""
    c = _fact(driver, "reject", [source, target], rtype, {"where": where}, author, reason)
    return _record(driver, c, dry_run)


def documents(driver: neo4j.Driver, names: list[str]) -> list[dict[str, str]]:
    """Each named document's id and source (id, file name or path, sha256 prefix); a name that matches
    none or several is a one-line error."""
    out = []
    for name in names:
        found = store.find_documents(driver, name)
        if len(found) != 1:
            matches = ", ".join(row["id"] for row in found) or "no document"
            raise CorrectionError(f"--documents {name!r} must name one document, not: {matches}")
        out.append(found[0])
    return out


def split(
    driver: neo4j.Driver,
    node_id: str,
    named: list[str],
    author: str,
    reason: str = "",
    *,
    name: str | None = None,
    dry_run: bool = False,
) -> tuple[Correction, Outcome]:
    """Move the facts the documents ``named`` state of ``node_id`` onto a new node (called ``name``, else
    the same name): two people of one name, or a wrong merge, apart again. The documents are kept by id
    and by file, so a new version of a file is split too."""
    label = found_nodes(driver, [node_id])[node_id][0]
    docs = documents(driver, named)
    ids = sorted({d["id"] for d in docs})
    if not ids:
        raise CorrectionError("split: name the documents whose facts move to the new node")
    payload: dict[str, Any] = {
        "label": label,
        "documents": ids,
        "sources": sorted({d["source"] for d in docs}),
    }
    payload["into"] = split_id(node_id, ids)
    if name and name.strip():
        payload["name"] = name.strip()
    return _record(driver, make("split", [node_id], payload, author, reason), dry_run)
