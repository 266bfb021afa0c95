"""Extraction of one uploaded file in a child process with a time and a memory limit (the app's upload).

Why a process: extraction is CPU-bound Python. Run in the app's script thread it held the interpreter's
lock, so one large upload (4 MB of text: 36 s) also held every other session of the app (a search took
31 s). In a child process the app's threads stay free: the upload's own thread only waits on a pipe.

Why a fresh interpreter (``python -m pmkg.ingest.isolated``) and not multiprocessing's fork server: a
multiprocessing child first re-runs the parent's ``__main__``, and in the app that is Streamlit's page
script (it installs the script as ``__main__``), which would draw the app and connect to Neo4j in every
child. A fresh interpreter costs about 1 s of CPU to import the pipeline; it shares nothing with the app.

The child limits its own address space (``RLIMIT_AS``) before it reads the file, so a file that needs
more memory fails there with ``MemoryError`` instead of pushing the app's machine into swap; the parent
kills a child that runs past the time limit, and the child's CPU limit (``RLIMIT_CPU``, a little above
the time limit) ends it even if the app itself was killed. The clock starts when the child says it is
ready (the pipeline imported and warmed, ``ingest.warm``), so its start-up on a busy machine is not charged
to the file. Every outcome, a crash of the
extractor included, is an :class:`Outcome` with one line to show, never an exception; the child is gone
(killed and reaped) when :func:`extract_isolated` returns or raises.
"""

from __future__ import annotations

import json
import math
import os
import resource
import select
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

from pmkg.model.record import Record, decode_record

SECONDS_ENV = "PMKG_EXTRACT_SECONDS"
MEMORY_ENV = "PMKG_EXTRACT_MEMORY_MB"
DEFAULT_SECONDS = 120.0  # a 4 MB text, far larger than any minutes, takes about 60 s on one core
DEFAULT_MEMORY_MB = 1536  # the same text peaks at about 340 MB resident
START_SECONDS = 120.0  # at most this long (or the time limit, if longer) for a child to start
POLL_SECONDS = 0.25  # how often the parent looks at the child and reports progress
CPU_MARGIN_SECONDS = 10  # the child's own CPU limit: the time limit plus this
READY = b"ready\n"

Failure = Literal["time", "memory", "input", "crash"]


@dataclass(frozen=True)
class Limits:
    """What one file's extraction may use: wall seconds from the child's start, and megabytes of address
    space (virtual memory, which bounds all it can touch; the interpreter with the pipeline is about
    150 MB of it)."""

    seconds: float = DEFAULT_SECONDS
    memory_mb: int = DEFAULT_MEMORY_MB


@dataclass(frozen=True)
class Outcome:
    """One file's extraction: its record, or which limit or failure stopped it with a one-line reason
    (``input``: the file itself, as the reader says; ``crash``: the extractor), and the wall seconds the
    child took from its start to its answer or its end."""

    record: Record | None
    failure: Failure | None = None
    reason: str = ""
    seconds: float = 0.0


def limits_from_env(env: Mapping[str, str] | None = None) -> Limits:
    """The limits from ``PMKG_EXTRACT_SECONDS`` and ``PMKG_EXTRACT_MEMORY_MB`` where they are positive
    numbers, else the defaults (an unusable value is ignored rather than refusing every upload)."""
    env = os.environ if env is None else env
    return Limits(
        seconds=_positive(env.get(SECONDS_ENV, ""), float, DEFAULT_SECONDS),
        memory_mb=int(_positive(env.get(MEMORY_ENV, ""), int, DEFAULT_MEMORY_MB)),
    )


def _positive(text: str, kind: type[int] | type[float], default: float) -> float:
    try:
        value = kind(text.strip())
    except ValueError:
        return default
    return value if value > 0 and math.isfinite(value) else default


def _ended(returncode: int | None) -> str:
    """Why a child that gave no answer ended, in words (a signal by its name)."""
    if returncode is not None and returncode < 0:
        try:
            return f"the extractor stopped on {signal.Signals(-returncode).name}"
        except ValueError:
            return f"the extractor stopped on signal {-returncode}"
    return f"the extractor stopped with exit status {returncode}"


def _answer(output: bytes, returncode: int | None, seconds: float) -> Outcome:
    """The child's whole output (after ``READY``) as an outcome: ``done`` and the record's JSON, or one
    of the failures and its reason; anything else is a crash."""
    kind, _, body = output.partition(b"\n")
    if kind == b"done" and returncode == 0:
        return Outcome(decode_record(body), None, "", seconds)
    if kind in (b"memory", b"input", b"crash"):
        return Outcome(None, kind.decode(), body.decode("utf-8", "replace").strip(), seconds)  # type: ignore[arg-type]
    return Outcome(None, "crash", _ended(returncode), seconds)


def extract_isolated(
    payload: bytes,
    name: str,
    limits: Limits,
    progress: Callable[[float], None] | None = None,
) -> Outcome:
    """Extract ``payload`` (the file ``name``) in a child process within ``limits``.

    ``progress`` is called with the seconds spent so far about every ``POLL_SECONDS`` while the child
    works (the page's progress bar); whatever it raises (Streamlit stopping the run for a rerun) ends
    the child before it propagates.
    """
    command = [sys.executable, "-m", "pmkg.ingest.isolated", str(limits.memory_mb), str(limits.seconds)]
    begun = time.monotonic()
    child = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert child.stdin is not None and child.stdout is not None
    output = bytearray()
    started: float | None = None
    try:
        try:  # the child reads all of its input before it extracts: this cannot wait on its output
            child.stdin.write(json.dumps(name).encode() + b"\n" + payload)
            child.stdin.close()
        except BrokenPipeError:  # it ended before reading: its output or exit status says why
            pass
        while True:
            now = time.monotonic()
            if started is None and now - begun > max(limits.seconds, START_SECONDS):
                return Outcome(None, "crash", "the extractor did not start", now - begun)
            if started is not None and now - started > limits.seconds:
                return Outcome(None, "time", "", now - started)
            if select.select([child.stdout], [], [], POLL_SECONDS)[0]:
                chunk = os.read(child.stdout.fileno(), 1 << 20)
                if not chunk:  # end of its output: it has answered or died
                    child.wait()
                    seconds = time.monotonic() - (started or begun)
                    return _answer(bytes(output.removeprefix(READY)), child.returncode, seconds)
                output += chunk
                if started is None and output.startswith(READY):
                    started = time.monotonic()
            if progress is not None and started is not None:
                progress(time.monotonic() - started)
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()
        child.stdout.close()


def _serve(memory_mb: int, seconds: float) -> int:
    """The child: limit itself, read the name and the file from stdin, load and warm the pipeline, say it
    is ready, extract, and write ``done`` and the record's JSON (or ``memory``, ``input`` or ``crash`` and
    a reason) to stdout. ``MemoryError`` is told apart: the limit, not the file, stopped it."""
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    cpu = math.ceil(seconds) + CPU_MARGIN_SECONDS
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    out = sys.stdout.buffer
    name = json.loads(sys.stdin.buffer.readline())
    payload = sys.stdin.buffer.read()  # all of it first: the parent waits until it is read
    try:
        import pmkg.ingest.warm  # noqa: F401 (the knowledge files loaded by two short minutes)
        from pmkg.errors import PmkgError
        from pmkg.ingest.parallel import failure_reason
        from pmkg.ingest.pipeline import extract_bytes
        from pmkg.model.record import encode_record

        out.write(READY)  # the pipeline is loaded and warm: the clock starts now
        out.flush()
        data = b"done\n" + encode_record(extract_bytes(payload, name))
    except MemoryError:
        data = b"memory\n"
    except PmkgError as exc:
        data = b"input\n" + failure_reason(exc, "extracted").encode()
    except Exception as exc:  # a bug in the extractor: one line for the page, the other files go on
        data = b"crash\n" + failure_reason(exc, "extracted").encode()
    out.write(data)
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(_serve(int(sys.argv[1]), float(sys.argv[2])))
