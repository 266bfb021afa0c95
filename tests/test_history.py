"""The History page against a real Neo4j, run by Streamlit's AppTest: every correction listed newest first
with its author, kind, targets, reason and status, in Danish and English; a viewer sees it read-only and the
server refuses a viewer's forged undo; an editor's undo restores the name and records the editor as the
one who undid it. The clicks are tests/test_browser_history.py.
"""

from __future__ import annotations

from pathlib import Path

import neo4j
import pytest
from streamlit.testing.v1 import AppTest

from pmkg.graph import connection, corrections, review
from pmkg.graph.store import load_record
from pmkg.model.correction import make
from pmkg.ui.i18n import translate
from tests.graph_samples import board_minutes
from tests.test_users import SECRETS, claims

APP = str(Path(__file__).resolve().parent.parent / "app.py")
NAME = "MATCH (p:Person {id: $id}) RETURN p.name AS name"


@pytest.fixture
def corrected(neo4j_driver: neo4j.Driver, neo4j_env: connection.Settings) -> dict[str, str]:
    """Board minutes chaired by Jan and Jane Moore; kari merges them, then ole renames Jan."""
    for source, chair in (("a.txt", "Jan Moore"), ("b.txt", "Jane Moore")):
        load_record(neo4j_driver, board_minutes(source, chair=chair))
    merge, _ = review.merge(neo4j_driver, ["person:jane-moore"], "person:jan-moore", "kari", "one person")
    rename = make(
        "rename", ["person:jan-moore"], {"name": "Jan R. Moore", "was": "Jan Moore", "label": "Person"},
        "ole", "full name",
    )  # fmt: skip
    corrections.record(neo4j_driver, rename)
    return {"merge": merge.id, "rename": rename.id}


def _forged_undo() -> None:
    """A script run as the signed-in user that calls the History page's write path without its button."""
    import streamlit as st

    from pmkg.graph import corrections
    from pmkg.ui import history, identity, state

    _, driver = state.store_status()
    (rename,) = [i.correction for i in corrections.listing(driver) if i.correction.kind == "rename"]
    try:
        history.undo(driver, rename.id)
    except identity.NotAllowed as exc:
        st.text(str(exc))
    else:
        st.text("undone")


def name(driver: neo4j.Driver) -> str:
    return connection.read(driver, NAME, {"id": "person:jan-moore"})[0]["name"]


def test_the_server_refuses_a_viewers_forged_undo_and_records_an_editors(
    neo4j_driver: neo4j.Driver, corrected: dict[str, str]
) -> None:
    at = AppTest.from_function(_forged_undo, default_timeout=60)
    at.secrets = SECRETS
    at.user = claims("vera.viewer", "pmkg-viewer")
    at.run()
    assert not at.exception
    assert [x.value for x in at.text] == [
        "vera.viewer@example.org may not change the graph: ask for the admin or editor role"
    ]
    assert name(neo4j_driver) == "Jan R. Moore"
    assert all(i.correction.undone_at is None for i in corrections.listing(neo4j_driver))

    at = AppTest.from_function(_forged_undo, default_timeout=60)
    at.secrets = SECRETS
    at.user = claims("erik.editor", "pmkg-editor")
    at.run()
    assert [x.value for x in at.text] == ["undone"]
    assert name(neo4j_driver) == "Jan Moore"
    undone = {i.correction.id: i for i in corrections.listing(neo4j_driver)}[corrected["rename"]]
    assert (undone.correction.undone_by, undone.status) == ("erik.editor@example.org", "undone")


def history_page(user: dict[str, object], lang: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets = SECRETS
    at.user = user
    at.query_params["page"] = "history"
    at.query_params["lang"] = lang
    return at.run()


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_list_newest_first_read_only_for_a_viewer_with_undo_for_an_editor(
    corrected: dict[str, str], lang: str
) -> None:
    viewer = history_page(claims("vera.viewer", "pmkg-viewer"), lang)
    assert not viewer.exception and not viewer.error
    assert viewer.header[0].value == translate("page.history", lang)
    assert translate("history.needs_editor", lang) in [i.value for i in viewer.info]
    undo = translate("history.undo", lang)
    assert not [b for b in viewer.button if b.label == undo]
    lines = [m.value for m in viewer.markdown]
    heads = [x for x in lines if x.startswith("**")]
    rename, merge = translate("history.kind.rename", lang), translate("history.kind.merge", lang)
    applied = translate("history.status.applied", lang)
    assert heads[0].startswith(f"**{rename}**") and heads[0].endswith(f"· ole · {applied}")
    assert heads[1].startswith(f"**{merge}**") and heads[1].endswith(f"· kari · {applied}")
    targets = [x for x in lines if x.startswith(translate("history.targets", lang))]
    link = f"[Jan R\\. Moore](?page=search&search=Jan+R.+Moore&entity=person%3Ajan-moore&lang={lang})"
    # the node merged away: no link, its id
    assert targets[1].endswith(f"{link} (person\\:jan\\-moore), person\\:jane\\-moore")
    reasons = [x.value for x in viewer.text]
    assert reasons[:2] == [translate("history.reason", lang, reason=r) for r in ("full name", "one person")]

    editor = history_page(claims("erik.editor", "pmkg-editor"), lang)
    assert not editor.exception and not editor.error
    # the rename can be undone; a merge cannot (split its documents instead)
    assert [b.label for b in editor.button if b.label == undo] == [undo]
