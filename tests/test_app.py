"""The app's logic: the pure graph adapter and strings, and every page through Streamlit's AppTest
against the real test Neo4j holding the example minutes (extracted by the real pipeline)."""

from __future__ import annotations

import ast
import copy
import datetime as dt
import io
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import neo4j
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from pmkg.graph import connection, matrix, rdf, server, store
from pmkg.ingest.pipeline import extract_file
from pmkg.model.graph import REL_TYPES
from pmkg.model.record import ROLE_CODES, Record
from pmkg.ui import graph_view as gv
from pmkg.ui import tables
from pmkg.ui.i18n import LANGUAGES, md_escape, strings, translate
from pmkg.ui.pages import PAGES

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))
TIMEOUT = 60


# --- the graph adapter (pure) ------------------------------------------------------------------------


def sample_graph() -> gv.GraphData:
    nodes = [
        {"id": "person:a", "label": "Person", "name": "Anne"},
        {"id": "person:b", "label": "Person", "name": "Bo"},
        {"id": "org:x", "label": "Organization", "name": "X"},
        {"id": "meeting:1", "label": "Meeting", "name": "Møde 1", "date": "2020-05-01"},
        {"id": "meeting:2", "label": "Meeting", "name": "Møde 2", "date": "2023-06"},
        {"id": "theme:t", "label": "Theme", "name": "datadeling", "label_en": "data sharing"},
    ]
    edges = [
        {"from": "person:a", "to": "meeting:1", "type": "ATTENDED", "key": "e1"},
        {"from": "person:b", "to": "meeting:2", "type": "ATTENDED", "key": "e2"},
        {"from": "person:a", "to": "org:x", "type": "AFFILIATED_WITH", "key": "e3"},
        {"from": "meeting:2", "to": "theme:t", "type": "RAISED", "key": "e4"},
        {"from": "person:a", "to": "nowhere", "type": "ATTENDED", "key": "dangling"},
    ]
    return gv.from_rows(nodes, edges)


def test_rows_become_nodes_and_edges_between_known_nodes_only() -> None:
    graph = sample_graph()
    assert set(graph.nodes) == {"person:a", "person:b", "org:x", "meeting:1", "meeting:2", "theme:t"}
    assert set(graph.edges) == {"e1", "e2", "e3", "e4"}
    assert graph.nodes["meeting:2"] == gv.Node("meeting:2", "Meeting", "Møde 2", "2023-06")
    assert len(graph) == 10


def test_elements_carry_type_as_label_and_name_as_caption_in_the_readers_language() -> None:
    elements = gv.to_elements(sample_graph(), "en")
    nodes = {e["data"]["id"]: e["data"] for e in elements["nodes"]}
    assert nodes["person:a"] == {"id": "person:a", "label": "Person", "name": "Anne", "size": gv.LARGEST}
    assert nodes["person:b"]["size"] == 45  # one link against Anne's two: 20 + 36 * sqrt(1/2)
    assert nodes["theme:t"]["name"] == "data sharing"
    assert gv.to_elements(sample_graph(), "da")["nodes"][-1]["data"]["name"] == "datadeling"
    edge = next(e["data"] for e in elements["edges"] if e["data"]["id"] == "e3")
    assert edge == {
        "id": "e3",
        "source": "person:a",
        "target": "org:x",
        "label": "AFFILIATED_WITH",
        "name": "AFFILIATED_WITH",  # no names given: the kind as stored
    }
    named = gv.to_elements(sample_graph(), "da", {"AFFILIATED_WITH": "tilknyttet"})
    assert next(e["data"]["name"] for e in named["edges"] if e["data"]["id"] == "e3") == "tilknyttet"


def test_each_relationship_kind_has_its_own_look_in_model_order() -> None:
    looks = {(gv.edge_style_for(r).colour, gv.edge_style_for(r).dashed) for r in gv.REL_TYPES}
    assert len(looks) == len(gv.REL_TYPES)
    assert gv.present_rel_types(sample_graph()) == ["ATTENDED", "AFFILIATED_WITH", "RAISED"]
    assert gv.edge_style_for("UNKNOWN").colour == "#999999"


def test_type_filter_keeps_only_edges_between_kept_nodes() -> None:
    shown = gv.filter_graph(sample_graph(), types=["Person", "Meeting"])
    assert set(shown.nodes) == {"person:a", "person:b", "meeting:1", "meeting:2"}
    assert set(shown.edges) == {"e1", "e2"}


def test_time_filter_drops_out_of_span_dates_and_the_people_left_alone() -> None:
    shown = gv.filter_graph(sample_graph(), start="2023-01-01", end="2023-12-31")
    # meeting:1 (2020) goes, and Bo's only link was... to meeting:2, which stays; Anne keeps her organisation.
    assert "meeting:1" not in shown.nodes
    assert {"person:a", "person:b", "org:x", "meeting:2", "theme:t"} <= set(shown.nodes)
    earlier = gv.filter_graph(sample_graph(), start="2019-01-01", end="2021-01-01")
    assert "meeting:2" not in earlier.nodes
    assert "person:b" not in earlier.nodes  # linked only to the meeting that was filtered out
    assert "theme:t" not in earlier.nodes


def test_body_and_theme_filters_keep_only_the_chosen_meetings_and_themes_and_who_is_linked_to_them() -> None:
    by_body = gv.filter_graph(sample_graph(), only={"Meeting": {"meeting:2"}})  # meeting:2's body chosen
    assert set(by_body.nodes) == {"person:a", "person:b", "org:x", "meeting:2", "theme:t"}  # Anne keeps X
    by_theme = gv.filter_graph(sample_graph(), only={"Meeting": set(), "Theme": {"theme:other"}})
    assert set(by_theme.nodes) == {"person:a", "org:x"}  # no meeting raised it; Anne still has X
    assert set(by_theme.edges) == {"e3"}


def test_month_and_year_dates_count_from_their_first_day() -> None:
    assert gv.iso_day("2023-06") == "2023-06-01"
    assert gv.iso_day("2023") == "2023-01-01"
    assert gv.iso_day("2023-06-14T10:00") == "2023-06-14"
    assert gv.iso_day("juni") is None
    assert gv.date_span(sample_graph()) == ("2020-05-01", "2023-06-01")


def test_cap_keeps_the_best_connected_and_the_pinned_node_within_the_limit() -> None:
    hub = [{"id": "hub", "label": "Organization", "name": "Hub"}]
    spokes = [{"id": f"p{i}", "label": "Person", "name": f"P{i}"} for i in range(600)]
    loners = [{"id": f"l{i}", "label": "Person", "name": f"L{i}"} for i in range(600)]
    edges = [{"from": f"p{i}", "to": "hub", "type": "AFFILIATED_WITH", "key": f"k{i}"} for i in range(600)]
    big = gv.from_rows(hub + spokes + loners, edges)
    capped, truncated = gv.cap(big, 1000, keep=["l7"])
    assert truncated
    assert len(capped) <= 1000
    assert "hub" in capped.nodes and "l7" in capped.nodes
    assert all(e.source in capped.nodes and e.target in capped.nodes for e in capped.edges.values())
    assert gv.cap(sample_graph(), 1000) == (sample_graph(), False)


def test_communities_travel_with_the_nodes() -> None:
    graph = gv.from_rows(
        [
            {"id": "a", "label": "Person", "name": "A", "community": 2},
            {"id": "b", "label": "Person", "name": "B"},
        ],
        [],
    )
    assert gv.groups(graph) == [2]
    assert gv.to_elements(graph)["nodes"][0]["data"]["group"] == 2
    assert "group" not in gv.to_elements(graph)["nodes"][1]["data"]
    assert gv.group_colour(1) != gv.group_colour(2)


def test_merge_adds_neighbours_without_duplicates() -> None:
    base = gv.filter_graph(sample_graph(), types=["Person", "Meeting"])
    merged = gv.merge(base, sample_graph())
    assert set(merged.nodes) == set(sample_graph().nodes)
    assert len(merged.edges) == 4


def test_pmkg_app_turns_sign_in_on_only_with_a_secrets_file(tmp_path: Path) -> None:
    from pmkg.cli import build_parser
    from pmkg.cli.commands.app import command

    assert not any(arg.startswith("--secrets") for arg in command(8501, "127.0.0.1"))
    secrets = tmp_path / "secrets.toml"
    args = build_parser(["app"]).parse_args(["app", "--secrets", str(secrets)])
    argv = command(args.port, args.host, args.secrets)
    assert argv[argv.index("--secrets.files") + 1] == str(secrets)


def test_pmkg_app_refuses_a_secrets_file_streamlit_would_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pmkg.cli import main

    secrets = tmp_path / "pmkg_secrets"  # a compose secret's default name: no .toml
    secrets.write_text('[auth]\nclient_id = "pmkg"\n', encoding="utf-8")
    assert main(["app", "--secrets", str(secrets)]) == 1
    err = capsys.readouterr().err
    assert f"--secrets {secrets}: Streamlit reads a secrets file only by a name ending in .toml" in err
    broken = tmp_path / "secrets.toml"
    broken.write_text('[auth\nclient_id = "pmkg"\n', encoding="utf-8")
    assert main(["app", "--secrets", str(broken)]) == 1
    assert f"--secrets {broken}: not TOML: " in capsys.readouterr().err


def test_a_secrets_file_streamlit_cannot_read_keeps_sign_in_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Streamlit reports an unreadable secrets file as it reports none; none is a laptop (sign-in off), an
    unreadable one must not be (it would give every visitor every role)."""
    from streamlit import config
    from streamlit.runtime.secrets import Secrets

    from pmkg.ui import signin

    def secrets_from(path: Path) -> None:
        config.set_option("secrets.files", [str(path)])
        monkeypatch.setattr(signin.st, "secrets", Secrets())  # Streamlit's own reader, afresh

    monkeypatch.setattr(config, "_config_options", {**config.get_config_options()})  # restored after
    monkeypatch.setitem(
        config._config_options, "secrets.files", copy.copy(config._config_options["secrets.files"])
    )
    secrets_from(tmp_path / "none.toml")
    assert signin.configured() is False  # no file at all: a laptop
    good = tmp_path / "good.toml"
    good.write_text('[auth]\nclient_id = "pmkg"\n', encoding="utf-8")
    secrets_from(good)
    assert signin.configured() is True
    for name, text in [
        ("bad.toml", '[auth\nclient_id = "pmkg"\n'),
        ("pmkg_secrets", '[auth]\nclient_id = "x"\n'),
    ]:
        unreadable = tmp_path / name
        unreadable.write_text(text, encoding="utf-8")
        secrets_from(unreadable)
        with pytest.raises(
            signin.SecretsUnreadable, match=f"the app's secrets \\({unreadable}\\) cannot be read"
        ):
            signin.configured()


def test_pmkg_app_serves_on_loopback_by_default() -> None:
    from pmkg.cli import build_parser
    from pmkg.cli.commands.app import command

    args = build_parser(["app"]).parse_args(["app"])
    assert (args.host, args.port) == ("127.0.0.1", 8501)
    argv = command(args.port, args.host)
    assert argv[argv.index("--server.address") + 1] == "127.0.0.1"
    assert argv[argv.index("run") + 1] == str(ROOT / "ui" / "shell.py")
    # the settings of ui/config.toml travel as flags, so they hold from any folder
    assert argv[argv.index("--server.maxUploadSize") + 1] == "20"
    assert argv[argv.index("--browser.gatherUsageStats") + 1] == "false"


def test_answer_tables_are_readable_without_ids_or_none() -> None:
    from pmkg.ui.widgets import readable

    frame = pd.DataFrame(
        {
            "body": [None, "GCRB"],
            "label": ["Meeting", "Person"],
            "roles": [["chair"], None],
            "person_id": ["p", "q"],
        }
    )
    shown = readable(frame)  # outside a session the language is Danish
    assert list(shown.columns) == ["Organ", "Type", "Roller"]
    assert shown["Organ"].tolist() == ["", "GCRB"]
    assert shown["Type"].tolist() == ["Møde", "Person"]
    assert shown["Roller"].tolist() == [["formand"], None]  # a role in words, not its code ("chair")


# --- strings -------------------------------------------------------------------------------------------


def used_string_keys() -> set[str]:
    """Every literal key passed to t(...) in the app's code."""
    keys = set()
    for path in [ROOT / "app.py", *(ROOT / "ui").glob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "t"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                keys.add(node.args[0].value)
    return keys


def test_every_string_exists_in_danish_and_english_with_the_same_placeholders() -> None:
    table = strings()
    generated = (
        [f"page.{p}" for p in PAGES]
        + [f"page.{p}.help" for p in PAGES]
        + [f"type.{label}" for label in gv.NODE_TYPES]
        + [f"rel.{r}.{side}" for r in REL_TYPES for side in ("in", "out")]
        + [f"role.{code}" for code in ROLE_CODES]
        + [f"export.format.{f}" for f in rdf.FORMATS]
    )
    missing = sorted(k for k in used_string_keys() | set(generated) if k not in table)
    assert missing == []
    for key, entry in table.items():
        assert set(entry) == set(LANGUAGES), key
        assert set(re.findall(r"{(\w+)}", entry["da"])) == set(re.findall(r"{(\w+)}", entry["en"])), key


def test_translate_fills_placeholders_and_shows_an_unknown_key_as_itself() -> None:
    assert translate("details.sources", "da", n=3) == "Kilder (3 citater)"
    assert translate("details.sources", "en", n=3) == "Sources (3 quotes)"
    assert translate("no.such.key", "en") == "no.such.key"


def test_markdown_escaping_leaves_no_markup_active() -> None:
    escaped = md_escape("<img src=x onerror=alert(1)> *bold* [link](javascript:x)")
    assert re.search(r"(?<!\\)[<>*\[\]()]", escaped) is None
    assert escaped.replace("\\", "") == "<img src=x onerror=alert(1)> *bold* [link](javascript:x)"


# --- the app against the real store -------------------------------------------------------------------


@pytest.fixture(scope="module")
def example_records() -> list[Record]:
    return [extract_file(path) for path in EXAMPLES]


def use_store(monkeypatch: pytest.MonkeyPatch, settings: connection.Settings) -> None:
    """Point the app (which reads NEO4J_* through graph.connection.settings) at a server."""
    monkeypatch.setenv("NEO4J_URI", settings.uri)
    monkeypatch.setenv("NEO4J_USERNAME", settings.username)
    monkeypatch.setenv("NEO4J_PASSWORD", settings.password)
    monkeypatch.setenv("NEO4J_DATABASE", settings.database)


@pytest.fixture(scope="module")
def loaded(neo4j_settings: connection.Settings, example_records: list[Record]) -> Iterator[neo4j.Driver]:
    """The examples, loaded once for this module; tests that write put things back as they were."""
    with connection.driver(neo4j_settings) as driver:
        connection.write(driver, "MATCH (n) DETACH DELETE n")
        for record in example_records:
            store.load_record(driver, record)
        yield driver


@pytest.fixture
def open_page(
    loaded: neo4j.Driver, neo4j_settings: connection.Settings, monkeypatch: pytest.MonkeyPatch
) -> Callable[..., AppTest]:
    use_store(monkeypatch, neo4j_settings)

    def open_(page: str, lang: str = "da") -> AppTest:
        at = AppTest.from_file(APP, default_timeout=TIMEOUT)
        at.query_params["page"] = page
        at.query_params["lang"] = lang
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return open_


def frame_values(at: AppTest) -> list[pd.DataFrame]:
    return [d.value for d in at.dataframe]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_renders_in_both_languages(open_page: Callable[..., AppTest], lang: str) -> None:
    for page in PAGES:
        at = open_page(page, lang)
        assert at.header[0].value == translate(f"page.{page}", lang)
        assert at.sidebar.success[0].value == translate("status.ok", lang)
        assert not at.error, (page, [e.value for e in at.error])


def test_search_forgives_missing_diacritics_and_shows_the_sources(open_page: Callable[..., AppTest]) -> None:
    at = open_page("search")
    at.text_input(key="search_q").input("Soren Brunak").run()
    hits = frame_values(at)[0]
    assert hits["Navn"].iloc[0] == "Søren Brunak"
    assert at.subheader[0].value == md_escape("Søren Brunak")
    sources = frame_values(at)[-1]
    assert sources["Citat"].str.contains("Søren Brunak").any()
    assert sources["Dato"].str.match(r"^\d{4}-\d{2}-\d{2}$").all()
    assert set(sources["Dokument"]) - {""}


def test_search_finds_an_organisation_written_apart(open_page: Callable[..., AppTest]) -> None:
    at = open_page("search", "en")
    at.text_input(key="search_q").input("Genom Center").run()
    assert "Nationalt Genom Center" in set(frame_values(at)[0]["Name"])


def test_a_question_answers_with_a_table(open_page: Callable[..., AppTest]) -> None:
    at = open_page("questions")
    at.selectbox(key="q_name").set_value("attendance").run()
    assert not at.exception
    answer = frame_values(at)[0]
    assert "Søren Brunak" in set(answer["Person"])
    assert "person_id" not in answer.columns  # ids stay in the downloads, not on screen
    assert translate("q.rows", "da", n=len(answer)) in [c.value for c in at.main.caption]


def test_an_answers_long_columns_wrap_and_the_reader_chooses_the_columns(
    open_page: Callable[..., AppTest],
) -> None:
    """Agreements: the columns together fit the page (ui.tables.PAGE_PX), the quote cut to its share and
    wrapped (rows a few lines high), so parties, date and minutes stay on screen; leaving a column out of
    the choice hides it on screen."""
    at = open_page("questions", "en")
    at.selectbox(key="q_name").set_value("agreements").run()
    grid = at.dataframe[0].proto
    config = json.loads(grid.columns)
    columns = list(at.dataframe[0].value.columns)
    widths = {column: config[column]["width"] for column in columns}
    assert sum(widths.values()) <= tables.PAGE_PX and grid.row_height > 30
    assert widths["Quote"] < max(map(len, at.dataframe[0].value["Quote"])) * tables.CHAR_PX  # it wraps
    assert list(grid.column_order) == columns  # every column by default
    choice = at.multiselect(key="q_columns_agreements")
    choice.unselect(columns.index("Quote")).run()  # the choice is by position, whatever the language
    shown = list(at.dataframe[0].proto.column_order)
    assert "Quote" not in shown and {"Agreement", "Parties", "Date"} <= set(shown)


def test_a_chart_question_draws_its_chart(open_page: Callable[..., AppTest]) -> None:
    at = open_page("questions", "en")
    at.selectbox(key="q_name").set_value("themes_over_time").run()
    assert not at.exception
    assert at.segmented_control(key="q_view_themes_over_time").value == "chart"
    assert len(at.get("vega_lite_chart")) == 1


def test_an_answer_downloads_as_excel_and_rdf(loaded: neo4j.Driver) -> None:
    from openpyxl import load_workbook

    from pmkg.graph.questions import load_questions, run_question
    from pmkg.graph.subgraph import answer_ids, answer_rows
    from pmkg.ui.questions import excel_bytes

    answer = run_question(loaded, load_questions()["attendance"], {})
    sheet = load_workbook(io.BytesIO(excel_bytes(answer.frame))).active
    header = [cell.value for cell in sheet[1]]
    assert header == list(answer.frame.columns)
    assert "Søren Brunak" in {
        row[header.index("person")] for row in sheet.iter_rows(min_row=2, values_only=True)
    }
    assert "person:soren-brunak" in answer_ids(answer)
    triples = rdf.serialize(rdf.rows_to_dataset(answer_rows(loaded, answer)), "nt").decode("utf-8")
    assert '"Søren Brunak"' in triples
    assert f"<{rdf.PMKG.Attendance}>" in triples


def test_a_question_with_an_entity_picker_answers_for_the_chosen_person(
    open_page: Callable[..., AppTest],
) -> None:
    at = open_page("questions", "en")
    at.selectbox(key="q_name").set_value("ego_network").run()
    picker = at.selectbox(key="q_ego_network_entity")
    assert "Søren Brunak" in picker.options
    picker.set_value("person:soren-brunak").run()
    at.segmented_control(key="q_view_ego_network").set_value("table").run()
    near = frame_values(at)[0]
    assert near.iloc[0]["Name"] == "Søren Brunak" and near.iloc[0]["Distance"] == 0
    assert len(near) > 5


def test_the_store_down_page_says_what_to_do_and_the_app_recovers(
    open_page: Callable[..., AppTest], monkeypatch: pytest.MonkeyPatch
) -> None:
    at = open_page("search")
    good_uri = connection.settings().uri
    closed = f"bolt://127.0.0.1:{server.free_port()}"
    monkeypatch.setenv("NEO4J_URI", closed)
    at.run()
    assert not at.exception
    assert at.header[0].value == translate("down.title", "da")
    assert [c.value for c in at.code] == ["pmkg neo4j start", f"NEO4J_URI={closed}"]
    assert at.sidebar.error[0].value == translate("status.down", "da")
    monkeypatch.setenv("NEO4J_URI", good_uri)
    at.run()
    assert at.header[0].value == translate("page.search", "da")
    assert at.sidebar.success[0].value == translate("status.ok", "da")


def test_the_console_refuses_writes_and_keeps_to_its_row_limit(
    open_page: Callable[..., AppTest], loaded: neo4j.Driver
) -> None:
    at = open_page("expert", "en")
    at.text_area(key="expert_query").input("CREATE (:Intruder {id: 'x'}) RETURN 1").run()
    at.button(key="expert_run").click().run()
    assert at.error and at.error[0].value.startswith("The query was refused")
    assert connection.read(loaded, "MATCH (n:Intruder) RETURN count(n) AS n")[0]["n"] == 0
    at.text_area(key="expert_query").input("UNWIND range(1, 50) AS i RETURN i").run()
    at.number_input(key="expert_rows").set_value(10).run()
    at.button(key="expert_run").click().run()
    assert list(frame_values(at)[0]["i"]) == list(range(1, 11))
    assert at.warning[0].value == translate("expert.more", "en", n=10)


def test_the_console_stops_a_query_at_its_time_limit(open_page: Callable[..., AppTest]) -> None:
    at = open_page("expert", "en")
    at.text_area(key="expert_query").input(
        "UNWIND range(1, 1000000000) AS i WITH i WHERE i % 3 = 7 RETURN count(i)"
    ).run()
    at.number_input(key="expert_seconds").set_value(1).run()
    at.button(key="expert_run").click().run()
    assert at.error and "timeout" in at.error[0].value.lower()


def test_explore_shows_a_chosen_nodes_sources_without_the_graph_component(
    open_page: Callable[..., AppTest],
) -> None:
    at = open_page("explore")
    picker = at.selectbox(key="explore_pick")
    assert "Søren Brunak (Person)" in picker.options
    picker.set_value("person:soren-brunak").run()
    assert at.subheader[0].value == md_escape("Søren Brunak")
    sources = frame_values(at)[-1]
    assert sources["Citat"].str.contains("Søren Brunak").any()
    at.button(key="explore_expand").click().run()
    assert not at.exception


def test_explore_keeps_a_narrowed_period_when_the_views_dates_grow(open_page: Callable[..., AppTest]) -> None:
    at = open_page("explore", "en")
    period = at.slider(key="explore_period")
    first, last = period.value  # the whole span of the view at first
    period.set_value((first, first)).run()  # only the first day's meetings
    at.multiselect(key="explore_types").select("Deadline").run()  # deadlines fall after the last meeting
    assert not at.exception, [e.value for e in at.exception]
    grown = at.session_state["explore_fetched"][2]
    assert gv.date_span(grown)[1] > last.isoformat()  # the view's dates grew (the slider's bounds with them)
    assert at.slider(key="explore_period").value == (first, first)  # ... and the period chosen stayed
    whole = dt.date.fromisoformat(gv.date_span(grown)[1])
    at.slider(key="explore_period").set_value((first, whole)).run()
    at.multiselect(key="explore_types").unselect("Deadline").run()
    assert at.slider(key="explore_period").value == (first, last)  # left whole, it follows the view


def test_explore_offers_a_group_of_themes_and_keeps_every_theme_under_it(
    open_page: Callable[..., AppTest],
) -> None:
    at = open_page("explore", "en")
    at.multiselect(key="explore_types").select("Theme").run()
    every = {i for i, n in at.session_state["explore_fetched"][2].nodes.items() if n.type == "Theme"}
    under = matrix.with_narrower(["theme:data"])
    assert every & under and every - under  # the examples raise themes of this group and of others
    themes = at.multiselect(key="explore_themes")
    offered = translate("explore.theme_group", "en", name=matrix.label("theme:data", "en"))
    assert offered == "Data and infrastructure (all themes under it)" and offered in themes.options
    themes.select("theme:data").run()
    assert not at.exception, [e.value for e in at.exception]
    shown = [
        o
        for o in at.selectbox(key="explore_pick").options
        if o.endswith(f"({translate('type.Theme', 'en')})")
    ]
    assert len(shown) == len(every & under)  # the group's themes the graph holds, and no other theme
    assert at.query_params["themes"] == "theme:data"  # the link names the group


def test_explore_opens_the_link_its_address_names(open_page: Callable[..., AppTest]) -> None:
    """A link clicked in the graph is in the page's address (``link=``): the address opens its facts."""
    at = open_page("explore", "en")
    view = at.session_state["explore_fetched"][2]
    drawn, _ = gv.cap(gv.filter_graph(view, at.multiselect(key="explore_types").value), gv.MAX_ELEMENTS)
    edge_id, edge = next(
        (i, e) for i, e in sorted(drawn.edges.items()) if e.type == "AFFILIATED_WITH"
    )  # a person's organisation: a link the minutes state, with quotes
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params.update({"page": "explore", "lang": "en", "link": edge_id})
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["explore_edge"] == edge_id
    ends = f"{gv.caption(drawn.nodes[edge.source], 'en')} → {gv.caption(drawn.nodes[edge.target], 'en')}"
    assert md_escape(ends) in [h.value for h in at.subheader]
    assert at.query_params["link"] == edge_id  # and the page gives it back


def test_timeline_lists_every_meeting(open_page: Callable[..., AppTest]) -> None:
    at = open_page("timeline", "en")
    meetings = frame_values(at)[0]
    assert len(meetings) == 5
    assert {"2023-06-14", "2023-09-20", "2024-06-11", "2024-09-24"} == set(meetings["Date"])


def test_export_honours_the_personal_data_choice(
    open_page: Callable[..., AppTest], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(rdf.KEY_ENV, "test-key")  # no key file written into the developer's pmkg home
    at = open_page("export", "en")
    at.selectbox(key="export_format").set_value("nt").run()
    at.button(key="export_make").click().run()
    plain = at.session_state["export_result"][2].decode("utf-8")
    assert "Søren Brunak" in plain
    at.radio(key="export_personal").set_value("pseudonymized").run()
    at.button(key="export_make").click().run()
    hidden = at.session_state["export_result"][2].decode("utf-8")
    assert "Søren Brunak" not in hidden
    assert str(rdf.pseudonymous_iri("person:soren-brunak", b"test-key")) in hidden
    assert at.success[0].value.startswith("Ready:")


def test_an_upload_is_shown_before_it_is_stored_then_stored_and_removable(
    open_page: Callable[..., AppTest], loaded: neo4j.Driver
) -> None:
    text = (
        "Referat af møde i styregruppen\n\nDato: 3. marts 2024\nSted: Online\n\nDeltagere\n"
        "Søren Brunak, professor, Københavns Universitet (formand)\n"
        "Mette Jensen, direktør, Region Hovedstaden\n\n"
        "1. Velkommen\nSøren Brunak bød velkommen.\n"
    ).encode()
    before = connection.read(loaded, "MATCH (d:Document) RETURN count(d) AS n")[0]["n"]
    at = open_page("documents")
    at.file_uploader[0].set_value([("styregruppe.txt", text, "text/plain")]).run()
    assert not at.exception
    people = next(f for f in frame_values(at) if "Titler" in f.columns)
    assert {"Søren Brunak", "Mette Jensen"} <= set(people["Navn"])
    assert connection.read(loaded, "MATCH (d:Document) RETURN count(d) AS n")[0]["n"] == before
    at.button(key="upload_store").click().run()
    assert at.success[0].value == translate("doc.stored_ok", "da")
    assert connection.read(loaded, "MATCH (d:Document) RETURN count(d) AS n")[0]["n"] == before + 1
    assert "styregruppe.txt" in set(frame_values(at)[-1]["Fil"])
    doc_id = store.find_documents(loaded, "styregruppe.txt")[0]["id"]
    at.selectbox(key="doc_pick").set_value(doc_id).run()
    assert at.button(key="doc_remove").disabled
    at.checkbox(key=f"doc_confirm_{doc_id}").check().run()
    at.button(key="doc_remove").click().run()
    assert at.success[0].value == translate("doc.removed_ok", "da")
    assert connection.read(loaded, "MATCH (d:Document) RETURN count(d) AS n")[0]["n"] == before
    assert not connection.read(loaded, "MATCH (p:Person {name: 'Mette Jensen'}) RETURN p.id AS id")


def test_an_unreadable_upload_gets_a_one_line_reason(open_page: Callable[..., AppTest]) -> None:
    at = open_page("documents", "en")
    at.file_uploader[0].set_value([("empty.txt", b"", "text/plain")]).run()
    assert not at.exception
    assert at.error[0].value.startswith("empty\\.txt could not be read:")
    assert "\n" not in at.error[0].value


def test_a_store_error_on_upload_is_one_line_not_a_crash(
    open_page: Callable[..., AppTest], loaded: neo4j.Driver
) -> None:
    """A file name past Neo4j's index key limit (Document.source is indexed) is refused by the server."""
    name = "x" * 9000 + ".txt"
    text = "Referat af møde i styregruppen\n\nDato: 3. marts 2024\n\nDeltagere\nSøren Brunak\n".encode()
    before = connection.read(loaded, "MATCH (d:Document) RETURN count(d) AS n")[0]["n"]
    at = open_page("documents", "en")
    at.file_uploader[0].set_value([(name, text, "text/plain")]).run()
    at.button(key="upload_store").click().run()
    assert not at.exception
    assert at.error[0].value.startswith("The document could not be stored; nothing was stored: could not be")
    assert "\n" not in at.error[0].value
    assert connection.read(loaded, "MATCH (d:Document) RETURN count(d) AS n")[0]["n"] == before
