"""``pmkg brief ENTITY [--format md|docx|pdf] [--lang da|en] [--as-of DATE] [--out FILE]``.

A briefing note on one person, organisation, initiative, agreement, theme or meeting: who or what it
is, roles and memberships over time, what it is linked with and through what, initiatives and
agreements, themes, figures, coming meetings and deadlines and open review items, every statement with
a numbered citation (graph/briefing.py gathers it, pmkg.reports writes it).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pmkg.errors import PmkgError
from pmkg.graph import connection
from pmkg.graph.briefing import build_briefing
from pmkg.graph.questions import Param, coerce
from pmkg.reports.briefing import to_report
from pmkg.reports.render import FORMATS, render
from pmkg.text import slug


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "brief",
        help="write a cited briefing note on one entity (Markdown, DOCX or PDF)",
        description="A briefing note on a person, organisation, initiative, agreement, theme or meeting, "
        "every statement with a numbered citation (document, meeting date, quote). ENTITY: an id or a name.",
    )
    parser.add_argument("entity", help="an id (org:ngc) or a name (Nationalt Genom Center)")
    parser.add_argument("--format", "-f", choices=list(FORMATS), default="md")
    parser.add_argument(
        "--lang", choices=["da", "en"], default="da", help="language of the note (default da)"
    )
    parser.add_argument("--as-of", metavar="YYYY-MM-DD", help="as the graph stood on this date")
    parser.add_argument(
        "--out",
        "-o",
        type=Path,
        help="the file to write (default: standard output for md, else brief-NAME.FORMAT)",
    )
    parser.add_argument("--limit", type=int, default=25, help="at most statements of each kind (default 25)")
    parser.add_argument(
        "--include-contact-details",
        action="store_true",
        help="include e-mail addresses (left out by default)",
    )
    parser.set_defaults(func=run)


def as_of_date(value: str | None) -> str | None:
    """The as-of date checked like a question's date parameter (YYYY-MM-DD or 'today')."""
    return None if value is None else coerce(Param(name="as-of", type="date"), value)


def write(data: bytes, out: Path | None, default_name: str) -> Path | None:
    """Bytes to ``out`` (or ``default_name`` in the current folder); None when they went to stdout."""
    path = out or Path(default_name)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    except OSError as exc:
        raise PmkgError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return path


def run(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise PmkgError("--limit must be at least 1")
    with connection.driver() as drv:
        briefing = build_briefing(
            drv, args.entity, as_of_date(args.as_of), args.limit, contact_details=args.include_contact_details
        )
    report = to_report(briefing, args.lang, with_figure=args.format != "md")
    data = render(report, args.format)
    if args.format == "md" and args.out is None:
        sys.stdout.write(data.decode("utf-8"))
        return 0
    path = write(data, args.out, f"brief-{slug(briefing.name)}.{FORMATS[args.format][0]}")
    print(f"briefing on {briefing.name} ({len(briefing.notes)} sources) written to {path}", file=sys.stderr)
    return 0
