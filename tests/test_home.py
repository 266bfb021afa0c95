"""The home page (Start / Forside) through Streamlit's AppTest against the real test Neo4j holding the
example minutes: the real counts, the newest meeting with a link that opens its timeline, the search box
first, and the most connected stakeholders as the Stakeholders question ranks them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qsl

import neo4j
import pytest
from streamlit.testing.v1 import AppTest

from pmkg.graph import analytics, connection, store
from pmkg.ingest.pipeline import extract_file
from pmkg.ui.i18n import LANGUAGES, translate

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))
NEWEST = (
    "meeting:regional-styringsgruppe-for-presisjonsmedisin-2024-09-24",
    "Møtereferat – Regional styringsgruppe for presisjonsmedisin",  # "MØTEREFERAT" over the body's line
    "2024-09-24",
)
# What the five example minutes hold once stored (people and organisations named in several are one node).
COUNTS = {"Document": 5, "Meeting": 5, "Person": 52, "Organization": 55, "Initiative": 7, "Agreement": 2}


@pytest.fixture(scope="module")
def loaded(neo4j_settings: connection.Settings) -> Iterator[neo4j.Driver]:
    with connection.driver(neo4j_settings) as driver:
        connection.write(driver, "MATCH (n) DETACH DELETE n")
        for path in EXAMPLES:
            store.load_record(driver, extract_file(path))
        yield driver


@pytest.fixture
def app(
    loaded: neo4j.Driver, neo4j_settings: connection.Settings, monkeypatch: pytest.MonkeyPatch
) -> AppTest:
    for name, value in (
        ("NEO4J_URI", neo4j_settings.uri),
        ("NEO4J_USERNAME", neo4j_settings.username),
        ("NEO4J_PASSWORD", neo4j_settings.password),
        ("NEO4J_DATABASE", neo4j_settings.database),
    ):
        monkeypatch.setenv(name, value)
    return AppTest.from_file(APP, default_timeout=60)


def opened(at: AppTest, **params: str) -> AppTest:
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_is_the_default_page_with_the_real_counts_and_newest_meeting(
    app: AppTest, loaded: neo4j.Driver, lang: str
) -> None:
    at = opened(app, lang=lang)  # no page named: the home page
    assert at.header[0].value == translate("page.home", lang) == {"da": "Forside", "en": "Start"}[lang]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {translate(f"home.count.{label}", lang): str(n) for label, n in COUNTS.items()}
    meetings = [m.value for m in at.markdown if "page=timeline" in m.value]
    meeting_id, title, date = NEWEST
    assert meetings[0].startswith(f"[{title}](?page=timeline&lang={lang}&meeting={meeting_id})")
    assert date in meetings[0] and f"(?page=brief&lang={lang}&entity={meeting_id})" in meetings[0]
    # then newest first: the dates of the five example meetings
    assert [m.split(" · ")[2] for m in meetings] == [
        "2024-09-24",
        "2024-06-11",
        "2023-09-20",
        "2023-06-14",
        "2023-06-14",
    ]
    uploads = " ".join(m.value for m in at.markdown if translate("home.stored_at", lang, at="") in m.value)
    assert all(path.name.replace("-", "\\-").replace(".", "\\.") in uploads for path in EXAMPLES)
    # the stakeholders are the Stakeholders question's ranking, not a second one
    top, _ = analytics.stakeholders_answer(loaded, {"top": 5})
    ranked = [m.value for m in at.markdown if "page=brief" in m.value and "page=timeline" not in m.value]
    assert len(ranked) == 5 and ranked[0].startswith(f"1. [{top['name'].iloc[0]}](?page=brief&lang={lang}")


def test_the_search_box_comes_first_and_opens_search_with_its_text(app: AppTest) -> None:
    at = opened(app, lang="en")
    first = next(e for e in at.main.children.values() if e.type not in ("header", "caption"))
    assert getattr(first, "key", None) == "home_q"  # drawn before any query runs
    assert [b.label for b in at.button] == [translate("home.ask", "en"), translate("home.upload", "en")]
    at.text_input(key="home_q").input("Soren Brunak").run()
    assert at.sidebar.radio(key="page").value == "search"
    assert at.header[0].value == "Search" and at.text_input(key="search_q").value == "Soren Brunak"
    assert at.dataframe[0].value["Name"].iloc[0] == "Søren Brunak"


def test_a_meeting_link_opens_its_timeline(app: AppTest) -> None:
    home = opened(app, lang="da")
    link = next(m.value for m in home.markdown if "page=timeline" in m.value)
    params = dict(parse_qsl(link.split("](?", 1)[1].split(")", 1)[0]))
    assert params == {"page": "timeline", "lang": "da", "meeting": NEWEST[0]}
    at = opened(AppTest.from_file(APP, default_timeout=60), **params)
    assert at.header[0].value == translate("page.timeline", "da")
    assert at.session_state["timeline_meeting"] == NEWEST[0]


def test_the_ask_button_opens_the_questions(app: AppTest) -> None:
    at = opened(app, lang="da")
    at.button(key="home_to_questions").click().run()
    assert at.sidebar.radio(key="page").value == "questions"
    assert at.header[0].value == translate("page.questions", "da")
