"""A managed Keycloak: the OpenID Connect identity provider pmkg's sign-in is tested against.

Installed from Maven Central (``org.keycloak:keycloak-quarkus-dist``, the server distribution as a
tar.gz, checked against the SHA-256 pinned here), run in development mode (``start-dev``: an
in-memory database, plain HTTP) on 127.0.0.1 only, with one realm imported from a JSON file on every
start, and stopped cleanly. It is the identity provider of the browser tests and of a developer
trying sign-in; a team server runs its organisation's own provider (README, "Running pmkg for a team").

Layout under the pmkg home (``$PMKG_HOME``, else ``.pmkg``), beside the managed Neo4j::

    keycloak/keycloak-quarkus-dist-<version>.tar.gz   the verified download, kept as a cache
    keycloak/keycloak-<version>/                       the unpacked distribution (shared by instances)
    keycloak/run/                                      pid, port and realm of the running instance
    keycloak/run/keycloak.log                          the server's console output
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tarfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from pmkg.errors import PmkgError
from pmkg.graph import server
from pmkg.processes import alive, terminate

VERSION = "26.5.6"
# The SHA-256 Maven Central publishes beside the archive (keycloak-quarkus-dist-26.5.6.tar.gz.sha256),
# pinned here so that a changed download is refused rather than run.
SHA256 = "fa3dd5df90b9ac006712c2f0991be4e8a6cb30ac538e0439ce2f45fc40f4c692"
ARCHIVE = f"keycloak-quarkus-dist-{VERSION}.tar.gz"
URL = f"https://repo1.maven.org/maven2/org/keycloak/keycloak-quarkus-dist/{VERSION}/{ARCHIVE}"
HOST = server.HOST
DEFAULT_PORT = 8080
REALM_FILE = server.REPO_ROOT / "tests" / "data" / "keycloak-realm.json"
START_TIMEOUT_S = 240.0  # the first start in development mode builds the server (about a minute here)
STOP_TIMEOUT_S = 30.0
HEAP = os.environ.get("PMKG_KEYCLOAK_HEAP", "-Xms64m -Xmx512m")


@dataclass(frozen=True)
class Instance:
    """One running (or runnable) Keycloak: its own run folder, the shared distribution, a port, a realm."""

    run_dir: Path
    dist: Path
    port: int = DEFAULT_PORT
    realm: str = "pmkg"

    @property
    def pid_file(self) -> Path:
        return self.run_dir / "keycloak.pid"

    @property
    def state_file(self) -> Path:
        return self.run_dir / "keycloak.json"

    @property
    def log_file(self) -> Path:
        return self.run_dir / "keycloak.log"

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def issuer(self) -> str:
        return f"{self.url}/realms/{self.realm}"

    @property
    def metadata_url(self) -> str:
        """The OpenID Connect discovery document: ``server_metadata_url`` in ``[auth]``."""
        return f"{self.issuer}/.well-known/openid-configuration"


def root(home: Path | None = None) -> Path:
    return (Path(home) if home else server.default_home()) / "keycloak"


def dist_dir(home: Path | None = None) -> Path:
    return root(home) / f"keycloak-{VERSION}"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as data:
        for block in iter(lambda: data.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def install(home: Path | None = None) -> Path:
    """Download (once, checksum-verified) and unpack the pinned Keycloak; returns the distribution folder."""
    dist = dist_dir(home)
    if (dist / "bin" / "kc.sh").exists() and (dist / "version.txt").exists():
        return dist
    folder = root(home)
    folder.mkdir(parents=True, exist_ok=True)
    archive = folder / ARCHIVE
    if not archive.exists() or sha256_of(archive) != SHA256:
        _download(archive)
    unpacking = folder / f"unpacking-{os.getpid()}"
    shutil.rmtree(unpacking, ignore_errors=True)
    with tarfile.open(archive, "r:gz") as tar:
        tar.extractall(unpacking, filter="data")  # no links or paths leaving the folder
    shutil.rmtree(dist, ignore_errors=True)
    (unpacking / dist.name).replace(dist)
    shutil.rmtree(unpacking, ignore_errors=True)
    (dist / "bin" / "kc.sh").chmod(0o755)
    return dist


def _download(archive: Path) -> None:
    partial = archive.with_name(archive.name + ".part")
    try:
        with urllib.request.urlopen(URL, timeout=60) as response, partial.open("wb") as out:
            shutil.copyfileobj(response, out, 1 << 20)
    except (OSError, urllib.error.URLError) as exc:
        partial.unlink(missing_ok=True)
        raise PmkgError(f"could not download Keycloak {VERSION} from Maven Central: {exc}") from exc
    found = sha256_of(partial)
    if found != SHA256:
        partial.unlink(missing_ok=True)
        raise PmkgError(f"the Keycloak download has SHA-256 {found}, not the pinned {SHA256}: refused")
    partial.replace(archive)


def realm_name(realm_file: Path) -> str:
    """The realm a realm file defines (its ``realm`` key)."""
    try:
        name = json.loads(realm_file.read_text(encoding="utf-8"))["realm"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise PmkgError(f"{realm_file} is not a Keycloak realm file: {exc}") from exc
    if not isinstance(name, str) or not name:
        raise PmkgError(f"{realm_file}: the realm has no name")
    return name


def command(instance: Instance, management_port: int) -> list[str]:
    """``kc.sh start-dev`` on loopback, in-memory database, importing the realms in data/import."""
    return [
        str(instance.dist / "bin" / "kc.sh"),
        "start-dev",
        f"--http-host={HOST}",
        f"--http-port={instance.port}",
        f"--http-management-port={management_port}",
        "--db=dev-mem",
        "--import-realm",
    ]


def _java_home() -> str:
    java = Path(server.find_java()).resolve()
    return str(java.parent.parent)


def _is_keycloak(pid: int, dist: str) -> bool:
    """Whether ``pid`` runs Keycloak from ``dist``: ``kc.sh``, or the JVM it replaces itself with
    (``exec java``) after its first start re-augments the server, whose command line names the dist."""
    cmdline = Path(f"/proc/{pid}/cmdline")
    if not cmdline.exists():
        return True
    seen = cmdline.read_bytes()
    return b"kc.sh" in seen or str(dist).encode() in seen


def running(run_dir: Path) -> Instance | None:
    """The instance started from ``run_dir`` if it still runs (a stale pid file is removed)."""
    try:
        pid = int((run_dir / "keycloak.pid").read_text(encoding="utf-8"))
        state = json.loads((run_dir / "keycloak.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    ours = alive(pid) and _is_keycloak(pid, state["dist"])
    if not ours:
        (run_dir / "keycloak.pid").unlink(missing_ok=True)
        return None
    return Instance(run_dir=run_dir, dist=Path(state["dist"]), port=state["port"], realm=state["realm"])


def pid_of(instance: Instance) -> int | None:
    try:
        return int(instance.pid_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def start(
    home: Path | None = None,
    port: int | None = None,
    realm_file: Path = REALM_FILE,
    *,
    run_dir: Path | None = None,
    timeout: float = START_TIMEOUT_S,
) -> Instance:
    """Start Keycloak with ``realm_file`` imported and return once its realm answers; a no-op if running.

    ``run_dir`` (default: ``keycloak/run`` in the home) lets the tests run their own instance from the
    shared distribution.
    """
    run_dir = run_dir or root(home) / "run"
    if (already := running(run_dir)) is not None:
        return already
    dist = install(home)
    port = port or DEFAULT_PORT
    if not server.port_is_free(port):
        raise PmkgError(
            f"port {port} on {HOST} is in use: choose another with `pmkg keycloak start --port N`"
        )
    instance = Instance(run_dir=run_dir, dist=dist, port=port, realm=realm_name(realm_file))
    imports = dist / "data" / "import"
    imports.mkdir(parents=True, exist_ok=True)
    for old in imports.glob("*.json"):  # only this realm is imported
        old.unlink()
    shutil.copyfile(realm_file, imports / f"{instance.realm}-realm.json")
    run_dir.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "JAVA_HOME": _java_home(), "JAVA_OPTS_KC_HEAP": HEAP}
    with instance.log_file.open("ab") as log:
        process = subprocess.Popen(
            command(instance, server.free_port()),
            cwd=dist,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stop() ends the launcher and the JVM together
        )
    instance.pid_file.write_text(f"{process.pid}\n", encoding="utf-8")
    state = {"dist": str(dist), "port": port, "realm": instance.realm}
    instance.state_file.write_text(json.dumps(state), encoding="utf-8")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise PmkgError(
                f"Keycloak stopped during start-up (status {process.returncode}): see {instance.log_file}"
            )
        if _answers(instance.metadata_url):
            return instance
        time.sleep(1)
    stop(run_dir=run_dir)
    raise PmkgError(
        f"Keycloak did not answer within {timeout:.0f} s and was stopped: see {instance.log_file}"
    )


def stop(home: Path | None = None, *, run_dir: Path | None = None, timeout: float = STOP_TIMEOUT_S) -> bool:
    """Stop the instance started from ``run_dir`` (SIGTERM, SIGKILL past ``timeout``); False if none ran."""
    run_dir = run_dir or root(home) / "run"
    instance = running(run_dir)
    pid = pid_of(instance) if instance else None
    if instance is None or pid is None:
        return False
    terminate(pid, timeout, group=True)
    instance.pid_file.unlink(missing_ok=True)
    return True
