"""``pmkg app``: serve the browser app for policy staff (Streamlit) on this machine.

It listens on loopback (127.0.0.1) unless ``--host`` says otherwise, and runs from the
repository root so ``.streamlit/config.toml`` (upload limit, no usage statistics) applies.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from pmkg.errors import PmkgError

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app.py"


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "app",
        help="open the browser app on the graph (Streamlit, loopback only by default)",
        description="Serve the pmkg app; open the printed address in a browser. Stop it with Ctrl-C.",
    )
    parser.add_argument("--port", type=int, default=8501, help="port to listen on (default: 8501)")
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0 opens it to the network)",
    )
    parser.set_defaults(func=run)


def command(port: int, host: str) -> list[str]:
    """The streamlit command line for the app (flags override the config file)."""
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(APP),
        "--server.address",
        host,
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
    ]


def run(args: argparse.Namespace) -> int:
    if not APP.is_file():
        raise PmkgError(
            f"the app is not installed next to pmkg ({APP} is missing): run it from the repository"
        )
    if not 0 < args.port < 65536:
        raise PmkgError(f"--port {args.port} is not a port number (1-65535)")
    print(
        f"pmkg: the app is at http://{args.host}:{args.port} (Ctrl-C stops it)", file=sys.stderr, flush=True
    )
    # Become the streamlit process (no child left behind when this one is stopped).
    os.chdir(ROOT)
    argv = command(args.port, args.host)
    os.execv(argv[0], argv)
