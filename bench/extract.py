"""Extraction throughput on one core: the corpus is extracted in a child process pinned to one CPU.

The child generates the minutes (untimed), extracts them, and reports both its CPU time and its wall
time. ``docs_per_cpu_s`` (documents per CPU second of the pinned process) is the headline figure: on a
shared machine the wall time also counts the time other processes held the core.
"""

from __future__ import annotations

import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context

from bench.corpus import generate
from pmkg.model.record import Record


@dataclass(frozen=True)
class Extraction:
    records: list[Record]
    cpu_seconds: float
    wall_seconds: float
    core: int

    @property
    def docs_per_cpu_s(self) -> float:
        return len(self.records) / self.cpu_seconds

    @property
    def docs_per_wall_s(self) -> float:
        return len(self.records) / self.wall_seconds


def _pin() -> None:
    """Run the child on the last CPU it may use (one core, so the figure is per core)."""
    os.sched_setaffinity(0, {max(os.sched_getaffinity(0))})


def _extract(size: int) -> Extraction:
    from pmkg.ingest.pipeline import extract_text

    texts = list(generate(size))
    extract_text(texts[0][1], "warm-up.txt")  # loads the gazetteer and taxonomies once, untimed
    cpu, wall = time.process_time(), time.perf_counter()
    records = [extract_text(text, name) for name, text in texts]
    return Extraction(
        records, time.process_time() - cpu, time.perf_counter() - wall, next(iter(os.sched_getaffinity(0)))
    )


def extract_on_one_core(size: int) -> Extraction:
    """Extract ``size`` generated minutes in a fresh process pinned to one CPU."""
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn"), initializer=_pin) as pool:
        return pool.submit(_extract, size).result()
