"""SHACL checks of a streamed export's pages, in worker processes beside the writer.

Validating a page costs more than mapping and writing it (``python -m bench.validators``: pyshacl-turbo
about 44k triples per CPU second, mapping and writing about 130k), so the exporting process hands each
page's rows to a worker, which maps and validates them, while it maps and writes the same page itself.
The file is written as ``.partial`` and only renamed when every page passed (``pmkg export``), so a
violation found after some pages were written still leaves no file that looks whole.

A page is checked with what its shapes read outside it: the export's context, the classes of every node
it names (``sh:class``: an agreement's parties are organisations), and what the corrections' history says
about anything it names (a rejected fact is invalidated by a correction; a fix's curated fact, a revision
of it, is attributed to its author there). That ``Index`` comes from a first, light pass over the nodes
(their classes only) and from the history, so it grows with the nodes and the corrections, not with the
triples. Only what the page itself describes (the subjects it types) is validated.

Workers are spawned, not forked: the exporting process holds the Neo4j driver's threads. Each rebuilds
the export's ``Mapper`` from its arguments (a ``Mapper`` caches per instance and is not pickled) and
receives the index once. At most ``2 × workers`` pages wait, so memory stays that of a few pages.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Collection, Iterable, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing import get_context
from typing import Any

from rdflib import RDF, Graph, URIRef

from pmkg.graph.rdf import validate, violation
from pmkg.graph.rdfcodec import ExportOptions, Mapper, Quad, Triple
from pmkg.graph.rdfmap import context_triples, node_types, page_quads
from pmkg.graph.triples import GraphRows

MapperArgs = tuple[ExportOptions | None, list[Mapping[str, Any]], dict[str, str]]
Index = dict[URIRef, tuple[Triple, ...]]  # IRI -> what a page naming it may read about it

_WORKER: tuple[Mapper, Index] | None = None  # a worker's own mapper and index (set by _start)


def context_index(m: Mapper, node_pages: Iterable[GraphRows], history: Iterable[Triple] = ()) -> Index:
    """Every node's classes, and every triple of the corrections' history, by subject."""
    found: dict[URIRef, list[Triple]] = {}
    for rows in node_pages:
        for label, nodes in rows.nodes.items():
            for node in nodes:
                for triple in node_types(m, label, node):
                    found.setdefault(triple[0], []).append(triple)
    for triple in history:
        found.setdefault(triple[0], []).append(triple)
    return {s: tuple(triples) for s, triples in found.items()}


def typed_here(page: list[Quad]) -> set[Any]:
    """The page's subjects whose classes it states: the ones it describes (a node's or a fact's types
    and the properties its shape checks are mapped together). Others appear in passing (a correction
    that ``prov:invalidated`` a rejected fact), described and validated in their own page."""
    return {s for s, p, _, _ in page if p == RDF.type}


def named_context(page: list[Quad], index: Index, hops: int = 2) -> set[Triple]:
    """What the index says about the IRIs a page names, and about the IRIs that names in turn (``hops``
    deep: a curated fact's revision is attributed to an agent, whose class the shape checks)."""
    named = {t for s, _, o, _ in page for t in (s, o) if isinstance(t, URIRef)}
    found: set[Triple] = set()
    for _ in range(hops):
        new = {triple for iri in named for triple in index.get(iri, ())} - found
        found |= new
        named = {o for _, _, o in new if isinstance(o, URIRef)}
    return found


def page_problems(page: list[Quad], m: Mapper, index: Index) -> list[str]:
    """The SHACL violations of what one page describes, read with the export's context (the
    contact-details shape reads the export's description) and what the index says about what it names."""
    context = list(context_triples(m))  # per page: it names the roles and kinds the mapper has met so far
    typed = typed_here(page)
    graph = Graph()
    graph.addN((s, p, o, graph) for s, p, o, _ in page)
    graph.addN((s, p, o, graph) for s, p, o in context)
    graph.addN((s, p, o, graph) for s, p, o in named_context(page, index))
    return validate(graph, focus=typed | {s for s, p, _ in context if p == RDF.type})


def _start(args: MapperArgs, index: Index) -> None:
    global _WORKER
    _WORKER = Mapper(*args), index


def _check(rows: GraphRows, described: Collection[str]) -> list[str]:
    assert _WORKER is not None
    m, index = _WORKER
    return page_problems(list(dict.fromkeys(page_quads(m, rows, described))), m, index)


class PageChecks:
    """A pool of workers validating pages of rows; ``submit`` each page, then ``finish``. Either raises
    PmkgError (the first violations) as soon as a checked page fails."""

    def __init__(self, mapper_args: MapperArgs, index: Index, workers: int | None = None) -> None:
        self.workers = max(1, workers or len(os.sched_getaffinity(0)))
        self.pool = ProcessPoolExecutor(
            self.workers, mp_context=get_context("spawn"), initializer=_start, initargs=(mapper_args, index)
        )
        self.waiting: deque[Future[list[str]]] = deque()

    def submit(self, rows: GraphRows, described: Collection[str]) -> None:
        while len(self.waiting) >= 2 * self.workers:
            self._settle(self.waiting.popleft())
        self.waiting.append(self.pool.submit(_check, rows, frozenset(described)))

    def finish(self) -> None:
        while self.waiting:
            self._settle(self.waiting.popleft())

    @staticmethod
    def _settle(future: Future[list[str]]) -> None:
        problems = future.result()
        if problems:
            raise violation(problems, "in a page of the export")

    def __enter__(self) -> PageChecks:
        return self

    def __exit__(self, *exc: object) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
