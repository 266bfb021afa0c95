"""Staff corrections are data: stored apart, replayed after every load, replace and removal (real Neo4j)."""

from __future__ import annotations

from pathlib import Path

import neo4j
import pytest

from pmkg.cli import main
from pmkg.graph import connection, corrections
from pmkg.graph.identity import candidate_merges
from pmkg.graph.store import load_record, read_rows, remove_document
from pmkg.model.correction import Correction, CorrectionError, from_lines, make, to_line
from tests.graph_samples import board_minutes

CHAIRS = """
MATCH (p:Person)-[a:ATTENDED]->(:Meeting) WHERE 'chair' IN a.roles
RETURN p.id AS id, a.doc AS doc ORDER BY doc
"""
ROLE = """
MATCH (:Person {id: $person})-[r:HOLDS_ROLE]->(:Organization {id: 'org:board'})
RETURN r.doc AS doc, r.role AS role, r.rejected AS rejected ORDER BY doc
"""
PERSON = "MATCH (p:Person {id: $id}) RETURN p.name AS name, p.aliases AS aliases"


def merge(keep: str, *others: str) -> Correction:
    return make("merge", [keep, *others], {"keep": keep, "label": "Person"}, "tester", "same person")


def pairs(drv: neo4j.Driver) -> set[tuple[str, str]]:
    return {(c.a_id, c.b_id) for c in candidate_merges(drv)}


def test_a_merge_survives_the_same_minutes_a_new_version_and_a_removal(neo4j_driver: neo4j.Driver) -> None:
    a, b = board_minutes("a.txt", chair="Jan Moore"), board_minutes("b.txt", chair="Jane Moore")
    load_record(neo4j_driver, a)
    load_record(neo4j_driver, b)
    assert ("person:jan-moore", "person:jane-moore") in pairs(neo4j_driver)
    c = merge("person:jan-moore", "person:jane-moore")

    outcome = corrections.record(neo4j_driver, c)

    assert outcome.changes[0].startswith(
        "merge person:jane-moore (Jane Moore) into person:jan-moore (Jan Moore)"
    )
    chairs = connection.read(neo4j_driver, CHAIRS)
    assert {row["id"] for row in chairs} == {"person:jan-moore"} and len(chairs) == 2
    assert connection.read(neo4j_driver, PERSON, {"id": "person:jan-moore"})[0]["aliases"] == ["Jane Moore"]
    assert ("person:jan-moore", "person:jane-moore") not in pairs(neo4j_driver)

    assert load_record(neo4j_driver, b).status == "unchanged"  # the same minutes again
    assert (
        load_record(neo4j_driver, board_minutes("b.txt", chair="Jane Moore", extra="Nyt.")).status
        == "replaced"
    )
    chairs = connection.read(neo4j_driver, CHAIRS)
    assert {row["id"] for row in chairs} == {"person:jan-moore"} and len(chairs) == 2
    assert not connection.read(neo4j_driver, PERSON, {"id": "person:jane-moore"})

    # the kept node's documents removed: the merge is orphaned (listed, kept), and applies again later
    remove_document(neo4j_driver, a.document.id)
    remove_document(neo4j_driver, "b.txt")
    load_record(neo4j_driver, b)
    assert connection.read(neo4j_driver, PERSON, {"id": "person:jane-moore"})[0]["name"] == "Jane Moore"
    assert corrections.orphaned(neo4j_driver) == [c.id]
    load_record(neo4j_driver, a)
    assert corrections.orphaned(neo4j_driver) == []
    assert {row["id"] for row in connection.read(neo4j_driver, CHAIRS)} == {"person:jan-moore"}


def test_a_rejected_role_stays_visible_and_rejected_after_a_new_version(neo4j_driver: neo4j.Driver) -> None:
    load_record(neo4j_driver, board_minutes("a.txt", chair="Jan Moore"))
    payload = {
        "type": "HOLDS_ROLE",
        "from_label": "Person",
        "to_label": "Organization",
        "where": {"role": "chair"},
    }
    c = make("reject", ["person:jan-moore", "org:board"], payload, "tester", "he was deputy")

    trial = corrections.record(neo4j_driver, c, dry_run=True)
    assert trial.changes == ["reject 1 HOLDS_ROLE role=chair person:jan-moore -> org:board"]
    assert connection.read(neo4j_driver, ROLE, {"person": "person:jan-moore"})[0]["rejected"] is None
    assert corrections.listing(neo4j_driver) == []

    corrections.record(neo4j_driver, c)
    load_record(neo4j_driver, board_minutes("a.txt", chair="Jan Moore", extra="Tilføjet."))  # replaced
    rows = connection.read(neo4j_driver, ROLE, {"person": "person:jan-moore"})
    assert [(row["role"], row["rejected"]) for row in rows] == [("chair", c.id)]

    assert corrections.undo(neo4j_driver, c.id, "tester") == [
        "1 HOLDS_ROLE person:jan-moore -> org:board no longer rejected"
    ]
    assert connection.read(neo4j_driver, ROLE, {"person": "person:jan-moore"})[0]["rejected"] is None
    assert [item.status for item in corrections.listing(neo4j_driver)] == ["undone"]


def test_a_pair_said_not_the_same_is_never_proposed_again(neo4j_driver: neo4j.Driver) -> None:
    load_record(neo4j_driver, board_minutes("a.txt", chair="Jan Moore"))
    load_record(neo4j_driver, board_minutes("b.txt", chair="Jane Moore"))
    pair = ("person:jan-moore", "person:jane-moore")
    assert pair in pairs(neo4j_driver)
    corrections.record(neo4j_driver, make("not_same", list(pair), {"label": "Person"}, "tester", "siblings"))
    assert pair not in pairs(neo4j_driver)
    load_record(neo4j_driver, board_minutes("b.txt", chair="Jane Moore", extra="Ny version."))
    assert pair not in pairs(neo4j_driver)
    assert {"person:jan-moore", "person:jane-moore"} <= {
        row["id"] for row in connection.read(neo4j_driver, CHAIRS)
    }


def test_export_to_a_fresh_database_then_ingest_and_import_gives_the_same_graph(
    neo4j_driver: neo4j.Driver,
) -> None:
    records = [board_minutes("a.txt", chair="Jan Moore"), board_minutes("b.txt", chair="Jane Moore")]
    for record in records:
        load_record(neo4j_driver, record)
    reject = {"type": "HOLDS_ROLE", "from_label": "Person", "to_label": "Organization", "where": {}}
    made = [
        merge("person:jan-moore", "person:jane-moore"),
        make(
            "rename",
            ["person:ole-skott"],
            {"label": "Person", "name": "Ole Skøtt Jensen", "was": "Ole Skøtt"},
            "tester",
            "full name",
        ),  # fmt: skip
        make("reject", ["person:jan-moore", "org:board"], reject, "tester", "not a member"),
    ]
    for c in made:
        corrections.record(neo4j_driver, c)
    before = read_rows(neo4j_driver)
    text = "".join(to_line(c) + "\n" for c in corrections.export_lines(neo4j_driver))
    assert from_lines(text) == made

    connection.write(neo4j_driver, "MATCH (n) DETACH DELETE n")  # a fresh database
    for record in records:
        load_record(neo4j_driver, record)
    assert read_rows(neo4j_driver) != before
    new, replay = corrections.import_lines(neo4j_driver, from_lines(text))
    assert (new, replay.orphaned) == (3, [])
    assert read_rows(neo4j_driver) == before
    new, replay = corrections.import_lines(neo4j_driver, from_lines(text))  # idempotent
    assert (new, replay.changes) == (0, [])
    assert read_rows(neo4j_driver) == before
    assert connection.read(neo4j_driver, PERSON, {"id": "person:ole-skott"}) == [
        {"name": "Ole Skøtt Jensen", "aliases": ["Ole Skøtt"]}
    ]


def test_a_malformed_line_is_refused_with_its_number() -> None:
    good = to_line(merge("person:a", "person:b"))
    with pytest.raises(CorrectionError, match=r"^x.jsonl line 3: .*Object missing required field `author`"):
        from_lines(
            f"{good}\n\n" + '{"id": "c", "kind": "merge", "targets": [], "at": "2024-01-01"}\n', "x.jsonl"
        )
    with pytest.raises(CorrectionError, match=r"^x.jsonl line 2: merge corr:\w+: payload.keep must be"):
        bad = make("merge", ["person:a", "person:b"], {"keep": "person:a", "label": "Person"}, "t", "")
        from_lines(good + "\n" + to_line(bad).replace('"keep": "person:a"', '"keep": "person:z"'), "x.jsonl")
    with pytest.raises(CorrectionError, match=r"^x.jsonl line 1: not a JSON object"):
        from_lines("merge a b\n", "x.jsonl")


def test_cli_dry_run_and_a_malformed_import_change_nothing(
    curator: neo4j.Driver,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    load_record(curator, board_minutes("a.txt", chair="Jan Moore"))
    load_record(curator, board_minutes("b.txt", chair="Jane Moore"))
    before = read_rows(curator)

    args = ["merge", "person:jane-moore", "--keep", "person:jan-moore", "--dry-run"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert out.startswith("would merge person:jane-moore (Jane Moore) into person:jan-moore (Jan Moore)")
    assert out.endswith("dry run: nothing stored\n")
    assert read_rows(curator) == before

    assert main(["merge", "person:jane-moore", "person:nobody", "--keep", "person:jan-moore"]) == 1
    assert (
        capsys.readouterr().err
        == "pmkg: error: not in the graph: person:nobody (give node ids, e.g. person:jan-moore)\n"
    )

    good = to_line(merge("person:jan-moore", "person:jane-moore"))
    (tmp_path / "c.jsonl").write_text(
        good + "\n" + good.replace('"merge"', '"glue"') + "\n", encoding="utf-8"
    )
    assert main(["corrections", "import", str(tmp_path / "c.jsonl")]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"pmkg: error: {tmp_path / 'c.jsonl'} line 2: Invalid enum value 'glue'")
    assert read_rows(curator) == before and corrections.listing(curator) == []

    assert main(["rename", "person:ole-skott", "Ole Skøtt Jensen", "--why", "full name"]) == 0
    assert capsys.readouterr().out.startswith(
        "rename person:ole-skott from 'Ole Skøtt' to 'Ole Skøtt Jensen'\n"
    )
    assert main(["corrections", "list"]) == 0
    line = capsys.readouterr().out
    assert "\tkari\trename\tperson:ole-skott\tname=Ole Skøtt Jensen\tapplied - full name" in line
