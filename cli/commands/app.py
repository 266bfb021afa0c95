"""``pmkg app``: serve the browser app for policy staff (Streamlit) on this machine.

It listens on loopback (127.0.0.1) unless ``--host`` says otherwise. The app's Streamlit settings
(upload limit, no usage statistics, theme) live in ``ui/config.toml`` inside the package and are passed
as flags, so they hold whichever folder the command is run from, installed or in the checkout.
"""

from __future__ import annotations

import argparse
import os
import sys
import tomllib
from importlib.resources import files
from pathlib import Path

from pmkg.errors import PmkgError

UI = files("pmkg.ui")


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
    parser.add_argument(
        "--secrets",
        type=Path,
        default=None,
        help="secrets file with [auth] and [roles] to turn sign-in on (default: .streamlit/secrets.toml "
        "in the current folder or in your home folder, if there is one)",
    )
    parser.set_defaults(func=run)


def config_flags() -> list[str]:
    """``ui/config.toml`` as Streamlit command-line flags (``--server.maxUploadSize 20`` ...)."""
    config = tomllib.loads(UI.joinpath("config.toml").read_text(encoding="utf-8"))
    flags: list[str] = []
    for section, options in config.items():
        for key, value in options.items():
            text = str(value).lower() if isinstance(value, bool) else str(value)
            flags += [f"--{section}.{key}", text]
    return flags


def command(port: int, host: str, secrets: Path | None = None) -> list[str]:
    """The streamlit command line for the app (the flags given here override the config file's); sign-in
    is on when the secrets (``secrets``, else Streamlit's own places) have ``[auth]``."""
    shell = Path(str(UI.joinpath("shell.py")))
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(shell),
        *config_flags(),
        "--server.address",
        host,
        "--server.port",
        str(port),
        *(["--secrets.files", str(secrets.resolve())] if secrets else []),
    ]


def _check_secrets(path: Path) -> None:
    """Refuse a secrets file Streamlit could not read: the app would start, and every page stay closed."""
    if path.suffix != ".toml":
        raise PmkgError(f"--secrets {path}: Streamlit reads a secrets file only by a name ending in .toml")
    try:
        tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise PmkgError(f"--secrets {path}: not TOML: {exc}") from exc


def run(args: argparse.Namespace) -> int:
    if not 0 < args.port < 65536:
        raise PmkgError(f"--port {args.port} is not a port number (1-65535)")
    print(
        f"pmkg: the app is at http://{args.host}:{args.port} (Ctrl-C stops it)", file=sys.stderr, flush=True
    )
    if args.secrets and not args.secrets.is_file():
        raise PmkgError(f"--secrets {args.secrets}: no such file")
    if args.secrets:
        _check_secrets(args.secrets)
    argv = command(args.port, args.host, args.secrets)
    os.execv(argv[0], argv)  # become the streamlit process (no child left behind when this one is stopped)
