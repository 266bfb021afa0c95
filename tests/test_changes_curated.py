"""What changed between two meetings after staff fixed a role at one of them (a curated attendance, which
has no document of its own): the person is still there, with the fixed role, cited with the staff's note."""

from __future__ import annotations

import neo4j

from pmkg.graph import amend
from pmkg.graph.changes import changes
from tests.test_changes import BOARD, load_all, summary


def test_a_role_fixed_at_one_meeting_is_what_that_meeting_says(neo4j_driver: neo4j.Driver) -> None:
    load_all(neo4j_driver)
    sixth = f"meeting:{BOARD[4:]}-2023-11-09"
    amend.fix(
        neo4j_driver,
        "person:soren-brunak",
        "ATTENDED",
        sixth,
        {"roles": ["presenter"]},
        {"roles": ["chair"], "status": "present"},
        "telephone call with the secretariat",
        "kari",
        "he chaired the sixth meeting",
    )
    found = changes(neo4j_driver, body=BOARD)
    board = "Nationale advisory board for forskning og infrastruktur"
    rows = summary(found.table)
    assert ("roles", "changed", f"Søren Brunak · {board}", "chair, presenter", "chair") in rows
    assert not {row for row in rows if row[2].startswith("Søren Brunak") and row[1] == "gone"}
    [fixed] = [r for r in found.table.itertuples() if r.name == f"Søren Brunak · {board}"]
    assert (fixed.quote, fixed.date) == ("telephone call with the secretariat", "2023-11-09")
