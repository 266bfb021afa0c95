"""``pmkg review shortforms|facts``, ``pmkg resolve``, ``pmkg confirm``: the review queues in a terminal.

Extraction leaves two kinds of question for staff: a short form that fits two people ("Anna" where two
Annas attended: ``graph.shortforms``) and a fact found only by a low-confidence rule
(``knowledge/review.yaml``, ``graph.lowconfidence``). The Review page asks them one at a time; here
``pmkg review`` lists what is open, with the ids ``pmkg resolve`` and ``pmkg confirm`` take. Both go
through ``graph.review`` as the page does (a ``resolve`` or ``confirm`` correction, replayed after
every ingest), with the local user as author like every CLI correction, and ``--dry-run`` rolls the
transaction back. A wrong fact is rejected with ``pmkg reject``, whose arguments the listing shows.
"""

from __future__ import annotations

import argparse
import json
import shlex
from collections.abc import Callable, Sequence
from dataclasses import asdict
from typing import Any

from pmkg.cli.commands.correct import common_options, report
from pmkg.graph import connection, lowconfidence, review, shortforms
from pmkg.ui.identity import local_user


def register(sub: argparse._SubParsersAction) -> None:
    queue = sub.add_parser("review", help="list what extraction left for staff to decide")
    queue.add_argument(
        "queue",
        choices=("shortforms", "facts"),
        help="short forms that fit two people, or low-confidence facts",
    )
    queue.add_argument("--json", action="store_true", help="JSON Lines instead of text")
    queue.set_defaults(func=run_review)

    resolve = sub.add_parser("resolve", help="say whom a short form means (see `pmkg review shortforms`)")
    resolve.add_argument("id", metavar="SHORTFORM", help="the short form's id, e.g. shortform:4d1c...")
    who = resolve.add_mutually_exclusive_group(required=True)
    who.add_argument("person", nargs="?", metavar="PERSON", help="the candidate meant, e.g. person:anna-holm")
    who.add_argument("--none", action="store_true", help="not one of the candidates")
    common_options(resolve)
    resolve.set_defaults(func=run_resolve)

    confirm = sub.add_parser("confirm", help="keep a low-confidence fact (see `pmkg review facts`)")
    confirm.add_argument("id", metavar="FACT", help="the fact's id, e.g. lowconf:9a0e...")
    common_options(confirm)
    confirm.set_defaults(func=run_confirm)


def _shortform_line(form: shortforms.ShortForm) -> str:
    people = ", ".join(f"{pid} ({name})" for pid, name in form.people)
    return f"{form.id}\t{form.form!r} in {form.source} ({form.date or 'no date'})\t{people}"


def _fact_line(fact: lowconfidence.Fact) -> str:
    where = "".join(f" --where {shlex.quote(f'{k}={v}')}" for k, v in sorted(fact.where.items()))
    return (
        f"{fact.id}\t{fact.from_id} {fact.type} {fact.to_id}{where}\t{fact.from_name} -> {fact.to_name}\t"
        f"{', '.join(fact.rules)}\t{fact.title} ({fact.date or 'no date'})"
    )


def _listed(items: Sequence[Any], as_json: bool, line: Callable[[Any], str], empty: str) -> None:
    """Each open item: one line (a fact's values quoted as a shell takes them, so ``pmkg reject`` can be
    given them as shown), then the lines of the minutes it is on, indented (or JSON Lines)."""
    for item in items:
        if as_json:
            print(json.dumps(asdict(item), ensure_ascii=False))
            continue
        print(line(item))
        for quoted in item.lines:  # a line of a PDF may hold line breaks: one line here
            print(f"    {' '.join(quoted.split())}")
    if not items and not as_json:
        print(empty)


def run_review(args: argparse.Namespace) -> int:
    with connection.driver() as drv:
        if args.queue == "shortforms":
            _listed(shortforms.queue(drv), args.json, _shortform_line, "no short forms to resolve")
        else:
            _listed(lowconfidence.queue(drv), args.json, _fact_line, "no low-confidence facts to confirm")
    return 0


def run_resolve(args: argparse.Namespace) -> int:
    person = None if args.none else args.person
    with connection.driver() as drv:
        c, outcome = review.resolve(drv, args.id, person, local_user().name, args.why, dry_run=args.dry_run)
    return report(c, outcome, args.dry_run)


def run_confirm(args: argparse.Namespace) -> int:
    with connection.driver() as drv:
        c, outcome = review.judge(drv, args.id, True, local_user().name, args.why, dry_run=args.dry_run)
    return report(c, outcome, args.dry_run)
