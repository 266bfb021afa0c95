"""``pmkg neo4j install|start|stop|status``: the managed local Neo4j server (see docs/neo4j.md)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from pmkg.graph import connection, server

NOT_RUNNING = 3  # the LSB exit status of `status` for a stopped service


def _install(args: argparse.Namespace) -> int:
    lib = server.install(args.home)
    print(f"Neo4j {server.installed_version(lib)} installed in {lib}")
    return 0


def _start(args: argparse.Namespace) -> int:
    managed = server.start(args.home, bolt_port=args.bolt_port, timeout=args.timeout)
    print(f"Neo4j running at {managed.uri} (pid {server.running_pid(managed)}); data in {managed.data_dir}")
    if os.environ.get("NEO4J_URI"):
        print("note: NEO4J_URI is set, so pmkg commands use that server, not this one")
    return 0


def _stop(args: argparse.Namespace) -> int:
    print("Neo4j stopped" if server.stop(args.home, timeout=args.timeout) else "Neo4j was not running")
    return 0


def _print_fields(fields: dict[str, object]) -> None:
    width = max(map(len, fields))
    for key, value in fields.items():
        print(f"{key + ':':<{width + 1}} {value}")


def _status(args: argparse.Namespace) -> int:
    if os.environ.get("NEO4J_URI"):  # another Neo4j is configured: report on that one
        settings = connection.settings()
        with connection.driver(settings) as drv:
            agent = drv.get_server_info().agent
        _print_fields(
            {"server": "from NEO4J_URI", "uri": settings.uri, "version": agent, "database": settings.database}
        )
        return 0
    st = server.status(args.home)
    _print_fields(
        {
            "status": f"running (pid {st.pid})" if st.running else "stopped",
            "uri": st.uri,
            "version": st.version or "unknown (not answering)" if st.running else "-",
            "database": st.database,
            "data": st.data_dir,
            "log": st.log_file,
        }
    )
    return 0 if st.running else NOT_RUNNING


def _home_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--home", type=Path, default=default, help="pmkg home folder (default: $PMKG_HOME, else .pmkg)"
    )


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("neo4j", help="install, start, stop the local Neo4j server")
    _home_option(parser, None)
    # --home is also accepted after the action (`pmkg neo4j start --home X`); there it has no default
    # of its own, so it cannot overwrite a --home given before the action.
    after = argparse.ArgumentParser(add_help=False)
    _home_option(after, argparse.SUPPRESS)
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = actions.add_parser(
        "install", parents=[after], help="download the pinned Neo4j server from Maven Central"
    )
    p.set_defaults(func=_install)

    p = actions.add_parser(
        "start", parents=[after], help="start the server (loopback only) and wait until Bolt answers"
    )
    p.add_argument("--bolt-port", type=int, default=None, help="Bolt port (default: last used, else 7687)")
    p.add_argument("--timeout", type=float, default=server.START_TIMEOUT_S, help="seconds to wait for Bolt")
    p.set_defaults(func=_start)

    p = actions.add_parser("stop", parents=[after], help="stop the server gracefully")
    p.add_argument("--timeout", type=float, default=server.STOP_TIMEOUT_S, help="seconds before SIGKILL")
    p.set_defaults(func=_stop)

    p = actions.add_parser(
        "status", parents=[after], help="URI, version, database and data folder (exit 3 when stopped)"
    )
    p.set_defaults(func=_status)
