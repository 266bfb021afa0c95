"""``pmkg keycloak install|start|stop|status``: a local Keycloak to try and test sign-in against.

The identity provider of the browser tests, for a developer: Keycloak from Maven Central in development
mode on 127.0.0.1, with a realm imported from a file (default: the test realm, users vera.viewer and
erik.editor). A team server uses its organisation's own provider (README, "Running pmkg for a team").
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pmkg.auth import keycloak

NOT_RUNNING = 3  # the LSB exit status of `status` for a stopped service


def _install(args: argparse.Namespace) -> int:
    print(f"Keycloak {keycloak.VERSION} installed in {keycloak.install(args.home)}")
    return 0


def _start(args: argparse.Namespace) -> int:
    instance = keycloak.start(args.home, port=args.port, realm_file=args.realm, timeout=args.timeout)
    print(f"Keycloak running at {instance.url} (pid {keycloak.pid_of(instance)}), realm {instance.realm}")
    print(f"server_metadata_url = {instance.metadata_url!r}")
    return 0


def _stop(args: argparse.Namespace) -> int:
    print("Keycloak stopped" if keycloak.stop(args.home) else "Keycloak was not running")
    return 0


def _status(args: argparse.Namespace) -> int:
    instance = keycloak.running(keycloak.root(args.home) / "run")
    if instance is None:
        print("status: stopped")
        return NOT_RUNNING
    print(f"status: running (pid {keycloak.pid_of(instance)})")
    print(f"issuer: {instance.issuer}")
    print(f"log:    {instance.log_file}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("keycloak", help="install, start, stop a local Keycloak to test sign-in")
    parser.add_argument(
        "--home", type=Path, default=None, help="pmkg home folder (default: $PMKG_HOME, else .pmkg)"
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = actions.add_parser("install", help=f"download Keycloak {keycloak.VERSION} from Maven Central")
    p.set_defaults(func=_install)
    p = actions.add_parser("start", help="start it on loopback with a realm imported, wait until it answers")
    p.add_argument("--port", type=int, default=None, help=f"HTTP port (default {keycloak.DEFAULT_PORT})")
    p.add_argument("--realm", type=Path, default=keycloak.REALM_FILE, help="realm file to import")
    p.add_argument("--timeout", type=float, default=keycloak.START_TIMEOUT_S, help="seconds to wait")
    p.set_defaults(func=_start)
    p = actions.add_parser("stop", help="stop it")
    p.set_defaults(func=_stop)
    p = actions.add_parser("status", help="whether it runs, and its issuer (exit 3 when stopped)")
    p.set_defaults(func=_status)
