"""The ``pmkg`` command line: a thin dispatcher over the command modules.

Each module in ``pmkg.cli.commands`` adds its own sub-command with ``register(subparsers)``
and sets ``func`` on its parser; this file only wires them up and turns
:class:`PmkgError` into a one-line message and a non-zero exit status.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from pmkg import __version__
from pmkg.errors import PmkgError, interrupted

# Each sub-command and the module that registers it. Only the module of the command being run is
# imported (the store's driver alone takes seconds to import, which `pmkg extract` does not need);
# help and unknown commands import them all.
COMMANDS = {
    "extract": "pmkg.cli.commands.extract",
    "neo4j": "pmkg.cli.commands.neo4j",
    "keycloak": "pmkg.cli.commands.keycloak",
    "ingest": "pmkg.cli.commands.ingest",
    "remove": "pmkg.cli.commands.ingest",
    "candidates": "pmkg.cli.commands.ingest",
    "cypher": "pmkg.cli.commands.cypher",
    "query": "pmkg.cli.commands.query",
    "analytics": "pmkg.cli.commands.query",
    "export": "pmkg.cli.commands.export",
    "app": "pmkg.cli.commands.app",
    "brief": "pmkg.cli.commands.brief",
    "changes": "pmkg.cli.commands.changes",
    "merge": "pmkg.cli.commands.correct",
    "split": "pmkg.cli.commands.correct",
    "rename": "pmkg.cli.commands.correct",
    "reject": "pmkg.cli.commands.correct",
    "not-same": "pmkg.cli.commands.correct",
    "corrections": "pmkg.cli.commands.correct",
    "set-type": "pmkg.cli.commands.amend",
    "add": "pmkg.cli.commands.amend",
    "fix": "pmkg.cli.commands.amend",
    "review": "pmkg.cli.commands.review",
    "resolve": "pmkg.cli.commands.review",
    "confirm": "pmkg.cli.commands.review",
}


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser, with the sub-command named in ``argv`` (or, failing that, every one)."""
    parser = argparse.ArgumentParser(
        prog="pmkg",
        description="Knowledge graph of people, institutions and initiatives from meeting minutes.",
    )
    parser.add_argument("--version", action="version", version=f"pmkg {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    chosen = next((arg for arg in argv or () if not arg.startswith("-")), None)
    modules = [COMMANDS[chosen]] if chosen in COMMANDS else list(dict.fromkeys(COMMANDS.values()))
    for name in modules:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except BaseException as exc:
        if interrupted(exc):
            print("pmkg: interrupted", file=sys.stderr)
            return 130
        if isinstance(exc, PmkgError):
            print(f"pmkg: error: {exc}", file=sys.stderr)
            return 1
        raise


if __name__ == "__main__":
    sys.exit(main())
