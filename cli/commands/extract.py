"""``pmkg extract FILE``: one document's extraction record as JSON, or its facts as RDF; ``--explain``:
why each attendee, role, affiliation and entity was found, as plain text. ``--format jsonl`` takes many
files and prints one record per line, what ``pmkg ingest --records`` loads: extraction is a pure
function of a file, so it can run anywhere (a Dask or Spark job) and the lines be loaded here."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pmkg.errors import PmkgError
from pmkg.ingest.pipeline import extract_file


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "extract",
        help="extract one minutes file and print its record (JSON) or its facts (RDF)",
        description="Read one minutes file (TXT, MD, PDF, DOCX, HTML) and print what was extracted.",
    )
    parser.add_argument("file", help="the minutes file")
    parser.add_argument("more", nargs="*", metavar="FILE", help="more files (with --format jsonl only)")
    parser.add_argument(
        "--format",
        choices=["json", "jsonl", "turtle", "jsonld", "xml", "nt", "nq"],
        default="json",
        help="json: the extraction record (knowledge/record.schema.json); jsonl: one record per line per "
        "file, for `pmkg ingest --records`; others: RDF (default: json)",
    )
    parser.add_argument(
        "--include-text",
        action="store_true",
        help="include the document text in JSON (JSON Lines always hold it: loaded, the text gives the "
        "review queue the lines around a short form or a low-confidence fact)",
    )
    parser.add_argument(
        "--explain",
        action="store_true",
        help="print, as plain text, the rule and the words of the text behind each attendee, role, "
        "affiliation, the meeting's heading, organisations and initiatives, and the short forms to review",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.format == "jsonl":
        return run_jsonl([args.file, *args.more])
    if args.more:
        raise PmkgError("several files need --format jsonl (one record per line)")
    if args.explain:
        from pmkg.ingest.explain import explain, render
        from pmkg.ingest.pipeline import run_stages
        from pmkg.ingest.read import read_document

        sys.stdout.write(render(explain(run_stages(read_document(args.file)))))
        return 0
    record = extract_file(args.file)
    if args.format == "json":
        json.dump(record.to_dict(include_text=args.include_text), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    from pmkg.graph.rdf import rows_to_dataset, serialize
    from pmkg.graph.triples import record_to_rows

    sys.stdout.buffer.write(serialize(rows_to_dataset(record_to_rows(record)), args.format))
    return 0


def run_jsonl(files: list[str]) -> int:
    """One record per line per file, in the order given, with its text, so that loading the lines gives
    the graph that ingesting the files gives; a file that fails is named on stderr, the others are still
    written, and the exit status is 1."""
    from pmkg.ingest.parallel import extract_one
    from pmkg.model.record import encode_record

    failed = 0
    for name in files:
        done = extract_one(Path(name))
        if done.record is None:
            failed += 1
            print(f"failed: {name}: {done.reason}", file=sys.stderr)
            continue
        sys.stdout.buffer.write(encode_record(done.record, include_text=True) + b"\n")
    sys.stdout.flush()
    return 1 if failed else 0
