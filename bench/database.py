"""The benchmark's own Neo4j: a disposable managed server, emptied to a fresh database per contender."""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import neo4j

from pmkg.graph import connection, server

# Relationships first, in batches: one DETACH DELETE of hub nodes would exceed the transaction memory.
_DELETE_RELS = "MATCH ()-[r]->() WITH r LIMIT 20000 DELETE r"
_DELETE_NODES = "MATCH (n) WITH n LIMIT 20000 DELETE n"
_CONSTRAINTS = "SHOW CONSTRAINTS YIELD name RETURN name"
_INDEXES = "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name"
_DROP_CONSTRAINT = "DROP CONSTRAINT $name IF EXISTS"
_DROP_INDEX = "DROP INDEX $name IF EXISTS"


def quiet_driver_logs() -> None:
    """The driver logs the server's query notifications (deprecations, unbounded patterns) as warnings."""
    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)


@contextmanager
def disposable_neo4j() -> Iterator[connection.Settings]:
    """A managed Neo4j in a temporary home on a free port, sharing the installed jars; deleted after."""
    with disposable_server() as managed:
        yield managed.settings()


@contextmanager
def disposable_server() -> Iterator[server.ManagedServer]:
    """A managed Neo4j in a temporary home on a free port, the server itself (its pid: what its CPU
    costs)."""
    with server.disposable(Path(tempfile.mkdtemp(prefix="pmkg-bench-"))) as managed:
        yield managed


def cpu_seconds(pid: int) -> float:
    """User and system CPU seconds process ``pid`` has used (Linux ``/proc``): the Neo4j server's, where
    a replay's work is done, while the client waits."""
    fields = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def fresh(settings: connection.Settings) -> None:
    """Make the database as new: no nodes, no constraints, no indexes (Community has one database)."""
    with connection.driver(settings) as driver:
        while connection.write(driver, _DELETE_RELS).relationships_deleted:
            pass
        while connection.write(driver, _DELETE_NODES).nodes_deleted:
            pass
        for row in connection.read(driver, _CONSTRAINTS):
            connection.write(driver, _DROP_CONSTRAINT, {"name": row["name"]})
        for row in connection.read(driver, _INDEXES):
            connection.write(driver, _DROP_INDEX, {"name": row["name"]})


@contextmanager
def fresh_driver(settings: connection.Settings) -> Iterator[neo4j.Driver]:
    """A new driver on a fresh database (a new driver, so no schema state is cached from before)."""
    fresh(settings)
    with connection.driver(settings) as driver:
        yield driver
