"""``pmkg export``: the graph as RDF for partners (Turtle, TriG, JSON-LD, RDF/XML, N-Triples, N-Quads).

Three sources, one mapping (``graph.rdf.rows_to_dataset``): the whole graph in Neo4j (default), the
subgraph of one prebuilt question's answer (``--query NAME --param k=v``), or minutes files extracted
on the spot (``--from-files``). Every export is SHACL-validated unless ``--no-validate`` (a streamed one
page by page, and it writes a partial file it renames only when all passed); personal data
follow the options (docs/rdf.md): no contact details unless asked, or pseudonyms instead of people.
"""

from __future__ import annotations

import argparse
import sys
from contextlib import nullcontext
from pathlib import Path

import neo4j

from pmkg.errors import PmkgError
from pmkg.graph import connection, rdf
from pmkg.graph.identity import resolve_corpus
from pmkg.graph.triples import GraphRows, merge_rows, record_to_rows
from pmkg.model.correction import Correction


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "export",
        help="write the graph (or one answer, or minutes files) as validated RDF",
        description="Write RDF with standard vocabularies (schema.org, W3C ORG, FOAF, PROV-O, SKOS, DCTERMS; "
        "docs/rdf.md). Source: the graph in Neo4j (default), the subgraph of one question's answer "
        "(--query), or minutes files (--from-files). The export is checked against the SHACL shapes first. "
        "E-mail addresses are left out unless --include-contact-details; --pseudonymize replaces people "
        f"by stable pseudonyms (key: ${rdf.KEY_ENV}, else a key file in the pmkg home).",
    )
    parser.add_argument(
        "--format",
        "-f",
        choices=list(rdf.FORMATS),
        help="RDF format (default: from the --out extension, else turtle)",
    )
    parser.add_argument("--out", "-o", type=Path, help="the file to write (default: standard output)")
    personal = parser.add_mutually_exclusive_group()
    personal.add_argument(
        "--include-contact-details",
        action="store_true",
        help="include e-mail addresses (left out by default)",
    )
    personal.add_argument(
        "--pseudonymize", action="store_true", help="replace people by pseudonymous IRIs; no names or quotes"
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--query", metavar="NAME", help="export the subgraph of one question's answer")
    source.add_argument(
        "--from-files", nargs="+", metavar="PATH", help="extract these minutes files (or folders) instead"
    )
    parser.add_argument(
        "--in-memory",
        action="store_true",
        help="build the whole graph in memory before writing (about 2.5 kB a triple); by default the whole "
        "graph streams, page by page",
    )
    parser.add_argument(
        "--validate",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="SHACL-validate a streamed export, page by page in worker processes (default); on a "
        "violation no file is written. --no-validate skips it (about twice as fast)",
    )
    parser.add_argument(
        "--param", "-p", action="append", default=[], metavar="NAME=VALUE", help="a parameter of --query"
    )
    parser.set_defaults(func=run)


def output_format(fmt: str | None, out: Path | None) -> str:
    """The format asked for, else the one the output file's extension names, else Turtle."""
    if fmt:
        return fmt
    if out is not None:
        by_extension = {ext: name for name, (_, ext, _) in rdf.FORMATS.items()}
        by_extension.update({"json": "jsonld", "xml": "xml", "owl": "xml", "ntriples": "nt", "nquads": "nq"})
        found = by_extension.get(out.suffix.lower().lstrip("."))
        if found:
            return found
    return "turtle"


def export_options(args: argparse.Namespace) -> rdf.ExportOptions:
    if args.pseudonymize:
        return rdf.ExportOptions(pseudonymize=True, pseudonym_key=rdf.pseudonym_key())
    return rdf.ExportOptions(include_contact_details=args.include_contact_details)


def rows_from_files(paths: list[str]) -> GraphRows:
    """Extract minutes files (folders searched like ``pmkg ingest`` does) into one set of rows."""
    from pmkg.cli.commands.ingest import collect_files
    from pmkg.ingest.pipeline import extract_file

    files = collect_files(paths)
    if not files:
        raise PmkgError(f"no minutes files found in {', '.join(paths)}")
    records = resolve_corpus(extract_file(path) for path in files)
    return merge_rows(record_to_rows(record) for record in records)


def rows_from_query(driver: neo4j.Driver, name: str, params: list[str]) -> GraphRows:
    """The subgraph of one prebuilt question's answer: the entities it names and what links them."""
    from pmkg.cli.commands.cypher import parse_param
    from pmkg.graph.questions import load_questions, run_question
    from pmkg.graph.subgraph import answer_rows

    question = load_questions().get(name)
    if question is None:
        raise PmkgError(f"no question named '{name}'; run `pmkg query` to list them")
    rows = answer_rows(driver, run_question(driver, question, dict(parse_param(p) for p in params)))
    if not rows.nodes:
        raise PmkgError(f"the answer to {name} names no entity of the graph: nothing to export")
    return rows


History = list[tuple[Correction, str | None]]


def load_rows(args: argparse.Namespace) -> tuple[GraphRows, History]:
    """The rows to export and, for the whole graph, the staff corrections (PROV activities)."""
    if args.param and not args.query:
        raise PmkgError("--param needs --query NAME; run `pmkg query` to list the questions")
    if args.from_files:
        return rows_from_files(args.from_files), []
    from pmkg.graph.corrections import history
    from pmkg.graph.store import read_rows

    with connection.driver() as drv:
        if args.query:
            return rows_from_query(drv, args.query, args.param), []
        return read_rows(drv), history(drv)


def streams(args: argparse.Namespace, fmt: str) -> bool:
    """The whole graph in a line or Turtle format streams (``graph.export``) unless --in-memory."""
    from pmkg.graph.export import STREAM_FORMATS

    return not (args.in_memory or args.query or args.from_files or args.param) and fmt in STREAM_FORMATS


def run_stream(args: argparse.Namespace, fmt: str, options: rdf.ExportOptions) -> int:
    """Stream the whole graph to the file or standard output, a progress bar (triples/s) on stderr."""
    from tqdm import tqdm

    from pmkg.graph.export import stream_quads, write_stream

    if not args.validate:
        print("pmkg: the export is not SHACL-validated (--no-validate)", file=sys.stderr)
    partial = None if args.out is None else args.out.with_name(args.out.name + ".partial")
    if partial is not None:
        partial.parent.mkdir(parents=True, exist_ok=True)
    try:
        with (
            connection.driver() as drv,
            tqdm(unit=" triples", unit_scale=True, file=sys.stderr, desc="export") as bar,
            partial.open("wb") if partial is not None else nullcontext(sys.stdout.buffer) as out,
        ):
            write_stream(stream_quads(drv, options, validate=args.validate), out, fmt, bar.update)
    except BaseException:
        if partial is not None:  # never a file that looks whole but is not
            partial.unlink(missing_ok=True)
        raise
    if args.out is not None and partial is not None:
        partial.replace(args.out)
        print(f"{bar.n} statements written to {args.out} ({fmt}, streamed)", file=sys.stderr)
    return 0


def run(args: argparse.Namespace) -> int:
    fmt = output_format(args.format, args.out)
    options = export_options(args)
    if streams(args, fmt):
        return run_stream(args, fmt, options)
    rows, corrections = load_rows(args)
    dataset = rdf.rows_to_dataset(rows, options, corrections)
    data = rdf.serialize(dataset, fmt, check=args.validate)
    if args.out is None:
        sys.stdout.buffer.write(data)
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    documents = len(rows.nodes.get("Document", []))
    print(
        f"{len(dataset)} statements about {documents} document(s) written to {args.out} ({fmt})",
        file=sys.stderr,
    )
    return 0
