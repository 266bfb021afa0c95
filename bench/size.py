"""``python -m bench.size [--sizes 1,2,4,8,19]``: extraction time and memory against a document's size.

Generated minutes are joined into one text of each size (megabytes of characters) and extracted whole,
each size in a fresh process, so its peak memory is its own. CPU seconds count (the wall time on a
shared machine also counts other processes). The line to read is how the time grows: twice the text
should take about twice the time. One JSON object goes to stdout, progress to stderr.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time

MEGABYTE = 1_000_000


def measure(size: int) -> dict[str, float]:
    """Extract ``size`` characters of joined minutes in this process: CPU seconds, peak RSS, people."""
    from pmkg.ingest.pipeline import extract_text
    from tests.test_extract_linear import minutes_of

    text = minutes_of(size)
    extract_text(text[:20_000], "warm-up.txt")  # the vocabularies and name lists, loaded once
    start = time.process_time()
    record = extract_text(text, "joined.txt")
    return {
        "megabytes": round(len(text) / MEGABYTE, 2),
        "cpu_seconds": round(time.process_time() - start, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "people": len(record.people),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2,4,8,19", help="megabytes, comma-separated")
    parser.add_argument("--one", type=float, help=argparse.SUPPRESS)  # a child process: one size
    args = parser.parse_args(argv)
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
