"""One upload's extraction in a child process (``ingest.isolated``), with the real pipeline: the same record
as in this process, a file past the time limit killed with no child left behind, one past the memory limit
stopped by it, and a child that dies or is stopped from the page said in one line, never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pmkg.ingest.isolated import (
    DEFAULT_MEMORY_MB,
    DEFAULT_SECONDS,
    Limits,
    Outcome,
    _answer,
    extract_isolated,
    limits_from_env,
)
from pmkg.ingest.pipeline import extract_bytes
from tests.test_extract_linear import minutes_of

MINUTES = Path(__file__).resolve().parent / "minutes" / "dev" / "genhjerte-bestyrelse-2024-04-18.txt"


@pytest.fixture(scope="module")
def large() -> bytes:
    """4 MB of generated minutes joined into one text: about a minute of extraction on one core, and
    about 340 MB at its peak (BENCHMARKS.md, extraction of one long document)."""
    return minutes_of(4_000_000).encode()


def extractor_children() -> list[int]:
    """Processes whose parent is this one and that run the isolated extractor (zombies included)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
            command = (entry / "cmdline").read_bytes()
        except OSError:  # ended while we looked
            continue
        parent = next(line.split()[1] for line in status.splitlines() if line.startswith("PPid:"))
        if int(parent) == os.getpid() and b"pmkg.ingest.isolated" in command:
            found.append(int(entry.name))
    return found


def test_a_file_gives_the_same_record_as_extraction_in_this_process() -> None:
    payload = MINUTES.read_bytes()
    outcome = extract_isolated(payload, MINUTES.name, Limits())
    assert outcome.failure is None and outcome.reason == ""
    assert outcome.record == extract_bytes(payload, MINUTES.name)
    assert outcome.record.meetings[0].date == "2024-04-18"
    assert extractor_children() == []


def test_a_file_past_the_time_limit_is_killed_and_leaves_no_child(large: bytes) -> None:
    seen: list[float] = []
    outcome = extract_isolated(large, "joined.txt", Limits(seconds=1.0), seen.append)
    assert (outcome.record, outcome.failure) == (None, "time")
    assert outcome.seconds >= 1.0
    assert seen and all(0 <= s <= outcome.seconds for s in seen)  # progress was reported on the way
    assert extractor_children() == []


def test_a_file_past_the_memory_limit_is_stopped_by_it_while_a_small_one_fits(large: bytes) -> None:
    limits = Limits(memory_mb=150)
    outcome = extract_isolated(large, "joined.txt", limits)
    assert (outcome.record, outcome.failure) == (None, "memory")
    small = extract_isolated(MINUTES.read_bytes(), MINUTES.name, limits)
    assert small.failure is None and small.record is not None  # the limit, not the child, stopped it
    assert extractor_children() == []


def test_an_unreadable_file_is_its_readers_one_line_reason() -> None:
    outcome = extract_isolated(b"", "empty.txt", Limits())
    assert (outcome.record, outcome.failure) == (None, "input")
    assert "empty" in outcome.reason and "\n" not in outcome.reason


def test_a_page_that_stops_while_the_child_works_ends_the_child(large: bytes) -> None:
    """Streamlit stops a run (a rerun, a closed tab) by raising from the next element drawn: here the
    progress callback."""

    class Stopped(BaseException):
        pass

    def stop(seconds: float) -> None:
        raise Stopped

    with pytest.raises(Stopped):
        extract_isolated(large, "joined.txt", Limits(), stop)
    assert extractor_children() == []


def test_a_child_that_died_or_sent_nothing_is_a_one_line_crash() -> None:
    assert _answer(b"", -11, 2.0) == Outcome(None, "crash", "the extractor stopped on SIGSEGV", 2.0)
    assert _answer(b"", -9, 2.0).reason == "the extractor stopped on SIGKILL"
    assert _answer(b"garbage", 1, 2.0).reason == "the extractor stopped with exit status 1"
    crash = _answer(b"crash\ncould not be extracted (KeyError: 'x')\n", 0, 1.0)
    assert (crash.failure, crash.reason) == ("crash", "could not be extracted (KeyError: 'x')")


def test_limits_come_from_the_environment_and_a_bad_value_keeps_the_default() -> None:
    assert limits_from_env({}) == Limits(DEFAULT_SECONDS, DEFAULT_MEMORY_MB)
    assert limits_from_env({"PMKG_EXTRACT_SECONDS": "30", "PMKG_EXTRACT_MEMORY_MB": "800"}) == Limits(30, 800)
    for bad in ("", "0", "-5", "lots", "nan", "inf"):
        assert limits_from_env({"PMKG_EXTRACT_SECONDS": bad, "PMKG_EXTRACT_MEMORY_MB": bad}) == Limits()
