"""What the managed Neo4j is made of, without running anything: where its files live, its neo4j.conf,
its command line. Pure, so the tests check it without a JVM; ``graph.server`` runs it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from pmkg.errors import PmkgError, StoreUnavailable
from pmkg.graph.settings import Settings

REPO_ROOT = Path(__file__).resolve().parent.parent
POM = REPO_ROOT / "neo4j-server" / "pom.xml"
ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
USERNAME = "neo4j"
DEFAULT_PASSWORD = "neo4j"  # the stock initial password: never accepted by a server pmkg starts
DEFAULT_BOLT_PORT = 7687
HOST = "127.0.0.1"
# Memory: a page cache the size of the store of years of minutes (10,000 documents are about 330 MB)
# keeps questions off the disk; both can be changed with PMKG_NEO4J_HEAP / PMKG_NEO4J_PAGECACHE.
HEAP = os.environ.get("PMKG_NEO4J_HEAP", "1g")
PAGECACHE = os.environ.get("PMKG_NEO4J_PAGECACHE", "512m")
TRANSACTION_MAX_ENV = "PMKG_NEO4J_TRANSACTION_MAX"  # e.g. 256m; read on every start

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
