"""Extraction pauses Python's cyclic garbage collector for one document (a fifth of the CPU time of a
long text, BENCHMARKS.md) and leaves it as it found it; the name resources load up front for a warm
process (``pmkg.ingest.warm``, ``bench.size``)."""

from __future__ import annotations

import gc
from pathlib import Path

from pmkg.ingest.people import names
from pmkg.ingest.pipeline import extract_text

SEED = Path(__file__).parent.parent / "examples" / "ngc-advisory-board-5.txt"


def test_extraction_leaves_the_collector_on_and_off_as_it_was() -> None:
    text = SEED.read_text(encoding="utf-8")
    assert gc.isenabled()
    record = extract_text(text, SEED.name)
    assert gc.isenabled()
    assert {p.name for p in record.people} >= {"Søren Brunak"}
    gc.disable()
    try:
        assert extract_text(text, SEED.name) == record
        assert not gc.isenabled()  # a caller that turned it off keeps it off
    finally:
        gc.enable()


def test_the_name_resources_load_up_front() -> None:
    names.load_name_resources()
    loaded = names._faker_names.cache_info().currsize
    assert names.is_only_given_name("Mette") and not names.is_only_given_name("Olsen")
    assert names.is_given_name("Søren") and names.is_given_name("soren")
    assert names._faker_names.cache_info().currsize == loaded  # nothing left to load on the first names
