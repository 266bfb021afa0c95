"""The streamed export of the whole graph (``graph.export``, ``pmkg export`` in every RDF format): the
same triples as the export built in memory, byte-identical twice over, pages that stitch together,
validated page by page in worker processes unless --no-validate."""

from __future__ import annotations

from pathlib import Path

import neo4j
import pytest
from rdflib import RDF, Dataset, Graph
from rdflib.compare import isomorphic

from pmkg.cli import main
from pmkg.graph import rdf
from pmkg.graph.connection import write
from pmkg.graph.export import row_pages
from pmkg.graph.store import load_record, load_records, read_rows
from pmkg.graph.triples import GraphRows
from pmkg.ingest.pipeline import extract_file

MINUTES = Path(__file__).resolve().parent / "minutes" / "dev"
KEY = "a-test-key"


@pytest.fixture
def stored(neo4j_driver: neo4j.Driver) -> neo4j.Driver:
    """Six real development minutes in the test Neo4j."""
    load_records(neo4j_driver, [extract_file(p) for p in sorted(MINUTES.glob("*.txt"))[:6]])
    return neo4j_driver


def export(tmp_path: Path, name: str, *args: str) -> Path:
    out = tmp_path / name
    assert main(["export", "--out", str(out), *args]) == 0
    return out


@pytest.mark.parametrize("personal", [(), ("--pseudonymize",), ("--include-contact-details",)])
def test_streamed_ntriples_are_the_in_memory_export(
    stored: neo4j.Driver,
    neo4j_env: object,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    personal: tuple[str, ...],
) -> None:
    monkeypatch.setenv("PMKG_PSEUDONYM_KEY", KEY)
    streamed = export(tmp_path, "a.nt", *personal)
    err = capsys.readouterr().err
    assert "not SHACL-validated" not in err and "statements written" in err and "triples/s" in err
    again = export(tmp_path, "b.nt", *personal)
    assert streamed.read_bytes() == again.read_bytes()  # deterministic: pages ordered by id and key
    whole = export(tmp_path, "whole.nt", "--in-memory", *personal)
    got = Graph().parse(streamed, format="nt")
    expected = Graph().parse(whole, format="nt")
    assert len(got) > 3000
    assert isomorphic(got, expected)
    if personal == ("--pseudonymize",):
        assert b"/id/pseudonym/" in streamed.read_bytes()
        assert b"/id/person/" not in streamed.read_bytes()


def test_streamed_nquads_keep_each_documents_graph(
    stored: neo4j.Driver, neo4j_env: object, tmp_path: Path
) -> None:
    streamed = Dataset().parse(export(tmp_path, "a.nq"), format="nquads")
    whole = Dataset().parse(export(tmp_path, "whole.nq", "--in-memory"), format="nquads")
    names = {g.identifier for g in streamed.graphs()}
    assert names == {g.identifier for g in whole.graphs()}
    assert len([n for n in names if str(n).endswith("/graph")]) == 6
    for name in names:
        assert isomorphic(streamed.graph(name), whole.graph(name))


@pytest.mark.parametrize(("name", "parser"), [("a.ttl", "turtle"), ("a.jsonld", "json-ld"), ("a.rdf", "xml")])
def test_streamed_union_formats_are_the_same_graph(
    stored: neo4j.Driver, neo4j_env: object, tmp_path: Path, name: str, parser: str
) -> None:
    got = Graph().parse(export(tmp_path, name, "--no-validate"), format=parser)
    assert len(got) > 3000
    assert isomorphic(got, rdf.union_graph(rdf.rows_to_dataset(read_rows(stored))))


def test_streamed_trig_keeps_each_documents_graph_as_the_in_memory_trig(
    stored: neo4j.Driver, neo4j_env: object, tmp_path: Path
) -> None:
    streamed = Dataset().parse(export(tmp_path, "a.trig", "--no-validate"), format="trig")
    whole = Dataset().parse(export(tmp_path, "whole.trig", "--in-memory"), format="trig")
    names = {g.identifier for g in streamed.graphs()}
    assert names == {g.identifier for g in whole.graphs()}
    assert len([n for n in names if str(n).endswith("/graph")]) == 6
    for name in names:
        assert isomorphic(streamed.graph(name), whole.graph(name))


def test_small_pages_stitch_into_all_rows(stored: neo4j.Driver) -> None:
    pages = list(row_pages(stored, size=7))
    assert len(pages) > 20
    assert all(n <= 7 for page in pages for n in map(len, [*page.nodes.values(), *page.rels.values()]))
    joined = GraphRows()
    for page in pages:
        for label, nodes in page.nodes.items():
            joined.nodes.setdefault(label, []).extend(nodes)
        for rtype, rels in page.rels.items():
            joined.rels.setdefault(rtype, []).extend(rels)
    assert joined == read_rows(stored)  # in the canonical order already: no page repeats or skips a row


def test_validated_stream_writes_the_same_bytes_or_nothing(
    stored: neo4j.Driver, neo4j_env: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = export(tmp_path, "plain.nt", "--no-validate")
    assert "not SHACL-validated" in capsys.readouterr().err
    checked = export(tmp_path, "checked.nt")
    assert "not SHACL-validated" not in capsys.readouterr().err
    assert checked.read_bytes() == plain.read_bytes()
    write(stored, "CREATE (:Person {id: 'person:nameless'})")  # a person with no name breaks PersonShape
    out = tmp_path / "broken.nt"
    assert main(["export", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "breaks the SHACL shapes" in err and "person/nameless" in err and "PersonShape" in err
    assert not out.exists() and not list(tmp_path.glob("*.partial"))
    assert main(["export", "--no-validate", "--out", str(out)]) == 0  # asked for: written as it is
    assert b"/id/person/nameless" in out.read_bytes()


def test_streamed_export_carries_the_staff_corrections(
    neo4j_env: object, neo4j_driver: neo4j.Driver, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.test_questions import example_records
    from tests.test_rdf_audit import BOARD, as_user

    for record in example_records():
        load_record(neo4j_driver, record)
    as_user(monkeypatch, "ole", "reject", "person:soren-brunak", "HOLDS_ROLE", BOARD,
            "--where", "role=chair", "--why", "not the chair")  # fmt: skip
    as_user(monkeypatch, "kari", "merge", "person:ida-vogel", "person:ida-fjeldsted",
            "--keep", "person:ida-vogel", "--why", "one geneticist, two spellings")  # fmt: skip
    streamed = Graph().parse(export(tmp_path, "a.nt"), format="nt")
    whole = Graph().parse(export(tmp_path, "whole.nt", "--in-memory"), format="nt")
    assert len(set(streamed.subjects(RDF.type, rdf.PMKG.Correction))) == 2
    assert isomorphic(streamed, whole)


def test_a_validated_stream_of_every_test_minutes_passes_as_the_whole_graph_does(
    neo4j_env: object, neo4j_driver: neo4j.Driver, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Page by page, a shape must never see less than it needs: the minutes of every convention the tests
    hold (agreements' parties, funders, curated and rejected facts across pages) stream validated, as
    their whole graph validates in memory."""
    from tests.test_rdf_audit import BOARD, as_user

    folders = [MINUTES, MINUTES.parent / "new", MINUTES.parents[1].parent / "examples"]
    files = sorted(
        p for folder in folders for p in folder.iterdir() if p.suffix in {".txt", ".docx", ".html"}
    )
    load_records(neo4j_driver, [extract_file(p) for p in files])
    as_user(monkeypatch, "ole", "add", "person:soren-brunak", "AFFILIATED_WITH", "org:ngc",
            "--note", "the board's list of members", "--why", "missing")  # fmt: skip
    as_user(monkeypatch, "kari", "fix", "person:soren-brunak", "HOLDS_ROLE", BOARD, "--where", "role=chair",
            "--set", "role=vice_chair", "--note", "the board's own list", "--why", "vice chair")  # fmt: skip
    assert len(files) > 50
    assert main(["export", "--out", str(tmp_path / "all.nt")]) == 0
    whole = Graph().parse(export(tmp_path, "whole.nt", "--in-memory"), format="nt")
    assert isomorphic(Graph().parse(tmp_path / "all.nt", format="nt"), whole)
