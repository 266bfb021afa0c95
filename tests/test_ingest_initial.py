"""``pmkg ingest --initial``: Neo4j's offline bulk importer gives the graph ``pmkg ingest`` gives.

Two real servers: the session's (``pmkg ingest``, then a correction made and exported) and a managed
home of this module's own (``PMKG_HOME``), which ``--initial`` stops, imports into and starts again.
The graphs are compared whole, node for node and relationship for relationship with every property
(the load time stamp aside: ``test_ingest_jobs.whole_graph``), the schema by name, and the prebuilt
questions that need no parameter answer the same.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest

from pmkg.cli import main
from pmkg.errors import PmkgError
from pmkg.graph import connection, netstore, server
from pmkg.graph.questionfiles import load_questions
from pmkg.graph.questions import run_question
from pmkg.graph.schema import schema_names
from pmkg.graph.version import graph_version
from tests.conftest import temporary_home
from tests.test_ingest_jobs import NEW, whole_graph

_A_PERSON = "MATCH (p:Person) RETURN p.id AS id ORDER BY p.id LIMIT 1"


@pytest.fixture
def minutes(tmp_path: Path) -> Path:
    """The new test minutes, one of them twice under another name, and one that is not a PDF."""
    folder = tmp_path / "minutes"
    shutil.copytree(NEW, folder, ignore=shutil.ignore_patterns("*.json"))
    first = sorted(folder.glob("*.txt"))[0]
    shutil.copy(first, folder / f"zz-copy-of-{first.name}")
    (folder / "broken-minutes.pdf").write_bytes(b"this is not a PDF")
    return folder


@pytest.fixture
def own_home(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A managed home of its own (the installed jars shared through a link), used through PMKG_HOME, its
    server started on a free port (which the home remembers)."""
    home = temporary_home("pmkg-test-initial-")
    (home / "neo4j").mkdir()
    (home / "neo4j" / "lib").symlink_to(server.managed().lib_dir, target_is_directory=True)
    server.start(home, bolt_port=server.free_port())
    monkeypatch.setenv("PMKG_HOME", str(home))
    for name in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        monkeypatch.delenv(name, raising=False)
    try:
        yield home
    finally:
        server.stop(home)
        shutil.rmtree(home, ignore_errors=True)


def _use(monkeypatch: pytest.MonkeyPatch, settings: connection.Settings) -> None:
    monkeypatch.setenv("NEO4J_URI", settings.uri)
    monkeypatch.setenv("NEO4J_USERNAME", settings.username)
    monkeypatch.setenv("NEO4J_PASSWORD", settings.password)


def _summary(out: str) -> dict[str, object]:
    summary = json.loads(out)
    summary.pop("seconds", None)
    return summary


def _answers(driver: neo4j.Driver) -> dict[str, object]:
    """Every prebuilt question that needs no parameter, answered (or the error it answers with)."""
    answers: dict[str, object] = {}
    for name, question in sorted(load_questions().items()):
        if not any(param.required for param in question.params):
            try:
                frame = run_question(driver, question).frame
            except PmkgError as exc:  # a question that fails must fail the same way on both graphs
                answers[name] = str(exc)
                continue
            answers[name] = json.loads(frame.to_json(orient="records", force_ascii=False))
    return answers


def test_initial_gives_the_graph_of_ingest_with_its_corrections(
    neo4j_driver: neo4j.Driver,
    neo4j_settings: connection.Settings,
    own_home: Path,
    minutes: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _use(monkeypatch, neo4j_settings)
    assert main(["ingest", str(minutes), "--jobs", "1", "--json"]) == 1  # the broken file fails
    loaded = _summary(capsys.readouterr().out)
    person = connection.read(neo4j_driver, _A_PERSON)[0]["id"]
    assert main(["rename", person, "Ingrid Testesen-Bulk", "--why", "test"]) == 0
    fixes = tmp_path / "corrections.jsonl"
    assert main(["corrections", "export", str(fixes)]) == 0
    expected = whole_graph(neo4j_driver)
    answers = _answers(neo4j_driver)
    capsys.readouterr()

    monkeypatch.delenv("NEO4J_URI")
    code = main(["ingest", "--initial", str(minutes), "--corrections", str(fixes), "--json", "--jobs", "2"])
    out, err = capsys.readouterr()
    assert code == 1, err
    assert "error" not in err, err
    assert _summary(out) == loaded  # documents loaded, unchanged (the copy) and failed; nodes, relationships
    assert set(json.loads(out)["seconds"]) == {"extract", "csv", "stop", "importer", "start", "schema"}
    assert "failed: " in err and "broken-minutes.pdf" in err

    with connection.driver(server.managed(own_home).settings()) as drv:
        nodes, rels = whole_graph(drv)
        assert (len(nodes), len(rels)) == (len(expected[0]), len(expected[1]))
        assert nodes == expected[0]
        assert rels == expected[1]
        assert any('"Ingrid Testesen-Bulk"' in node for node in nodes)  # the correction replayed
        assert schema_names(drv) == schema_names(neo4j_driver)
        assert _answers(drv) == answers
        assert netstore.kept(drv, graph_version(drv)) is not None  # the first analytic reads it

    # a database that holds anything is refused, and left as it was
    assert main(["ingest", "--initial", str(minutes)]) == 1
    out, err = capsys.readouterr()
    assert "the database is not empty" in err and len(err.strip().splitlines()) == 1
    assert out == ""  # refused before anything is summed up
    with connection.driver(server.managed(own_home).settings()) as drv:
        assert whole_graph(drv) == (nodes, rels)


def test_initial_refuses_a_server_it_does_not_manage(
    tmp_path: Path, minutes: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("PMKG_HOME", str(home))
    monkeypatch.setenv("NEO4J_URI", "neo4j+s://graph.example.org")
    assert main(["ingest", "--initial", str(minutes)]) == 1
    out, err = capsys.readouterr()
    err = err.strip()
    assert out == ""
    assert err.startswith("pmkg: error: --initial loads through Neo4j's offline importer")
    assert "neo4j+s://graph.example.org" in err and len(err.splitlines()) == 1
    assert not home.exists()  # nothing started, nothing written
