"""When the analytics' kept network is measured after a write: at once, or on a thread of its own.

Measuring the whole network (``graph.netstore.refresh``) takes seconds at 1,000 documents and more at
10,000. A command line write (``pmkg merge``, ``pmkg ingest``) may wait for it: the command is done
when it returns, and the next command's first analytic answer reads what it kept. A person clicking
*Merge* in the app must not: the app (a long-lived process) hands its driver to :func:`in_background`,
and from then on every write through that driver returns as soon as its transaction has committed while
a thread of the driver's own measures the new graph, folding the writes made while it measures into one
more run. Any other driver (a command's, a test's) measures at once.

An answer is never older than the graph either way: a question whose version has nothing kept yet
waits for a measurement already under way (:func:`settle`) and, failing that, computes in memory
(``graph.analytics``).
"""

from __future__ import annotations

import logging
import threading
import weakref

import neo4j

from pmkg.errors import PmkgError
from pmkg.graph import netstore

LOG = logging.getLogger(__name__)
_LOCK = threading.Lock()
_RUNNERS: weakref.WeakKeyDictionary[neo4j.Driver, _Runner] = weakref.WeakKeyDictionary()


class _Runner:
    """One driver's measurements, one at a time on a daemon thread; a request made while one runs asks
    for one more run (the graph it measured may already be old)."""

    def __init__(self, driver: neo4j.Driver) -> None:
        self._driver = weakref.ref(driver)
        self._lock = threading.Lock()
        self._wanted = False
        self._thread: threading.Thread | None = None
        self._idle = threading.Event()
        self._idle.set()

    def request(self) -> None:
        with self._lock:
            self._wanted = True
            self._idle.clear()
            if self._thread is None:  # cleared under the lock by the thread that stops
                self._thread = threading.Thread(target=self._run, name="pmkg-netstore", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while True:
            with self._lock:
                driver = self._driver()
                if not self._wanted or driver is None:
                    self._thread = None
                    self._idle.set()
                    return
                self._wanted = False
            try:
                netstore.refresh(driver)
            except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError, PmkgError, OSError) as exc:
                # the next question computes in memory; the next write tries again
                LOG.warning("pmkg: the analytics' network was not kept: %s", exc)
            del driver

    def wait(self, timeout: float | None) -> bool:
        return self._idle.wait(timeout)


def in_background(driver: neo4j.Driver, on: bool = True) -> None:
    """Writes through ``driver`` measure on a thread of their own (``on``), or at once (the default)."""
    with _LOCK:
        if on:
            _RUNNERS.setdefault(driver, _Runner(driver))
        else:
            _RUNNERS.pop(driver, None)


def after_write(driver: neo4j.Driver) -> None:
    """Keep the analytics' network and measures for the graph a write has just committed."""
    with _LOCK:
        runner = _RUNNERS.get(driver)
    if runner is None:
        netstore.refresh(driver)
    else:
        runner.request()


def settle(driver: neo4j.Driver, timeout: float | None = None) -> bool:
    """Wait until no measurement for ``driver`` is under way (or ``timeout`` seconds); True when none is."""
    with _LOCK:
        runner = _RUNNERS.get(driver)
    return runner is None or runner.wait(timeout)
