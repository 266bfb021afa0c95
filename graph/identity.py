"""One person or organisation is one node across documents; different full names are never merged silently.

Before a record is loaded, :func:`resolve` maps each of its people, organisations and initiatives onto a
node already in the graph when the identity is certain: the same id, the same full name written
differently (``Jan Walford Moore`` / ``Jan Walford-Moore``), or a known alias (the new name is an alias
of the node, or the node's name is an alias in the new record). The graph keeps the name it had first
and the new spelling becomes an alias contributed by the new document.

Anything less certain is only *listed*: :func:`candidate_merges` compares the names in the graph
(same surname and first initial, fuzzy ratio of 90 or more, or one name's words a subset of the
other's) and ``pmkg candidates`` prints the pairs for a person to review. The list is computed from
the graph on demand, so it always reflects what is stored and nothing needs cleaning up after a
removal.
"""

from __future__ import annotations

import pickle
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from typing import Any

import neo4j
from rapidfuzz import fuzz

from pmkg.graph.connection import read_tx
from pmkg.graph.corrections import not_same_pairs
from pmkg.graph.schema import labelled
from pmkg.model.record import Record
from pmkg.text import slug

IDENTITY_LABELS = ("Person", "Organization", "Initiative")
CANDIDATE_LABELS = ("Person", "Organization")
FUZZY_THRESHOLD = 90.0

_KNOWN = """
MATCH (n:{label})
WHERE n.id IN $ids OR any(t IN $tokens WHERE n.search_text CONTAINS t)
RETURN n.id AS id, n.name AS name, coalesce(n.aliases, []) AS aliases
"""
_ALL_NAMES = "MATCH (n:{label}) RETURN n.id AS id, n.name AS name, coalesce(n.aliases, []) AS aliases"


@dataclass(frozen=True)
class Known:
    """A node already in the graph, as identity matching sees it."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Candidate:
    """Two nodes that may be the same entity: for review, never merged automatically."""

    label: str
    a_id: str
    a_name: str
    b_id: str
    b_name: str
    reason: str  # "initial+surname", "fuzzy", "subset"
    score: float


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """Spelling-insensitive key of a full name: folded, lower case, punctuation and spaces as ``-``.

    Cached: resolving a batch compares each name with every candidate node's names and aliases.
    """
    return slug(name)


def _entities(record: Record, label: str) -> list[Any]:
    return {"Person": record.people, "Organization": record.organizations, "Initiative": record.initiatives}[
        label
    ]


class _NameIndex:
    """Known nodes by the name keys of their names and aliases, to find the ones that are certainly an
    entity without comparing it with every candidate."""

    def __init__(self, known: Iterable[Known] = ()) -> None:
        self.nodes: dict[str, Known] = {}
        self.by_name: dict[str, set[str]] = defaultdict(set)  # key of the node's name -> ids
        self.by_any: dict[str, set[str]] = defaultdict(set)  # key of its name or an alias -> ids
        for node in known:
            self.add(node)

    def add(self, node: Known) -> None:
        """Add a node, or a node's new aliases (its name stays the one first given)."""
        self.nodes[node.id] = node
        self.by_name[name_key(node.name)].add(node.id)
        for name in (node.name, *node.aliases):
            self.by_any[name_key(name)].add(node.id)

    def match(self, entity: Any) -> Known | None:
        """The one known node that is certainly ``entity`` (its name is the node's name or one of its
        aliases, or the node's name is one of the entity's aliases); None when none or several are."""
        found = set(self.by_any.get(name_key(entity.name), ()))
        for alias in entity.aliases:
            found |= self.by_name.get(name_key(alias), set())
        return self.nodes[found.pop()] if len(found) == 1 else None


def resolve(record: Record, known: Mapping[str, Iterable[Known]]) -> Record:
    """A copy of ``record`` whose entity ids point at the graph's nodes wherever identity is certain.

    ``known`` holds, per label, the nodes already stored (``fetch_known`` reads the relevant ones).
    """
    return _resolve(record, {label: _NameIndex(known.get(label, ())) for label in IDENTITY_LABELS})


def _resolve(record: Record, indexes: Mapping[str, _NameIndex]) -> Record:
    mapping: dict[str, Known] = {}
    for label in IDENTITY_LABELS:
        index = indexes[label]
        for entity in _entities(record, label):
            match = index.nodes.get(entity.id) or index.match(entity)
            if match is not None and (match.id, match.name) != (entity.id, entity.name):
                mapping[entity.id] = match
    if not mapping:
        return record
    out = pickle.loads(pickle.dumps(record))  # a deep copy, several times faster than copy.deepcopy
    for label in IDENTITY_LABELS:
        for entity in _entities(out, label):
            match = mapping.get(entity.id)
            if match is None:
                continue
            if entity.name != match.name:
                entity.aliases = sorted(set(entity.aliases) | {entity.name})
            entity.id, entity.name = match.id, match.name
    _remap_references(out, {old: k.id for old, k in mapping.items()})
    return out


def _remap_references(record: Record, ids: Mapping[str, str]) -> None:
    """Point every entity reference of the record at the mapped ids (in place)."""

    def m(value: str | None) -> str | None:
        return ids.get(value, value) if value else value

    for meeting in record.meetings:
        meeting.body = m(meeting.body)
        for a in meeting.attendance:
            a.person = m(a.person)
        for item in meeting.agenda_items:
            item.presenters = [m(p) for p in item.presenters]
    for p in record.people:
        p.affiliations = [m(o) for o in p.affiliations]
    for ms in record.memberships:
        ms.person, ms.organization = m(ms.person), m(ms.organization)
    for pa in record.participations:
        pa.organization, pa.initiative = m(pa.organization), m(pa.initiative)
    for ag in record.agreements:
        ag.parties = [m(p) for p in ag.parties]
    for f in record.fundings:
        f.funder, f.recipient = m(f.funder), m(f.recipient)
    for fact in record.facts:
        fact.subject = m(fact.subject)
    for d in record.deadlines:
        d.contact = m(d.contact)
    for mention in record.mentions:
        mention.entity = m(mention.entity)
    for name in record.unresolved:  # the people a short form could be, as the graph names them
        name.candidates = [m(c) or c for c in name.candidates]


def _last_word(name: str) -> str | None:
    return name_key(name).rsplit("-", 1)[-1] or None


def _surname_tokens(record: Record, label: str) -> list[str]:
    """The last folded word of every name and alias: any certain match shares one with the node."""
    names = [n for e in _entities(record, label) for n in (e.name, *e.aliases)]
    return sorted({word for n in names if (word := _last_word(n))})


def resolve_corpus(
    records: Iterable[Record], stored: Mapping[str, Iterable[Known]] | None = None
) -> list[Record]:
    """The records as loading them in this order resolves them, computed in memory.

    ``stored`` holds the nodes already in the graph (``fetch_known`` of all the records; none for an
    empty graph). ``merge_rows(record_to_rows(r) for r in resolve_corpus(records))`` is then what an
    empty graph holds after loading (the extraction side of the round trip when identities merge),
    and the batched loader resolves a batch of documents with it in one go.
    """
    return list(resolve_in_order(records, stored))


def resolve_in_order(
    records: Iterable[Record], stored: Mapping[str, Iterable[Known]] | None = None
) -> Iterator[Record]:
    """:func:`resolve_corpus` one record at a time, so a whole archive (``graph.bulk``) is resolved
    while it is extracted and no record need be kept after its rows are made."""
    indexes = {label: _NameIndex() for label in IDENTITY_LABELS}
    for label, known in (stored or {}).items():
        for node in known:
            indexes[label].add(node)
    for record in records:
        resolved = _resolve(record, indexes)
        for label in IDENTITY_LABELS:
            index = indexes[label]
            for entity in _entities(resolved, label):
                old = index.nodes.get(entity.id)
                aliases = tuple(sorted({*(old.aliases if old else ()), *entity.aliases}))
                index.add(Known(entity.id, old.name if old else entity.name, aliases))
        yield resolved


def fetch_known(tx: neo4j.ManagedTransaction, *records: Record) -> dict[str, list[Known]]:
    """The stored nodes that could be the records' people, organisations and initiatives."""
    known: dict[str, list[Known]] = {}
    for label in IDENTITY_LABELS:
        entities = [e for record in records for e in _entities(record, label)]
        if not entities:
            continue
        tokens = sorted({t for record in records for t in _surname_tokens(record, label)})
        params = {"ids": sorted({e.id for e in entities}), "tokens": tokens}
        rows = tx.run(labelled(_KNOWN, label=label), params).data()
        known[label] = [Known(r["id"], r["name"], tuple(r["aliases"])) for r in rows]
    return known


def _why(a: Known, b: Known, person: bool) -> tuple[str, float] | None:
    ka, kb = name_key(a.name), name_key(b.name)
    if ka == kb:
        return None
    ta, tb = ka.split("-"), kb.split("-")
    shorter, longer = sorted((set(ta), set(tb)), key=len)
    if person and len(ta) > 1 and len(tb) > 1 and ta[-1] == tb[-1] and ta[0][0] == tb[0][0]:
        return "initial+surname", fuzz.ratio(ka, kb)
    ratio = fuzz.ratio(ka, kb)
    if ratio >= FUZZY_THRESHOLD:
        return "fuzzy", ratio
    if shorter <= longer and (person or len(shorter) > 1):
        return "subset", ratio
    return None


def candidate_pairs(label: str, nodes: Iterable[Known]) -> list[Candidate]:
    """Pairs of distinct nodes of one label whose names suggest the same entity.

    Only pairs sharing a word or the first four letters are compared (every rule above implies one of
    those for names of two words or more), which keeps large graphs fast.
    """
    nodes = list(nodes)
    known_names = {n.id: {name_key(x) for x in (n.name, *n.aliases)} for n in nodes}
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, n in enumerate(nodes):
        key = name_key(n.name)
        for block in {*key.split("-"), "^" + key[:4]}:
            blocks[block].append(i)
    pairs = {pair for members in blocks.values() for pair in combinations(members, 2)}
    out = []
    for i, j in sorted(pairs):
        a, b = sorted((nodes[i], nodes[j]), key=lambda n: n.id)
        if name_key(a.name) in known_names[b.id] or name_key(b.name) in known_names[a.id]:
            continue
        why = _why(a, b, label == "Person")
        if why:
            out.append(Candidate(label, a.id, a.name, b.id, b.name, why[0], round(why[1], 1)))
    return sorted(out, key=lambda c: (c.label, -c.score, c.a_id, c.b_id))


def candidate_merges(driver: neo4j.Driver) -> list[Candidate]:
    """The candidate merges among the people and organisations in the graph, best first; a pair staff
    said is not the same (a ``not_same`` correction) is never proposed again."""

    def work(tx: neo4j.ManagedTransaction) -> tuple[dict[str, list[Known]], set[frozenset[str]]]:
        known = {
            label: [
                Known(r["id"], r["name"], tuple(r["aliases"]))
                for r in tx.run(labelled(_ALL_NAMES, label=label)).data()
            ]
            for label in CANDIDATE_LABELS
        }
        return known, not_same_pairs(tx)

    known, reviewed = read_tx(driver, work)
    return [
        c
        for label in CANDIDATE_LABELS
        for c in candidate_pairs(label, known[label])
        if frozenset((c.a_id, c.b_id)) not in reviewed
    ]
