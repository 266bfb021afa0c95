"""A rejected fact is left out of every answer: every relationship pattern that reads the graph says so.

``pmkg reject`` marks a relationship ``rejected`` (the correction's id) and keeps it, with its
provenance. Whatever answers questions must therefore skip it, and the only rule that cannot be forgotten
in one file is a check over all of them: every relationship pattern ``-[...]-`` in ``queries/*.cypher``
and in the Cypher of the modules that read facts for the app, briefings, the matrix, changes and the
analytics projection carries ``WHERE <its variable>.rejected IS NULL``, and a variable-length pattern
is checked over ``relationships(...)`` of its path.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PATTERN = re.compile(r"-\[([^\]]*)\]-")
VARIABLE = re.compile(r"^\s*([A-Za-z_]\w*)")
PATH_CHECK = re.compile(r"all\(\s*(\w+)\s+IN\s+relationships\(\w+\)\s+WHERE\s+\1\.rejected\s+IS\s+NULL\s*\)")
# Modules whose Cypher reads facts to answer (the store, corrections and curation write or see rejected
# facts on purpose: provenance and `pmkg corrections list` show them).
READERS = [
    "graph/analytics.py",
    "graph/projection.py",
    "graph/briefing.py",
    "graph/changes.py",
    "graph/matrix.py",
    "graph/review.py",
    "graph/subgraph.py",
    "ui/data.py",
]
# The provenance view shows every fact about a node, the rejected ones marked.
SHOWS_REJECTED = {"ui/data.py:PROVENANCE"}


def cypher_texts() -> list[tuple[str, str]]:
    """(where, text) for every question file and every string constant of the reading modules."""
    texts = [
        (p.relative_to(ROOT).as_posix(), p.read_text()) for p in sorted((ROOT / "queries").glob("*.cypher"))
    ]
    for module in READERS:
        tree = ast.parse((ROOT / module).read_text())
        names = {
            id(node.value): target.id
            for node in ast.walk(tree)
            if isinstance(node, ast.Assign)
            for target in node.targets
            if isinstance(target, ast.Name)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and PATTERN.search(node.value):
                where = f"{module}:{names.get(id(node), node.lineno)}"
                if where not in SHOWS_REJECTED:
                    texts.append((where, node.value))
    return texts


def unfiltered(text: str) -> list[str]:
    """The relationship patterns in ``text`` that do not leave rejected facts out."""
    bad = []
    for match in PATTERN.finditer(text):
        inner = match.group(1)
        if "*" in inner:
            if not PATH_CHECK.search(text):
                bad.append(match.group(0))
            continue
        var = VARIABLE.match(inner)
        if not var or not re.search(rf"WHERE\s+{var.group(1)}\.rejected\s+IS\s+NULL\b", inner):
            bad.append(match.group(0))
    return bad


@pytest.mark.parametrize(("where", "text"), cypher_texts(), ids=[w for w, _ in cypher_texts()])
def test_every_relationship_pattern_leaves_rejected_facts_out(where: str, text: str) -> None:
    assert unfiltered(text) == [], f"{where}: add `WHERE <var>.rejected IS NULL` to these patterns"


def test_the_reading_modules_are_checked() -> None:
    checked = {where for where, _ in cypher_texts()}
    assert {"graph/changes.py:_STATE", "graph/projection.py:_PAIRS", "ui/data.py:NEIGHBOURS"} <= checked
    assert "ui/data.py:PROVENANCE" not in checked


def test_the_check_finds_a_pattern_without_the_condition() -> None:
    assert unfiltered("MATCH (a)-[:X]->(b)-[r:Y WHERE r.rejected IS NULL]->(c)") == ["-[:X]-"]
    assert unfiltered("MATCH (a)-[r:X WHERE r.status IS NULL]->(b)") == ["-[r:X WHERE r.status IS NULL]-"]
    assert unfiltered("MATCH p = (a)-[*..3]-(b) RETURN p") == ["-[*..3]-"]
    assert (
        unfiltered("MATCH p = (a)-[*..3]-(b) WHERE all(r IN relationships(p) WHERE r.rejected IS NULL)") == []
    )
