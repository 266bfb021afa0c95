"""Shared fixtures: a real, disposable Neo4j for the whole test session.

``neo4j_settings`` (session) starts a managed Neo4j on a free loopback port in a temporary
home that shares the installed jars (installing them if missing), and stops it and deletes
its data at the end, also when tests fail. The server is started in the background as soon
as collection shows that some test needs it, so its start-up overlaps the tests before.
With ``PMKG_TEST_NEO4J_URI`` (and ``PMKG_TEST_NEO4J_USERNAME`` / ``_PASSWORD`` / ``_DATABASE``)
set, that server is used instead; note that ``neo4j_driver`` deletes every node in it.

``neo4j_driver`` (per test) is a verified driver on an empty database: all nodes are deleted
before the test; constraints and indexes stay. ``neo4j_env`` (per test) also sets the
``NEO4J_*`` variables to the test server, so CLI commands run in the test (in-process or as
subprocesses) use it. Tests using any of them get the ``neo4j`` marker.

``PMKG_TEST_HOME_ROOT`` puts the temporary homes in a folder of the caller's choosing, so a
CI script can stop a server that an abruptly killed pytest left behind (see ``.ci/run``).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest

from pmkg.graph import connection, server

# the app and the browser, one of each per session, for every browser test module; and the Keycloak
pytest_plugins = ["tests.chromium", "tests.keycloak_server"]

NEO4J_FIXTURES = {"neo4j_settings", "neo4j_driver", "neo4j_env"}


class DisposableServer:
    """The session's own Neo4j, starting in a background thread from the moment it is made."""

    def __init__(self) -> None:
        self.home = temporary_home("pmkg-test-neo4j-")
        self._outcome: server.ManagedServer | BaseException | None = None
        self._thread = threading.Thread(target=self._start, name="pmkg-test-neo4j", daemon=True)
        self._thread.start()

    def _start(self) -> None:
        try:
            lib = server.managed().lib_dir  # the installed jars, shared
            self._outcome = server.start(self.home, bolt_port=server.free_port(), lib=lib)
        except BaseException as exc:  # handed to the tests that need the server
            self._outcome = exc

    def settings(self) -> connection.Settings:
        self._thread.join()
        if isinstance(self._outcome, BaseException):
            raise self._outcome
        assert self._outcome is not None
        return self._outcome.settings()

    def close(self) -> None:
        self._thread.join()
        server.stop(self.home)
        shutil.rmtree(self.home, ignore_errors=True)


DISPOSABLE = pytest.StashKey[DisposableServer]()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    needed = False
    for item in items:
        if NEO4J_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.neo4j)
            needed = True
    if needed and not external_test_settings(os.environ) and DISPOSABLE not in config.stash:
        config.stash[DISPOSABLE] = DisposableServer()


def pytest_sessionfinish(session: pytest.Session) -> None:
    disposable = session.config.stash.get(DISPOSABLE, None)
    if disposable is not None:
        disposable.close()


def external_test_settings(env: dict[str, str] | os._Environ[str]) -> connection.Settings | None:
    """The test server named by ``PMKG_TEST_NEO4J_*``, if any."""
    if not env.get("PMKG_TEST_NEO4J_URI"):
        return None
    return connection.Settings(
        uri=env["PMKG_TEST_NEO4J_URI"],
        username=env.get("PMKG_TEST_NEO4J_USERNAME") or "neo4j",
        password=env.get("PMKG_TEST_NEO4J_PASSWORD", ""),
        database=env.get("PMKG_TEST_NEO4J_DATABASE") or connection.DEFAULT_DATABASE,
        source="environment",
    )


def temporary_home(prefix: str) -> Path:
    root = os.environ.get("PMKG_TEST_HOME_ROOT")
    if root:
        Path(root).mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=prefix, dir=root or None))


@pytest.fixture(scope="session")
def neo4j_settings(pytestconfig: pytest.Config) -> connection.Settings:
    external = external_test_settings(os.environ)
    if external:
        return external
    if DISPOSABLE not in pytestconfig.stash:  # requested in a way collection did not see
        pytestconfig.stash[DISPOSABLE] = DisposableServer()
    return pytestconfig.stash[DISPOSABLE].settings()


@pytest.fixture
def neo4j_driver(neo4j_settings: connection.Settings) -> Iterator[neo4j.Driver]:
    with connection.driver(neo4j_settings) as drv:
        connection.write(drv, "MATCH (n) DETACH DELETE n")
        yield drv


@pytest.fixture
def neo4j_env(
    neo4j_driver: neo4j.Driver, neo4j_settings: connection.Settings, monkeypatch: pytest.MonkeyPatch
) -> connection.Settings:
    monkeypatch.setenv("NEO4J_URI", neo4j_settings.uri)
    monkeypatch.setenv("NEO4J_USERNAME", neo4j_settings.username)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_settings.password)
    monkeypatch.setenv("NEO4J_DATABASE", neo4j_settings.database)
    return neo4j_settings


@pytest.fixture
def curator(
    neo4j_env: connection.Settings, neo4j_driver: neo4j.Driver, monkeypatch: pytest.MonkeyPatch
) -> neo4j.Driver:
    """The emptied test Neo4j, as a curator at a terminal meets it: the CLI pointed at it (``neo4j_env``)
    and ``kari`` the author of every correction made (``PMKG_USER``)."""
    monkeypatch.setenv("PMKG_USER", "kari")
    return neo4j_driver
