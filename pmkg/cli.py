"""The ``pmkg`` command line: a thin dispatcher over the command modules.

Each module in ``pmkg.commands`` adds its own sub-command with ``register(subparsers)``
and sets ``func`` on its parser; this file only wires them up and turns
:class:`PmkgError` into a one-line message and a non-zero exit status.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from pmkg import __version__
from pmkg.errors import PmkgError

COMMAND_MODULES = (
    "pmkg.commands.extract",
    "pmkg.commands.neo4j",
    "pmkg.commands.ingest",
    "pmkg.commands.cypher",
    "pmkg.commands.query",
    "pmkg.commands.export",
    "pmkg.commands.app",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pmkg",
        description="Knowledge graph of people, institutions and initiatives from meeting minutes.",
    )
    parser.add_argument("--version", action="version", version=f"pmkg {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # a command not written yet
                continue
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except PmkgError as exc:
        print(f"pmkg: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("pmkg: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
