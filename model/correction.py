"""A staff correction of the graph: a typed record kept apart from extracted facts and replayed after loads.

Extraction is rerun whenever a document is ingested again, so a fix made to the graph itself would be
lost. A :class:`Correction` instead says *what* a person decided (these nodes are one, this is the
right name, this fact is wrong, these two are not the same), about which nodes (by their stable ids),
who decided it, when and why. ``graph.corrections`` stores the records as ``:Correction`` nodes and
replays them, in order, after every load and removal; ``pmkg corrections export|import`` moves them
between installations as JSON Lines, one record per line, in exactly this form (see the README,
"Correcting the graph"). Decoding checks every field, so a malformed line is refused with its number
and the reason before anything is written.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime
from typing import Any, Literal

import msgspec

from pmkg.errors import PmkgError
from pmkg.model.graph import ENTITIES, LABELS, REL_TYPES, RELS, rel_props

Kind = Literal[
    "merge", "rename", "reject", "not_same", "split", "set_type", "fix", "add", "resolve", "confirm"
]
KINDS: tuple[str, ...] = Kind.__args__  # type: ignore[attr-defined]
MERGEABLE = ENTITIES  # the labels whose nodes staff may merge or declare not the same
RETYPABLE = ("Person", "Organization", "Initiative")  # what an extracted name may turn out to be


class Correction(msgspec.Struct, forbid_unknown_fields=True, kw_only=True, frozen=True):
    """One correction, as stored and as one line of an export.

    ``targets`` are node ids: ``merge`` every node that is one entity; ``rename`` the node;
    ``reject`` the two ends of the rejected relationship (from, to); ``not_same`` the pair.
    ``payload`` holds the rest: ``label`` of the nodes (``merge``, ``rename``, ``not_same``), ``keep``
    (``merge``: the node that stays), ``name`` and ``was`` (``rename``), ``type``, ``from_label``,
    ``to_label`` and ``where`` (``reject``, and ``confirm`` of a low-confidence fact: the relationship
    type, its ends' labels, and property values the relationships have, such as ``{"role": "chair"}``);
    ``documents`` (``split``: the ids of the documents whose facts move to a new node; ``sources``, their
    file paths, so that a new version of one is split too), ``into`` (its id, :func:`split_id`) and
    optionally its ``name``; ``label`` and ``to`` (``set_type``: the node's label now and the one it
    gets); ``type``, ``from_label``, ``to_label``, ``props`` (the relationship's own values, e.g.
    ``{"role": "vice_chair"}``, a list for a list property: ``{"roles": ["member"]}``) and ``note``
    (``add`` and ``fix``: where staff learnt it, since no sentence states it), and for ``fix`` also
    ``where`` (the extracted facts it revises, as for ``reject``), optionally ``into`` (the corrected
    other end, a third target: the right organisation), and ``kept``: the revised facts' other values,
    which the curated fact keeps (a meeting's attendance status when only the role at it was wrong).
    ``resolve`` (``graph.shortforms``): targets the people a short form could be; ``form``,
    ``document`` and ``source`` (its file) name it, ``person`` the one meant (null: none of them).
    ``confirm`` has the shape of ``reject`` (a low-confidence fact kept: ``graph.lowconfidence``).
    ``undone_at``/``undone_by`` are set by ``pmkg corrections undo``: the record stays, inactive.
    """

    id: str
    kind: Kind
    targets: list[str]
    payload: dict[str, Any] = {}
    author: str
    at: str
    reason: str = ""
    undone_at: str | None = None
    undone_by: str | None = None


class CorrectionError(PmkgError):
    """A correction that cannot be made or read (one line: which and why)."""


CORRECTION_PREFIX = "corr:"  # every correction's id starts so (a curated fact's citation names it)


def now() -> str:
    """The time stamp corrections carry and are replayed in the order of: UTC, ISO 8601, to the microsecond
    (two corrections made in one second keep their order)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def correction_id(kind: str, targets: list[str], payload: dict[str, Any], author: str, at: str) -> str:
    """A stable id from the content, so the same record exported twice imports as one."""
    text = json.dumps([kind, targets, payload, author, at], sort_keys=True, ensure_ascii=False)
    return CORRECTION_PREFIX + hashlib.sha256(text.encode()).hexdigest()[:16]


def make(
    kind: str, targets: list[str], payload: dict[str, Any], author: str, reason: str, at: str | None = None
) -> Correction:
    """A new, checked correction by ``author`` now (or at ``at``)."""
    at = at or now()
    record = Correction(
        id=correction_id(kind, targets, payload, author, at),
        kind=kind,  # type: ignore[arg-type]
        targets=list(targets),
        payload=dict(payload),
        author=author,
        at=at,
        reason=reason,
    )
    problem = check(record)
    if problem:
        raise CorrectionError(f"{kind}: {problem}")
    return record


def split_id(node_id: str, documents: list[str]) -> str:
    """The id of the node a split makes: the split node's id and a digest of the documents it takes, so
    the same split made twice, or replayed, names the same node."""
    digest = hashlib.sha256("\n".join(sorted(set(documents))).encode()).hexdigest()[:8]
    return f"{node_id}~{digest}"


def _label_problem(payload: dict[str, Any], allowed: tuple[str, ...], key: str = "label") -> str | None:
    if payload.get(key) not in allowed:
        return f"payload.{key} must be one of {', '.join(allowed)}, not {payload.get(key)!r}"
    return None


def check(c: Correction) -> str | None:
    """Why the record is not a valid correction of its kind, or None when it is."""
    if any(not isinstance(t, str) or not t.strip() for t in c.targets) or len(set(c.targets)) != len(
        c.targets
    ):
        return "targets must be distinct, non-empty node ids"
    if not c.author.strip():
        return "author is empty"
    try:
        datetime.fromisoformat(c.at)
    except ValueError:
        return f"at {c.at!r} is not an ISO 8601 time"
    p = c.payload
    if c.kind == "merge":
        if len(c.targets) < 2:
            return "a merge needs two or more targets"
        if p.get("keep") not in c.targets:
            return "payload.keep must be one of the targets"
        return _label_problem(p, MERGEABLE)
    if c.kind == "rename":
        if len(c.targets) != 1:
            return "a rename has exactly one target"
        if not isinstance(p.get("name"), str) or not p["name"].strip():
            return "payload.name must be the new, non-empty name"
        return _label_problem(p, LABELS)
    if c.kind in ("reject", "confirm"):
        if len(c.targets) != 2:
            return f"a {c.kind} has two targets: the relationship's from and to node ids"
        if p.get("type") not in REL_TYPES:
            return f"payload.type must be a relationship type ({', '.join(REL_TYPES)})"
        names = {prop.name for prop in rel_props(p["type"])}
        if problem := _where_problem(p["type"], p.get("where", {}), "where", names):
            return problem
        return _label_problem(p, LABELS, "from_label") or _label_problem(p, LABELS, "to_label")
    if c.kind == "split":
        return _split_problem(c)
    if c.kind == "set_type":
        if len(c.targets) != 1:
            return "set_type has exactly one target: the node whose type is wrong"
        if p.get("to") == p.get("label"):
            return "payload.to must differ from payload.label"
        return _label_problem(p, RETYPABLE) or _label_problem(p, RETYPABLE, "to")
    if c.kind in ("fix", "add"):
        return _fact_problem(c)
    if c.kind == "resolve":
        return _resolve_problem(c)
    if len(c.targets) != 2:  # not_same
        return "not_same has exactly two targets"
    return _label_problem(p, MERGEABLE)


def _split_problem(c: Correction) -> str | None:
    p = c.payload
    if len(c.targets) != 1:
        return "a split has exactly one target: the node to split"
    documents = p.get("documents")
    if (
        not isinstance(documents, list)
        or not documents
        or not all(isinstance(d, str) and d for d in documents)
    ):
        return "payload.documents must list the ids of the documents whose facts move to the new node"
    if p.get("into") != split_id(c.targets[0], documents):
        return (
            f"payload.into must be {split_id(c.targets[0], documents)!r} (made from the node and documents)"
        )
    sources = p.get("sources", [])
    if not isinstance(sources, list) or not all(isinstance(s, str) and s for s in sources):
        return "payload.sources, when given, must list the documents' file names or paths"
    if "name" in p and (not isinstance(p["name"], str) or not p["name"].strip()):
        return "payload.name, when given, must be the new node's non-empty name"
    return _label_problem(p, MERGEABLE)


def _value_problem(rtype: str, prop: str, value: Any) -> bool:
    """A value of a relationship's property is text, or a list of texts for a list property (the
    roles at a meeting)."""
    if not any(p.name == prop and p.kind == "string[]" for p in rel_props(rtype)):
        return not isinstance(value, str)
    return not isinstance(value, list) or not all(isinstance(v, str) for v in value)


def _where_problem(rtype: str, where: Any, key: str, names: set[str]) -> str | None:
    if not isinstance(where, dict) or any(
        k not in names or _value_problem(rtype, k, v) for k, v in where.items()
    ):
        return (
            f"payload.{key} must map properties of {rtype} ({', '.join(sorted(names)) or 'none'}) to text"
            " (a list of texts for a list)"
        )
    return None


def _fact_problem(c: Correction) -> str | None:
    """A curated fact (``add``, ``fix``): a relationship the model allows between the labels, values of
    its own properties, and a source note."""
    p = c.payload
    fix = c.kind == "fix"
    if len(c.targets) != 2 + bool(fix and p.get("into")):
        return f"{c.kind} has two targets, the fact's from and to node ids" + (
            ", and its corrected other end when payload.into is given" if fix else ""
        )
    if fix and p.get("into") and p["into"] != c.targets[2]:
        return "payload.into must be the third target"
    rtype = p.get("type")
    if rtype not in REL_TYPES:
        return f"payload.type must be a relationship type ({', '.join(REL_TYPES)})"
    spec = RELS[rtype]
    if p.get("from_label") not in spec.sources or p.get("to_label") not in spec.targets:
        return (
            f"{rtype} goes from {'/'.join(spec.sources)} to {'/'.join(spec.targets)}, "
            f"not from {p.get('from_label')} to {p.get('to_label')}"
        )
    own = {prop.name for prop in spec.props if prop.fixed is None and prop.kind in ("string", "string[]")}
    every = {prop.name for prop in rel_props(rtype)}
    if fix and (problem := _where_problem(rtype, p.get("where", {}), "where", every)):
        return problem
    for key in ("props", "kept"):
        if problem := _where_problem(rtype, p.get(key, {}), key, own):
            return problem
    if not isinstance(p.get("note"), str) or not p["note"].strip():
        return "payload.note must say where this is known from (a source note), since no document states it"
    if "valid_from" in p and not _is_day(p["valid_from"]):
        day = p["valid_from"]
        return f"payload.valid_from must be a date YYYY-MM-DD (the day the fact holds from), not {day!r}"
    return None


def _is_day(value: Any) -> bool:
    try:
        return isinstance(value, str) and date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


def _resolve_problem(c: Correction) -> str | None:
    p = c.payload
    if len(c.targets) < 2:
        return "a resolve's targets are the two or more people the short form could be"
    if any(not isinstance(p.get(k), str) or not p[k].strip() for k in ("form", "document", "source")):
        return "payload.form, payload.document and payload.source must name the short form and its document"
    if p.get("person") is not None and p["person"] not in c.targets:
        return "payload.person must be one of the targets, or null for not one of them"
    return None


def to_line(c: Correction) -> str:
    """One JSON Lines line (no newline), keys in a fixed order, ``undone_*`` only when set."""
    data = {k: v for k, v in msgspec.structs.asdict(c).items() if v is not None}
    return json.dumps(data, ensure_ascii=False, sort_keys=False)


def from_lines(text: str, name: str = "corrections") -> list[Correction]:
    """Every correction of a JSON Lines text; refuses the whole text at its first bad line.

    Blank lines are skipped. The error names the line (1-based) and says what is wrong with it.
    """
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = msgspec.json.decode(line, type=Correction)
        except msgspec.ValidationError as exc:
            raise CorrectionError(f"{name} line {number}: {exc}") from exc
        except msgspec.DecodeError as exc:
            raise CorrectionError(f"{name} line {number}: not a JSON object ({exc})") from exc
        problem = check(record)
        if problem:
            raise CorrectionError(f"{name} line {number}: {record.kind} {record.id}: {problem}")
        out.append(record)
    return out
