"""SHACL validators on the pages of a streamed export: triples per CPU second, and whether each finds the
same violations as pyshacl (the reference) on a page that breaks the shapes.

``python -m bench.validators [--documents N]`` extracts N generated minutes (bench/corpus.py), cuts
their rows into the pages a streamed export reads (``graph.export.PAGE_SIZE`` rows of one label or
relationship type), maps each page to quads as the export does, and validates every page with each
validator, its graph's construction included. One JSON object per validator on stdout.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

from rdflib import Graph, URIRef

from pmkg.graph.export import PAGE_SIZE
from pmkg.graph.rdf import SCHEMA, shapes
from pmkg.graph.rdfcodec import Mapper, Quad
from pmkg.graph.rdfmap import context_triples, page_quads
from pmkg.graph.triples import GraphRows

Validator = Callable[[list[Quad], list[Any]], int]  # (page, context) -> number of violations


def pages(rows: GraphRows, size: int = PAGE_SIZE) -> Iterator[GraphRows]:
    """The rows in the export's pages: each label's nodes, then each type's relationships, ``size`` at
    a time."""
    for label, nodes in sorted(rows.nodes.items()):
        for start in range(0, len(nodes), size):
            yield GraphRows(nodes={label: nodes[start : start + size]})
    for rtype, rels in sorted(rows.rels.items()):
        for start in range(0, len(rels), size):
            yield GraphRows(rels={rtype: rels[start : start + size]})


def _rdflib_graph(page: list[Quad], context: list[Any]) -> Graph:
    graph = Graph()
    graph.addN((s, p, o, graph) for s, p, o, _ in page)
    graph.addN((s, p, o, graph) for s, p, o in context)
    return graph


def _pyshacl(page: list[Quad], context: list[Any]) -> int:
    from pyshacl import validate

    _, results, _ = validate(
        _rdflib_graph(page, context), shacl_graph=shapes(), inference="none", allow_warnings=True
    )
    return len(list(results.subjects(URIRef("http://www.w3.org/ns/shacl#focusNode"))))


def _turbo(page: list[Quad], context: list[Any]) -> int:
    from pyshacl_turbo import validate

    _, results, _ = validate(
        _rdflib_graph(page, context), shacl_graph=shapes(), inference="none", allow_warnings=True
    )
    return len(list(results.subjects(URIRef("http://www.w3.org/ns/shacl#focusNode"))))


def _rudof(page: list[Quad], context: list[Any]) -> int:
    import pyrudof

    rudof = pyrudof.Rudof(pyrudof.RudofConfig())
    data = _rdflib_graph(page, context).serialize(format="nt")
    rudof.read_data(data, format=pyrudof.RDFFormat.NTriples)
    rudof.read_shacl(shapes().serialize(format="nt"), format=pyrudof.ShaclFormat.NTriples)
    return len(rudof.validate_shacl())


VALIDATORS: dict[str, Validator] = {"pyshacl": _pyshacl, "pyshacl-turbo": _turbo, "pyrudof": _rudof}


def broken(page: list[Quad]) -> list[Quad]:
    """The page without any schema:name: every person and organisation in it breaks its shape."""
    return [q for q in page if q[1] != SCHEMA.name]


def named_page(quad_pages: list[list[Quad]]) -> list[Quad]:
    """The first page that names something (a page of people or organisations)."""
    return next(page for page in quad_pages if any(q[1] == SCHEMA.name for q in page))


def measure(
    name: str, validate: Validator, quad_pages: list[list[Quad]], context: list[Any]
) -> dict[str, Any]:
    triples = sum(map(len, quad_pages))
    start = time.process_time()
    found = sum(validate(page, context) for page in quad_pages)
    seconds = time.process_time() - start
    return {
        "validator": name,
        "triples": triples,
        "cpu_s": round(seconds, 2),
        "triples_per_cpu_s": round(triples / seconds),
        "violations_in_valid_pages": found,
        "violations_in_broken_page": validate(broken(named_page(quad_pages)), context),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main(argv: list[str] | None = None) -> int:
    from bench.corpus import generate
    from pmkg.graph.triples import merge_rows, record_to_rows
    from pmkg.ingest.pipeline import extract_text

    parser = argparse.ArgumentParser(prog="python -m bench.validators", description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--only", choices=sorted(VALIDATORS), action="append")
    args = parser.parse_args(argv)
    rows = merge_rows(record_to_rows(extract_text(text, name)) for name, text in generate(args.documents))
    mapper = Mapper(None, (), rows.node_labels())
    quad_pages = [list(dict.fromkeys(page_quads(mapper, page))) for page in pages(rows)]
    context = list(context_triples(mapper))
    for name in args.only or VALIDATORS:
        figures = measure(name, VALIDATORS[name], quad_pages, context)
        print(json.dumps({"documents": args.documents, **figures}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
