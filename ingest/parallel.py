"""Extraction in worker processes, handed back in the order given (``pmkg ingest --jobs N``).

Extraction is CPU-bound Python, so one process uses one core; loading stays with one writer in the
parent. Results come back in the order the paths were given, so the writer loads in the same order
as with one job and the graph is the same. At most ``WINDOW_PER_JOB`` files per worker are in flight,
so memory is bounded by the window, not by the size of the folder.

Workers start from a fork server (spawn where there is none), never by forking the parent: the parent
holds the Neo4j driver's sockets and threads, which a forked child must not inherit. Workers ignore
SIGINT, so Ctrl-C reaches only the parent, which cancels what is queued and waits for the workers to
finish the document in hand and exit (no orphans); a worker that fails on a document returns the
reason as text, so the parent reports that file by name and goes on.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from pmkg.errors import InputError, PmkgError
from pmkg.model.record import Record, decode_record, encode_record

WINDOW_PER_JOB = 4  # files in flight per worker: enough to keep each busy while the writer works
_PRELOAD = ["pmkg.ingest.warm"]  # imported (and warmed) once by the fork server, not once per worker


@dataclass(frozen=True)
class Extracted:
    """One file's outcome: its record, or why it could not be extracted, and the CPU seconds it took
    (in whichever process extracted it: what a benchmark needs to tell slow work from a busy machine)."""

    path: Path
    record: Record | None
    reason: str | None = None
    cpu_seconds: float = 0.0


def default_jobs() -> int:
    """The cores this process may run on (its CPU affinity, not the machine's count)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def failure_reason(exc: BaseException, stage: str) -> str:
    """One line saying why a file failed at ``stage`` ("extracted", "stored")."""
    if isinstance(exc, InputError):
        return exc.reason
    if isinstance(exc, PmkgError):
        return str(exc)
    text = " ".join(str(getattr(exc, "message", None) or exc).split()) or type(exc).__name__
    return f"could not be {stage} ({type(exc).__name__}: {text[:200]})"


def extract_one(path: Path) -> Extracted:
    """Extract one file in this process; any failure becomes the reason, never an exception."""
    from pmkg.ingest.pipeline import extract_file

    start = time.process_time()
    try:
        record = extract_file(path)
    except Exception as exc:  # one bad file must not stop the others
        return Extracted(path, None, failure_reason(exc, "extracted"), time.process_time() - start)
    return Extracted(path, record, None, time.process_time() - start)


_Sent = tuple[bytes | None, str | None, float]


def _work(path: str) -> _Sent:
    """In a worker: the record as JSON bytes (cheap to send, checked when decoded), or the reason."""
    done = extract_one(Path(path))
    data = encode_record(done.record) if done.record is not None else None
    return data, done.reason, done.cpu_seconds


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _context() -> multiprocessing.context.BaseContext:
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(_PRELOAD)
        return context
    return multiprocessing.get_context("spawn")


def _pool(jobs: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(jobs, mp_context=_context(), initializer=_ignore_sigint)


def _outcome(path: Path, future: Future[_Sent]) -> Extracted:
    try:
        data, reason, cpu = future.result()
    except BrokenProcessPool:  # a worker died (killed, out of memory): the files in flight are not done
        return Extracted(path, None, "could not be extracted (a worker process stopped; ingest it again)")
    return Extracted(path, decode_record(data) if data is not None else None, reason, cpu)


def extract_in_order(paths: Iterable[Path], jobs: int) -> Iterator[Extracted]:
    """Extract ``paths`` with ``jobs`` processes, yielding each outcome in the order of ``paths``.

    ``paths`` is read lazily, a window ahead of what has been yielded, so the caller may decide per file
    (e.g. skip one already stored) while earlier files are still being extracted. With ``jobs`` 1 all
    runs in this process. Closing the iterator early (an error in the caller, Ctrl-C) cancels the queued
    files and waits for the workers to exit.
    """
    if jobs <= 1:
        yield from (extract_one(path) for path in paths)
        return
    pool = _pool(jobs)
    try:
        pending: deque[tuple[Path, Future[_Sent]]] = deque()
        for path in paths:
            try:
                future = pool.submit(_work, str(path))
            except BrokenProcessPool:  # the files in flight are reported as failed; the rest go on
                pool.shutdown(wait=True, cancel_futures=True)
                pool = _pool(jobs)
                future = pool.submit(_work, str(path))
            pending.append((path, future))
            if len(pending) >= jobs * WINDOW_PER_JOB:
                yield _outcome(*pending.popleft())
        while pending:
            yield _outcome(*pending.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
