"""The servers pmkg starts (Neo4j, Keycloak): whether one still runs, and stopping it.

Shared ground for ``pmkg.graph.server`` and ``pmkg.auth.keycloak``, which start their servers in the
same way: a child process (or its process group) whose pid is kept in a file.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path


def alive(pid: int) -> bool:
    """Whether ``pid`` still runs; reaps it if this process started it (a zombie counts as gone, whoever its
    parent)."""
    try:
        finished, _ = os.waitpid(pid, os.WNOHANG)
        if finished == pid:
            return False
    except ChildProcessError:
        pass  # started by another pmkg process
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return not _zombie(pid)


def _zombie(pid: int) -> bool:
    """Whether ``pid`` has exited and waits for a parent that is not this process to reap it (that parent
    may be waiting for us: a stop that waited for the zombie to vanish would never return)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return False  # no /proc here: the signal said it exists
    return stat.rpartition(")")[2].split()[:1] == ["Z"]


def terminate(pid: int, timeout: float, *, group: bool = False) -> None:
    """SIGTERM, then SIGKILL past ``timeout`` seconds; returns once the process is gone. With ``group``
    the signals go to its process group (a launcher script and the JVM it started)."""
    kill = os.killpg if group else os.kill
    kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while alive(pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    if alive(pid):
        kill(pid, signal.SIGKILL)
        while alive(pid):
            time.sleep(0.1)
