"""The extraction rules take time in proportion to the text: eight times the text, about eight times the
time, never the square (a rule that rescans the whole text per name or per date made 4 MB take minutes).

The two sizes are compared on this machine in one process (CPU time), so the test says nothing about
absolute speed (that is ``python -m bench``'s job, BENCHMARKS.md) and holds on a slow or busy machine.
"""

from __future__ import annotations

import time

from bench.corpus import generate
from pmkg.ingest.extract import Context, extract

SMALL = 500_000  # characters
LARGE = 4_000_000
SLACK = 1.5  # a linear rule stays near LARGE / SMALL = 8 times; a quadratic one is near 64


def minutes_of(size: int) -> str:
    """Generated minutes joined into one document of at least ``size`` characters."""
    parts: list[str] = []
    total = 0
    for _, text in generate(100_000):
        parts.append(text)
        total += len(text) + 2
        if total >= size:
            break
    return "\n\n".join(parts)  # plain text already: what normalising would give


def cpu_seconds(text: str) -> float:
    start = time.process_time()
    content = extract(Context(text=text, language="da"))
    spent = time.process_time() - start
    assert content.organizations and content.facts  # the rules found what the minutes say
    return spent


def test_extraction_time_grows_linearly_with_the_text() -> None:
    small, large = minutes_of(SMALL), minutes_of(LARGE)
    extract(Context(text=small[:20_000], language="da"))  # word lists compiled before timing
    ratio = cpu_seconds(large) / cpu_seconds(small)
    assert ratio < SLACK * len(large) / len(small), f"{LARGE:,} characters took {ratio:.1f} times {SMALL:,}"


def test_the_whole_pipeline_grows_linearly_with_the_text() -> None:
    """Reading, parsing and resolving people too: the people of many minutes joined into one document
    are thousands, and comparing every reference with every person made 1 MB take minutes."""
    from pmkg.ingest.pipeline import extract_text

    small, large = minutes_of(SMALL // 4), minutes_of(LARGE // 4)
    extract_text(small[:20_000], "warm-up.txt")
    seconds = []
    for text in (small, large):
        start = time.process_time()
        record = extract_text(text, "joined.txt")
        seconds.append(time.process_time() - start)
        assert len(record.people) > 100  # the minutes' people were found
    ratio = seconds[1] / seconds[0]
    assert ratio < SLACK * len(large) / len(small), f"{len(large):,} characters took {ratio:.1f} times"
