"""The whole graph as RDF, streamed: read from Neo4j a page at a time, mapped, written as it comes.

``rdf.rows_to_dataset(store.read_rows(...))`` holds the whole graph twice (rows, then rdflib at ~2.5 kB a
triple: some 24 GB at 10,000 documents). Here each page of rows (``PAGE_SIZE`` nodes of one label, or
relationships of one type, ordered by id / key so two exports are byte-identical) goes through the same
mapping as the whole export (``rdfmap.page_quads``) and straight into pyoxigraph's writer: memory holds
one page, the people (for pseudonyms and the redactor) and the code-list concepts used. The export's
context (``rdfmap.context_triples``) comes last, as it does in the whole export.

Every page is SHACL-validated by default, in worker processes beside the writer (``graph.export_check``).
Formats: N-Triples, N-Quads, Turtle, TriG, JSON-LD (expanded: one object per subject, no context; the
in-memory export compacts it) and RDF/XML; N-Quads and TriG keep each document's named graph, the others
write the union. What it does not do: remove a triple repeated across pages (a plain triple two
documents state, a concept's description): RDF readers take a repeated statement as one, and within a
page each is written once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from typing import Any, BinaryIO

import neo4j
import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from pmkg.graph.connection import read
from pmkg.graph.corrections import history
from pmkg.graph.export_check import MapperArgs, PageChecks, context_index, page_problems
from pmkg.graph.rdf import DATASET_FORMATS, violation
from pmkg.graph.rdfaudit import history_triples
from pmkg.graph.rdfcodec import PERSON_LABEL, ExportOptions, Mapper, Quad
from pmkg.graph.rdfmap import context_triples, page_quads
from pmkg.graph.schema import labelled
from pmkg.graph.triples import GraphRows
from pmkg.model.graph import LABELS, PREFIXES, REL_TYPES, STORE_ONLY

PAGE_SIZE = 2000
# name -> pyoxigraph format
STREAM_FORMATS = {
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "xml": ox.RdfFormat.RDF_XML,
}

_NODE_PAGE = """
MATCH (n:{label}) WHERE n.id > $after
RETURN properties(n) AS props ORDER BY n.id LIMIT $limit
"""
_REL_PAGE = """
MATCH (a)-[r:{type}]->(b) WHERE r.key > $after
RETURN a.id AS from, b.id AS to, properties(r) AS props ORDER BY r.key LIMIT $limit
"""
# who is a person: Person nodes, and nodes whose id says "person:" but are not (rdfcodec.Mapper.is_person)
_PEOPLE = "MATCH (n:Person) RETURN properties(n) AS props ORDER BY n.id"
_NOT_PEOPLE = """
MATCH (n) WHERE n.id STARTS WITH 'person:' AND NOT n:Person
RETURN n.id AS id, [l IN labels(n) WHERE l IN $labels][0] AS label ORDER BY n.id
"""


def _pages(
    driver: neo4j.Driver, query: str, row: Callable[[Any], dict[str, Any]], sort_key: str, size: int
) -> Iterator[list[dict[str, Any]]]:
    """Keyset pages (``WHERE key > last ORDER BY key LIMIT size``: each page one indexed range read,
    however deep)."""
    after = ""
    while True:
        page = [row(r) for r in read(driver, query, {"after": after, "limit": size})]
        if not page:
            return
        yield page
        after = page[-1][sort_key]
        if len(page) < size:
            return


def node_pages(driver: neo4j.Driver, size: int = PAGE_SIZE) -> Iterator[GraphRows]:
    """The nodes as pages of rows: labels by name, nodes by id."""
    for label in sorted(LABELS):
        query = labelled(_NODE_PAGE, label=label)
        for nodes in _pages(driver, query, _node_row, "id", size):
            yield GraphRows(nodes={label: nodes})


def row_pages(driver: neo4j.Driver, size: int = PAGE_SIZE) -> Iterator[GraphRows]:
    """The graph as pages of rows, in the canonical order of ``GraphRows.sorted``: labels, then types, by
    name; nodes by id, relationships by key."""
    yield from node_pages(driver, size)
    for rtype in sorted(REL_TYPES):
        query = labelled(_REL_PAGE, type=rtype)
        for rels in _pages(driver, query, _rel_row, "key", size):
            yield GraphRows(rels={rtype: rels})


def _node_row(row: Any) -> dict[str, Any]:
    return {k: v for k, v in row["props"].items() if k not in STORE_ONLY}


def _rel_row(row: Any) -> dict[str, Any]:
    return {**row["props"], "from": row["from"], "to": row["to"]}


def mapper_args(driver: neo4j.Driver, options: ExportOptions | None) -> MapperArgs:
    """What the mapper of a whole export would take from all rows, read from what it needs of them: the
    people (their names, for the redactor, only when pseudonymising) and who is a person."""
    people = [_node_row(r) for r in read(driver, _PEOPLE)]
    labels = {p["id"]: PERSON_LABEL for p in people}
    labels |= {
        r["id"]: r["label"] for r in read(driver, _NOT_PEOPLE, {"labels": sorted(LABELS)}) if r["label"]
    }
    return options, people if options and options.pseudonymize else [], labels


def stream_quads(
    driver: neo4j.Driver,
    options: ExportOptions | None = None,
    size: int = PAGE_SIZE,
    validate: bool = True,
    workers: int | None = None,
) -> Iterator[list[Quad]]:
    """The export of the whole graph, one list of quads per page (each quad once in its page), then the
    staff corrections' history and the export's context: the same triples as
    ``rdfmap.rows_to_quads(store.read_rows(driver), options, corrections.history(driver))``.

    With ``validate`` every page is also checked against the SHACL shapes, by ``workers`` processes
    (``graph.export_check``; default: one per core) while this one maps and writes, after a first pass
    over the nodes for their classes; PmkgError names the first violations, raised when that page's
    check comes back (the caller writes to a partial file)."""
    args = mapper_args(driver, options)
    m = Mapper(*args)
    corrections = history(driver)  # staff decisions: as many as staff made, not as documents hold
    described = {c.id for c, _ in corrections}
    index = context_index(m, node_pages(driver, size), history_triples(m, corrections)) if validate else {}
    with PageChecks(args, index, workers) if validate else nullcontext() as checks:
        for rows in row_pages(driver, size):
            if checks is not None:
                checks.submit(rows, described)
            yield list(dict.fromkeys(page_quads(m, rows, described)))
        for last in (history_triples(m, corrections), context_triples(m)):
            page = list(dict.fromkeys((s, p, o, None) for s, p, o in last))
            if checks is not None and (problems := page_problems(page, m, index)):
                raise violation(problems, "in a page of the export")
            yield page
        if checks is not None:
            checks.finish()


# --- rdflib terms -> pyoxigraph, written as they come ------------------------------------------------


def _ox_term(term: Any) -> Any:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):  # the mapping makes none; kept for safety
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def _ox_statements(pages: Iterable[list[Quad]], fmt: str, count: Callable[[int], Any]) -> Iterator[Any]:
    default = ox.DefaultGraph()
    for page in pages:
        for s, p, o, g in page:
            triple = (_ox_term(s), _ox_term(p), _ox_term(o))
            if fmt in DATASET_FORMATS:
                yield ox.Quad(*triple, default if g is None else ox.NamedNode(str(g)))
            else:
                yield ox.Triple(*triple)
        count(len(page))


def write_stream(
    pages: Iterable[list[Quad]], out: BinaryIO, fmt: str, count: Callable[[int], Any] = lambda n: None
) -> None:
    """Write the pages in ``fmt`` (``STREAM_FORMATS``) to a binary file as they come; ``count`` is told
    how many statements each page held (the progress bar)."""
    prefixes = None if fmt in ("nt", "nq", "jsonld") else dict(PREFIXES)
    ox.serialize(_ox_statements(pages, fmt, count), out, STREAM_FORMATS[fmt], prefixes=prefixes)
