"""RDF of the property graph: datasets, SHACL validation and serialisation.

The triples come from :mod:`graph.rdfmap` (the mapping the one model, ``pmkg.model.graph``, describes),
made from :class:`graph.triples.GraphRows`, never from a record directly: the rows of an extraction
(``record_to_rows``) and the rows read back from Neo4j (``graph.store.read_rows``) go through the same
pure function, so the two RDF graphs are isomorphic by construction. The export of a whole graph streams
(``graph.export``); the functions here hold one graph in rdflib (answers, files, tests).
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Collection, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import RDF, XSD, Dataset, Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG
from rdflib.term import Node

from pmkg import knowledge
from pmkg.errors import PmkgError
from pmkg.graph.rdfcodec import (
    ExportOptions,
    base_iri,
    code_list,
    date_literal,
    node_iri,
    ontology,
    pseudonymous_iri,
)
from pmkg.graph.rdfmap import rows_to_quads
from pmkg.graph.triples import GraphRows
from pmkg.model.correction import Correction
from pmkg.model.graph import PREFIXES as MODEL_PREFIXES

__all__ = [
    "DCTERMS",
    "ORG",
    "XSD",
    "ExportOptions",
    "base_iri",
    "code_list",
    "date_literal",
    "node_iri",
    "ontology",
    "pseudonymous_iri",
    "rows_to_quads",
]

SH = Namespace("http://www.w3.org/ns/shacl#")
KEY_ENV = "PMKG_PSEUDONYM_KEY"
KEY_FILE = "pseudonym.key"

# name -> (writer, file extension, media type). The writer is rdflib's plugin or pyoxigraph's Rust writer,
# whichever is fast for the format (figures in docs/rdf.md); JSON-LD stays with rdflib for compaction.
FORMATS: dict[str, tuple[str, str, str]] = {
    "turtle": ("oxigraph:turtle", "ttl", "text/turtle"),
    "jsonld": ("rdflib:json-ld", "jsonld", "application/ld+json"),
    "xml": ("oxigraph:rdf-xml", "rdf", "application/rdf+xml"),
    "nt": ("rdflib:nt", "nt", "application/n-triples"),
    "nq": ("rdflib:nquads", "nq", "application/n-quads"),
    "trig": ("rdflib:trig", "trig", "application/trig"),
}
DATASET_FORMATS = frozenset({"nq", "trig"})  # one named graph per document; the others carry the union
OX_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "rdf-xml": ox.RdfFormat.RDF_XML}
# rdflib parser names, for reading an export back (tests, round trips).
PARSE_FORMATS = {
    "turtle": "turtle",
    "jsonld": "json-ld",
    "xml": "xml",
    "nt": "nt",
    "nq": "nquads",
    "trig": "trig",
}

# prefix -> namespace, as the exports declare them
PREFIXES: dict[str, Namespace] = {
    prefix: Namespace(iri) for prefix, iri in MODEL_PREFIXES.items() if prefix not in ("rdf", "xsd")
}
SCHEMA, OA, CV, PROV, PMKG = (PREFIXES[p] for p in ("schema", "oa", "cv", "prov", "pmkg"))


def pseudonym_key(env: Mapping[str, str] | None = None, home: Path | None = None) -> bytes:
    """The key pseudonyms are made with: ``$PMKG_PSEUDONYM_KEY``, else a random key kept in the pmkg home
    (created once, readable by the owner only), so the same person gets the same pseudonym every time."""
    env = os.environ if env is None else env
    if env.get(KEY_ENV):
        return env[KEY_ENV].encode("utf-8")
    if home is None:
        from pmkg.graph.server import default_home

        home = default_home(env)
    path = home / KEY_FILE
    home.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        key = path.read_text(encoding="ascii").strip()
        if not key:
            raise PmkgError(
                f"{path} is empty: delete it to make a new pseudonym key, or set {KEY_ENV}"
            ) from None
        return key.encode("ascii")
    key = secrets.token_hex(32)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key + "\n")
    return key.encode("ascii")


@lru_cache(maxsize=1)
def shapes() -> Graph:
    """knowledge/shapes.ttl, parsed once."""
    return Graph().parse(knowledge.path("shapes.ttl"), format="turtle")


@lru_cache(maxsize=1)
def context() -> dict[str, Any]:
    """The published JSON-LD context (knowledge/context.jsonld)."""
    return json.loads(knowledge.path("context.jsonld").read_text(encoding="utf-8"))


def rows_to_dataset(
    rows: GraphRows,
    options: ExportOptions | None = None,
    corrections: Sequence[tuple[Correction, str | None]] = (),
) -> Dataset:
    """The RDF of property-graph rows: node descriptions in the default graph, each document's facts
    in the named graph ``<document IRI>/graph``; with ``corrections`` (and each one's status), the staff
    corrections as PROV-O activities (``graph.rdfaudit``)."""
    ds = Dataset()
    ds.namespace_manager = Graph(bind_namespaces="core").namespace_manager
    for prefix, namespace in PREFIXES.items():
        ds.bind(prefix, namespace)
    graphs: dict[URIRef | None, Graph] = {None: ds.default_graph}
    quads = []
    for s, p, o, name in rows_to_quads(rows, options, corrections):
        if name not in graphs:
            graphs[name] = ds.graph(name)
        quads.append((s, p, o, graphs[name]))
    ds.addN(quads)
    return ds


def count_triples(rows: GraphRows) -> int:
    """How many triples the export of these rows carries (as Turtle does: each once, whatever graphs
    hold it), counted by hash in under a hundred bytes a triple."""
    return len({hash((s, p, o)) for s, p, o, _ in rows_to_quads(rows)})


# --- validation and serialisation ---------------------------------------------------------------


def union_graph(graph: Graph | Dataset) -> Graph:
    """All triples of a dataset in one graph (what Turtle, N-Triples, RDF/XML and JSON-LD carry)."""
    if not isinstance(graph, Dataset):
        return graph
    union = Graph(bind_namespaces="core")
    for prefix, namespace in PREFIXES.items():
        union.bind(prefix, namespace)
    union.addN((s, p, o, union) for s, p, o, _ in graph.quads((None, None, None, None)))
    return union


def validate(graph: Graph | Dataset, focus: Collection[Node] | None = None) -> list[str]:
    """SHACL validation against knowledge/shapes.ttl, no inference.

    pyshacl-turbo (a Rust engine behind pyshacl's interface) decides, at about twice pyshacl's speed
    (``python -m bench.validators``); when it finds violations, pyshacl, the reference, names them,
    because its messages say which values failed. tests/test_validators.py checks that both find the
    same violations. ``focus``: only these nodes' violations count (a page of a streamed export holds the
    classes of nodes it refers to, which are not described there); the fast engine validates just them,
    the reference the whole graph (its own focus mode passed an invalid date when tried), and its
    messages are kept for them. Should the two ever disagree, the fast engine's words are given rather
    than none. One message per violation: ``<focus node> breaks <shape> (<constraint> on <path>):
    <message>``.
    """
    from pyshacl import validate as shacl_validate
    from pyshacl_turbo import validate as fast_validate

    union = union_graph(graph)
    options = {"shacl_graph": shapes(), "inference": "none", "advanced": False, "allow_warnings": True}
    kept = None if focus is None else set(focus)
    only = {} if kept is None else {"focus_nodes": sorted(kept)}
    conforms, fast_results, _ = fast_validate(union, **options, **only)
    if conforms:
        return []
    _, results, _ = shacl_validate(union, **options)
    return _messages(results, shapes(), kept) or _messages(fast_results, shapes(), kept)


def _short(term: Any, graph: Graph) -> str:
    if isinstance(term, URIRef):
        try:
            return graph.namespace_manager.normalizeUri(term)
        except Exception:  # noqa: BLE001 - rdflib raises various errors for unprefixable IRIs
            return f"<{term}>"
    return str(term)


def _messages(results: Graph, shapes_graph: Graph, kept: Collection[Node] | None = None) -> list[str]:
    for prefix, namespace in PREFIXES.items():
        results.bind(prefix, namespace)
    messages = []
    # top-level results only: sh:detail results of nested shapes repeat what their parent says
    for result in results.objects(None, SH.result):
        focus = results.value(result, SH.focusNode)
        if kept is not None and focus not in kept:
            continue
        shape = results.value(result, SH.sourceShape)
        if not isinstance(shape, URIRef):  # a property shape: name the node shape that holds it
            shape = shapes_graph.value(None, SH.property, shape) or shape
        component = results.value(result, SH.sourceConstraintComponent)
        path = results.value(result, SH.resultPath)
        text = results.value(result, SH.resultMessage)
        where = f" on {_short(path, results)}" if path is not None else ""
        messages.append(
            f"{_short(focus, results)} breaks {_short(shape, shapes_graph)} "
            f"({_short(component, results).replace('sh:', '')}{where}): {text}"
        )
    return sorted(messages)


def violation(problems: list[str], where: str) -> PmkgError:
    """The one-line error naming the first three of ``problems`` (SHACL messages) and how many more,
    ``where`` saying what they concern ("nothing written", "in this page")."""
    more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
    return PmkgError(f"the export breaks the SHACL shapes, {where}: {'; '.join(problems[:3])}{more}")


def serialize(ds: Dataset | Graph, fmt: str, check: bool = True) -> bytes:
    """Validate (unless not ``check``), then serialise. Turtle, N-Triples, RDF/XML and JSON-LD carry the
    union graph (JSON-LD compacted with the published context); N-Quads and TriG keep one named graph per
    document.

    Raises PmkgError naming the first violations when the graph breaks the shapes."""
    if fmt not in FORMATS:
        raise PmkgError(f"unknown RDF format {fmt!r}: choose one of {', '.join(FORMATS)}")
    union = union_graph(ds)
    problems = validate(union) if check else []
    if problems:
        raise violation(problems, "nothing written")
    return serialize_unchecked(ds if fmt in DATASET_FORMATS else union, fmt)


def serialize_unchecked(graph: Dataset | Graph, fmt: str) -> bytes:
    """Serialise without validating (benchmarks, graphs already validated).

    rdflib writes N-Triples and N-Quads quickly itself; for Turtle and RDF/XML its writers are slow
    (Turtle ~500 triples/s on 160k triples), so rdflib's N-Triples, sorted by subject, go through
    pyoxigraph's Rust parser and writers (no store: it would canonicalise literals such as "14505.0")."""
    engine, _, name = FORMATS[fmt][0].partition(":")
    if engine == "rdflib" and name == "json-ld":
        return union_graph(graph).serialize(format=name, context=context()["@context"], encoding="utf-8")
    if engine == "rdflib":
        source = graph if fmt in DATASET_FORMATS else union_graph(graph)
        return source.serialize(format=name, encoding="utf-8")
    lines = union_graph(graph).serialize(format="nt", encoding="utf-8").splitlines()
    lines.sort()  # one triple a line, subject first: sorted lines group each subject's triples
    prefixes = {prefix: str(ns) for prefix, ns in PREFIXES.items()} | {"rdf": str(RDF), "xsd": str(XSD)}
    triples = ox.parse(b"\n".join(lines), format=ox.RdfFormat.N_TRIPLES)
    return ox.serialize(triples, format=OX_FORMATS[name], prefixes=prefixes)


def parse(data: bytes | str, fmt: str) -> Dataset:
    """Read an export back (round trips): N-Quads keeps its graphs, other formats fill the default graph."""
    ds = Dataset()
    ds.parse(data=data, format=PARSE_FORMATS[fmt])
    return ds
