"""How every part of pmkg reaches Neo4j: settings, a verified driver, and read/write helpers.

Any Neo4j works (the managed local server, Docker, Desktop, Aura, a cluster): set
``NEO4J_URI``, ``NEO4J_USERNAME``, ``NEO4J_PASSWORD`` and optionally ``NEO4J_DATABASE``;
otherwise the managed server started by ``pmkg neo4j start`` is used.

Reads go through read transactions and writes through write transactions
(``execute_read`` / ``execute_write``), so a routing URI (``neo4j://``, ``neo4j+s://``)
sends them to the right cluster member, the server refuses writes in a read, and the
driver retries transient failures: reads for up to ``RETRY_TIME_S``, writes only for
``WRITE_RETRY_TIME_S`` (a server that stopped or ran out of memory in the middle of ``pmkg ingest``
is reported in a second or two, not after 15 s of retries). Connection failures become one-line
:class:`~pmkg.errors.StoreUnavailable` errors saying what to do; running out of the server's
transaction memory is final at once. The driver's own log (its retry warnings) never reaches
stderr unless the application configures logging.
"""

from __future__ import annotations

import logging
import os
import weakref
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import neo4j
from neo4j.exceptions import AuthError, ConfigurationError, DriverError, ServiceUnavailable, SessionExpired

from pmkg.errors import PmkgError, StoreUnavailable
from pmkg.graph import server
from pmkg.graph.settings import DEFAULT_DATABASE, Settings

__all__ = ["DEFAULT_DATABASE", "Settings", "driver", "read", "read_tx", "settings", "write", "write_tx"]

T = TypeVar("T")
# Short enough that an unreachable or restarting server is reported in seconds, long enough for Aura.
CONNECTION_TIMEOUT_S = 10.0
RETRY_TIME_S = 15.0
# A write is retried for this long at most (the driver waits 1 s, then 2 s, between attempts): enough
# for a cluster's leader to change, short enough that a stopped server fails an ingest at once.
WRITE_RETRY_TIME_S = 1.0
# The server's query memory: the whole pool (dbms.memory.transaction.total.max) or one transaction's
# share (db.memory.transaction.max). Both are "transient" to the driver, yet the same work fails again.
OUT_OF_MEMORY = frozenset(
    {
        "Neo.TransientError.General.MemoryPoolOutOfMemoryError",
        "Neo.TransientError.General.TransactionOutOfMemoryError",
    }
)
READ_OUT_OF_MEMORY = (
    "the question needs more memory than the server allows one query "
    "(dbms.memory.transaction.total.max): narrow it with a filter or a smaller limit"
)
WRITE_OUT_OF_MEMORY = (
    "the write needs more memory than the server allows one transaction "
    "(db.memory.transaction.max, dbms.memory.transaction.total.max): store fewer documents at a time "
    "or raise the limit"
)
# The driver logs each retry as a multi-line warning; with no handler anywhere, Python would print it
# on stderr (logging.lastResort). pmkg reports the outcome in one line instead.
logging.getLogger("neo4j").addHandler(logging.NullHandler())


def settings(env: Mapping[str, str] | None = None, home: Path | None = None) -> Settings:
    """The Neo4j to use: the ``NEO4J_*`` variables when ``NEO4J_URI`` is set, else the managed server."""
    env = os.environ if env is None else env
    if env.get("NEO4J_URI"):
        return Settings(
            uri=env["NEO4J_URI"],
            username=env.get("NEO4J_USERNAME") or "neo4j",
            password=env.get("NEO4J_PASSWORD", ""),
            database=env.get("NEO4J_DATABASE") or DEFAULT_DATABASE,
            source="environment",
        )
    return server.managed(home).settings()


def what_to_do(s: Settings) -> str:
    """The advice that ends every connection error message."""
    if s.source == "managed":
        return "start it with `pmkg neo4j start`"
    return "check that the server is up and NEO4J_URI is right"


def unreachable_message(s: Settings) -> str:
    return f"Neo4j is not reachable at {s.uri}: {what_to_do(s)}"


def auth_message(s: Settings) -> str:
    if s.source == "managed":
        fix = "the managed server's password file does not match its data; see docs/neo4j.md"
    else:
        fix = "check NEO4J_USERNAME and NEO4J_PASSWORD"
    return f"Neo4j at {s.uri} refused the login of user {s.username!r}: {fix}"


# The settings each driver made by driver() was built from, so read()/write() know the database.
_SETTINGS: weakref.WeakKeyDictionary[neo4j.Driver, Settings] = weakref.WeakKeyDictionary()


@contextmanager
def store_errors(s: Settings) -> Iterator[None]:
    """Turn the driver's connection and login failures into one-line StoreUnavailable errors."""
    try:
        yield
    except AuthError as exc:
        raise StoreUnavailable(auth_message(s)) from exc
    except (ServiceUnavailable, SessionExpired, ConnectionError) as exc:
        raise StoreUnavailable(unreachable_message(s)) from exc
    except ConfigurationError as exc:
        raise StoreUnavailable(f"cannot use Neo4j URI {s.uri!r}: {exc}") from exc


def driver(s: Settings | None = None) -> neo4j.Driver:
    """A driver whose connection and login are verified; close it when done (it is a context manager)."""
    s = s or settings()
    with store_errors(s):
        try:
            drv = neo4j.GraphDatabase.driver(
                s.uri,
                auth=(s.username, s.password),
                connection_timeout=CONNECTION_TIMEOUT_S,
                max_transaction_retry_time=RETRY_TIME_S,
                # the server's query notifications would reach the user as log lines on stderr
                notifications_min_severity="OFF",
            )
        except ValueError as exc:  # malformed URI
            raise StoreUnavailable(f"cannot use Neo4j URI {s.uri!r}: {exc}") from exc
        try:
            drv.verify_connectivity()
        except (DriverError, AuthError):
            drv.close()
            raise
    _SETTINGS[drv] = s
    return drv


def _settings_of(drv: neo4j.Driver) -> Settings:
    return _SETTINGS.get(drv) or Settings(uri="(unknown)", username="", password="", source="environment")


def read_tx(
    drv: neo4j.Driver,
    work: Callable[[neo4j.ManagedTransaction], T],
    *,
    database: str | None = None,
    timeout: float | None = None,
    retry_time: float | None = None,
) -> T:
    """Run ``work(tx)`` in a read transaction (retried on transient errors, so keep it side-effect free).

    ``timeout`` (seconds) is enforced by the server, which aborts the query past it; ``retry_time``
    bounds the driver's retries (default ``RETRY_TIME_S``; a read inside a write job retries no longer
    than its writes).
    """
    s = _settings_of(drv)
    unit = _out_of_memory_is_final(work, READ_OUT_OF_MEMORY)
    unit = neo4j.unit_of_work(timeout=timeout)(unit) if timeout is not None else unit
    session = drv.session(
        database=database or s.database, max_transaction_retry_time=retry_time or RETRY_TIME_S
    )
    with store_errors(s), out_of_memory_is_final(READ_OUT_OF_MEMORY), session:
        return session.execute_read(unit)


@contextmanager
def out_of_memory_is_final(message: str) -> Iterator[None]:
    """Running out of the server's query memory becomes a one-line ``PmkgError(message)``.

    The driver counts the error as transient and would run the same work again, for the whole retry
    time, to the same end. Around the work inside a transaction function it stops the retries at once;
    around ``execute_read``/``execute_write`` it also catches the failure of the commit itself (where a
    write's memory is counted too), after the driver's bounded retries.
    """
    try:
        yield
    except neo4j.exceptions.TransientError as exc:
        if exc.code not in OUT_OF_MEMORY:
            raise
        raise PmkgError(message) from exc


def _out_of_memory_is_final(
    work: Callable[[neo4j.ManagedTransaction], T], message: str
) -> Callable[[neo4j.ManagedTransaction], T]:
    """``work`` with :func:`out_of_memory_is_final` around it."""

    def unit(tx: neo4j.ManagedTransaction) -> T:
        with out_of_memory_is_final(message):
            return work(tx)

    return unit


def write_tx(
    drv: neo4j.Driver, work: Callable[[neo4j.ManagedTransaction], T], *, database: str | None = None
) -> T:
    """Run ``work(tx)`` in one write transaction: all of it is stored or none.

    A transient failure (a lost connection, a cluster changing leader) is retried for
    ``WRITE_RETRY_TIME_S`` only, and running out of memory while the work runs not at all (at the
    commit, for ``WRITE_RETRY_TIME_S``), so a write job stops soon.
    """
    s = _settings_of(drv)
    unit = _out_of_memory_is_final(work, WRITE_OUT_OF_MEMORY)
    session = drv.session(database=database or s.database, max_transaction_retry_time=WRITE_RETRY_TIME_S)
    with store_errors(s), out_of_memory_is_final(WRITE_OUT_OF_MEMORY), session:
        return session.execute_write(unit)


def read(
    drv: neo4j.Driver,
    query: str,
    params: Mapping[str, Any] | None = None,
    *,
    database: str | None = None,
    timeout: float | None = None,
) -> list[dict[str, Any]]:
    """Rows of a parameterised read query, as plain dicts (``record.data()``)."""
    return read_tx(
        drv, lambda tx: tx.run(query, dict(params or {})).data(), database=database, timeout=timeout
    )


def write(
    drv: neo4j.Driver, query: str, params: Mapping[str, Any] | None = None, *, database: str | None = None
) -> neo4j.SummaryCounters:
    """Run one parameterised write query in its own transaction; returns what it changed."""

    def work(tx: neo4j.ManagedTransaction) -> neo4j.SummaryCounters:
        return tx.run(query, dict(params or {})).consume().counters

    return write_tx(drv, work, database=database)
