"""Staff corrections as PROV-O: who changed the graph, when, why, and what it touched (docs/rdf.md).

Each stored correction (``graph.corrections``: every kind; undone ones too)
becomes a ``prov:Activity`` and ``pmkg:Correction`` at ``<base>id/corr/<hex>``: ``pmkg:correctionKind``,
``pmkg:correctionStatus`` (applied, orphaned, undone), ``prov:endedAtTime`` (``xsd:dateTime``),
``rdfs:comment`` (the reason, as free text: left out when it names someone in a pseudonymised export or
holds contact details), ``prov:wasAssociatedWith`` its author (a ``prov:Agent``: PROV-O's link from an
activity to its agent; ``prov:wasAttributedTo`` is for entities, so what the correction generated, a
rename's revision, is attributed to the author), ``prov:used`` the nodes it names. A merge
``prov:invalidated`` the nodes it merged away, a split ``prov:generated`` the new node, a rename
``prov:generated`` a revision that ``prov:wasRevisionOf`` the renamed node, and a reject
``prov:invalidated`` each rejected fact, exported as a ``pmkg:RejectedFact``: an ``rdf:Statement``
naming what was said (``rdf:subject``, ``rdf:predicate`` when the relationship has one, ``rdf:object``,
``pmkg:relationshipType``) that asserts nothing (no plain triple, no fact node of its class), so a
consumer that ignores PROV still never reads it as true. A set_type ``prov:generated`` a revision of
the node with its new ``pmkg:nodeLabel`` (the facts it set aside are rejected facts it invalidated). An
add or fix ``prov:generated`` its curated fact (a ``pmkg:CuratedFact``, asserted like any fact,
``prov:wasDerivedFrom`` a ``pmkg:SourceNote`` whose ``rdfs:comment`` is the note, attributed to the
author), and the facts a fix revised are rejected facts the curated one ``prov:wasRevisionOf``.

Authors are people's accounts (an e-mail address when sign-in is on), so they are personal data: the
agent's IRI is a digest of the account (a keyed one, ``<base>id/pseudonym/...``, when pseudonymising),
and ``foaf:accountName`` is written only when the export may name people and contact details allow it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from rdflib import RDF, RDFS, XSD, Literal, URIRef
from rdflib.namespace import FOAF, PROV

from pmkg.graph.rdfcodec import PMKG, SCHEMA, Mapper, Triple, node_iri, predicates, pseudonymous_iri
from pmkg.model.correction import Correction
from pmkg.model.graph import RELS


def correction_iri(m: Mapper, correction_id: str) -> URIRef:
    """``corr:ea5521a519e2ffe9`` -> ``<base>id/corr/ea5521a519e2ffe9``."""
    return node_iri(correction_id, m.base)


def agent_iri(m: Mapper, account: str) -> URIRef:
    """The author as an agent: a plain digest of the account, or a keyed pseudonym when pseudonymising
    (a plain digest of an e-mail address could be confirmed by guessing)."""
    if m.options.pseudonymize:
        assert m.options.pseudonym_key is not None
        return pseudonymous_iri(f"account:{account}", m.options.pseudonym_key, m.base)
    return URIRef(f"{m.base}id/account/{hashlib.sha256(account.encode('utf-8')).hexdigest()[:16]}")


def _agent(m: Mapper, account: str) -> Iterator[Triple]:
    agent = agent_iri(m, account)
    yield agent, RDF.type, PROV.Agent
    name = None if m.options.pseudonymize else m.free_text(account)
    if name is not None:
        yield agent, FOAF.accountName, name


def _time(value: str) -> Literal:
    return Literal(value, datatype=XSD.dateTime)


def _name(m: Mapper, node_id: str, name: Any) -> Literal | None:
    """A name a correction set: left out for a person in a pseudonymised export."""
    if not name or (m.options.pseudonymize and m.is_person(node_id)):
        return None
    return Literal(str(name))


def _revision(activity: URIRef, agent: URIRef, of: URIRef) -> tuple[URIRef, list[Triple]]:
    """The entity a correction generated as the revision of ``of``, attributed to its author."""
    revision = URIRef(f"{activity}/revision")
    return revision, [
        (activity, PROV.generated, revision),
        (revision, RDF.type, PROV.Entity),
        (revision, PROV.wasRevisionOf, of),
        (revision, PROV.wasGeneratedBy, activity),
        (revision, PROV.wasAttributedTo, agent),
    ]


def _effects(
    m: Mapper, c: Correction, activity: URIRef, agent: URIRef, status: str | None
) -> Iterator[Triple]:
    """What the correction did to the entities it names."""
    p = c.payload
    if c.kind == "set_type":
        revision, triples = _revision(activity, agent, m.iri(c.targets[0]))
        yield from triples
        yield revision, PMKG.nodeLabel, Literal(p["to"])
    elif c.kind in ("add", "fix") and not c.undone_at and status != "orphaned":
        fact = m.fact_iri(c.id)  # the curated relationship's key is the correction's id
        yield activity, PROV.generated, fact
        yield fact, PROV.wasAttributedTo, agent
    if c.kind == "merge":
        for gone in (t for t in c.targets if t != p["keep"]):
            yield activity, PROV.invalidated, m.iri(gone)
    elif c.kind == "split":
        yield activity, PROV.generated, m.iri(p["into"])
    elif c.kind == "rename":
        node = c.targets[0]
        revision, triples = _revision(activity, agent, m.iri(node))
        yield from triples
        for predicate, value in ((SCHEMA.name, p["name"]), (SCHEMA.alternateName, p.get("was"))):
            literal = _name(m, node, value)
            if literal is not None:
                yield revision, predicate, literal


def curated_provenance(m: Mapper, rel: Mapping[str, Any], fact: URIRef) -> Iterator[Triple]:
    """A curated fact's provenance: generated by its correction, derived from its source note (an entity
    of its own, since no document states it), and the day it holds from (``schema:validFrom``)."""
    activity = correction_iri(m, rel["curated"])
    source = URIRef(f"{activity}/source")
    yield fact, RDF.type, PMKG.Fact
    yield fact, RDF.type, PMKG.CuratedFact
    yield fact, PROV.wasGeneratedBy, activity
    yield fact, PROV.wasDerivedFrom, source
    yield source, RDF.type, PROV.Entity
    yield source, RDF.type, PMKG.SourceNote
    note = m.free_text(rel.get("note"))
    if note is not None:
        yield source, RDFS.comment, note
    if rel.get("valid_from"):  # the day it holds from, which answers as of a date go by (graph.curated)
        yield fact, SCHEMA.validFrom, Literal(rel["valid_from"], datatype=XSD.date)


def correction_triples(m: Mapper, c: Correction, status: str | None) -> Iterator[Triple]:
    """One correction as a PROV activity, its author and its effects (default graph)."""
    activity = correction_iri(m, c.id)
    agent = agent_iri(m, c.author)
    yield activity, RDF.type, PROV.Activity
    yield activity, RDF.type, PMKG.Correction
    yield activity, PMKG.correctionKind, Literal(c.kind)
    yield activity, PMKG.correctionStatus, Literal("undone" if c.undone_at else status or "applied")
    yield activity, PROV.endedAtTime, _time(c.at)
    yield activity, PROV.wasAssociatedWith, agent
    yield from _agent(m, c.author)
    reason = m.free_text(c.reason)
    if reason is not None:
        yield activity, RDFS.comment, reason
    for target in c.targets:
        yield activity, PROV.used, m.iri(target)
    yield from _effects(m, c, activity, agent, status)
    if c.undone_at and c.undone_by:
        yield activity, PMKG.undoneAtTime, _time(c.undone_at)
        yield activity, PMKG.undoneBy, agent_iri(m, c.undone_by)
        yield from _agent(m, c.undone_by)


def rejected_triples(m: Mapper, rtype: str, rel: Mapping[str, Any]) -> Iterator[Triple]:
    """A rejected relationship as a statement that asserts nothing, invalidated by its correction
    (the named graph of its document, where the fact was)."""
    spec = RELS[rtype]
    fact = m.fact_iri(rel["key"])
    source, target = m.iri(rel["from"]), m.iri(rel["to"])
    activity = correction_iri(m, rel["rejected"])
    yield fact, RDF.type, PMKG.RejectedFact
    yield fact, RDF.type, RDF.Statement
    curie = spec.predicate or spec.shortcut
    if curie:
        ((predicate, backwards),) = predicates(curie)
        subject, obj = (target, source) if backwards else (source, target)
        yield fact, RDF.predicate, predicate
    else:
        subject, obj = source, target
    yield fact, RDF.subject, subject
    yield fact, RDF.object, obj
    yield fact, PMKG.relationshipType, Literal(rtype)
    if rel.get("doc"):
        yield fact, PROV.wasDerivedFrom, m.iri(rel["doc"])
    else:  # a curated fact a later correction set aside
        yield fact, PROV.wasDerivedFrom, URIRef(f"{correction_iri(m, rel['curated'])}/source")
    yield fact, PROV.wasInvalidatedBy, activity
    yield activity, PROV.invalidated, fact
    if rel.get("revised"):  # a fix's curated fact says what is right instead
        yield m.fact_iri(rel["revised"]), PROV.wasRevisionOf, fact


def history_triples(m: Mapper, stored: Iterable[tuple[Correction, str | None]]) -> Iterator[Triple]:
    """Every correction's triples, in order."""
    for c, status in stored:
        yield from correction_triples(m, c, status)
