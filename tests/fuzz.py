"""The long fuzz run of the readers and the normaliser: ``python -m tests.fuzz --examples 10000``.

Each example is a byte string, made from the real corpus (as text in several encodings, a PDF, a
DOCX and a web page) by mutation (flipped bytes, cuts, splices, repeated slices) or from noise
behind a known file signature, given a file name with one of the supported extensions. It goes
through ``read_bytes``; a readable text then goes through ``normalise`` (whose offset map is
checked) and ``detect_language``, and so does a mutated corpus text. An ``InputError`` is a
declared refusal; any other exception, or an example taking longer than ``--timeout`` seconds,
is a crash: the run reports it, saves the input under ``--crash-dir`` and exits with status 1.
The generator is seeded, so a run is reproducible with ``--seed``.
"""

from __future__ import annotations

import argparse
import io
import random
import resource
import signal
import sys
import time
import traceback
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from pmkg.errors import InputError
from pmkg.ingest.read import FORMATS, read_bytes
from pmkg.ingest.text.language import detect_language
from pmkg.ingest.text.normalise import normalise
from tests.documents import corpus_text, docx_bytes, html_bytes, pdf_bytes

SIGNATURES = [b"%PDF-1.7\n", b"PK\x03\x04", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"<html><body>", b""]
LAYOUT = [
    "\n",
    "\n\n",
    "\f",
    "-\n",
    "-\n\n",
    "\u00ad\n",
    "\r\n",
    "\t",
    "\u00a0",
    "•",
    " ",
    "a\u030a",
    "Side 2 af 5",
]


class Hang(Exception):
    """An example ran past the time limit."""


def seeds() -> list[tuple[str, bytes]]:
    """Well-formed documents of every format, made from the corpus."""
    ngc = corpus_text()
    lines = ngc.split("\n")
    nord = corpus_text("region-nord-farmakogenetik-arbejdsgruppe-2023-09-20.txt").split("\n")
    return [
        ("txt", ngc.encode("utf-8")),
        ("txt", ngc.encode("utf-16")),
        ("md", corpus_text("npoc-scientific-advisory-board-2024-06-11.txt").encode("utf-16-be")),
        ("txt", corpus_text("helse-vest-styringsgruppe-presisjonsmedisin-2024-09-24.txt").encode("cp1252")),
        ("pdf", pdf_bytes(lines[:60], lines_per_page=25)),
        (
            "docx",
            docx_bytes([("heading", nord[0]), ("p", nord[5]), ("bullet", nord[7]), ("table", [nord[8:10]])]),
        ),
        ("html", html_bytes("Referat", nord)),
    ]


def mutate(rng: random.Random, data: bytes, others: list[bytes]) -> bytes:
    """One to three random edits of ``data``."""
    buffer = bytearray(data)
    for _ in range(rng.randint(1, 3)):
        kind = rng.randrange(6)
        at = rng.randrange(len(buffer) + 1)
        if kind == 0:  # flip bytes
            for _ in range(rng.randint(1, 16)):
                if buffer:
                    buffer[rng.randrange(len(buffer))] = rng.randrange(256)
        elif kind == 1:  # cut the end off
            del buffer[at:]
        elif kind == 2:  # cut a slice out
            del buffer[at : at + rng.randint(1, 512)]
        elif kind == 3:  # insert noise
            buffer[at:at] = rng.randbytes(rng.randint(1, 64))
        elif kind == 4:  # repeat a slice
            buffer[at:at] = buffer[at : at + rng.randint(1, 256)] * rng.randint(2, 20)
        else:  # splice in part of another document
            other = rng.choice(others)
            start = rng.randrange(len(other))
            buffer[at:at] = other[start : start + rng.randint(1, 2048)]
    return bytes(buffer)


def mutate_inside_zip(rng: random.Random, data: bytes, others: list[bytes]) -> bytes:
    """Mutate one part of a DOCX and zip it again, so the damage reaches the XML parsers."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        items = source.infolist()
        target = rng.choice(
            [i.filename for i in items if i.filename.startswith("word/")] or [items[0].filename]
        )
        for item in items:
            content = source.read(item)
            out.writestr(item, mutate(rng, content, others) if item.filename == target else content)
    return buffer.getvalue()


def example(rng: random.Random, corpus: list[tuple[str, bytes]]) -> tuple[bytes, str]:
    """A byte string and a file name to read it as (usually, but not always, its own format)."""
    fmt, data = rng.choice(corpus)
    roll = rng.random()
    if roll < 0.3 and fmt == "docx":
        data = mutate_inside_zip(rng, data, [d for _, d in corpus])
    elif roll < 0.75:
        data = mutate(rng, data, [d for _, d in corpus])
    elif roll < 0.95:
        data = rng.choice(SIGNATURES) + rng.randbytes(rng.randint(0, 4096))
    extension = rng.choice(sorted(FORMATS)) if rng.random() < 0.25 else f".{fmt}"
    return data, f"fuzz{extension}"


def text_example(rng: random.Random, texts: list[str]) -> str:
    """A corpus text with layout characters and noise dropped in."""
    text = rng.choice(texts)
    start = rng.randrange(len(text))
    chars = list(text[start : start + rng.randint(0, 3000)])
    for _ in range(rng.randint(0, 40)):
        piece = rng.choice(LAYOUT) if rng.random() < 0.8 else chr(rng.randrange(0x20, 0x3000))
        chars.insert(rng.randrange(len(chars) + 1), piece)
    return "".join(chars)


def check_normalise(text: str) -> None:
    """Normalise and check the offset map: one in-range, non-decreasing offset per character."""
    norm = normalise(text)
    index = norm.index
    if len(index) != len(norm.text):
        raise AssertionError("index length differs from the text length")
    if any(b < a for a, b in zip(index, index[1:], strict=False)) or (
        len(index) and not (index[0] >= 0 and index[-1] < len(text))
    ):
        raise AssertionError("index not monotone or out of range")
    detect_language(norm.text)


def guarded(seconds: float, action: Callable[[], object]) -> object:
    """Run ``action`` with a wall-clock limit (SIGALRM: the fuzzer runs in the main thread)."""

    def expire(signum: int, frame: object) -> None:
        raise Hang(f"took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return action()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run(examples: int, seed: int, timeout: float, crash_dir: Path) -> int:
    rng = random.Random(seed)
    corpus = seeds()
    texts = [
        corpus_text(n) for n in ("ngc-advisory-board-5.txt", "npoc-scientific-advisory-board-2024-06-11.txt")
    ]
    outcomes: Counter[str] = Counter()
    crashes: list[str] = []
    normalised = 0
    started = time.perf_counter()
    slowest = (0.0, "")
    for number in range(examples):
        data, name = example(rng, corpus)
        extra_text = text_example(rng, texts)
        fmt = name.rsplit(".", 1)[1]
        began = time.perf_counter()
        try:
            raw = guarded(timeout, lambda data=data, name=name: read_bytes(data, name))
            outcomes[f"{fmt} read"] += 1
            for text in (raw.text, extra_text):  # type: ignore[attr-defined]
                guarded(timeout, lambda text=text: check_normalise(text))
                normalised += 1
        except InputError:
            outcomes[f"{fmt} refused"] += 1
        except Exception as exc:  # anything undeclared is exactly what the fuzzer looks for
            outcomes[f"{fmt} CRASH"] += 1
            crashes.append(f"#{number} {name}: {exc.__class__.__name__}: {exc}")
            crash_dir.mkdir(parents=True, exist_ok=True)
            (crash_dir / f"{number}-{name}").write_bytes(data)
            (crash_dir / f"{number}-{name}.text").write_text(extra_text, encoding="utf-8", errors="replace")
            (crash_dir / f"{number}-{name}.traceback").write_text(traceback.format_exc(), encoding="utf-8")
        elapsed = time.perf_counter() - began
        slowest = max(slowest, (elapsed, name))
    total = time.perf_counter() - started
    read = sum(n for k, n in outcomes.items() if k.endswith(" read"))
    refused = sum(n for k, n in outcomes.items() if k.endswith(" refused"))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    for line in sorted(outcomes.items()):
        print(f"  {line[0]:>14}: {line[1]}")
    print(
        f"fuzz: {examples} inputs (seed {seed}) in {total:.0f} s: {read} read, "
        f"{refused} refused with InputError, {len(crashes)} crashes; {normalised} texts normalised; "
        f"slowest {slowest[0]:.2f} s; peak {peak_mb:.0f} MB"
    )
    for crash in crashes[:20]:
        print(f"  CRASH {crash}", file=sys.stderr)
    if crashes:
        print(f"  inputs and tracebacks saved in {crash_dir}", file=sys.stderr)
    return 1 if crashes else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=10_000, help="number of inputs (default 10000)")
    parser.add_argument("--seed", type=int, default=20260, help="random seed (default 20260)")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds allowed per input (default 20)")
    parser.add_argument("--crash-dir", type=Path, default=Path(".pmkg/fuzz-crashes"))
    args = parser.parse_args(argv)
    return run(args.examples, args.seed, args.timeout, args.crash_dir)


if __name__ == "__main__":
    sys.exit(main())
