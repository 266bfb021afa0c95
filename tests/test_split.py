"""``pmkg split``: one node's facts from some documents moved onto a new node, kept across re-ingests.

Two people of one name, or a merge that was wrong, leave one node holding facts of different people;
every relationship carries the document that stated it, so a split by document separates them. Real
Neo4j throughout.
"""

from __future__ import annotations

import neo4j
import pytest

from pmkg.cli import main
from pmkg.graph import connection, corrections
from pmkg.graph.store import load_record, remove_document
from pmkg.model.correction import CorrectionError, from_lines, make, split_id, to_line
from tests.graph_samples import board_minutes

CHAIRS = """
MATCH (p:Person)-[a:ATTENDED]->(:Meeting) WHERE 'chair' IN a.roles
RETURN a.doc AS doc, p.id AS id, p.name AS name ORDER BY doc
"""
PERSON = "MATCH (p:Person {id: $id}) RETURN p.name AS name, p.aliases AS aliases, p.search_text AS search"


def chairs(drv: neo4j.Driver) -> dict[str, tuple[str, str]]:
    return {row["doc"]: (row["id"], row["name"]) for row in connection.read(drv, CHAIRS)}


def test_a_split_by_document_survives_a_new_version_and_a_removal(
    curator: neo4j.Driver,
    capsys: pytest.CaptureFixture[str],
) -> None:
    a = board_minutes("a.txt", chair="Jan Moore")
    b = board_minutes("b.txt", chair="Jan Moore", extra="Næste møde i Aarhus.")  # another document
    load_record(curator, a)
    load_record(curator, b)
    doc_a, doc_b = a.document.id, b.document.id
    assert chairs(curator) == {
        doc_a: ("person:jan-moore", "Jan Moore"),
        doc_b: ("person:jan-moore", "Jan Moore"),
    }
    into = split_id("person:jan-moore", [doc_b])

    args = ["split", "person:jan-moore", "--documents", "b.txt", "--name", "Jan Moore (Aarhus)"]
    assert main([*args, "--dry-run"]) == 0
    assert capsys.readouterr().out.endswith("dry run: nothing stored\n")
    assert len({pid for pid, _ in chairs(curator).values()}) == 1
    assert main([*args, "--why", "two people"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("split person:jan-moore (Jan Moore): ")
    assert f"of {doc_b} moved to {into} (Jan Moore (Aarhus))" in out
    assert main(["corrections", "list"]) == 0
    listed = capsys.readouterr().out
    assert (
        f"\tkari\tsplit\tperson:jan-moore\tdocuments={doc_b} into={into} name=Jan Moore (Aarhus) " in listed
    )
    assert listed.endswith("sources=b.txt\tapplied - two people\n")
    expected = {doc_a: ("person:jan-moore", "Jan Moore"), doc_b: (into, "Jan Moore (Aarhus)")}
    assert chairs(curator) == expected
    assert connection.read(curator, PERSON, {"id": into})[0]["search"].startswith("jan moore")

    # the same minutes again, then a new version of b: still split
    assert load_record(curator, b).status == "unchanged"
    new_b = board_minutes("b.txt", chair="Jan Moore", extra="Næste møde i Aarhus. Nyt punkt.")
    assert load_record(curator, new_b).status == "replaced"
    assert chairs(curator) == {doc_a: expected[doc_a], new_b.document.id: expected[doc_b]}

    # b removed: the new node goes with its facts and the split is orphaned, not dropped
    remove_document(curator, "b.txt")
    assert not connection.read(curator, PERSON, {"id": into})
    assert chairs(curator) == {doc_a: ("person:jan-moore", "Jan Moore")}
    (split,) = corrections.listing(curator)
    assert (split.correction.kind, split.correction.author, split.correction.reason) == (
        "split",
        "kari",
        "two people",
    )
    assert corrections.orphaned(curator) == [split.correction.id]
    load_record(curator, new_b)  # back again: split again
    assert chairs(curator) == {doc_a: expected[doc_a], new_b.document.id: expected[doc_b]}
    assert corrections.orphaned(curator) == []


def test_a_wrong_merge_is_separated_by_document_and_the_split_undone(neo4j_driver: neo4j.Driver) -> None:
    a, b = board_minutes("a.txt", chair="Jan Moore"), board_minutes("b.txt", chair="Jane Moore")
    load_record(neo4j_driver, a)
    load_record(neo4j_driver, b)
    merge = make(
        "merge",
        ["person:jan-moore", "person:jane-moore"],
        {"keep": "person:jan-moore", "label": "Person"},
        "t",
        "",
    )
    corrections.record(neo4j_driver, merge)
    assert connection.read(neo4j_driver, PERSON, {"id": "person:jan-moore"})[0]["aliases"] == ["Jane Moore"]
    docs = [b.document.id]
    payload = {
        "label": "Person",
        "documents": docs,
        "into": split_id("person:jan-moore", docs),
        "name": "Jane Moore",
    }
    split = make("split", ["person:jan-moore"], payload, "t", "not the same after all")

    corrections.record(neo4j_driver, split)

    into = payload["into"]
    assert chairs(neo4j_driver) == {
        a.document.id: ("person:jan-moore", "Jan Moore"),
        b.document.id: (into, "Jane Moore"),
    }
    # each keeps only the names its own documents give: no alias is left behind, none is its own name
    assert connection.read(neo4j_driver, PERSON, {"id": "person:jan-moore"})[0]["aliases"] is None
    assert connection.read(neo4j_driver, PERSON, {"id": into})[0]["aliases"] is None
    # replayed in order after the merge on every load: the same minutes again, still apart
    remove_document(neo4j_driver, "b.txt")
    load_record(neo4j_driver, b)
    assert chairs(neo4j_driver)[b.document.id] == (into, "Jane Moore")
    assert corrections.orphaned(neo4j_driver) == []
    with pytest.raises(CorrectionError, match="a merge cannot be undone; separate"):
        corrections.undo(neo4j_driver, merge.id, "t")

    changes = corrections.undo(neo4j_driver, split.id, "t")

    assert changes[0].startswith(f"merge {into} (Jane Moore) into person:jan-moore (Jan Moore)")
    assert {pid for pid, _ in chairs(neo4j_driver).values()} == {"person:jan-moore"}
    load_record(neo4j_driver, board_minutes("b.txt", chair="Jane Moore", extra="Ny version."))
    assert {pid for pid, _ in chairs(neo4j_driver).values()} == {"person:jan-moore"}  # undone stays undone


def test_a_split_record_is_checked_and_moves_as_a_line() -> None:
    docs = ["doc:b"]
    good = make(
        "split",
        ["person:x"],
        {"label": "Person", "documents": docs, "into": split_id("person:x", docs)},
        "t",
        "",
    )
    assert from_lines(to_line(good)) == [good]
    assert split_id("person:x", ["doc:b", "doc:a"]) == split_id("person:x", ["doc:a", "doc:b", "doc:a"])
    with pytest.raises(CorrectionError, match="payload.into must be"):
        make("split", ["person:x"], {"label": "Person", "documents": docs, "into": "person:y"}, "t", "")
    with pytest.raises(CorrectionError, match="payload.documents must list"):
        make("split", ["person:x"], {"label": "Person", "documents": [], "into": "person:x~"}, "t", "")
    with pytest.raises(CorrectionError, match="payload.label must be one of"):
        make(
            "split",
            ["meeting:x"],
            {"label": "Meeting", "documents": docs, "into": split_id("meeting:x", docs)},
            "t",
            "",
        )


def test_split_names_documents_it_cannot_find_in_one_line(
    neo4j_env: connection.Settings, neo4j_driver: neo4j.Driver, capsys: pytest.CaptureFixture[str]
) -> None:
    load_record(neo4j_driver, board_minutes("a.txt", chair="Jan Moore"))
    assert main(["split", "person:jan-moore", "--documents", "nowhere.txt"]) == 1
    assert (
        capsys.readouterr().err
        == "pmkg: error: --documents 'nowhere.txt' must name one document, not: no document\n"
    )
