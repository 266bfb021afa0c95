"""Property-graph rows -> RDF triples, as the one model (``pmkg.model.graph``) says.

Layout (docs/rdf.md): node descriptions (people, organisations, meetings, documents, themes, code-list
concepts, the extraction activity, the export description) sit in the default graph; every
relationship becomes a fact node with its provenance in the named graph of the document that states it.

Node by node and relationship by relationship: nothing here needs the whole graph, so an export can
stream (``graph.export``). The model gives the classes, predicates and codecs; this module adds what is
not a property: the classes a type concept implies, provenance (PROV-O and Web Annotation selectors)
and the export's context (the extraction activity, the code lists used, the export description).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from typing import Any

from rdflib import RDF, XSD, Literal, URIRef
from rdflib.namespace import PROV, SKOS

from pmkg import __version__
from pmkg.errors import PmkgError
from pmkg.graph.rdfaudit import curated_provenance, history_triples, rejected_triples
from pmkg.graph.rdfcodec import (
    OA,
    PERSON_LABEL,
    PMKG,
    SCHEMA,
    ExportOptions,
    Mapper,
    Quad,
    Triple,
    address_triples,
    ontology,
    predicates,
    prop_triples,
    term,
    time_triples,
)
from pmkg.graph.triples import GraphRows
from pmkg.model.correction import Correction
from pmkg.model.graph import NODES, RELS, Node, Rel


def _typed(subject: URIRef, classes: Iterable[URIRef]) -> Iterator[Triple]:
    for cls in classes:
        yield subject, RDF.type, cls


def _classes(m: Mapper, spec: Node, node: Mapping[str, Any]) -> list[URIRef]:
    """The label's classes, and those its type concept implies (else the label's fallback classes)."""
    classes = [term(c) for c in spec.classes]
    if spec.implied_by:
        prop = next(p for p in spec.props if p.name == spec.implied_by)
        scheme = prop.codec.partition(":")[2]
        concept = m.concept(scheme, node.get(spec.implied_by))
        implied = sorted(ontology().objects(concept, PMKG.impliesClass)) if concept else []
        classes += implied or [term(c) for c in spec.fallback]
    return classes


def node_types(m: Mapper, label: str, node: Mapping[str, Any]) -> Iterator[Triple]:
    """A node's classes: what a shape's ``sh:class`` checks where another node refers to it."""
    spec = NODES.get(label)
    if spec is None:
        raise PmkgError(f"no RDF mapping for node label {label}: add it to pmkg/model/graph.py")
    s = m.iri(node["id"])
    yield from _typed(s, _classes(m, spec, node))
    if label == PERSON_LABEL and m.options.pseudonymize:
        yield s, RDF.type, PMKG.PseudonymousPerson  # nothing that names or reaches them


def node_triples(m: Mapper, label: str, node: Mapping[str, Any]) -> Iterator[Triple]:
    """The description of one node (default graph)."""
    yield from node_types(m, label, node)
    if label == PERSON_LABEL and m.options.pseudonymize:
        return
    spec = NODES[label]
    s = m.iri(node["id"])
    yield from prop_triples(m, s, spec.props, node)
    codecs = {p.codec for p in spec.props}
    if "span" in codecs:
        yield from time_triples(s, node)
    if "address" in codecs and node.get("country"):
        yield from address_triples(s, node["country"])
    if label == "Theme":
        yield s, SKOS.inScheme, m.theme_scheme


def _link(fact: URIRef, curie: str, end: URIRef) -> Triple:
    ((predicate, backwards),) = predicates(curie)
    return (end, predicate, fact) if backwards else (fact, predicate, end)


def _between(curie: str, source: URIRef, target: URIRef) -> Triple:
    ((predicate, backwards),) = predicates(curie)
    return (target, predicate, source) if backwards else (source, predicate, target)


def _fact(m: Mapper, spec: Rel, rel: Mapping[str, Any], fact: URIRef) -> Iterator[Triple]:
    source, target = m.iri(rel["from"]), m.iri(rel["to"])
    if spec.predicate:  # a plain triple, asserted, and a pmkg:Assertion (an rdf:Statement) naming it
        s, p, o = _between(spec.predicate, source, target)
        yield s, p, o
        yield from _typed(fact, (PMKG.Assertion, RDF.Statement))
        yield fact, RDF.subject, s
        yield fact, RDF.predicate, p
        yield fact, RDF.object, o
    else:
        assert spec.source_link and spec.target_link
        yield from _typed(fact, map(term, spec.classes))
        yield _link(fact, spec.source_link, source)
        yield _link(fact, spec.target_link, target)
    yield from prop_triples(m, fact, spec.props, rel)
    when = spec.shortcut_when
    if spec.shortcut and (when is None or rel.get(when[0]) == when[1]):
        yield _between(spec.shortcut, source, target)


def _provenance(m: Mapper, rel: Mapping[str, Any], fact: URIRef, names_person: bool) -> Iterator[Triple]:
    """prov:wasDerivedFrom one oa:SpecificResource per quoted span (quote and position selectors);
    the document itself when the relationship has no span. Pseudonymised exports keep the position
    but leave out quotes of facts about people and quotes that name anyone."""
    doc = m.iri(rel["doc"])
    yield fact, RDF.type, PMKG.Fact
    yield fact, PROV.wasGeneratedBy, m.activity
    spans = list(zip(rel.get("quotes", ()), rel.get("starts", ()), rel.get("ends", ()), strict=True))
    if not spans:
        yield fact, PROV.wasDerivedFrom, doc
    for quote_text, start, end in spans:
        source = URIRef(f"{fact}/source/{int(start)}-{int(end)}")
        position = URIRef(f"{source}/position")
        yield fact, PROV.wasDerivedFrom, source
        yield source, RDF.type, OA.SpecificResource
        yield source, OA.hasSource, doc
        yield source, OA.hasSelector, position
        yield position, RDF.type, OA.TextPositionSelector
        yield position, OA.start, Literal(int(start), datatype=XSD.nonNegativeInteger)
        yield position, OA.end, Literal(int(end), datatype=XSD.nonNegativeInteger)
        exact = None if (names_person and m.options.pseudonymize) else m.free_text(quote_text)
        if exact is not None:
            selector = URIRef(f"{source}/quote")
            yield source, OA.hasSelector, selector
            yield selector, RDF.type, OA.TextQuoteSelector
            yield selector, OA.exact, exact


def fact_triples(m: Mapper, rtype: str, rel: Mapping[str, Any]) -> Iterator[Triple]:
    """The fact one relationship states, with its provenance (the named graph of its document, or of
    the correction that curated it)."""
    spec = RELS.get(rtype)
    if spec is None:
        raise PmkgError(f"no RDF mapping for relationship type {rtype}: add it to pmkg/model/graph.py")
    fact = m.fact_iri(rel["key"])
    yield from _fact(m, spec, rel, fact)
    if rel.get("curated"):  # staff stated it, with a source note: no document did
        yield from curated_provenance(m, rel, fact)
        return
    names_person = m.is_person(rel["from"]) or m.is_person(rel["to"])
    yield from _provenance(m, rel, fact, names_person)


def context_triples(m: Mapper) -> Iterator[Triple]:
    """The extraction activity, the theme scheme, the code-list concepts used, the export description:
    the last triples of an export (they depend on the concepts the facts used)."""
    yield from _typed(m.activity, (PROV.Activity,))
    yield m.activity, PROV.wasAssociatedWith, m.agent
    yield from _typed(m.agent, (PROV.SoftwareAgent, SCHEMA.SoftwareApplication))
    yield m.agent, SCHEMA.name, Literal("pmkg")
    yield m.agent, SCHEMA.softwareVersion, Literal(__version__)
    yield m.theme_scheme, RDF.type, SKOS.ConceptScheme
    yield m.theme_scheme, SKOS.prefLabel, Literal("Personalised medicine strategy themes", lang="en")
    yield m.theme_scheme, SKOS.prefLabel, Literal("Temaer i strategi for personlig medicin", lang="da")
    onto = ontology()
    described = (RDF.type, SKOS.inScheme, SKOS.notation, SKOS.prefLabel)
    schemes = set()
    for concept in sorted(m.concepts):
        for predicate in described:
            for obj in onto.objects(concept, predicate):
                yield concept, predicate, obj
        schemes.update(onto.objects(concept, SKOS.inScheme))
    for scheme in sorted(schemes):
        yield scheme, RDF.type, SKOS.ConceptScheme
        for label in onto.objects(scheme, SKOS.prefLabel):
            yield scheme, SKOS.prefLabel, label
    export = URIRef(f"{m.base}id/export")
    yield from _typed(export, (PMKG.Export,))
    yield export, PMKG.includesContactDetails, Literal(m.options.include_contact_details)
    yield export, PMKG.pseudonymized, Literal(m.options.pseudonymize)


def page_quads(m: Mapper, rows: GraphRows, described: Collection[str] = ()) -> Iterator[Quad]:
    """The RDF of one page of rows (nodes in the default graph, facts in their document's graph), without
    the corrections' history and the export's context: the one mapping of a whole export
    (``rows_to_quads``) and of each page of a streamed one (``graph.export``), so both carry the same
    triples. ``described``: the ids of the corrections the export describes (a fact one of them rejected
    is named as a statement asserting nothing)."""
    for label, nodes in rows.nodes.items():
        for node in nodes:
            yield from ((s, p, o, None) for s, p, o in node_triples(m, label, node))
    for rtype, rels in rows.rels.items():
        for rel in rels:
            name = m.graph_iri(rel.get("doc") or rel["curated"])  # a curated fact: its correction's graph
            if rel.get("rejected"):  # staff rejected it: no longer stated (docs/rdf.md)
                if rel["rejected"] in described:
                    yield from ((s, p, o, name) for s, p, o in rejected_triples(m, rtype, rel))
                continue
            yield from ((s, p, o, name) for s, p, o in fact_triples(m, rtype, rel))


def rows_to_quads(
    rows: GraphRows,
    options: ExportOptions | None = None,
    corrections: Sequence[tuple[Correction, str | None]] = (),
) -> Iterator[Quad]:
    """The RDF of property-graph rows as (subject, predicate, object, named graph or None for the
    default graph), without building a graph. With ``corrections`` (each with its status), the staff
    corrections as PROV activities too, and the facts they rejected as statements asserting nothing
    (``graph.rdfaudit``)."""
    people = rows.nodes.get(PERSON_LABEL, ()) if options and options.pseudonymize else ()
    m = Mapper(options, people, rows.node_labels())
    yield from page_quads(m, rows, {c.id for c, _ in corrections})
    yield from ((s, p, o, None) for s, p, o in history_triples(m, corrections))
    yield from ((s, p, o, None) for s, p, o in context_triples(m))
