"""The Review page's decisions against a real Neo4j, run by Streamlit's AppTest: the server refuses a
viewer's forged decision and records an editor's with the editor as author; a viewer sees the queue
without the buttons; a correction made anywhere (here: the CLI's path, as from another session) reaches
an answer a page kept in its session. The clicks themselves are tests/test_browser_review.py.
"""

from __future__ import annotations

from pathlib import Path

import neo4j
import pytest
from streamlit.testing.v1 import AppTest

from pmkg.graph import connection, corrections, review
from pmkg.graph.identity import candidate_merges
from pmkg.graph.store import load_record
from pmkg.ui.i18n import translate
from tests.graph_samples import board_minutes
from tests.test_users import SECRETS, claims

APP = str(Path(__file__).resolve().parent.parent / "app.py")
JAN_JANE = ("person:jan-moore", "person:jane-moore")


@pytest.fixture
def boards(neo4j_driver: neo4j.Driver, neo4j_env: connection.Settings) -> neo4j.Driver:
    """Board minutes chaired by Jan, Jane and Johan Moore (three candidate pairs); the app's NEO4J_* set."""
    for source, chair in (("a.txt", "Jan Moore"), ("b.txt", "Jane Moore"), ("c.txt", "Johan Moore")):
        load_record(neo4j_driver, board_minutes(source, chair=chair))
    return neo4j_driver


def _forged_decisions() -> None:
    """A script run as the signed-in user that calls the Review page's write path without its buttons."""
    import streamlit as st

    from pmkg.graph.identity import candidate_merges
    from pmkg.ui import identity, review, state

    _, driver = state.store_status()
    pair = candidate_merges(driver)[0]
    for decision in ("not_same", "merge"):
        try:
            correction = review.decide(driver, decision, pair, pair.a_id, "forged")
        except identity.NotAllowed as exc:
            st.text(str(exc))
        else:
            st.text(f"{correction.kind} by {correction.author}")
            return


def test_the_server_refuses_a_viewers_forged_decision_and_records_an_editors(boards: neo4j.Driver) -> None:
    refusal = "vera.viewer@example.org may not change the graph: ask for the admin or editor role"
    at = AppTest.from_function(_forged_decisions, default_timeout=60)
    at.secrets = SECRETS
    at.user = claims("vera.viewer", "pmkg-viewer")
    at.run()
    assert not at.exception
    assert [x.value for x in at.text] == [refusal, refusal]
    assert corrections.listing(boards) == []
    assert JAN_JANE in {(c.a_id, c.b_id) for c in candidate_merges(boards)}

    at = AppTest.from_function(_forged_decisions, default_timeout=60)
    at.secrets = SECRETS
    at.user = claims("erik.editor", "pmkg-editor")
    at.run()
    assert not at.exception
    assert [x.value for x in at.text] == ["not_same by erik.editor@example.org"]
    [stored] = corrections.listing(boards)
    assert (stored.correction.kind, stored.correction.targets, stored.correction.reason) == (
        "not_same",
        sorted(JAN_JANE),
        "forged",
    )
    assert JAN_JANE not in {(c.a_id, c.b_id) for c in candidate_merges(boards)}


def signed_in_review(user: dict[str, object]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets = SECRETS
    at.user = user
    at.query_params["page"] = "review"
    at.query_params["lang"] = "en"
    return at.run()


def test_a_viewer_sees_the_queue_read_only_and_an_editor_gets_the_buttons(boards: neo4j.Driver) -> None:
    buttons = [translate(f"review.{b}", "en") for b in ("merge", "not_same", "skip")]
    viewer = signed_in_review(claims("vera.viewer", "pmkg-viewer"))
    assert not viewer.exception and not viewer.error
    assert viewer.subheader[0].value == "Jan Moore · Jane Moore"
    assert translate("review.needs_editor", "en") in [i.value for i in viewer.info]
    assert not [b for b in viewer.button if b.label in buttons] and not viewer.text_input
    editor = signed_in_review(claims("erik.editor", "pmkg-editor"))
    assert not editor.exception and not editor.error
    assert [b.label for b in editor.button if b.label in buttons] == buttons


def test_an_answer_kept_in_a_session_shows_a_merge_made_elsewhere(boards: neo4j.Driver) -> None:
    at = AppTest.from_file(APP, default_timeout=60)  # sign-in off: the local user
    at.query_params["page"] = "questions"
    at.run()
    at.selectbox(key="q_name").set_value("attendance").run()
    assert {"Jan Moore", "Jane Moore"} <= set(at.dataframe[0].value["Person"])

    review.merge(boards, list(JAN_JANE), "person:jan-moore", "kari", "one person")  # as `pmkg merge` does
    at.run()  # the same session, the same question: its kept answer is dropped

    people = list(at.dataframe[0].value["Person"])
    assert "Jane Moore" not in people and people.count("Jan Moore") == 2
