"""'Correct this' on the Search page's details against a real Neo4j, run by Streamlit's AppTest: an editor
makes a 'person' an organisation and fixes a role with a source note and the day it holds from (stored
with the editor as author, in Danish and English); a viewer sees no controls and the server refuses a
viewer's forged write."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import neo4j
import pytest
from streamlit.testing.v1 import AppTest

from pmkg.graph import connection, corrections
from pmkg.graph.store import load_record
from pmkg.ui.i18n import md_escape, translate
from tests.graph_samples import board_minutes
from tests.test_users import SECRETS, claims

APP = str(Path(__file__).resolve().parent.parent / "app.py")
LABELS = "MATCH (n {id: $id}) RETURN labels(n) AS labels"
ROLES = """
MATCH (:Person {id: 'person:jan-moore'})-[r:HOLDS_ROLE WHERE r.rejected IS NULL]->(:Organization {id: $org})
RETURN r.role AS role, r.note AS note, r.curated_by AS by, r.valid_from AS valid_from
"""


@pytest.fixture
def board(neo4j_driver: neo4j.Driver, neo4j_env: connection.Settings) -> neo4j.Driver:
    load_record(neo4j_driver, board_minutes("a.txt", chair="Jan Moore"))
    return neo4j_driver


def search_page(user: dict[str, object], lang: str, query: str, entity: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets = SECRETS
    at.user = user
    at.query_params.update({"page": "search", "lang": lang, "search": query, "entity": entity})
    return at.run()


def _forged_set_type() -> None:
    """A script run as the signed-in user that calls the control's write path without its button."""
    import streamlit as st

    from pmkg.ui import correct, identity, state

    _, driver = state.store_status()
    try:
        correct.set_type(driver, "person:ole-skott", "Organization", "forged")
    except identity.NotAllowed as exc:
        st.text(str(exc))


def test_a_viewer_sees_no_controls_and_the_server_refuses_a_forged_write(board: neo4j.Driver) -> None:
    viewer = search_page(claims("vera.viewer", "pmkg-viewer"), "en", "Ole Skøtt", "person:ole-skott")
    assert not viewer.exception
    assert translate("correct.title", "en") not in [e.label for e in viewer.expander]
    at = AppTest.from_function(_forged_set_type, default_timeout=60)
    at.secrets = SECRETS
    at.user = claims("vera.viewer", "pmkg-viewer")
    at.run()
    assert [x.value for x in at.text] == [
        "vera.viewer@example.org may not change the graph: ask for the admin or editor role"
    ]
    assert connection.read(board, LABELS, {"id": "person:ole-skott"})[0]["labels"] == ["Person"]
    assert corrections.listing(board) == []


@pytest.mark.parametrize("lang", ["da", "en"])
def test_an_editor_sets_a_type_and_fixes_a_role_where_the_fact_is_shown(
    board: neo4j.Driver, lang: str
) -> None:
    editor = claims("erik.editor", "pmkg-editor")
    at = search_page(editor, lang, "Ole Skøtt", "person:ole-skott")
    assert not at.exception and translate("correct.title", lang) in [e.label for e in at.expander]
    at.radio(key="correct|person:ole-skott_what").set_value("type").run()  # codes, shown in words
    at.selectbox(key="correct|person:ole-skott|type_to").set_value("Organization")
    at.text_input(key="correct|person:ole-skott|type_why").input("a firm")
    at.button(key="correct|person:ole-skott|type_save").click().run()
    assert not at.exception and not at.error
    assert connection.read(board, LABELS, {"id": "person:ole-skott"})[0]["labels"] == ["Organization"]

    at = search_page(editor, lang, "Jan Moore", "person:jan-moore")
    key = "correct|person:jan-moore"
    at.radio(key=f"{key}_what").set_value("role").run()
    at.selectbox(key=f"{key}|role_role").set_value("vice_chair")
    at.text_input(key=f"{key}|role_note").input("telephone call with the secretariat 3 Dec")
    at.date_input(key=f"{key}|role_from").set_value(dt.date(2023, 9, 1))  # held from then, as of a date
    at.button(key=f"{key}|role_save").click().run()
    assert not at.exception and not at.error
    assert connection.read(board, ROLES, {"org": "org:board"}) == [
        {
            "role": "vice_chair",
            "note": "telephone call with the secretariat 3 Dec",
            "by": "erik.editor@example.org",
            "valid_from": "2023-09-01",
        }
    ]
    what = translate("correct.role", lang)
    saved = md_escape(translate("correct.saved", lang, what=what, change="add HOLDS"))
    assert any(s.value.startswith(saved) and "vice" in s.value for s in at.success)  # in the page's language
    kinds = sorted((i.correction.kind, i.correction.author) for i in corrections.listing(board))
    assert kinds == [("fix", "erik.editor@example.org"), ("set_type", "erik.editor@example.org")]


def explore_page(user: dict[str, object]) -> AppTest:
    """Explore with Jan Moore picked beside the graph (the picker stands for a click on the drawing)."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets = SECRETS
    at.user = user
    at.query_params.update({"lang": "en", "page": "explore"})
    at.run()
    at.selectbox(key="explore_pick").set_value("person:jan-moore").run()
    return at


def test_correct_this_is_offered_beside_the_graph_too(board: neo4j.Driver) -> None:
    """Not only on Search: every page showing a node's details (``ui.correct.details_to_correct``) offers
    its correction to editors, here Explore, and a rename made there is stored; viewers see no controls."""
    at = explore_page(claims("erik.editor", "pmkg-editor"))
    assert not at.exception, [e.value for e in at.exception]
    assert translate("correct.title", "en") in [e.label for e in at.expander]
    key = "correct|person:jan-moore"
    at.text_input(key=f"{key}|name_name").input("Jan K. Moore")
    at.text_input(key=f"{key}|name_why").input("full name")
    at.button(key=f"{key}|name_save").click().run()
    assert not at.exception and not at.error
    name = connection.read(board, "MATCH (p:Person {id: 'person:jan-moore'}) RETURN p.name AS name")
    assert name == [{"name": "Jan K. Moore"}]
    viewer = explore_page(claims("vera.viewer", "pmkg-viewer"))
    assert translate("correct.title", "en") not in [e.label for e in viewer.expander]
