"""``pmkg set-type|add|fix``: correct a node's kind, state a missing fact, revise a wrong one.

Built and checked by ``graph.amend`` (the app's "correct this" controls use it too), recorded with the
local user (``PMKG_USER`` or the OS account) as author and replayed after every ingest like every
other correction; ``--dry-run`` shows what would change and stores nothing. ``add`` and ``fix`` need
``--note``: where the fact is known from, since no sentence of the minutes states it.
"""

from __future__ import annotations

import argparse

from pmkg.cli.commands.correct import common_options, report
from pmkg.graph import amend, connection
from pmkg.model.correction import RETYPABLE
from pmkg.model.graph import RELS
from pmkg.ui.identity import local_user


def _fact_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", metavar="FROM", help="the fact's first node id (e.g. the person)")
    parser.add_argument(
        "type", metavar="TYPE", choices=sorted(RELS), help="relationship type, e.g. HOLDS_ROLE"
    )
    parser.add_argument("target", metavar="TO", help="the fact's other node id (e.g. the organisation)")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="PROP=VALUE",
        help="the fact's value (role=vice_chair; at a meeting roles=member, status=absent)",
    )
    parser.add_argument("--note", required=True, help="where this is known from (no document states it)")
    parser.add_argument(
        "--from",
        dest="valid_from",
        metavar="YYYY-MM-DD",
        help="the day the fact holds from, for questions as of a date (default: today for add; for fix "
        "the first date of the minutes it revises)",
    )
    common_options(parser)


def register(sub: argparse._SubParsersAction) -> None:
    retype = sub.add_parser(
        "set-type", help="a node is another kind of entity (a 'person' that is an organisation)"
    )
    retype.add_argument("id", metavar="ID")
    retype.add_argument("label", metavar="TYPE", choices=RETYPABLE, help=" | ".join(RETYPABLE))
    common_options(retype)
    retype.set_defaults(func=run_set_type)

    add = sub.add_parser("add", help="state a fact no document states, with a source note")
    _fact_arguments(add)
    add.set_defaults(func=run_add)

    fix = sub.add_parser(
        "fix", help="revise an extracted fact (wrong role or organisation), with a source note"
    )
    _fact_arguments(fix)
    fix.add_argument(
        "--where",
        action="append",
        default=[],
        metavar="PROP=VALUE",
        help="the facts revised (role=member; roles=chair)",
    )
    fix.add_argument("--to", dest="into", metavar="ID", help="the right other end (the right organisation)")
    fix.set_defaults(func=run_fix)


def run_set_type(args: argparse.Namespace) -> int:
    with connection.driver() as drv:
        c, outcome = amend.set_type(
            drv, args.id, args.label, local_user().name, args.why, dry_run=args.dry_run
        )
    return report(c, outcome, args.dry_run)


def run_add(args: argparse.Namespace) -> int:
    values = amend.pairs(args.set, "--set")
    with connection.driver() as drv:
        c, outcome = amend.add(
            drv, args.source, args.type, args.target, values, args.note, local_user().name, args.why,
            valid_from=args.valid_from, dry_run=args.dry_run,
        )  # fmt: skip
    return report(c, outcome, args.dry_run)


def run_fix(args: argparse.Namespace) -> int:
    where, values = amend.pairs(args.where, "--where"), amend.pairs(args.set, "--set")
    with connection.driver() as drv:
        c, outcome = amend.fix(
            drv, args.source, args.type, args.target, where, values, args.note, local_user().name, args.why,
            into=args.into, valid_from=args.valid_from, dry_run=args.dry_run,
        )  # fmt: skip
    return report(c, outcome, args.dry_run)
