"""The read-only Cypher console behind ``pmkg cypher`` and the app's Expert page: one gate for both.

The console connects as the Neo4j admin user (Community Edition has no roles), so a READ transaction
alone is not enough: administration commands such as ``SHOW USERS``, ``SHOW TRANSACTIONS`` and
``TERMINATE TRANSACTIONS`` run in one. A query is therefore admitted only if

1. its text (string literals and comments removed) holds none of ``SHOW``, ``TERMINATE``, ``USE``
   (the server plans ``SHOW USERS`` and ``TERMINATE TRANSACTIONS`` as reads) and calls no
   ``dbms.*`` or ``db.clear*`` procedure, and
2. the server, asked with ``EXPLAIN`` (which plans but runs nothing), calls it a read query
   (``query_type == 'r'``): writes, schema changes and most procedures come back ``'w'``/``'rw'``/``'s'``.

Then it runs in a READ transaction with the server's time limit and at most ``rows`` records fetched.
Values are passed as parameters, never written into the text.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import neo4j
from neo4j.exceptions import CypherSyntaxError, Neo4jError

from pmkg.errors import PmkgError
from pmkg.graph.connection import read_tx

# Administration commands that the server plans as reads (SHOW ..., TERMINATE ...) and USE, which would
# switch to another database (``system``); the other administration commands (CREATE USER, DROP INDEX,
# GRANT ...) are planned as schema/system queries and refused by their query type.
_ADMIN_WORDS = "SHOW|TERMINATE|USE"
_ADMIN_RE = re.compile(rf"(?<![\w.$])({_ADMIN_WORDS})(?![\w])", re.IGNORECASE)
_PROCEDURE_RE = re.compile(r"(?<![\w.$])(dbms\s*\.\s*[\w.]*|db\s*\.\s*clear\w*)", re.IGNORECASE)
# string literals, comments and backtick-quoted names (kept as their bare text: `dbms`.x is dbms.x)
_LEXEME_RE = re.compile(
    r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|//[^\n]*|/\*.*?\*/|`((?:[^`]|``)*)`", re.DOTALL
)


@dataclass(frozen=True)
class ConsoleResult:
    """Column names, at most the row limit of records, and whether more were left out."""

    keys: list[str]
    records: list[neo4j.Record]
    more: bool


def _code_only(query: str) -> str:
    """The query without string literals and comments; quoted names as their text."""
    return _LEXEME_RE.sub(lambda m: m.group(1).replace("``", "`") if m.group(1) is not None else " ", query)


def refusal(query: str) -> str | None:
    """Why the text alone is refused (an administration command or procedure), or None."""
    code = _code_only(query)
    if found := _ADMIN_RE.search(code):
        return f"administration commands ({found.group(1).upper()} ...) are not allowed in the console"
    if found := _PROCEDURE_RE.search(code):
        name = re.sub(r"\s+", "", found.group(1))
        return f"the procedure {name} is not allowed in the console (dbms.* and db.clear* are refused)"
    return None


def run_console(
    driver: neo4j.Driver, query: str, params: Mapping[str, Any], *, rows: int, seconds: float
) -> ConsoleResult:
    """Run a user's read query of the graph; anything else is a one-line PmkgError saying why.

    Refused: administration commands, ``dbms.*``/``db.clear*`` procedures, and any query the server
    does not plan as a read. A syntax error or a timeout is reported the same way.
    """
    if not query.strip():
        raise PmkgError("the query is empty")
    if why := refusal(query):
        raise PmkgError(why)

    def kind(tx: neo4j.ManagedTransaction) -> str | None:
        # safe-cypher: EXPLAIN plans the user's query without running it, to learn its query type
        return tx.run("EXPLAIN " + query, dict(params)).consume().query_type

    def work(tx: neo4j.ManagedTransaction) -> tuple[list[str], list[neo4j.Record]]:
        # safe-cypher: the console's purpose is to run the user's query; it was planned as a read above
        result = tx.run(query, dict(params))
        return list(result.keys()), list(itertools.islice(result, rows + 1))

    try:
        query_type = read_tx(driver, kind, timeout=seconds)
        if query_type in ("w", "rw"):
            raise PmkgError(_WRITE)
        if query_type != "r":
            raise PmkgError(_ADMINISTERS)
        keys, records = read_tx(driver, work, timeout=seconds)
    except Neo4jError as exc:
        raise PmkgError(_message(exc, seconds)) from None
    return ConsoleResult(keys, records[:rows], len(records) > rows)


_WRITE = "the console is read-only: the query tries to write, and the server refused it"
_ADMINISTERS = "the console is read-only: the query changes the schema or administers the server"


def _message(exc: Neo4jError, timeout: float) -> str:
    code = exc.code or ""
    lines = (exc.message or "").strip().splitlines()
    detail = lines[0] if lines else code
    if code == "Neo.ClientError.Statement.AccessMode":
        return _WRITE
    if code.startswith("Neo.ClientError.Transaction.TransactionTimedOut"):
        return (
            f"the query ran longer than {timeout:g} s (timeout) and was stopped: narrow it or allow more time"
        )
    if isinstance(exc, CypherSyntaxError):
        return f"Cypher syntax error: {detail}"
    return f"the query failed: {detail}"
