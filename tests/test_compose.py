"""docker-compose.yml, the team server of README "Running pmkg for a team": no container engine runs here,
so the file is checked without one.

* against the Compose Specification's JSON Schema (compose-spec/compose-spec, Apache-2.0), the copy
  Debian's ``docker-compose`` package installs (``.ci/run`` and ``make test`` install it), and read by that
  Compose itself (``docker-compose config``) with the example settings ``deploy/env.example``;
* every environment variable the app service is given is one pmkg or Streamlit reads, and the app's
  command from the compose file, with that environment and the example secrets, serves under the base path;
* the example realm ``deploy/keycloak/realm.json`` holds no password and its placeholders are filled from
  the environment when the project's own Keycloak (``pmkg keycloak start --realm``) imports it, and the
  example secrets' ``[roles]`` read the claim its mapper writes.
"""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
import tomllib
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from pmkg.auth import keycloak as kc
from pmkg.graph import connection, server
from pmkg.ui import identity
from tests.chromium import wait_healthy

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = ROOT / "docker-compose.yml"
ENV_EXAMPLE = ROOT / "deploy" / "env.example"
SECRETS_EXAMPLE = ROOT / "deploy" / "secrets.example.toml"
REALM = ROOT / "deploy" / "keycloak" / "realm.json"
# The Compose Specification's schema as Debian's docker-compose (1.29.2) ships it.
SCHEMA = Path("/usr/lib/python3/dist-packages/compose/config/compose_spec.json")
PACKAGE = ("auth", "cli", "graph", "ingest", "model", "pmkg", "reports", "ui")
PLACEHOLDER = re.compile(r"\$\{([A-Z_][A-Z0-9_]*)[^}]*\}")


def compose() -> dict[str, Any]:
    return yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))


def example_env() -> dict[str, str]:
    """``deploy/env.example`` as docker compose reads a ``.env`` file."""
    lines = ENV_EXAMPLE.read_text(encoding="utf-8").splitlines()
    pairs = (line.split("=", 1) for line in lines if line.strip() and not line.startswith("#"))
    return {key.strip(): value.strip() for key, value in pairs}


def interpolated(value: str, env: dict[str, str]) -> str:
    """A compose value with ``${NAME}``, ``${NAME:-default}`` and ``${NAME:?message}`` filled from ``env``."""

    def fill(found: re.Match[str]) -> str:
        name, rest = found.group(1), found.group(0)[len(found.group(1)) + 2 : -1]
        if name in env and env[name]:
            return env[name]
        assert not rest.startswith(":?"), f"{name} is required and not set"
        return rest[2:] if rest.startswith(":-") else ""

    return PLACEHOLDER.sub(fill, value)


def test_the_compose_file_is_valid_under_the_compose_specification() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft201909Validator(schema)  # the draft its $schema names
    assert [e.message for e in validator.iter_errors(compose())] == []
    broken = compose()
    broken["services"]["app"]["enviroment"] = {"NEO4J_URI": "bolt://neo4j:7687"}  # a misspelt key
    assert [e.validator for e in validator.iter_errors(broken)] == ["additionalProperties"]
    assert set(compose()["services"]) == {"neo4j", "keycloak", "app"}


def test_compose_reads_the_file_with_the_example_settings(tmp_path: Path) -> None:
    """Debian's Compose parses, interpolates and checks the references (secrets, volumes, services)."""
    result = subprocess.run(
        ["docker-compose", "--env-file", str(ENV_EXAMPLE), "-f", str(COMPOSE), "config"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env={k: v for k, v in os.environ.items() if k not in example_env()},
    )
    assert result.returncode == 0, result.stderr
    resolved = yaml.safe_load(result.stdout)
    app = resolved["services"]["app"]
    assert app["environment"]["NEO4J_PASSWORD"] == "change-me-neo4j-password"
    assert app["command"][-2:] == ["--secrets", "/run/secrets/pmkg-secrets.toml"]
    assert app["secrets"] == [{"source": "pmkg_secrets", "target": "pmkg-secrets.toml"}]
    assert resolved["secrets"]["pmkg_secrets"]["file"] == str(ROOT / "deploy" / "secrets.toml")
    assert "--hostname=https://id.example.org" in resolved["services"]["keycloak"]["command"]


def _names_pmkg_reads() -> set[str]:
    """The environment variables pmkg's code reads: ``environ.get("X")``, ``env["X"]``, ``NAME = "X"``
    constants passed to such a read (``identity.USER_ENV``)."""
    names: set[str] = set()
    for path in (p for folder in PACKAGE for p in (ROOT / folder).rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        names |= set(re.findall(r"(?:environ|env)(?:\.get\(|\[)\s*\"([A-Z][A-Z0-9_]+)\"", text))
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
                target = node.targets[0]
                if isinstance(target, ast.Name) and target.id.endswith("_ENV"):
                    names.add(str(node.value.value))
    return names


def test_every_variable_the_app_is_given_is_read_by_pmkg_or_streamlit() -> None:
    from streamlit import config

    given = set(compose()["services"]["app"]["environment"])
    streamlit_vars = {o.env_var for o in config.get_config_options().values()}
    dead = {name for name in given if name not in _names_pmkg_reads() and name not in streamlit_vars}
    assert dead == set()
    env = {
        k: interpolated(str(v), example_env()) for k, v in compose()["services"]["app"]["environment"].items()
    }
    s = connection.settings(env)
    assert (s.uri, s.username, s.password, s.database, s.source) == (
        "bolt://neo4j:7687",
        "neo4j",
        "change-me-neo4j-password",
        "neo4j",
        "environment",
    )


def test_the_app_command_of_the_compose_file_serves_under_its_base_path(tmp_path: Path) -> None:
    """The app service's command (with the loopback address for the test) and environment: the example
    secrets, under the name the container gives them, are accepted (Streamlit reads only ``*.toml``: a
    ``/run/secrets/pmkg_secrets`` started and then failed every page) and STREAMLIT_SERVER_BASE_URL_PATH
    moves the app under /pmkg/."""
    app = compose()["services"]["app"]
    command = [Path(sys.executable).with_name(app["command"][0]), *app["command"][1:]]
    port = server.free_port()
    command[command.index("0.0.0.0")] = "127.0.0.1"
    command[command.index("8501")] = str(port)
    inside = command[command.index("--secrets") + 1]  # the file as the container sees it, by its name
    secrets = tmp_path / Path(inside).name
    secrets.write_bytes(SECRETS_EXAMPLE.read_bytes())
    command[command.index(inside)] = str(secrets)
    env = {
        k: interpolated(str(v), {**example_env(), "PMKG_BASE_PATH": "pmkg"})
        for k, v in app["environment"].items()
    }
    log = (tmp_path / "app.log").open("wb")
    process = subprocess.Popen([str(c) for c in command], env={**os.environ, **env}, stdout=log, stderr=log)
    try:
        wait_healthy(f"http://127.0.0.1:{port}/pmkg", process, 180)
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=10)
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def test_the_example_secrets_read_the_claim_the_realm_writes() -> None:
    realm = json.loads(REALM.read_text(encoding="utf-8"))
    mapper = realm["clients"][0]["protocolMappers"][0]["config"]
    roles = tomllib.loads(SECRETS_EXAMPLE.read_text(encoding="utf-8"))["roles"]
    assert roles["claim"] == mapper["claim.name"] == "pmkg_roles"
    assert {r["name"] for r in realm["roles"]["realm"]} == {
        v for k in ("viewer", "editor", "admin") for v in roles[k]
    }
    claims = {"email": "vera@example.org", "pmkg_roles": ["pmkg-viewer", "offline_access"]}
    assert identity.user_from_claims(claims, roles) == identity.User(
        "vera@example.org", frozenset({"viewer"})
    )


def test_the_realm_file_holds_no_password_or_secret() -> None:
    realm = json.loads(REALM.read_text(encoding="utf-8"))
    assert "users" not in realm and "credentials" not in REALM.read_text(encoding="utf-8")
    client = realm["clients"][0]
    assert client["secret"] == "${PMKG_CLIENT_SECRET}"
    assert client["redirectUris"] == ["${PMKG_URL}/oauth2callback"]
    placeholders = set(PLACEHOLDER.findall(REALM.read_text(encoding="utf-8")))
    assert placeholders <= set(compose()["services"]["keycloak"]["environment"])


@pytest.fixture(scope="module")
def deploy_keycloak(
    pytestconfig: pytest.Config, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[kc.Instance]:
    """The project's Keycloak with the compose file's realm, its placeholders from the environment."""
    from tests.keycloak_server import KEYCLOAK

    if KEYCLOAK in pytestconfig.stash:  # the sign-in tests' Keycloak imports from the same folder: let it
        pytestconfig.stash[KEYCLOAK].instance()  # finish reading its realm before this one is put there
    run_dir = tmp_path_factory.mktemp("deploy-keycloak")
    values = {"PMKG_URL": "https://pmkg.example.org", "PMKG_CLIENT_SECRET": "example-client-secret-42"}
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield kc.start(port=server.free_port(), realm_file=REALM, run_dir=run_dir, timeout=900)
    finally:
        kc.stop(run_dir=run_dir)
        for key, old in saved.items():
            if old is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = old


def _token_error(instance: kc.Instance, secret: str) -> tuple[int, str]:
    """The token endpoint's answer to an invented code: who the client is is checked first."""
    form = {
        "grant_type": "authorization_code",
        "code": "invented",
        "redirect_uri": "https://pmkg.example.org/oauth2callback",
        "client_id": "pmkg",
        "client_secret": secret,
    }
    url = f"{instance.issuer}/protocol/openid-connect/token"
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(url, urllib.parse.urlencode(form).encode(), timeout=30)
    return refused.value.code, json.load(refused.value)["error"]


def _sign_in_page(instance: kc.Instance, redirect_uri: str) -> int:
    query = urllib.parse.urlencode(
        {
            "client_id": "pmkg",
            "response_type": "code",
            "scope": "openid",
            "redirect_uri": redirect_uri,
            "code_challenge": "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
            "code_challenge_method": "S256",
        }
    )
    try:
        with urllib.request.urlopen(
            f"{instance.issuer}/protocol/openid-connect/auth?{query}", timeout=30
        ) as r:
            return r.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_keycloak_imports_the_realm_with_its_placeholders_filled(deploy_keycloak: kc.Instance) -> None:
    with urllib.request.urlopen(deploy_keycloak.metadata_url, timeout=30) as response:
        assert json.load(response)["issuer"] == deploy_keycloak.issuer
    assert _token_error(deploy_keycloak, "example-client-secret-42") == (400, "invalid_grant")
    assert _token_error(deploy_keycloak, "${PMKG_CLIENT_SECRET}") == (401, "unauthorized_client")
    assert _sign_in_page(deploy_keycloak, "https://pmkg.example.org/oauth2callback") == 200
    assert _sign_in_page(deploy_keycloak, "https://elsewhere.example.org/oauth2callback") == 400
