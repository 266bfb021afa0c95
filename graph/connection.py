"""How every part of pmkg reaches Neo4j: settings, a verified driver, and read/write helpers.

Any Neo4j works (the managed local server, Docker, Desktop, Aura, a cluster): set
``NEO4J_URI``, ``NEO4J_USERNAME``, ``NEO4J_PASSWORD`` and optionally ``NEO4J_DATABASE``;
otherwise the managed server started by ``pmkg neo4j start`` is used.

Reads go through read transactions and writes through write transactions
(``execute_read`` / ``execute_write``), so a routing URI (``neo4j://``, ``neo4j+s://``)
sends them to the right cluster member, the server refuses writes in a read, and the
driver retries transient failures. Connection failures become one-line
:class:`~pmkg.errors.StoreUnavailable` errors saying what to do.
"""

from __future__ import annotations

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
OUT_OF_MEMORY = "Neo.TransientError.General.MemoryPoolOutOfMemoryError"  # the server's query memory


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
) -> T:
    """Run ``work(tx)`` in a read transaction (retried on transient errors, so keep it side-effect free).

    ``timeout`` (seconds) is enforced by the server, which aborts the query past it.
    """
    s = _settings_of(drv)
    unit = _out_of_memory_is_final(work)
    unit = neo4j.unit_of_work(timeout=timeout)(unit) if timeout is not None else unit
    with store_errors(s), drv.session(database=database or s.database) as session:
        return session.execute_read(unit)


def _out_of_memory_is_final(
    work: Callable[[neo4j.ManagedTransaction], T],
) -> Callable[[neo4j.ManagedTransaction], T]:
    """A read that ran out of the server's query memory fails at once: the driver counts the error as
    transient and would try the same read three more times (about 30 s) to the same end."""

    def unit(tx: neo4j.ManagedTransaction) -> T:
        try:
            return work(tx)
        except neo4j.exceptions.TransientError as exc:
            if exc.code != OUT_OF_MEMORY:
                raise
            raise PmkgError(
                "the question needs more memory than the server allows one query "
                "(dbms.memory.transaction.total.max): narrow it with a filter or a smaller limit"
            ) from exc

    return unit


def write_tx(
    drv: neo4j.Driver, work: Callable[[neo4j.ManagedTransaction], T], *, database: str | None = None
) -> T:
    """Run ``work(tx)`` in one write transaction: all of it is stored or none (retried if transient)."""
    s = _settings_of(drv)
    with store_errors(s), drv.session(database=database or s.database) as session:
        return session.execute_write(work)


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
