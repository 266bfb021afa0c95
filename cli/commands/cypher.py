"""``pmkg cypher "QUERY"``: a read-only Cypher console with a time limit and a row limit.

Only reads of the graph are admitted (``pmkg.graph.console``: the server's plan must be a read, and
administration commands and ``dbms.*``/``db.clear*`` procedures are refused); the query runs in a READ
transaction whose timeout the server enforces.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

import neo4j

from pmkg.errors import PmkgError
from pmkg.graph import connection
from pmkg.graph.console import run_console

DEFAULT_LIMIT = 1000
DEFAULT_TIMEOUT_S = 30.0
_CONTROL = {c: f"\\x{c:02x}" for c in (*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F)}


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "cypher",
        help="run a read-only Cypher query against the graph",
        description="Run one Cypher query in a read transaction (the server refuses writes), "
        "with a time limit and a row limit. Pass values with --param instead of writing them into "
        "the query.",
    )
    parser.add_argument("query", help="the Cypher query, e.g. 'MATCH (p:Person) RETURN p.name LIMIT 5'")
    parser.add_argument(
        "--param",
        "-p",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a query parameter ($NAME); numbers, true/false, null and JSON are parsed, else text",
    )
    parser.add_argument("--format", choices=["table", "json", "csv"], default="table")
    parser.add_argument(
        "--limit", type=int, default=DEFAULT_LIMIT, help=f"rows at most (default {DEFAULT_LIMIT})"
    )
    parser.add_argument(
        "--timeout", type=float, default=DEFAULT_TIMEOUT_S, help=f"seconds (default {DEFAULT_TIMEOUT_S:g})"
    )
    parser.set_defaults(func=run)


def parse_param(text: str) -> tuple[str, Any]:
    """``name=value``: the value as JSON when it parses (``3``, ``2.5``, ``true``, ``[1,2]``), else text."""
    name, sep, raw = text.partition("=")
    name = name.strip().lstrip("$")
    if not sep or not name.isidentifier():
        raise PmkgError(f"--param {text!r}: write it as NAME=VALUE, e.g. --param name=Søren")
    lowered = raw.strip().lower()
    if lowered in ("true", "false", "null"):
        return name, json.loads(lowered)
    try:
        return name, json.loads(raw)
    except ValueError:
        return name, raw


def plain(value: Any) -> Any:
    """A query result value as JSON-ready data (nodes and relationships as property maps)."""
    if isinstance(value, neo4j.graph.Node):
        return {"_labels": sorted(value.labels), **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, neo4j.graph.Relationship):
        ends = {
            "_start": value.start_node and value.start_node.get("id"),
            "_end": value.end_node and value.end_node.get("id"),
        }
        return {"_type": value.type, **ends, **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, neo4j.graph.Path):
        return {
            "_nodes": [plain(n) for n in value.nodes],
            "_relationships": [plain(r) for r in value.relationships],
        }
    if hasattr(value, "iso_format"):  # neo4j.time types (Duration is a tuple)
        return value.iso_format()
    if isinstance(value, neo4j.spatial.Point):
        return {"srid": value.srid, "coordinates": list(value)}
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, date | datetime | time | timedelta):
        return str(value)
    if isinstance(value, bytes):
        return value.hex()
    return value


def cell(value: Any) -> str:
    """One value as text: strings as they are, everything else as compact JSON."""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)


def table(keys: list[str], rows: list[list[Any]]) -> str:
    """An aligned text table; control characters are shown escaped so data cannot drive the terminal."""
    cells = [[cell(v).translate(_CONTROL) for v in row] for row in rows]
    widths = [max([len(k), *(len(r[i]) for r in cells)]) for i, k in enumerate(keys)]
    line = "  ".join("-" * w for w in widths)
    out = ["  ".join(k.ljust(w) for k, w in zip(keys, widths, strict=True)), line]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return "\n".join(out)


def run_query(
    drv: neo4j.Driver, query: str, params: Mapping[str, Any], limit: int, timeout: float
) -> tuple[list[str], list[list[Any]], bool]:
    """(column names, at most ``limit`` rows of plain values, whether more rows were left out).

    The query goes through the console's gate (``pmkg.graph.console``): reads of the graph only.
    """
    # safe-cypher: running the user's query is the console's purpose; graph.console admits reads only
    found = run_console(drv, query, params, rows=limit, seconds=timeout)
    return found.keys, [[plain(v) for v in record.values()] for record in found.records], found.more


def write_rows(keys: list[str], rows: Iterable[list[Any]], fmt: str) -> None:
    rows = list(rows)
    if fmt == "json":
        json.dump([dict(zip(keys, r, strict=True)) for r in rows], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(keys)
        writer.writerows([cell(v) for v in r] for r in rows)
    else:
        print(table(keys, rows))


def run(args: argparse.Namespace) -> int:
    if args.limit < 1 or args.timeout <= 0:
        raise PmkgError("--limit must be at least 1 and --timeout more than 0")
    params = dict(parse_param(p) for p in args.param)
    with connection.driver() as drv:
        # safe-cypher: running the user's query is the console's purpose; graph.console admits reads only
        keys, rows, truncated = run_query(drv, args.query, params, args.limit, args.timeout)
    write_rows(keys, rows, args.format)
    if truncated:
        print(f"pmkg: only the first {args.limit} rows are shown (use --limit)", file=sys.stderr)
    return 0
