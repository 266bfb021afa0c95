"""The managed local Neo4j: installed from Maven Central, run as a detached server, stopped cleanly.

Layout under the pmkg home (``$PMKG_HOME``, else ``.pmkg`` in the repository)::

    neo4j/lib/        the server jars, resolved by Maven from neo4j-server/pom.xml
    neo4j/conf/       neo4j.conf, rewritten by pmkg on every start
    neo4j/data/       the databases, kept between runs
    neo4j/logs/       neo4j.log, debug.log, console.log (the JVM's own output)
    neo4j/run/        the pid file
    neo4j/password    the generated password of user ``neo4j``, mode 0600

The server is Neo4j Community's own entry point (``org.neo4j.server.CommunityEntryPoint``)
on Java 17+, listening on 127.0.0.1 only, with authentication on. A fresh home's password is
generated and set with Neo4j's admin tool before the very first start (so the default ``neo4j``
password is never accepted, and the password never appears on a command line) and never printed.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import neo4j
from neo4j.exceptions import AuthError, DriverError, Neo4jError

from pmkg.errors import PmkgError
from pmkg.graph.serverconf import (
    DEFAULT_BOLT_PORT,
    ENTRY_POINT,
    HOST,
    POM,
    USERNAME,
    ManagedServer,
    ServerStatus,
    bolt_port_in,
    default_home,
    java_major,
    pinned_version,
    render_conf,
    server_command,
)
from pmkg.graph.serverconf import DEFAULT_PASSWORD as DEFAULT_PASSWORD
from pmkg.graph.serverconf import REPO_ROOT as REPO_ROOT
from pmkg.graph.serverconf import TRANSACTION_MAX_ENV as TRANSACTION_MAX_ENV
from pmkg.graph.settings import DEFAULT_DATABASE
from pmkg.processes import alive, terminate

MIN_JAVA = 17
INSTALLED_MARKER = ".pmkg-installed"
CLASS_ARCHIVE = ".pmkg-classes.jsa"  # Java class-data sharing archive: starts take about half the time
START_TIMEOUT_S = 120.0
STOP_TIMEOUT_S = 60.0
ADMIN_TOOL = "org.neo4j.cli.AdminTool"  # what the stock bin/neo4j-admin runs (org.neo4j:neo4j-command-line)

# ---- the machine: java, maven, ports, processes --------------------------------------------------


def new_password() -> str:
    """A password for a fresh server: 192 random bits in hex. The admin tool reads its ``@file`` as
    arguments, so a password starting with '-' (one in 64 of ``token_urlsafe``'s) would be taken for an
    option ("Missing required parameter: '<password>'"), and quotes or '#' would be parsed."""
    return secrets.token_hex(24)


def managed(home: Path | None = None, bolt_port: int | None = None, lib: Path | None = None) -> ManagedServer:
    """The managed server in ``home``; its port is the one given, else the one it was last started on."""
    home = Path(home) if home else default_home()
    if bolt_port is None:
        conf = home / "neo4j" / "conf" / "neo4j.conf"
        bolt_port = (bolt_port_in(conf.read_text(encoding="utf-8")) if conf.exists() else None) or (
            DEFAULT_BOLT_PORT
        )
    return ManagedServer(home=home, bolt_port=bolt_port, lib=lib)


def find_java() -> str:
    """The java binary (``$JAVA_HOME/bin/java`` or on PATH), checked to be Java 17 or newer."""
    java_home = os.environ.get("JAVA_HOME")
    candidate = Path(java_home) / "bin" / "java" if java_home else None
    java = str(candidate) if candidate and candidate.exists() else shutil.which("java")
    if not java:
        raise PmkgError(
            "Java is not installed: Neo4j needs Java 17 or 21 (Debian/Ubuntu: "
            "`apt-get install openjdk-17-jre-headless`)"
        )
    result = subprocess.run([java, "-version"], capture_output=True, text=True, check=False)
    major = java_major(result.stderr + result.stdout)
    if major is None or major < MIN_JAVA:
        raise PmkgError(f"{java} is Java {major or '?'}: Neo4j 5.26 needs Java 17 or 21; install one")
    return java


def installed_version(lib: Path) -> str | None:
    try:
        return (lib / INSTALLED_MARKER).read_text(encoding="utf-8").strip() or None
    except FileNotFoundError:
        return None


def install(home: Path | None = None, lib: Path | None = None) -> Path:
    """Resolve the pinned Neo4j server jars with Maven into the lib folder (a no-op once done)."""
    lib = lib or managed(home).lib_dir
    version = pinned_version(POM.read_text(encoding="utf-8"))
    if installed_version(lib) != version:
        _download(lib, version)
    if not (lib / CLASS_ARCHIVE).exists():
        _record_class_archive(find_java(), lib)
    return lib


def _download(lib: Path, version: str) -> None:
    mvn = shutil.which("mvn")
    if not mvn:
        raise PmkgError(
            "Maven is not installed: it downloads Neo4j from Maven Central "
            "(Debian/Ubuntu: `apt-get install maven`)"
        )
    find_java()
    lib.mkdir(parents=True, exist_ok=True)
    for jar in lib.glob("*.jar"):  # no jar of another version may stay on the classpath
        jar.unlink()
    log = lib.parent / "install.log"
    with log.open("w", encoding="utf-8") as out:
        result = subprocess.run(
            [mvn, "-B", "-q", "-f", str(POM), "dependency:copy-dependencies", f"-Dpmkg.neo4j.lib={lib}"],
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            check=False,
        )
    if result.returncode != 0:
        raise PmkgError(f"Maven could not download Neo4j {version}: see {log}")
    (lib / INSTALLED_MARKER).write_text(version + "\n", encoding="utf-8")


def _record_class_archive(java: str, lib: Path) -> None:
    """Start and stop a throw-away server that writes the classes it loaded to a CDS archive.

    This also checks that the installed server starts; on failure its home is kept for the logs.
    """
    probe = ManagedServer(home=lib.parent / f"install-check-{os.getpid()}", bolt_port=free_port(), lib=lib)
    partial = lib / f"{CLASS_ARCHIVE}.{os.getpid()}.partial"
    _launch(java, probe, START_TIMEOUT_S, [f"-XX:ArchiveClassesAtExit={partial}"])
    stop(probe)
    if partial.exists():
        partial.replace(lib / CLASS_ARCHIVE)
    shutil.rmtree(probe.home, ignore_errors=True)


def class_archive_options(lib: Path) -> list[str]:
    archive = lib / CLASS_ARCHIVE
    return [f"-XX:SharedArchiveFile={archive.as_posix()}"] if archive.exists() else []


def free_port() -> int:
    """A TCP port on the loopback interface that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server binds it
        try:
            sock.bind((HOST, port))
        except OSError:
            return False
    return True


def _is_our_server(pid: int, server: ManagedServer) -> bool:
    """Guard against a recycled pid: the process must be this home's Neo4j (where /proc tells)."""
    cmdline = Path(f"/proc/{pid}/cmdline")
    if not cmdline.exists():
        return alive(pid)
    try:
        args = cmdline.read_bytes().split(b"\0")
    except OSError:
        return False
    home_arg = f"--home-dir={server.root.as_posix()}".encode()
    return ENTRY_POINT.encode() in args and home_arg in args and alive(pid)


def running_pid(server: ManagedServer) -> int | None:
    """The pid of this home's server if it runs; a stale pid file is removed."""
    try:
        pid = int(server.pid_file.read_text(encoding="utf-8").strip())
    except (FileNotFoundError, ValueError):
        return None
    if _is_our_server(pid, server):
        return pid
    server.pid_file.unlink(missing_ok=True)
    return None


def _write_private(path: Path, text: str) -> None:
    """Create ``path`` readable by its owner only, from the first byte on."""
    path.unlink(missing_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text + "\n")


def _bolt_answers(server: ManagedServer, auth: tuple[str, str]) -> bool:
    try:
        with socket.create_connection((HOST, server.bolt_port), timeout=1):
            pass
        with neo4j.GraphDatabase.driver(server.uri, auth=auth, connection_timeout=5) as drv:
            drv.verify_connectivity()
        return True
    except AuthError:  # up, but the login is for the caller to sort out
        return True
    except (OSError, DriverError):
        return False


def _set_initial_password(java: str, server: ManagedServer) -> None:
    """Give a fresh home a generated password before its very first start, so the server never accepts
    ``neo4j``/``neo4j``, not even for a moment.

    Runs Neo4j's admin tool (``neo4j-admin dbms set-initial-password``: ``ADMIN_TOOL`` from the same
    jars) on this home's conf; it stores the password's salted hash where the first start reads its
    initial user. The password reaches the tool as a picocli argument file (``@password.new``, mode
    0600), never on a command line other users could read, and ``password.new`` becomes ``password``
    once the tool succeeded (a crash before that just runs it again). Data started without pmkg's
    password (the password file lost) cannot be helped: that is an error saying what to do.
    """
    if (server.data_dir / "databases" / "system").exists():
        raise PmkgError(
            f"the Neo4j data in {server.data_dir} has a password pmkg does not know: "
            "stop the server and delete that folder to start afresh (docs/neo4j.md)"
        )
    pending = server.password_file.with_name("password.new")
    if not pending.exists():
        _write_private(pending, new_password())
    password = pending.read_text(encoding="utf-8").strip()
    result = subprocess.run(
        [
            java,
            "-cp",
            f"{server.lib_dir.as_posix()}/*",
            ADMIN_TOOL,
            "dbms",
            "set-initial-password",
            f"@{pending}",
        ],
        env={**os.environ, "NEO4J_HOME": server.root.as_posix(), "NEO4J_CONF": server.conf_dir.as_posix()},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        said = " ".join((result.stderr or result.stdout).replace(password, "***").split())[:300]
        raise PmkgError(
            f"Neo4j's admin tool could not set the initial password ({said or result.returncode})"
        )
    pending.replace(server.password_file)


def _wait_for_bolt(server: ManagedServer, pid: int, timeout: float) -> None:
    auth = (USERNAME, server.read_password() or "")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not alive(pid):
            server.pid_file.unlink(missing_ok=True)
            raise PmkgError(f"Neo4j stopped during start-up: see {server.log_file} and {server.console_log}")
        if _bolt_answers(server, auth):
            return
        time.sleep(0.5)
    stop(server)
    raise PmkgError(
        f"Neo4j did not answer on {server.uri} within {timeout:.0f} s and was stopped: see {server.log_file}"
    )


_CHILDREN: dict[int, subprocess.Popen[bytes]] = {}  # servers this process started, so they get reaped


def start(
    home: Path | None = None,
    bolt_port: int | None = None,
    wait: bool = True,
    *,
    lib: Path | None = None,
    timeout: float = START_TIMEOUT_S,
) -> ManagedServer:
    """Start the server (installing it if needed) and return once Bolt answers; a no-op if it runs.

    A fresh home gets its generated password before the JVM first runs (``_set_initial_password``).
    """
    server = managed(home, bolt_port, lib)
    if running_pid(server):
        return managed(home, lib=lib)  # as it was started
    java = find_java()
    install(lib=server.lib_dir)
    _launch(java, server, timeout if wait else None, class_archive_options(server.lib_dir))
    return server


def _launch(java: str, server: ManagedServer, timeout: float | None, extra: Sequence[str]) -> None:
    """Write the conf (and a fresh home's password), start the JVM detached, and wait for Bolt if asked."""
    if not port_is_free(server.bolt_port):
        raise PmkgError(
            f"port {server.bolt_port} on {HOST} is in use (another Neo4j?): stop it, "
            "or choose another port with `pmkg neo4j start --bolt-port N`"
        )
    for folder in (server.conf_dir, server.data_dir, server.logs_dir, server.run_dir):
        folder.mkdir(parents=True, exist_ok=True)
    os.chmod(server.root, 0o700)
    (server.conf_dir / "neo4j.conf").write_text(render_conf(server), encoding="utf-8")
    if server.read_password() is None:
        _set_initial_password(java, server)
    with server.console_log.open("ab") as console:
        process = subprocess.Popen(
            server_command(java, server, extra),
            cwd=server.root,
            stdin=subprocess.DEVNULL,
            stdout=console,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # survives the pmkg process and its terminal
        )
    _CHILDREN[process.pid] = process
    server.pid_file.write_text(f"{process.pid}\n", encoding="utf-8")
    if timeout is not None:
        _wait_for_bolt(server, process.pid, timeout)


def stop(home: Path | ManagedServer | None = None, timeout: float = STOP_TIMEOUT_S) -> bool:
    """Stop the server gracefully (SIGTERM, then SIGKILL past ``timeout``); False if it was not running."""
    server = home if isinstance(home, ManagedServer) else managed(home)
    pid = running_pid(server)
    if pid is None:
        return False
    terminate(pid, timeout)
    _CHILDREN.pop(pid, None)
    server.pid_file.unlink(missing_ok=True)
    return True


@contextmanager
def disposable(home: Path) -> Iterator[ManagedServer]:
    """A throwaway server in ``home`` on a free port, sharing the installed jars; stopped and deleted after
    (the benchmark's server, and the tests that kill one)."""
    try:
        yield start(home, bolt_port=free_port(), lib=managed().lib_dir)
    finally:
        stop(home)
        shutil.rmtree(home, ignore_errors=True)


def status(home: Path | None = None) -> ServerStatus:
    """Whether the managed server runs, and its URI, version, database and data folder."""
    server = managed(home)
    pid = running_pid(server)
    version = None
    if pid is not None:
        try:
            settings = server.settings()
            auth = (settings.username, settings.password)
            with neo4j.GraphDatabase.driver(settings.uri, auth=auth, connection_timeout=5) as drv:
                version = drv.get_server_info().agent.removeprefix("Neo4j/")
        except (PmkgError, Neo4jError, DriverError):
            version = None  # running but not answering (starting or stopping)
    return ServerStatus(
        running=pid is not None,
        uri=server.uri,
        pid=pid,
        version=version,
        database=DEFAULT_DATABASE,
        data_dir=server.data_dir,
        log_file=server.log_file,
    )
