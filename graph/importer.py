"""Neo4j's offline bulk importer (``neo4j-admin database import full``) on the managed server's database.

The importer writes the store files of a database directly, without transactions: far faster than any
load through Bolt, but only into a database that is offline, and it replaces what the database held
(``--overwrite-destination``). So it runs only on the managed server (``graph.server``), which the caller
stops first and starts again after; the admin tool is Neo4j's own (``org.neo4j.cli.AdminTool``, what the
stock ``bin/neo4j-admin`` runs) from the same jars, reading the home's ``neo4j.conf`` for where the data
live. What it prints goes to ``logs/import.log`` of the home, and a failure names that file.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from pmkg.errors import PmkgError
from pmkg.graph.bulk import IMPORT_OPTIONS, CsvFiles
from pmkg.graph.server import ADMIN_TOOL
from pmkg.graph.serverconf import JVM_OPTIONS, ManagedServer
from pmkg.graph.settings import DEFAULT_DATABASE


def import_command(java: str, server: ManagedServer, files: CsvFiles, report: Path) -> list[str]:
    """The admin tool's command line: a full import replacing the default database, strict (a duplicate
    node id or a relationship to a missing node fails the import instead of being skipped)."""
    return [
        java,
        *JVM_OPTIONS,
        "-cp",
        f"{server.lib_dir.as_posix()}/*",
        ADMIN_TOOL,
        "database",
        "import",
        "full",
        DEFAULT_DATABASE,  # before the file lists, which take every argument after them
        "--overwrite-destination=true",
        *IMPORT_OPTIONS,
        "--bad-tolerance=0",
        f"--report-file={report.as_posix()}",
        *(f"--nodes={label}={path.as_posix()}" for label, path in files.nodes),
        *(f"--relationships={rtype}={path.as_posix()}" for rtype, path in files.relationships),
    ]


def import_log(server: ManagedServer) -> Path:
    """Where the importer's output of the last run is kept."""
    return server.logs_dir / "import.log"


def run_import(java: str, server: ManagedServer, files: CsvFiles) -> None:
    """Run the importer into the (stopped) managed server's database; PmkgError naming the log if it fails."""
    log = import_log(server)
    log.parent.mkdir(parents=True, exist_ok=True)
    report = log.with_name("import.report")
    env = {**os.environ, "NEO4J_HOME": server.root.as_posix(), "NEO4J_CONF": server.conf_dir.as_posix()}
    with log.open("w", encoding="utf-8") as out:
        result = subprocess.run(
            import_command(java, server, files, report),
            env=env,
            cwd=server.root,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            check=False,
        )
    if result.returncode != 0:
        said = _last_error(log)
        raise PmkgError(f"Neo4j's bulk importer failed ({said}): see {log}")


def _last_error(log: Path) -> str:
    """The importer's last line that says what went wrong, in a few words."""
    lines = [line.strip() for line in log.read_text(encoding="utf-8", errors="replace").splitlines()]
    wrong = [line for line in lines if line and ("Exception" in line or "rror" in line or "fail" in line)]
    return " ".join((wrong or lines or ["no output"])[-1].split())[:200]
