"""``knowledge/review.yaml`` by the numbers: the rules it lists as low confidence are those whose facts,
judged one by one in ``tests/data/rule-precision.yaml``, are right less often than its
``precision_threshold``; and the judged facts are exactly those the extractor finds today."""

from __future__ import annotations

import pytest

from pmkg import knowledge
from tests import rule_precision

REVIEW = knowledge.load("review.yaml")
FACTS = rule_precision.load()


def test_every_fact_is_judged_correct_or_incorrect() -> None:
    assert {f["label"] for f in FACTS} <= {"correct", "incorrect"}
    assert all(f["why"] for f in FACTS if f["label"] == "incorrect")  # a wrong fact says what is wrong
    assert len({f["id"] for f in FACTS}) == len(FACTS)


def test_review_lists_exactly_the_rules_below_the_threshold() -> None:
    threshold = REVIEW["precision_threshold"]
    measured = rule_precision.precision(FACTS)
    assert set(REVIEW["low_confidence"]) <= set(measured)  # every listed rule is measured
    below = {rule for rule, (n, correct) in measured.items() if correct / n < threshold}
    assert set(REVIEW["low_confidence"]) == below, {r: f"{c}/{n}" for r, (n, c) in measured.items()}


def test_the_measured_figures_are_those_the_docs_give() -> None:
    assert rule_precision.precision(FACTS) == {
        "deadlines.deadline": (37, 36),
        "deadlines.next_meeting": (75, 74),
        "funding.cue": (14, 8),
        "participations.cue": (21, 20),
    }


@pytest.mark.parametrize("path", rule_precision.files(), ids=lambda p: p.name)
def test_the_judged_facts_are_what_the_extractor_finds(path: rule_precision.Path) -> None:
    """A change to the rules that finds other facts must be judged again (``python -m tests.rule_precision``
    keeps the labels of the facts still found and lists the new ones unjudged)."""
    name = str(path.relative_to(rule_precision.ROOT))
    judged = {(f["id"], tuple(f["rules"])) for f in FACTS if f["file"] == name}
    assert {(f.id, f.rules) for f in rule_precision.found_in(path)} == judged
