"""set_type, fix and add: corrections of a node's kind and curated facts with a source note (real Neo4j,
through the CLI as staff type it)."""

from __future__ import annotations

import json

import neo4j
import pytest

from pmkg.cli import main
from pmkg.graph import connection, corrections
from pmkg.graph.questions import load_questions, run_question
from pmkg.graph.store import load_record, remove_document
from tests.graph_samples import board_minutes

QUESTIONS = load_questions()

NODE = "MATCH (n {id: $id}) RETURN labels(n) AS labels, n.name AS name ORDER BY labels"
RELS_OF = """
MATCH (n {id: $id})-[r]-(m)
RETURN type(r) AS type, m.id AS other, r.rejected AS rejected, r.doc AS doc ORDER BY type, other, doc
"""
ROLES = """
MATCH (:Person {id: $person})-[r:HOLDS_ROLE]->(:Organization {id: 'org:board'})
RETURN r.role AS role, r.doc AS doc, r.rejected AS rejected, r.revised AS revised, r.curated AS curated,
       r.note AS note, r.curated_by AS by
ORDER BY role
"""
AFFILIATIONS = """
MATCH (:Person {id: 'person:ole-skott'})-[r:AFFILIATED_WITH]->(o:Organization)
RETURN o.id AS org, r.curated AS curated, r.note AS note, r.curated_by AS by, r.curated_why AS why
"""


def pmkg(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    """Run the CLI as staff member 'kari'; the exit code and everything it printed."""
    monkeypatch.setenv("PMKG_USER", "kari")
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out + out.err


def test_set_type_keeps_the_facts_and_survives_reingest(
    neo4j_env: connection.Settings,
    neo4j_driver: neo4j.Driver,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    a, b = board_minutes("a.txt", chair="Jan Moore"), board_minutes("b.txt", chair="Jane Moore")
    load_record(neo4j_driver, a)
    load_record(neo4j_driver, b)
    argv = ("set-type", "person:ole-skott", "Organization", "--why", "a firm, not a person")

    code, out = pmkg(monkeypatch, capsys, *argv, "--dry-run")
    assert code == 0
    assert out.splitlines() == [
        "would set type person:ole-skott (Ole Skøtt) from Person to Organization, keeping its facts",
        "would set aside 2 facts a node of type Organization may not have (ATTENDED 2)",
        "dry run: nothing stored",
    ]
    assert connection.read(neo4j_driver, NODE, {"id": "person:ole-skott"})[0]["labels"] == ["Person"]

    code, out = pmkg(monkeypatch, capsys, *argv)
    assert code == 0 and out.splitlines()[-1].startswith("recorded corr:")
    (c,) = [item.correction for item in corrections.listing(neo4j_driver)]
    assert (c.kind, c.author, c.reason, c.payload) == (
        "set_type", "kari", "a firm, not a person", {"label": "Person", "to": "Organization"},
    )  # fmt: skip

    def state() -> tuple[list[list[str]], list[tuple[str, str | None]]]:
        labels = [row["labels"] for row in connection.read(neo4j_driver, NODE, {"id": "person:ole-skott"})]
        rels = connection.read(neo4j_driver, RELS_OF, {"id": "person:ole-skott"})
        return labels, [(row["type"], row["rejected"]) for row in rels]

    set_aside = [("ATTENDED", c.id), ("ATTENDED", c.id), ("MENTIONS", None), ("MENTIONS", None)]
    assert state() == ([["Organization"]], set_aside)

    # a new version of b.txt writes a Person 'person:ole-skott' again beside the Organization a.txt holds
    assert (
        load_record(neo4j_driver, board_minutes("b.txt", chair="Jane Moore", extra="Ny.")).status
        == "replaced"
    )
    assert state() == ([["Organization"]], set_aside)
    # both documents gone and read again: the node is written as a Person from scratch, and corrected
    remove_document(neo4j_driver, "a.txt")
    remove_document(neo4j_driver, "b.txt")
    assert corrections.orphaned(neo4j_driver) == [c.id]
    load_record(neo4j_driver, a)
    assert state() == ([["Organization"]], set_aside[::2])
    assert corrections.orphaned(neo4j_driver) == []

    code, out = pmkg(monkeypatch, capsys, "corrections", "undo", c.id)
    assert out.splitlines() == [
        "set type person:ole-skott (Ole Skøtt) from Organization to Person, keeping its facts",
        "1 facts set aside restored",
        f"undo {c.id}",
    ]
    assert state() == ([["Person"]], [("ATTENDED", None), ("MENTIONS", None)])


def test_a_fixed_role_survives_reingest_and_the_original_is_revised(
    neo4j_env: connection.Settings,
    neo4j_driver: neo4j.Driver,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    load_record(neo4j_driver, board_minutes("a.txt", chair="Jan Moore"))
    argv = ("fix", "person:jan-moore", "HOLDS_ROLE", "org:board", "--where", "role=chair",
            "--set", "role=vice_chair", "--note", "telephone call with the secretariat 3 Dec",
            "--why", "he is vice chair")  # fmt: skip

    code, out = pmkg(monkeypatch, capsys, *argv)
    assert code == 0
    lines = out.splitlines()
    assert lines[:2] == [
        "revise 1 HOLDS_ROLE role=chair person:jan-moore -> org:board",
        "add HOLDS_ROLE role=vice_chair person:jan-moore -> org:board "
        "(curated: telephone call with the secretariat 3 Dec)",
    ]
    cid = lines[2].split()[1]
    expected = [
        {"role": "chair", "doc": "doc:", "rejected": cid, "revised": cid, "curated": None, "note": None,
         "by": None},
        {"role": "vice_chair", "doc": None, "rejected": None, "revised": None, "curated": cid,
         "note": "telephone call with the secretariat 3 Dec", "by": "kari"},
    ]  # fmt: skip

    def roles() -> list[dict[str, object]]:
        found = connection.read(neo4j_driver, ROLES, {"person": "person:jan-moore"})
        return [{**row, "doc": row["doc"] and row["doc"][:4]} for row in found]

    assert roles() == expected
    load_record(neo4j_driver, board_minutes("a.txt", chair="Jan Moore", extra="Rettet."))  # a new version
    assert roles() == expected

    # the Who-represents question names the corrected role (and 'chair', his role at the meeting he chaired)
    answer = run_question(neo4j_driver, QUESTIONS["representatives"], {"organization": "org:board"})
    row = answer.frame.set_index("person").loc["Jan Moore"]
    assert sorted(row["roles"]) == ["chair", "vice_chair"] and list(row["relations"]) == ["member", "role"]

    code, out = pmkg(monkeypatch, capsys, *argv)  # the same again: the original is revised already
    assert code == 1
    assert out.strip() == (
        "pmkg: error: fix: no HOLDS_ROLE role=chair person:jan-moore -> org:board in the graph to revise "
        "(a new fact: pmkg add)"
    )

    pmkg(monkeypatch, capsys, "corrections", "undo", cid)
    assert [(r["role"], r["rejected"], r["curated"]) for r in roles()] == [("chair", None, None)]


def test_an_added_affiliation_is_answered_exported_undone_and_orphaned_with_its_node(
    neo4j_env: connection.Settings,
    neo4j_driver: neo4j.Driver,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    a = board_minutes("a.txt", chair="Jan Moore")
    load_record(neo4j_driver, a)
    argv = ("add", "person:ole-skott", "AFFILIATED_WITH", "org:ngc", "--note", "NGC's staff page, 3 Dec",
            "--why", "represents NGC")  # fmt: skip

    code, out = pmkg(
        monkeypatch, capsys, "add", "org:ngc", "AFFILIATED_WITH", "person:ole-skott", "--note", "x"
    )
    assert (code, out.strip()) == (
        1,
        "pmkg: error: add: AFFILIATED_WITH goes from Person to Organization, not from Organization to Person",
    )
    code, out = pmkg(monkeypatch, capsys, "add", "person:ole-skott", "HOLDS_ROLE", "org:ngc",
                     "--set", "role=boss", "--note", "x")  # fmt: skip
    assert code == 1 and out.startswith("pmkg: error: role='boss' is not a known role: one of ")
    code, out = pmkg(monkeypatch, capsys, *argv, "--dry-run")
    assert (
        out.splitlines()[0]
        == "would add AFFILIATED_WITH person:ole-skott -> org:ngc (curated: NGC's staff page, 3 Dec)"
    )
    assert not connection.read(neo4j_driver, AFFILIATIONS)

    code, out = pmkg(monkeypatch, capsys, *argv)
    assert code == 0
    cid = out.splitlines()[-1].split()[1]
    curated = [{"org": "org:ngc", "curated": cid, "note": "NGC's staff page, 3 Dec", "by": "kari",
                "why": "represents NGC"}]  # fmt: skip
    assert connection.read(neo4j_driver, AFFILIATIONS) == curated

    answer = run_question(neo4j_driver, QUESTIONS["representatives"], {"organization": "org:ngc"})
    ole = answer.frame.set_index("person").loc["Ole Skøtt"]
    assert list(ole["relations"]) == ["affiliated"]

    load_record(neo4j_driver, board_minutes("a.txt", chair="Jan Moore", extra="Ny."))  # a new version
    assert connection.read(neo4j_driver, AFFILIATIONS) == curated
    profile = run_question(neo4j_driver, QUESTIONS["person_profile"], {"person": "person:ole-skott"})
    rows = profile.frame[profile.frame["kind"] == "affiliation"]
    assert rows[["name", "quote"]].values.tolist() == [["Nationalt Genom Center", "NGC's staff page, 3 Dec"]]

    code, out = pmkg(monkeypatch, capsys, "corrections", "export")
    (line,) = [json.loads(x) for x in out.splitlines()]
    assert (line["kind"], line["targets"], line["payload"]) == (
        "add", ["person:ole-skott", "org:ngc"],
        {"type": "AFFILIATED_WITH", "from_label": "Person", "to_label": "Organization", "props": {},
         "note": "NGC's staff page, 3 Dec"},
    )  # fmt: skip
    code, out = pmkg(monkeypatch, capsys, "corrections", "list")
    assert out.split("\t")[3:5] == ["add", "person:ole-skott org:ngc"]

    # its node's only document removed: the node goes (a curated fact holds no node), the add is orphaned
    remove_document(neo4j_driver, "a.txt")
    assert not connection.read(neo4j_driver, NODE, {"id": "person:ole-skott"})
    assert corrections.orphaned(neo4j_driver) == [cid]
    load_record(neo4j_driver, a)
    assert connection.read(neo4j_driver, AFFILIATIONS) == curated
    assert corrections.orphaned(neo4j_driver) == []

    code, out = pmkg(monkeypatch, capsys, "corrections", "undo", cid)
    assert out.splitlines() == ["remove AFFILIATED_WITH person:ole-skott -> org:ngc", f"undo {cid}"]
    assert not connection.read(neo4j_driver, AFFILIATIONS)
