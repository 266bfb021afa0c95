"""``pmkg export``: formats, sources (Neo4j, one answer, minutes files), personal data, errors."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import neo4j
import pytest
from rdflib import RDF, URIRef
from rdflib.compare import isomorphic

from pmkg.cli import main
from pmkg.cli.commands.export import output_format
from pmkg.graph import connection, rdf
from pmkg.graph.rdf import CV, PMKG, SCHEMA
from pmkg.graph.store import load_records, read_rows
from pmkg.graph.subgraph import node_ids
from pmkg.graph.triples import merge_rows, record_to_rows
from tests.graph_samples import board_minutes

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
KEY = "a-test-key"


def run_export(*args: str) -> int:
    return main(["export", *args])


@pytest.fixture
def records() -> list:
    return [board_minutes(), board_minutes("board-2.txt", chair="Anders Børglum")]


@pytest.fixture
def store_env(neo4j_settings: connection.Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point the command at the test server, as a user would with the NEO4J_* variables."""
    monkeypatch.setenv("NEO4J_URI", neo4j_settings.uri)
    monkeypatch.setenv("NEO4J_USERNAME", neo4j_settings.username)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_settings.password)
    monkeypatch.setenv("NEO4J_DATABASE", neo4j_settings.database)


def person_id(record, name: str) -> str:
    return next(p.id for p in record.people if p.name == name)


# --- options ---------------------------------------------------------------------------------------


def test_format_comes_from_the_option_then_the_file_name() -> None:
    assert output_format("nq", Path("x.ttl")) == "nq"
    assert output_format(None, Path("graph.jsonld")) == "jsonld"
    assert output_format(None, Path("graph.nq")) == "nq"
    assert output_format(None, Path("graph.rdf")) == "xml"
    assert output_format(None, Path("graph.txt")) == "turtle"
    assert output_format(None, None) == "turtle"


def test_pseudonym_key_from_env_or_a_private_key_file(tmp_path: Path) -> None:
    assert rdf.pseudonym_key({"PMKG_PSEUDONYM_KEY": "secret"}, tmp_path) == b"secret"
    assert not (tmp_path / "pseudonym.key").exists()
    first = rdf.pseudonym_key({}, tmp_path)
    path = tmp_path / "pseudonym.key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and len(first) == 64
    assert rdf.pseudonym_key({}, tmp_path) == first  # kept: the same person keeps the same pseudonym
    assert rdf.pseudonym_key({}, tmp_path / "other") != first


def test_node_ids_are_found_in_cells() -> None:
    cells = [
        "2023-06-14",
        "person:soren-brunak",
        ["meeting:a", "x"],
        {"org": "org:ngc"},
        None,
        3,
        "https://x",
    ]
    assert node_ids(cells) == {"person:soren-brunak", "meeting:a", "org:ngc"}


# --- from minutes files ------------------------------------------------------------------------------


def test_export_from_files_writes_valid_rdf_of_the_real_minutes(tmp_path: Path) -> None:
    out = tmp_path / "minutes.nq"
    assert run_export("--from-files", str(EXAMPLES / "ngc-advisory-board-5.txt"), "--out", str(out)) == 0
    ds = rdf.parse(out.read_bytes(), "nq")
    g = rdf.union_graph(ds)
    names = {str(o) for o in g.objects(None, SCHEMA.name)}
    assert {"Søren Brunak", "Bettina Lundgren", "Lene Cividanes"} <= names
    assert len([n for n in ds.graphs() if str(n.identifier).endswith("/graph")]) == 1
    assert b"cska@ngc.dk" not in out.read_bytes()  # the e-mail stays out by default
    assert len(set(g.subjects(RDF.type, PMKG.Attendance))) >= 13


def test_export_to_stdout_in_jsonld(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    path = str(EXAMPLES / "region-nord-farmakogenetik-arbejdsgruppe-2023-09-20.txt")
    assert run_export("--from-files", path, "--format", "jsonld") == 0
    data = json.loads(capsysbinary.readouterr().out)
    assert data["@context"]["schema"] == "https://schema.org/"
    assert any("schema:Person" in str(node.get("@type")) for node in data["@graph"])


def test_pseudonymised_export_from_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PMKG_PSEUDONYM_KEY", KEY)
    path = str(EXAMPLES / "gms-styrgrupp-2023-06-14.txt")
    outs = [tmp_path / "a.ttl", tmp_path / "b.ttl"]
    for out in outs:
        assert run_export("--from-files", path, "--pseudonymize", "--out", str(out)) == 0
    text = outs[0].read_text(encoding="utf-8")
    for name in ("Åkesson", "Sundqvist", "Ekdahl", "Wästlund", "Gunnel"):
        assert name not in text
    assert outs[0].read_bytes() == outs[1].read_bytes()  # stable pseudonyms with the same key


# --- errors ----------------------------------------------------------------------------------------------


def test_user_errors_are_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run_export("--param", "person=x") == 1
    assert "--param needs --query NAME" in capsys.readouterr().err
    assert run_export("--from-files", str(tmp_path / "missing.txt")) == 1
    err = capsys.readouterr().err
    assert err.startswith("pmkg: error:") and "missing.txt" in err and "Traceback" not in err
    with pytest.raises(SystemExit):  # argparse: the two personal-data options exclude each other
        run_export("--pseudonymize", "--include-contact-details")


# --- from Neo4j -------------------------------------------------------------------------------------------


def test_export_from_neo4j_equals_the_rdf_of_the_extraction(
    neo4j_driver: neo4j.Driver, store_env: None, records: list, tmp_path: Path
) -> None:
    load_records(neo4j_driver, records)
    out = tmp_path / "graph.nq"
    assert run_export("--out", str(out)) == 0
    exported = rdf.parse(out.read_bytes(), "nq")
    extracted = rdf.rows_to_dataset(merge_rows(record_to_rows(r) for r in records))
    assert isomorphic(rdf.union_graph(exported), rdf.union_graph(extracted))
    assert isomorphic(
        rdf.union_graph(exported), rdf.union_graph(rdf.rows_to_dataset(read_rows(neo4j_driver)))
    )


def test_export_of_one_answer_is_its_subgraph(
    neo4j_driver: neo4j.Driver, store_env: None, records: list, tmp_path: Path
) -> None:
    load_records(neo4j_driver, records)
    bettina = person_id(records[0], "Bettina Lundgren")
    out = tmp_path / "answer.ttl"
    assert run_export("--query", "attendance", "--param", f"person={bettina}", "--out", str(out)) == 0
    g = rdf.union_graph(rdf.parse(out.read_bytes(), "turtle"))
    people = set(g.subjects(RDF.type, SCHEMA.Person))
    assert people == {rdf.node_iri(bettina)}
    meetings = set(g.subjects(RDF.type, PMKG.Meeting))
    assert meetings == {rdf.node_iri(r.meetings[0].id) for r in records}
    for meeting in meetings:  # her attendance at each, with its source document described
        assert len(list(g.objects(meeting, CV.hasParticipation))) >= 1
        assert g.value(meeting, SCHEMA.recordedIn) in set(g.subjects(RDF.type, SCHEMA.DigitalDocument))
    ole = person_id(records[0], "Ole Skøtt")
    assert URIRef(rdf.node_iri(ole)) not in set(g.all_nodes())


def test_unknown_question_is_a_user_error(
    neo4j_driver: neo4j.Driver, store_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_export("--query", "no_such_question") == 1
    assert "no question named 'no_such_question'" in capsys.readouterr().err


def test_export_of_the_ingested_corpus_equals_the_rdf_of_its_extraction(
    neo4j_driver: neo4j.Driver, store_env: None, tmp_path: Path
) -> None:
    from pmkg.ingest.pipeline import extract_file

    corpus = [extract_file(path) for path in sorted(EXAMPLES.glob("*.txt"))]
    load_records(neo4j_driver, corpus)
    from_store, from_files = tmp_path / "store.nq", tmp_path / "files.nq"
    assert run_export("--out", str(from_store)) == 0
    assert run_export("--from-files", str(EXAMPLES), "--out", str(from_files)) == 0
    stored, extracted = (rdf.parse(p.read_bytes(), "nq") for p in (from_store, from_files))
    assert len(stored) > 5000
    assert isomorphic(rdf.union_graph(stored), rdf.union_graph(extracted))
