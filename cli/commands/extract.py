"""``pmkg extract FILE``: one document's extraction record as JSON, or its facts as RDF; ``--explain``:
why each attendee, role, affiliation and entity was found, as plain text."""

from __future__ import annotations

import argparse
import json
import sys

from pmkg.ingest.pipeline import extract_file


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "extract",
        help="extract one minutes file and print its record (JSON) or its facts (RDF)",
        description="Read one minutes file (TXT, MD, PDF, DOCX, HTML) and print what was extracted.",
    )
    parser.add_argument("file", help="the minutes file")
    parser.add_argument(
        "--format",
        choices=["json", "turtle", "jsonld", "xml", "nt", "nq"],
        default="json",
        help="json: the extraction record (knowledge/record.schema.json); others: RDF (default: json)",
    )
    parser.add_argument("--include-text", action="store_true", help="include the document text in JSON")
    parser.add_argument(
        "--explain",
        action="store_true",
        help="print, as plain text, the rule and the words of the text behind each attendee, role, "
        "affiliation, the meeting's heading, organisations and initiatives, and the short forms to review",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
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
