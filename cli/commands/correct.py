"""``pmkg merge|split|rename|reject|not-same``, ``pmkg corrections list|export|import|undo``: corrections.

Each correction is recorded with its author (``ui.identity.local_user``: ``PMKG_USER`` or the OS
account, the signed-in person once sign-in exists), the time and the reason, stored in Neo4j apart
from the extracted facts, and replayed after every ingest, replace and removal (``graph.corrections``).
``--dry-run`` runs the same transaction and rolls it back, printing what would change.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pmkg.errors import PmkgError
from pmkg.graph import amend, connection, corrections, review
from pmkg.graph.curation import Outcome
from pmkg.model.correction import Correction, from_lines, make, to_line
from pmkg.model.graph import RELS
from pmkg.ui.identity import local_user


def common_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--why", "--reason", dest="why", default="", help="the reason, kept with the correction"
    )
    parser.add_argument("--dry-run", action="store_true", help="show what would change; store nothing")


def register(sub: argparse._SubParsersAction) -> None:
    merge = sub.add_parser("merge", help="merge nodes that are one entity (kept across re-ingests)")
    merge.add_argument("ids", nargs="+", metavar="ID", help="two or more node ids (see `pmkg candidates`)")
    merge.add_argument("--keep", required=True, metavar="ID", help="the node that stays (its name is kept)")
    common_options(merge)
    merge.set_defaults(func=run_merge)

    split = sub.add_parser("split", help="move one node's facts from some documents onto a new node")
    split.add_argument("id", metavar="ID", help="the node to split (e.g. one two people of one name share)")
    split.add_argument(
        "--documents",
        nargs="+",
        required=True,
        metavar="DOC",
        help="documents whose facts move (id, file name or path, or sha256 prefix)",
    )
    split.add_argument("--name", help="the new node's name (default: the same name)")
    common_options(split)
    split.set_defaults(func=run_split)

    rename = sub.add_parser("rename", help="set a node's name (the old one becomes an alias)")
    rename.add_argument("id", metavar="ID")
    rename.add_argument("name", metavar="NAME")
    common_options(rename)
    rename.set_defaults(func=run_rename)

    reject = sub.add_parser("reject", help="mark a fact wrong: it stays, visibly rejected")
    reject.add_argument("source", metavar="FROM", help="the fact's first node id")
    reject.add_argument(
        "type", metavar="TYPE", choices=sorted(RELS), help="relationship type, e.g. HOLDS_ROLE"
    )
    reject.add_argument("target", metavar="TO", help="the fact's other node id")
    reject.add_argument(
        "--where",
        action="append",
        default=[],
        metavar="PROP=VALUE",
        help="only facts with this value (role=chair)",
    )
    common_options(reject)
    reject.set_defaults(func=run_reject)

    not_same = sub.add_parser("not-same", help="two nodes are different: never propose merging them again")
    not_same.add_argument("ids", nargs=2, metavar="ID")
    common_options(not_same)
    not_same.set_defaults(func=run_not_same)

    group = sub.add_parser("corrections", help="list, export, import or undo corrections")
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    listed = actions.add_parser("list", help="every correction: who, when, what, why, status")
    listed.add_argument("--json", action="store_true", help="JSON Lines with the status")
    listed.set_defaults(func=run_list)
    export = actions.add_parser("export", help="write the corrections as JSON Lines")
    export.add_argument("file", nargs="?", help="file to write (default: standard output)")
    export.set_defaults(func=run_export)
    imported = actions.add_parser("import", help="add corrections from JSON Lines (idempotent) and replay")
    imported.add_argument("file", help="a file written by `pmkg corrections export`")
    imported.add_argument("--dry-run", action="store_true", help="check and show what would change")
    imported.set_defaults(func=run_import)
    undo = actions.add_parser("undo", help="reverse one correction (it stays in the history, undone)")
    undo.add_argument("id", metavar="CORRECTION")
    undo.add_argument("--dry-run", action="store_true", help="show what would change; store nothing")
    undo.set_defaults(func=run_undo)


def report(c: Correction, outcome: Outcome, dry_run: bool) -> int:
    prefix = "would " if dry_run else ""
    for line in outcome.changes or [f"{c.kind} {' '.join(c.targets)}: no change to the graph"]:
        print(prefix + line)
    if dry_run:
        print("dry run: nothing stored")
    else:
        print(f"recorded {c.id} ({c.kind} by {c.author} at {c.at})")
    return 0


def _nodes(ids: list[str]) -> dict[str, tuple[str, str]]:
    """Label and name of each id; a missing one is a one-line error."""
    with connection.driver() as drv:
        return review.found_nodes(drv, ids)


def _record(c: Correction, dry_run: bool) -> int:
    with connection.driver() as drv:
        outcome = corrections.record(drv, c, dry_run=dry_run)
    return report(c, outcome, dry_run)


def run_merge(args: argparse.Namespace) -> int:
    with connection.driver() as drv:
        c, outcome = review.merge(drv, args.ids, args.keep, local_user().name, args.why, dry_run=args.dry_run)
    return report(c, outcome, args.dry_run)


def run_split(args: argparse.Namespace) -> int:
    with connection.driver() as drv:
        c, outcome = amend.split(
            drv, args.id, args.documents, local_user().name, args.why, name=args.name, dry_run=args.dry_run
        )
    return report(c, outcome, args.dry_run)


def run_rename(args: argparse.Namespace) -> int:
    label, was = _nodes([args.id])[args.id]
    payload = {"label": label, "name": args.name.strip(), "was": was}
    return _record(make("rename", [args.id], payload, local_user().name, args.why), args.dry_run)


def run_reject(args: argparse.Namespace) -> int:
    where = amend.pairs(args.where, "--where")
    with connection.driver() as drv:
        c, outcome = amend.reject(
            drv, args.source, args.type, args.target, where, local_user().name, args.why, dry_run=args.dry_run
        )
    return report(c, outcome, args.dry_run)


def run_not_same(args: argparse.Namespace) -> int:
    with connection.driver() as drv:
        c, outcome = review.not_same(drv, args.ids, local_user().name, args.why, dry_run=args.dry_run)
    return report(c, outcome, args.dry_run)


def run_list(args: argparse.Namespace) -> int:
    with connection.driver() as drv:
        items = corrections.listing(drv)
    if args.json:
        for item in items:
            print(
                json.dumps(
                    {**json.loads(to_line(item.correction)), "status": item.status}, ensure_ascii=False
                )
            )
        return 0
    if not items:
        print("no corrections")
        return 0
    for item in items:
        c = item.correction
        shown = {k: v for k, v in c.payload.items() if k not in ("label", "was", "from_label", "to_label")}
        shown |= shown.pop("where", None) or {}
        shown |= {f"set.{k}": v for k, v in (shown.pop("props", None) or {}).items()}  # fix, add
        shown |= {f"kept.{k}": v for k, v in (shown.pop("kept", None) or {}).items()}  # fix
        details = " ".join(
            f"{k}={','.join(v) if isinstance(v, list) else v}" for k, v in sorted(shown.items()) if v
        )
        why = f" - {c.reason}" if c.reason else ""
        print(f"{c.id}\t{c.at}\t{c.author}\t{c.kind}\t{' '.join(c.targets)}\t{details}\t{item.status}{why}")
    return 0


def run_export(args: argparse.Namespace) -> int:
    with connection.driver() as drv:
        records = corrections.export_lines(drv)
    text = "".join(to_line(c) + "\n" for c in records)
    if args.file:
        Path(args.file).write_text(text, encoding="utf-8")
        print(f"exported {len(records)} corrections to {args.file}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def run_import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PmkgError(f"{path}: cannot be read ({type(exc).__name__})") from exc
    records = from_lines(text, str(path))
    with connection.driver() as drv:
        new, replay = corrections.import_lines(drv, records, dry_run=args.dry_run)
    prefix = "would " if args.dry_run else ""
    for line in replay.changes:
        print(prefix + line)
    print(f"{prefix}import {new} new of {len(records)} corrections; {len(replay.orphaned)} orphaned")
    for cid in replay.orphaned:
        print(f"orphaned: {cid} (its targets are not in the graph)")
    return 0


def run_undo(args: argparse.Namespace) -> int:
    with connection.driver() as drv:
        changes = corrections.undo(drv, args.id, local_user().name, dry_run=args.dry_run)
    prefix = "would " if args.dry_run else ""
    for line in changes:
        print(prefix + line)
    print(f"{prefix}undo {args.id}" + (" (dry run: nothing stored)" if args.dry_run else ""))
    return 0
