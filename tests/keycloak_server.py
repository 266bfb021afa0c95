"""A real Keycloak for the session, and the app signing in against it (a pytest plugin registered in
conftest.py, like the browser's).

``keycloak`` (session) is Keycloak from the project's own installer (``pmkg.auth.keycloak``: Maven
Central, checksum-verified, cached under ``.pmkg/keycloak``) in development mode on a free loopback port,
with the test realm ``tests/data/keycloak-realm.json`` (users vera.viewer and erik.editor). It starts in
the background as soon as collection shows that a test needs it (its start takes about a minute), and
is stopped at the end of the session. Its run folder lives under ``PMKG_TEST_HOME_ROOT`` when set, so
``.ci/run`` can stop one an abruptly killed pytest left behind.

``signin_app_url`` (session) is the app with ``[auth]`` and ``[roles]`` in a secrets file pointing at it.
"""

from __future__ import annotations

import json
import secrets
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from pmkg.auth import keycloak as kc
from pmkg.graph import connection, server
from tests.chromium import serve_app

REALM_FILE = Path(__file__).with_name("data") / "keycloak-realm.json"
KEYCLOAK_FIXTURES = {"keycloak", "signin_app_url", "signin_cookie_secret"}


def realm() -> dict:
    return json.loads(REALM_FILE.read_text(encoding="utf-8"))


def password_of(username: str) -> str:
    """The invented password of a test user, as the realm file sets it."""
    user = next(u for u in realm()["users"] if u["username"] == username)
    return user["credentials"][0]["value"]


class DisposableKeycloak:
    """The session's Keycloak, starting in a background thread from the moment it is made."""

    def __init__(self) -> None:
        from tests.conftest import temporary_home

        self.run_dir = temporary_home("pmkg-test-keycloak-")
        self._outcome: kc.Instance | BaseException | None = None
        self._thread = threading.Thread(target=self._start, name="pmkg-test-keycloak", daemon=True)
        self._thread.start()

    def _start(self) -> None:
        try:
            self._outcome = kc.start(port=server.free_port(), realm_file=REALM_FILE, run_dir=self.run_dir)
        except BaseException as exc:  # handed to the tests that need it
            self._outcome = exc

    def instance(self) -> kc.Instance:
        self._thread.join()
        if isinstance(self._outcome, BaseException):
            raise self._outcome
        assert self._outcome is not None
        return self._outcome

    def close(self) -> None:
        self._thread.join()
        kc.stop(run_dir=self.run_dir)
        shutil.rmtree(self.run_dir, ignore_errors=True)


KEYCLOAK = pytest.StashKey[DisposableKeycloak]()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if KEYCLOAK not in config.stash and any(
        KEYCLOAK_FIXTURES & set(getattr(i, "fixturenames", ())) for i in items
    ):
        config.stash[KEYCLOAK] = DisposableKeycloak()


def pytest_sessionfinish(session: pytest.Session) -> None:
    disposable = session.config.stash.get(KEYCLOAK, None)
    if disposable is not None:
        disposable.close()


@pytest.fixture(scope="session")
def keycloak(pytestconfig: pytest.Config) -> kc.Instance:
    if KEYCLOAK not in pytestconfig.stash:
        pytestconfig.stash[KEYCLOAK] = DisposableKeycloak()
    return pytestconfig.stash[KEYCLOAK].instance()


@pytest.fixture(scope="session")
def signin_cookie_secret() -> str:
    """The secret the sign-in app signs its cookies with (the cookie tests forge some)."""
    return secrets.token_urlsafe(32)


def secrets_toml(instance: kc.Instance, app_port: int, cookie_secret: str) -> str:
    """The app's secrets for signing in against ``instance``: what README "Running pmkg for a team" shows."""
    client = next(c for c in realm()["clients"] if c["clientId"] == "pmkg")
    return f"""[auth]
redirect_uri = "http://127.0.0.1:{app_port}/oauth2callback"
cookie_secret = "{cookie_secret}"
client_id = "{client["clientId"]}"
client_secret = "{client["secret"]}"
server_metadata_url = "{instance.metadata_url}"

[roles]
claim = "pmkg_roles"
viewer = ["pmkg-viewer"]
editor = ["pmkg-editor"]
admin = ["pmkg-admin"]
"""


@pytest.fixture(scope="session")
def signin_app_url(
    keycloak: kc.Instance,
    neo4j_settings: connection.Settings,
    tmp_path_factory: pytest.TempPathFactory,
    signin_cookie_secret: str,
) -> Iterator[str]:
    """The app with sign-in on, against the session's Keycloak and Neo4j."""
    port = server.free_port()
    secrets_file = tmp_path_factory.mktemp("signin") / "secrets.toml"
    secrets_file.write_text(secrets_toml(keycloak, port, signin_cookie_secret), encoding="utf-8")
    flags = ["--secrets.files", str(secrets_file)]
    with serve_app(neo4j_settings, flags, log_name="streamlit-signin.log", port=port) as url:
        yield url
