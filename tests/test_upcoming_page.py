"""The Upcoming question in the app (Streamlit's AppTest against a real Neo4j holding the NGC minutes): an
empty answer for the chosen date says so and names the latest meeting's date; an answer offers its RDF with
the deadline and the meeting that set it."""

from __future__ import annotations

import datetime as dt

import neo4j
from rdflib import Graph
from streamlit.testing.v1 import AppTest

from pmkg.ui.i18n import translate
from tests.test_contact import downloads, ngc  # noqa: F401  (fixtures)
from tests.test_users import claims, signed_in_app

EDITOR = claims("erik.editor", "pmkg-editor")


def upcoming_from(day: dt.date) -> AppTest:
    at = signed_in_app(EDITOR, "questions")
    at.selectbox(key="q_name").set_value("upcoming").run()
    at.date_input(key="q_upcoming_on").set_value(day).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_an_empty_upcoming_answer_points_to_the_latest_meeting(ngc: neo4j.Driver) -> None:  # noqa: F811
    at = upcoming_from(dt.date(2030, 1, 1))
    hint = translate("q.none_from", "en", date="2030-01-01", latest="2023-06-14")
    assert hint in [info.value for info in at.info]
    assert "Nothing from 2030-01-01 on" in hint


def test_an_upcoming_answer_downloads_as_rdf_with_its_meeting(
    ngc: neo4j.Driver,  # noqa: F811
    downloads: dict[str, bytes],  # noqa: F811
) -> None:
    at = upcoming_from(dt.date(2023, 6, 14))
    assert not at.info or all("Nothing from" not in i.value for i in at.info)
    turtle = downloads["upcoming.ttl"].decode("utf-8")
    graph = Graph().parse(data=turtle, format="turtle")
    subjects = {str(s) for s in graph.subjects()}
    assert any("deadline" in s for s in subjects) and any("meeting" in s for s in subjects), subjects
