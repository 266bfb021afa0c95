"""The managed local Neo4j: installed from Maven Central, run as a detached server, stopped cleanly.

Layout under the pmkg home (``$PMKG_HOME``, else ``.pmkg`` in the repository)::

    neo4j/lib/        the server jars, resolved by Maven from neo4j-server/pom.xml
    neo4j/conf/       neo4j.conf, rewritten by pmkg on every start
    neo4j/data/       the databases, kept between runs
    neo4j/logs/       neo4j.log, debug.log, console.log (the JVM's own output)
    neo4j/run/        the pid file
    neo4j/password    the generated password of user ``neo4j``, mode 0600

The server is Neo4j Community's own entry point (``org.neo4j.server.CommunityEntryPoint``)
on Java 17+, listening on 127.0.0.1 only, with authentication on. The password is set
once over Bolt on the first start (so it never appears on a command line) and never printed.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import neo4j
from neo4j.exceptions import AuthError, DriverError, Neo4jError

from pmkg.errors import PmkgError, StoreUnavailable
from pmkg.graph.settings import DEFAULT_DATABASE, Settings
from pmkg.processes import alive, terminate

REPO_ROOT = Path(__file__).resolve().parent.parent
POM = REPO_ROOT / "neo4j-server" / "pom.xml"
ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
USERNAME = "neo4j"
DEFAULT_PASSWORD = "neo4j"  # what a fresh Neo4j accepts once, to set a real password
DEFAULT_BOLT_PORT = 7687
HOST = "127.0.0.1"
# Memory: a page cache the size of the store of years of minutes (10,000 documents are about 330 MB)
# keeps questions off the disk; both can be changed with PMKG_NEO4J_HEAP / PMKG_NEO4J_PAGECACHE.
HEAP = os.environ.get("PMKG_NEO4J_HEAP", "1g")
PAGECACHE = os.environ.get("PMKG_NEO4J_PAGECACHE", "512m")
TRANSACTION_MAX_ENV = "PMKG_NEO4J_TRANSACTION_MAX"  # e.g. 256m; read on every start
MIN_JAVA = 17
INSTALLED_MARKER = ".pmkg-installed"
CLASS_ARCHIVE = ".pmkg-classes.jsa"  # Java class-data sharing archive: starts take about half the time
START_TIMEOUT_S = 120.0
STOP_TIMEOUT_S = 60.0

# The JVM options the stock launcher passes on Java 17 (server.jvm.additional in the default neo4j.conf).
JVM_OPTIONS = (
    f"-Xms{HEAP}",
    f"-Xmx{HEAP}",
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+ExitOnOutOfMemoryError",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
)


def default_home(env: Mapping[str, str] | None = None) -> Path:
    """``$PMKG_HOME`` if set, else ``.pmkg`` in the repository root."""
    env = os.environ if env is None else env
    return Path(env["PMKG_HOME"]).expanduser().resolve() if env.get("PMKG_HOME") else REPO_ROOT / ".pmkg"


@dataclass(frozen=True)
class ManagedServer:
    """Where one managed server keeps everything; ``lib`` may be shared (the tests do)."""

    home: Path
    bolt_port: int = DEFAULT_BOLT_PORT
    lib: Path | None = None

    @property
    def root(self) -> Path:
        return self.home / "neo4j"

    @property
    def lib_dir(self) -> Path:
        return self.lib or self.root / "lib"

    @property
    def conf_dir(self) -> Path:
        return self.root / "conf"

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def logs_dir(self) -> Path:
        return self.root / "logs"

    @property
    def run_dir(self) -> Path:
        return self.root / "run"

    @property
    def pid_file(self) -> Path:
        return self.run_dir / "pmkg-neo4j.pid"

    @property
    def password_file(self) -> Path:
        return self.root / "password"

    @property
    def console_log(self) -> Path:
        return self.logs_dir / "console.log"

    @property
    def log_file(self) -> Path:
        return self.logs_dir / "neo4j.log"

    @property
    def uri(self) -> str:
        return f"bolt://{HOST}:{self.bolt_port}"

    def read_password(self) -> str | None:
        try:
            return self.password_file.read_text(encoding="utf-8").strip() or None
        except FileNotFoundError:
            return None

    def settings(self) -> Settings:
        """How to connect; raises if the server never got its password (never started)."""
        password = self.read_password()
        if password is None:
            raise StoreUnavailable(
                "no Neo4j configured: run `pmkg neo4j start` for the local server, or set NEO4J_URI"
            )
        return Settings(uri=self.uri, username=USERNAME, password=password, source="managed")


@dataclass(frozen=True)
class ServerStatus:
    running: bool
    uri: str
    pid: int | None
    version: str | None
    database: str
    data_dir: Path
    log_file: Path


# ---- pure helpers -------------------------------------------------------------------------------


def pinned_version(pom_text: str) -> str:
    """The Neo4j version pinned in ``neo4j-server/pom.xml``."""
    match = re.search(r"<neo4j\.version>\s*([^<\s]+)\s*</neo4j\.version>", pom_text)
    if not match:
        raise PmkgError(f"{POM}: no <neo4j.version> property; restore the file from git")
    return match.group(1)


def bolt_port_in(conf_text: str) -> int | None:
    """The Bolt port a neo4j.conf written by :func:`render_conf` listens on."""
    match = re.search(r"^server\.bolt\.listen_address=.*:(\d+)\s*$", conf_text, re.MULTILINE)
    return int(match.group(1)) if match else None


def java_major(version_output: str) -> int | None:
    """The major version in ``java -version`` output (``version "17.0.15"`` -> 17, ``"1.8.0"`` -> 8)."""
    match = re.search(r'version "(\d+)(?:\.(\d+))?', version_output)
    if not match:
        return None
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major


def render_conf(server: ManagedServer) -> str:
    """neo4j.conf: loopback only, authentication on, HTTP off, modest memory, no usage reports."""
    settings = {
        "server.default_listen_address": HOST,
        "server.default_advertised_address": HOST,
        "server.bolt.enabled": "true",
        "server.bolt.listen_address": f"{HOST}:{server.bolt_port}",
        "server.bolt.advertised_address": f"{HOST}:{server.bolt_port}",
        "server.http.enabled": "false",
        "server.https.enabled": "false",
        "dbms.security.auth_enabled": "true",
        "server.memory.heap.initial_size": HEAP,
        "server.memory.heap.max_size": HEAP,
        "server.memory.pagecache.size": PAGECACHE,
        "dbms.usage_report.enabled": "false",
        # One transaction's share of the query memory (default: unlimited within the pool), for a
        # machine where one large batch must not starve the rest; the tests provoke a write running out.
        **({"db.memory.transaction.max": limit} if (limit := os.environ.get(TRANSACTION_MAX_ENV)) else {}),
        "db.logs.query.enabled": "OFF",
        "server.directories.lib": server.lib_dir.as_posix(),
        "server.directories.data": server.data_dir.as_posix(),
        "server.directories.logs": server.logs_dir.as_posix(),
        "server.directories.run": server.run_dir.as_posix(),
        "server.directories.plugins": (server.root / "plugins").as_posix(),
        "server.directories.import": (server.root / "import").as_posix(),
        # Bolt's network threads wait 2 x 5 s of quiet on shutdown by default; a local server needs less.
        "internal.dbms.bolt.netty_server_shutdown_quiet_period": "1",
    }
    lines = ["# Written by pmkg on every `pmkg neo4j start`: edits here are overwritten (docs/neo4j.md)."]
    lines += [f"{key}={value}" for key, value in settings.items()]
    return "\n".join(lines) + "\n"


def server_command(java: str, server: ManagedServer, extra: Sequence[str] = ()) -> list[str]:
    """The JVM command line of the server: the stock entry point with a home and a conf folder."""
    return [
        java,
        *JVM_OPTIONS,
        *extra,
        "-cp",
        f"{server.lib_dir.as_posix()}/*",
        ENTRY_POINT,
        f"--home-dir={server.root.as_posix()}",
        f"--config-dir={server.conf_dir.as_posix()}",
    ]


# ---- the machine: java, maven, ports, processes --------------------------------------------------


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
    except AuthError:  # up, but the login is for the caller to sort out (see _set_initial_password)
        return True
    except (OSError, DriverError):
        return False


def _set_initial_password(server: ManagedServer) -> None:
    """Replace the default password of a fresh server by a generated one kept in the 0600 file.

    The new password goes to ``password.new`` first, so a crash between the change and the
    rename is recovered on the next start.
    """
    pending = server.password_file.with_name("password.new")
    if not pending.exists():
        _write_private(pending, secrets.token_urlsafe(24))
    new = pending.read_text(encoding="utf-8").strip()
    try:
        with neo4j.GraphDatabase.driver(server.uri, auth=(USERNAME, DEFAULT_PASSWORD)) as drv:
            drv.execute_query(
                "ALTER CURRENT USER SET PASSWORD FROM $old TO $new",
                old=DEFAULT_PASSWORD,
                new=new,
                database_="system",
            )
    except AuthError:  # the change went through before: check that the pending password works
        with neo4j.GraphDatabase.driver(server.uri, auth=(USERNAME, new)) as drv:
            try:
                drv.verify_connectivity()
            except AuthError as exc:
                raise PmkgError(
                    f"the Neo4j data in {server.data_dir} has a password pmkg does not know: "
                    "stop the server and delete that folder to start afresh (docs/neo4j.md)"
                ) from exc
    pending.replace(server.password_file)


def _wait_for_bolt(server: ManagedServer, pid: int, timeout: float) -> None:
    auth = (USERNAME, server.read_password() or DEFAULT_PASSWORD)
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

    The first start also sets the generated password, so it always waits for Bolt.
    """
    server = managed(home, bolt_port, lib)
    if running_pid(server):
        return managed(home, lib=lib)  # as it was started
    java = find_java()
    install(lib=server.lib_dir)
    _launch(java, server, timeout if wait else None, class_archive_options(server.lib_dir))
    return server


def _launch(java: str, server: ManagedServer, timeout: float | None, extra: Sequence[str]) -> None:
    """Write the conf, start the JVM detached, and wait for Bolt (always on the very first start)."""
    if not port_is_free(server.bolt_port):
        raise PmkgError(
            f"port {server.bolt_port} on {HOST} is in use (another Neo4j?): stop it, "
            "or choose another port with `pmkg neo4j start --bolt-port N`"
        )
    for folder in (server.conf_dir, server.data_dir, server.logs_dir, server.run_dir):
        folder.mkdir(parents=True, exist_ok=True)
    os.chmod(server.root, 0o700)
    (server.conf_dir / "neo4j.conf").write_text(render_conf(server), encoding="utf-8")
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
    if timeout is not None or server.read_password() is None:
        _wait_for_bolt(server, process.pid, timeout or START_TIMEOUT_S)
        if server.read_password() is None:
            _set_initial_password(server)


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
