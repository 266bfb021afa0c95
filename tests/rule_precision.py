"""The precision of the extraction rules behind the facts ``knowledge/review.yaml`` may queue as low
confidence: participations, funding, deadlines and their contacts.

``python -m tests.rule_precision`` extracts every test minutes file (``tests/minutes/new``, the
development copies in ``tests/minutes/dev``, the minutes under ``tests/data``) and ``examples/``, each
text once, and lists every relationship of those kinds with the rules that found it and the line it
was found on. Each is judged by a person reading the line (strict: the fact must be what the line
says, with the right ends; a right fact with a wrong end is wrong) and the judgement kept in
``tests/data/rule-precision.yaml``. Run again after a change to the rules: the facts judged before keep
their label, new ones come in as ``label: null`` to be judged, and ones no longer found are dropped, so
the file always describes what the extractor finds. ``tests/test_rule_precision.py`` recomputes each
rule's precision from the labels and checks ``review.yaml`` against it.

The holdout minutes are left out: they are kept from whoever develops the extractor.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "data" / "rule-precision.yaml"
SOURCES = ("tests/minutes/new", "tests/minutes/dev", "tests/data", "examples")
SUFFIXES = (".txt", ".md", ".html", ".docx", ".pdf")
# The relationship types the low-confidence rules make, and the properties that tell two facts apart.
TYPES = ("PARTICIPATES_IN", "FUNDS", "SET", "CONTACT_FOR")
DETAIL = ("amount", "purpose", "condition")
HEADER = """\
# Facts of the kinds the low-confidence rules make, found in the test minutes and the examples, each
# judged by reading its line: label correct or incorrect, and why when incorrect. Written by
# `python -m tests.rule_precision` (labels kept, new facts unjudged); read by tests/test_rule_precision.py.
"""


@dataclass(frozen=True)
class Found:
    """One fact as the judge reads it: where, which relationship between what, by which rules, and the
    line it was found on."""

    id: str
    file: str
    type: str
    source: str
    target: str
    detail: str
    rules: tuple[str, ...]
    line: str


def files() -> list[Path]:
    """The minutes measured on, each text once (the examples repeat some test minutes)."""
    seen: set[str] = set()
    out = []
    for folder in SOURCES:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix not in SUFFIXES or not path.is_file():
                continue
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            if digest not in seen:
                seen.add(digest)
                out.append(path)
    return out


def _name(node: dict[str, Any] | None, fallback: str) -> str:
    if node is None:
        return fallback
    return str(node.get("name") or node.get("description") or node.get("date") or fallback)


def found_in(path: Path) -> Iterator[Found]:
    """The facts of the measured kinds one file's extraction makes, as the graph stores them."""
    from pmkg.graph.lowconfidence import rules_by_place, rules_of
    from pmkg.graph.shortforms import line_of
    from pmkg.graph.triples import record_to_rows
    from pmkg.ingest.pipeline import extract_file

    record = extract_file(path)
    rows = record_to_rows(record)
    spans = rules_by_place(record)
    nodes = {node["id"]: node for label in rows.nodes.values() for node in label}
    name = str(path.relative_to(ROOT))
    for rtype in TYPES:
        for rel in rows.rels.get(rtype, []):
            source = _name(nodes.get(rel["from"]), rel["from"])
            target = _name(nodes.get(rel["to"]), rel["to"])
            deadline = nodes.get(rel["to"], {}) if rtype in ("SET", "CONTACT_FOR") else {}
            values = {**{k: deadline.get(k) for k in ("kind", "date")}, **{k: rel.get(k) for k in DETAIL}}
            detail = "; ".join(f"{k}={v}" for k, v in values.items() if v)
            text = "\n".join((name, rtype, source, target, detail))
            line = line_of(record.document.text, rel["starts"][0], rel["ends"][0])
            yield Found(
                id=hashlib.sha256(text.encode()).hexdigest()[:12],
                file=name,
                type=rtype,
                source=source,
                target=target,
                detail=detail,
                rules=tuple(sorted(rules_of(rel, spans))),
                line=" ".join(line.split()),
            )


def load() -> list[dict[str, Any]]:
    """The judged facts (``tests/data/rule-precision.yaml``)."""
    return yaml.safe_load(LABELS.read_text(encoding="utf-8"))["facts"]


def precision(facts: list[dict[str, Any]]) -> dict[str, tuple[int, int]]:
    """Per rule: (facts it found, of them correct); a fact found by two rules counts for both."""
    out: dict[str, tuple[int, int]] = {}
    for fact in facts:
        for rule in fact["rules"]:
            n, correct = out.get(rule, (0, 0))
            out[rule] = (n + 1, correct + (fact["label"] == "correct"))
    return dict(sorted(out.items()))


def update() -> list[dict[str, Any]]:
    """Every fact found now, with the label it had (``None`` for a new one)."""
    old = {fact["id"]: fact for fact in load()} if LABELS.exists() else {}
    facts = []
    for path in files():
        for f in found_in(path):
            before = old.get(f.id, {})
            facts.append(
                {
                    **f.__dict__,
                    "rules": list(f.rules),
                    "label": before.get("label"),
                    "why": before.get("why", ""),
                }
            )
    return facts


def main() -> int:
    facts = update()
    text = yaml.safe_dump({"facts": facts}, allow_unicode=True, sort_keys=False, width=200)
    LABELS.write_text(HEADER + text, encoding="utf-8")
    unjudged = sum(1 for f in facts if f["label"] is None)
    for rule, (n, correct) in precision([f for f in facts if f["label"]]).items():
        print(f"{rule}\t{n}\t{correct}\t{correct / n:.2f}")
    print(f"{len(facts)} facts, {unjudged} not judged yet", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
