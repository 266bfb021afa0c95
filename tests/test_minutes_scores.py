"""Extraction accuracy on the test minutes, scored against their gold in every CI run.

Two lines per set of minutes (``tests/minutes/dev``: corpus-dev's 16; ``new`` and ``fresh``: the
project's own): an aggregate may never fall below what has been reached
(``tests/minutes/reached.json``, raised by hand whenever extraction improves, never lowered to make a
change pass), and none may fall below the issue's target (``tests.scoring.FLOORS``) once it has been
reached. A crash on any document fails. ``tests/minutes/holdout`` is never scored here: it estimates
accuracy on minutes nobody tuned on.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.scoring import FLOORS, aggregate, extract_in_process, load_gold, score

MINUTES = Path(__file__).parent / "minutes"
REACHED: dict[str, dict[str, float]] = {
    name: floors
    for name, floors in json.loads((MINUTES / "reached.json").read_text(encoding="utf-8")).items()
    if not name.startswith("_")
}


def totals(set_name: str) -> dict[str, float]:
    """The aggregate ratio per field over every document of one set (a crash propagates)."""
    folder = MINUTES / set_name
    gold = load_gold(folder / "gold.json")
    scores = [score(extract_in_process(folder / doc), expected) for doc, expected in gold.items()]
    return {field: ok / total for field, (ok, total) in aggregate(scores).items()}


@pytest.fixture(scope="module", params=sorted(REACHED))
def measured(request: pytest.FixtureRequest) -> tuple[str, dict[str, float]]:
    return request.param, totals(request.param)


def test_no_aggregate_falls_below_what_was_reached(measured: tuple[str, dict[str, float]]) -> None:
    set_name, ratios = measured
    fallen = {f: (round(r, 3), REACHED[set_name][f]) for f, r in ratios.items() if r < REACHED[set_name][f]}
    assert fallen == {}, f"{set_name}: (now, reached) {fallen}"


def test_a_target_once_met_stays_met(measured: tuple[str, dict[str, float]]) -> None:
    set_name, ratios = measured
    met = [f for f, floor in REACHED[set_name].items() if floor >= FLOORS[f]]
    assert {f: round(ratios[f], 3) for f in met if ratios[f] < FLOORS[f]} == {}


def test_the_reached_file_names_every_scored_field_and_no_more_than_is_possible() -> None:
    for set_name, floors in REACHED.items():
        assert set(floors) == set(totals(set_name)), set_name
        assert all(0 < value <= 1 for value in floors.values()), set_name
