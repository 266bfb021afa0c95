"""``pmkg changes [--body BODY] [FROM TO] [--format table|csv|xlsx|docx|md|pdf] [--lang] [--out FILE]``.

What changed between two meetings (ids) or two dates, optionally of one body; with only a body, between
its last two meetings: new, gone and changed people, roles, affiliations, initiatives, agreements and
themes, each with its quote (graph/changes.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pmkg.cli.commands.brief import as_of_date, write
from pmkg.cli.commands.cypher import write_rows
from pmkg.cli.commands.query import one_line
from pmkg.errors import PmkgError
from pmkg.graph import connection
from pmkg.graph.briefing import entity_of
from pmkg.graph.changes import changes
from pmkg.reports import changes as report_of
from pmkg.reports.render import FORMATS, render
from pmkg.reports.tables import csv_bytes, xlsx_bytes

TABLE_FORMATS = ("table", "csv", "xlsx")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "changes",
        help="what changed between two meetings or two dates, with quotes",
        description="New, gone and changed people, roles, affiliations, initiatives, agreements and themes "
        "between two meetings (ids) or two dates (YYYY-MM-DD: the last meeting of each body on or before "
        "it), optionally of one body; with only --body, its last two meetings.",
    )
    parser.add_argument("sides", nargs="*", metavar="FROM TO", help="two meeting ids or two dates")
    parser.add_argument("--body", "-b", help="the body (an id or a name)")
    parser.add_argument("--format", "-f", choices=[*TABLE_FORMATS, *FORMATS], default="table")
    parser.add_argument("--lang", choices=["da", "en"], default="da")
    parser.add_argument(
        "--out", "-o", type=Path, help="the file to write (xlsx, docx, pdf: default changes.FORMAT)"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if len(args.sides) not in (0, 2):
        raise PmkgError("give two meetings or two dates to compare, or none with --body for its last two")
    sides = [s if s.startswith("meeting:") else as_of_date(s) for s in args.sides]
    with connection.driver() as drv:
        body = entity_of(drv, args.body)["id"] if args.body else None
        found = changes(drv, body, *(sides or (None, None)))
    print(f"from {found.before.label} to {found.after.label}: {len(found.table)} change(s)", file=sys.stderr)
    table = report_of.readable(found.table, args.lang)
    if args.format in ("table", "csv") and args.out is None:
        rows = [[one_line(v) for v in row] for row in table.astype(object).itertuples(index=False)]
        write_rows(list(table.columns), rows, args.format)
        return 0
    if args.format == "csv":
        data = csv_bytes(table)
    elif args.format == "xlsx":
        data = xlsx_bytes(table, "changes")
    elif args.format == "table":
        raise PmkgError("--format table prints to the terminal; use csv or xlsx for a file")
    else:
        data = render(report_of.to_report(found, args.lang), args.format)
    path = write(data, args.out, f"changes.{FORMATS.get(args.format, (args.format,))[0]}")
    print(f"written to {path}", file=sys.stderr)
    return 0
