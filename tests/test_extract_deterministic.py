"""The same minutes give the same record in every run: Python salts the hashing of text per process
(``PYTHONHASHSEED``), so anything read off a set or a dict built from one in an order that matters
shows here as two runs disagreeing. Found when an organisation's quotes came out in another order one
run in a dozen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

MINUTES = Path(__file__).resolve().parent / "minutes"


def extract_all(seed: int, files: list[Path]) -> str:
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    command = [sys.executable, "-m", "pmkg.cli", "extract", "--format", "jsonl", *map(str, files)]
    return subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout


def test_every_test_minutes_extracts_the_same_under_any_hash_seed() -> None:
    files = sorted(
        p for p in (MINUTES / "new").iterdir() if p.suffix in {".txt", ".md", ".html", ".docx", ".pdf"}
    )
    files += sorted((MINUTES / "dev").glob("*.txt"))
    first = extract_all(1, files)
    assert first.count("\n") == len(files)
    for seed in (2, 3, 4, 5):
        assert extract_all(seed, files) == first, f"PYTHONHASHSEED={seed}"
