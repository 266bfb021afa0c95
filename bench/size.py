"""``python -m bench.size [--sizes 1,2,4,8,19] [--startup]``: extraction time and memory by text size.

Generated minutes are joined into one text of each size (megabytes of characters) and extracted whole,
each size in a fresh process, so its peak memory is its own. CPU seconds count (the wall time on a
shared machine also counts other processes). The line to read is how the time grows: twice the text
should take about twice the time. ``--startup`` measures instead what a fresh process pays before its
first document: importing the pipeline, loading the name resources, the first extraction. One JSON
object goes to stdout, progress to stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time

MEGABYTE = 1_000_000


def measure(size: int) -> dict[str, float]:
    """Extract ``size`` characters of joined minutes in this process: CPU seconds, peak RSS, people."""
    from pmkg.ingest.people.names import load_name_resources
    from pmkg.ingest.pipeline import extract_text
    from tests.test_extract_linear import minutes_of

    text = minutes_of(size)
    load_name_resources()  # start-up, measured apart (``--startup``)
    extract_text(text[:20_000], "warm-up.txt")  # the vocabularies, loaded once
    start = time.process_time()
    record = extract_text(text, "joined.txt")
    return {
        "megabytes": round(len(text) / MEGABYTE, 2),
        "cpu_seconds": round(time.process_time() - start, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "people": len(record.people),
    }


def _resident_mb() -> float:
    """This process's resident memory now (not its peak), from Linux's ``/proc``."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / MEGABYTE


def startup() -> dict[str, float]:
    """In a fresh process: CPU seconds and resident megabytes added by importing the pipeline, by
    loading the name resources (Faker's given names and surnames of 86 locales, ``given-names.yaml``)
    and by the first extraction (the seed minutes: the knowledge files and patterns it loads)."""
    steps: dict[str, float] = {}
    clock, memory = time.process_time(), _resident_mb()

    def step(name: str) -> None:
        nonlocal clock, memory
        steps[f"{name}_cpu_seconds"] = round(time.process_time() - clock, 2)
        steps[f"{name}_mb"] = round(_resident_mb() - memory)
        clock, memory = time.process_time(), _resident_mb()

    from pmkg.ingest.pipeline import extract_file

    step("import")
    from pmkg.ingest.people.names import load_name_resources

    load_name_resources()
    step("names")
    extract_file("examples/ngc-advisory-board-5.txt")
    step("first_extraction")
    return steps


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2,4,8,19", help="megabytes, comma-separated")
    parser.add_argument("--one", type=float, help=argparse.SUPPRESS)  # a child process: one size
    parser.add_argument("--startup", action="store_true", help="start-up costs of a fresh process")
    args = parser.parse_args(argv)
    if args.startup:
        print(json.dumps(startup()))
        return 0
    if args.one is not None:
        print(json.dumps(measure(int(args.one * MEGABYTE))))
        return 0
    rows = []
    for size in (float(s) for s in args.sizes.split(",")):
        command = [sys.executable, "-m", "bench.size", "--one", str(size)]
        child = subprocess.run(command, capture_output=True, text=True, check=True)
        rows.append(json.loads(child.stdout))
        print(f"{rows[-1]}", file=sys.stderr)
    print(json.dumps({"size_curve": rows}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
