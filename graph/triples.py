"""Extraction record -> property-graph rows (the shape written to Neo4j and read back from it).

``record_to_rows`` is pure and follows ``docs/graph-model.md``: the Neo4j loader writes its output,
the RDF writer reads it, and ``graph.store.read_rows`` returns the same shape from the database, so
"RDF of the extraction" and "RDF of the graph in Neo4j" can be compared exactly.

Conventions: node dicts never hold ``None`` or empty lists (the key is left out); every relationship
dict holds ``key`` (unique across documents), ``from``, ``to``, ``doc`` and the parallel provenance
lists ``quotes``/``starts``/``ends``. ``MENTIONS`` relationships also carry the list properties the
document contributes to the entity (``aliases``, ``titles``, ``emails``), so that removing a document
removes exactly its own contribution: the node's lists are the union over its remaining mentions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pmkg.model.graph import CONTRIBUTED, PROVENANCE_KEYS, SEARCHABLE_LABELS
from pmkg.model.record import Provenance, Record
from pmkg.model.themes import concept_labels
from pmkg.text import words


@dataclass
class GraphRows:
    """Nodes by label and relationships by type, each list sorted (by id / key) so rows compare with ==."""

    nodes: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    rels: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def node_labels(self) -> dict[str, str]:
        """id -> label of every node (the loader needs the endpoint labels of each relationship)."""
        return {node["id"]: label for label, nodes in self.nodes.items() for node in nodes}

    def sorted(self) -> GraphRows:
        """The same rows in the canonical order: labels and types by name, nodes by id, rels by key."""
        return GraphRows(
            nodes={
                label: sorted(ns, key=lambda n: n["id"]) for label, ns in sorted(self.nodes.items()) if ns
            },
            rels={rtype: sorted(rs, key=lambda r: r["key"]) for rtype, rs in sorted(self.rels.items()) if rs},
        )

    def counts(self) -> tuple[int, int]:
        """(number of nodes, number of relationships)."""
        return sum(map(len, self.nodes.values())), sum(map(len, self.rels.values()))


def search_text(name: str, aliases: Iterable[str] = ()) -> str:
    """The ``search_text`` property: name and aliases as plain words, one per line, duplicates dropped."""
    return "\n".join(dict.fromkeys(" ".join(words(t)) for t in (name, *aliases) if t))


def _node(**props: Any) -> dict[str, Any]:
    """A node dict without None values or empty lists; lists deduplicated and sorted."""
    out: dict[str, Any] = {}
    for key, value in props.items():
        if value is None or value == []:
            continue
        out[key] = sorted(set(value)) if isinstance(value, list) else value
    return out


def _searchable(**props: Any) -> dict[str, Any]:
    node = _node(**props)
    node["search_text"] = search_text(node["name"], node.get("aliases", ()))
    return node


def _provenance(prov: Iterable[Provenance]) -> dict[str, list[Any]]:
    triples = sorted({(p.start, p.end, p.quote) for p in prov})
    return {
        "quotes": [q for _, _, q in triples],
        "starts": [s for s, _, _ in triples],
        "ends": [e for _, e, _ in triples],
    }


class _Builder:
    """Collects nodes and relationships of one record, merging duplicates as it goes."""

    def __init__(self, doc: str) -> None:
        self.doc = doc
        self.rows = GraphRows()

    def node(self, label: str, node: dict[str, Any]) -> None:
        self.rows.nodes.setdefault(label, []).append(node)

    def rel(
        self, rtype: str, src: str, dst: str, prov: Iterable[Provenance], *discriminators: str, **props: Any
    ) -> None:
        key = "|".join((rtype, self.doc, src, dst, *discriminators))
        rel = {"key": key, "from": src, "to": dst, "doc": self.doc, **_provenance(prov)}
        rel.update(_node(**props))
        self.rows.rels.setdefault(rtype, []).append(rel)

    def finish(self) -> GraphRows:
        """Merge duplicates, drop relationships to entities the record does not hold, and drop nodes no
        relationship reaches (besides the Document): every stored node is then held by some document's
        relationships, which is what lets a removal delete exactly what is left without any.
        """
        rows = merge_rows([self.rows])
        known = rows.node_labels()
        rels = {t: [r for r in rs if r["from"] in known and r["to"] in known] for t, rs in rows.rels.items()}
        linked = {self.doc} | {r[end] for rs in rels.values() for r in rs for end in ("from", "to")}
        nodes = {label: [n for n in ns if n["id"] in linked] for label, ns in rows.nodes.items()}
        return GraphRows(nodes, rels).sorted()


def record_to_rows(record: Record) -> GraphRows:
    """The property-graph rows of one record, exactly as ``docs/graph-model.md`` describes them."""
    info = record.document
    b = _Builder(info.id)
    first_meeting = record.meetings[0].id if record.meetings else None
    b.node(
        "Document",
        _searchable(
            id=info.id,
            name=info.title or info.source,
            title=info.title,
            source=info.source,
            sha256=info.sha256,
            language=info.language,
            format=info.format,
            date=record.meetings[0].date if record.meetings else None,
            # the id of the body whose meeting it records: lets a question go from the documents that
            # mention something to the bodies that discussed it without walking two hops per document
            body=record.meetings[0].body if record.meetings else None,
        ),
    )

    for m in record.meetings:
        b.node(
            "Meeting",
            _searchable(
                id=m.id,
                name=m.title,
                title=m.title,
                body_name=m.body_name,
                number=m.number,
                date=m.date,
                date_inferred=m.date_inferred,
                start_time=m.start_time,
                end_time=m.end_time,
                location=m.location,
            ),
        )
        b.rel("RECORDS", info.id, m.id, m.provenance)
        if m.body:
            b.rel("HELD_BY", m.id, m.body, m.provenance)
        for a in m.attendance:
            b.rel("ATTENDED", a.person, m.id, a.provenance, status=a.status, roles=a.roles, group=a.group)
        for item in m.agenda_items:
            for presenter in item.presenters:
                b.rel(
                    "PRESENTED",
                    presenter,
                    m.id,
                    item.provenance,
                    item.number,
                    item_number=item.number,
                    item_title=item.title,
                )

    for p in record.people:
        lists = {prop: getattr(p, prop) for prop in CONTRIBUTED["Person"]}
        b.node("Person", _searchable(id=p.id, name=p.name, **lists))
        b.rel("MENTIONS", info.id, p.id, p.provenance, **lists)
        for org in p.affiliations:
            b.rel("AFFILIATED_WITH", p.id, org, p.provenance)
    for o in record.organizations:
        b.node(
            "Organization",
            _searchable(
                id=o.id,
                name=o.name,
                aliases=o.aliases,
                type=o.type,
                wikidata=o.wikidata,
                ror=o.ror,
                country=o.country,
            ),
        )
        b.rel("MENTIONS", info.id, o.id, o.provenance, aliases=o.aliases)
    for i in record.initiatives:
        b.node(
            "Initiative",
            _searchable(id=i.id, name=i.name, aliases=i.aliases, type=i.type, wikidata=i.wikidata),
        )
        b.rel("MENTIONS", info.id, i.id, i.provenance, aliases=i.aliases)
    for ag in record.agreements:
        b.node(
            "Agreement",
            _searchable(id=ag.id, name=ag.name, kind=ag.kind, date=ag.date, date_inferred=ag.date_inferred),
        )
        b.rel("MENTIONS", info.id, ag.id, ag.provenance)
        for party in ag.parties:
            b.rel("PARTY_TO", party, ag.id, ag.provenance)
        parties = sorted(set(ag.parties))
        for n, left in enumerate(parties):
            for right in parties[n + 1 :]:
                b.rel("COLLABORATES_WITH", left, right, ag.provenance, ag.id, agreement=ag.id)
    for mention in record.mentions:
        b.rel("MENTIONS", info.id, mention.entity, mention.provenance)

    for ms in record.memberships:
        b.rel("HOLDS_ROLE", ms.person, ms.organization, ms.provenance, ms.role, role=ms.role)
    for pa in record.participations:
        b.rel("PARTICIPATES_IN", pa.organization, pa.initiative, pa.provenance)
    for f in record.fundings:
        if f.recipient:
            b.rel(
                "FUNDS",
                f.funder,
                f.recipient,
                f.provenance,
                f.purpose or "",
                purpose=f.purpose,
                condition=f.condition,
                amount=f.amount,
            )

    for t in record.themes:
        meeting = t.meeting or first_meeting
        for concept in t.concepts:
            label_da, label_en = concept_labels(concept)
            b.node("Theme", _searchable(id=concept, name=label_da, label_da=label_da, label_en=label_en))
            if meeting:
                b.rel(
                    "RAISED",
                    meeting,
                    concept,
                    t.provenance,
                    t.id,
                    point_id=t.id,
                    text=t.text,
                    agenda_item=t.agenda_item,
                )

    for fact in record.facts:
        b.node("Figure", _node(id=fact.id, name=fact.text, value=fact.value, unit=fact.unit, date=fact.date))
        if first_meeting:
            b.rel("REPORTED", first_meeting, fact.id, fact.provenance)
        if fact.subject:
            b.rel("ABOUT", fact.id, fact.subject, fact.provenance)

    for d in record.deadlines:
        b.node(
            "Deadline",
            _node(
                id=d.id,
                name=d.description or d.kind,
                kind=d.kind,
                date=d.date,
                date_inferred=d.date_inferred,
                start_time=d.start_time,
                end_time=d.end_time,
                location=d.location,
                email=d.email,
            ),
        )
        if d.meeting or first_meeting:
            b.rel("SET", d.meeting or first_meeting, d.id, d.provenance)
        if d.contact:
            b.rel("CONTACT_FOR", d.contact, d.id, d.provenance)
    return b.finish()


def _merge_props(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """Lists unioned and sorted, scalars: the later value wins (as ``SET n += row`` does in Neo4j)."""
    out = dict(old)
    for key, value in new.items():
        if isinstance(value, list) and key not in PROVENANCE_KEYS:
            out[key] = sorted(set(out.get(key, [])) | set(value))
        else:
            out[key] = value
    return out


def _merge_provenance(old: dict[str, Any], new: dict[str, Any]) -> dict[str, list[Any]]:
    triples = sorted(
        {(s, e, q) for r in (old, new) for q, s, e in zip(r["quotes"], r["starts"], r["ends"], strict=True)}
    )
    return {
        "quotes": [q for _, _, q in triples],
        "starts": [s for s, _, _ in triples],
        "ends": [e for _, e, _ in triples],
    }


def merge_rows(parts: Iterable[GraphRows]) -> GraphRows:
    """Union of several documents' rows: the same node id is one node, the same key one relationship."""
    nodes: dict[str, dict[str, dict[str, Any]]] = {}
    rels: dict[str, dict[str, dict[str, Any]]] = {}
    for part in parts:
        for label, items in part.nodes.items():
            by_id = nodes.setdefault(label, {})
            for node in items:
                by_id[node["id"]] = _merge_props(by_id.get(node["id"], {}), node)
        for rtype, items in part.rels.items():
            by_key = rels.setdefault(rtype, {})
            for rel in items:
                old = by_key.get(rel["key"])
                merged = _merge_props(old, rel) | _merge_provenance(old, rel) if old else dict(rel)
                by_key[rel["key"]] = merged
    for label, by_id in nodes.items():
        if label in SEARCHABLE_LABELS:
            for node in by_id.values():
                node["search_text"] = search_text(node["name"], node.get("aliases", ()))
    return GraphRows(
        nodes={label: list(by_id.values()) for label, by_id in nodes.items()},
        rels={rtype: list(by_key.values()) for rtype, by_key in rels.items()},
    ).sorted()
