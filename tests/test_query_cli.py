"""``pmkg query`` and ``pmkg analytics`` end to end: the real CLI against the real Neo4j with the examples."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import neo4j
import networkx as nx
import pytest

from pmkg.cli import main
from pmkg.graph import connection, projection
from tests.test_questions import examples_loaded

Runner = Callable[..., tuple[int, str, str]]


@pytest.fixture(scope="module")
def graph(neo4j_settings: connection.Settings) -> Iterator[neo4j.Driver]:
    with examples_loaded(neo4j_settings) as drv:
        yield drv


@pytest.fixture
def pmkg(
    graph: neo4j.Driver,
    neo4j_settings: connection.Settings,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Runner:
    """Run ``pmkg ARGS`` against the test server; returns (exit status, stdout, stderr)."""
    monkeypatch.setenv("NEO4J_URI", neo4j_settings.uri)
    monkeypatch.setenv("NEO4J_USERNAME", neo4j_settings.username)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_settings.password)
    monkeypatch.setenv("NEO4J_DATABASE", neo4j_settings.database)

    def run(*args: str) -> tuple[int, str, str]:
        status = main(list(args))
        out, err = capsys.readouterr()
        return status, out, err

    return run


def test_the_list_shows_every_question_in_the_chosen_language(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Who attended which meetings?" in out and "Hvem deltog" not in out
    assert "person_profile" in out and "person*:person" in out
    assert "stakeholders" in out and "table (analytic)" in out
    assert main(["query"]) == 0
    assert "Hvem deltog i hvilke møder?" in capsys.readouterr().out


def test_table_output_by_name(pmkg: Runner) -> None:
    status, out, _ = pmkg("query", "upcoming", "--param", "on=2023-06-14")
    assert status == 0
    header, rule, first, second, *later = out.splitlines()
    assert header.split()[:3] == ["date", "kind", "what"] and set(rule) <= {"-", " "}
    assert (
        first.startswith("2023-07-05  deadline")
        and "Christiane Saurbrey Karle" in first
        and "cska@ngc.dk" in first
    )
    assert second.startswith("2023-09-20  next_meeting") and len(later) == 3


def test_csv_output(pmkg: Runner) -> None:
    status, out, _ = pmkg(
        "query", "figures_over_time", "-p", "about=Nationalt Genom Center", "--format", "csv"
    )
    assert status == 0
    table = list(csv.DictReader(io.StringIO(out)))
    genomes = [row for row in table if row["unit"] == "genomer"]
    assert [(r["date"], r["value"]) for r in genomes] == [("2023-06-14", "14505")]
    assert genomes[0]["about"] == "Nationalt Genom Center"
    status, out, _ = pmkg("query", "agreements", "--format", "csv")
    collaboration = next(r for r in csv.DictReader(io.StringIO(out)) if r["kind"] == "collaboration")
    assert (
        collaboration["parties"] == "Genomics England; Nationalt Genom Center" and collaboration["date"] == ""
    )


def test_json_output_carries_rows_and_graph(pmkg: Runner) -> None:
    status, out, _ = pmkg(
        "query",
        "shortest_connection",
        "-p",
        "source=Soren Brunak",
        "-p",
        "target=Genomics England",
        "--format",
        "json",
    )
    assert status == 0
    answer = json.loads(out)
    assert answer["question"] == "shortest_connection"
    assert answer["params"] == {"source": "person:soren-brunak", "target": "org:genomics-england"}
    assert answer["rows"] and all(row["steps"] == 4 for row in answer["rows"])
    ids = {node["id"] for node in answer["graph"]["nodes"]}
    assert {"person:soren-brunak", "org:ngc", "org:genomics-england"} <= ids
    attendance = json.loads(pmkg("query", "attendance", "-p", "person=Søren Brunak", "--format", "json")[1])
    assert attendance["graph"] is None
    assert "chair" in attendance["rows"][0]["roles"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["query", "nonsense"], "no question named 'nonsense'; run `pmkg query` to list them"),
        (["query", "mentions"], "missing entity for question mentions: give --param entity=..."),
        (["query", "mentions", "-p", "entiti=x"], "unknown parameter 'entiti' for question mentions"),
        (["query", "person_profile", "-p", "person=Kjær"], "'Kjær' could be several person entities"),
        (["query", "person_profile", "-p", "person=Nobody Special"], "no person named 'Nobody Special'"),
        (["query", "ego_network", "-p", "entity=NGC", "-p", "radius=9"], "radius must be at most 4, not 9"),
        (["query", "-p", "person=x"], "--param needs a question NAME"),
        (
            ["query", "person_profile", "-p", "person=Søren Brunak", "-p", "limit=1e309"],
            "limit must be a whole",
        ),
        (["query", "ego_network", "-p", "entity=NGC", "-p", "radius=1e309"], "radius must be a whole number"),
        (["query", "ego_network", "-p", "entity=NGC", "-p", "radius=2.5"], "radius must be a whole number"),
        (["query", "stakeholders", "-p", "top=1e309"], "top must be a whole number, not 'inf'"),
        (["query", "stakeholders", "-p", "top=true"], "top must be a whole number, not 'True'"),
        (
            ["query", "themes_over_time", "-p", "per=junk"],
            "per must be one of month, quarter, year, not 'junk'",
        ),
        (["query", "meetings", "-p", "body=-1"], "no organization named '-1' in the graph"),
        (["query", "meetings", "-p", "body=5"], "no organization named '5' in the graph"),
    ],
)
def test_user_errors_are_one_line(pmkg: Runner, args: list[str], message: str) -> None:
    status, out, err = pmkg(*args)
    assert status == 1 and out == ""
    assert err.startswith("pmkg: error: ") and message in err
    assert err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize(("fmt", "read"), [("gexf", nx.read_gexf), ("graphml", nx.read_graphml)])
def test_analytics_export_for_gephi(
    pmkg: Runner, graph: neo4j.Driver, tmp_path: Path, fmt: str, read: Callable[..., nx.Graph]
) -> None:
    out_file = tmp_path / f"network.{fmt}"
    status, out, _ = pmkg("analytics", fmt, "--out", str(out_file))
    network = projection.project(graph)
    assert status == 0
    assert (
        out.strip()
        == f"{network.number_of_nodes()} nodes, {network.number_of_edges()} edges written to {out_file}"
    )
    back = read(out_file)
    assert back.number_of_nodes() == network.number_of_nodes()
    assert back.nodes["person:soren-brunak"]["label"] == "Søren Brunak"
    status, _, _ = pmkg("analytics", fmt, "--out", str(out_file), "--label", "Person", "--label", "Meeting")
    assert status == 0 and {d["kind"] for _, d in read(out_file).nodes(data=True)} == {"Person", "Meeting"}


def test_table_shows_each_quote_on_one_line(pmkg: Runner) -> None:
    status, out, _ = pmkg("query", "mentions", "-p", "entity=Frankrig")
    assert status == 0
    lines = out.splitlines()[2:]
    assert lines and all(line.startswith("5. møde i det nationale advisory board") for line in lines)
    assert any("Memorandum of Understanding (MoU) med Frankrig i marts" in line for line in lines)
    raw = json.loads(pmkg("query", "mentions", "-p", "entity=Frankrig", "--format", "json")[1])
    assert any("med \n\nFrankrig" in row["quote"] for row in raw["rows"])  # exact quotes in JSON


def test_export_to_an_unwritable_place_is_a_one_line_error(pmkg: Runner, tmp_path: Path) -> None:
    status, _, err = pmkg("analytics", "gexf", "--out", str(tmp_path / "missing" / "net.gexf"))
    assert status == 1
    assert (
        err == f"pmkg: error: cannot write {tmp_path / 'missing' / 'net.gexf'}: No such file or directory\n"
    )
