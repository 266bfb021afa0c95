"""Who is using pmkg: the local user until sign-in exists, and the server-side check every write in the
app makes (a viewer's upload is refused and nothing is stored, whatever the page shows)."""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest
from streamlit.testing.v1 import AppTest

from pmkg.graph import connection
from pmkg.ui import identity
from pmkg.ui.i18n import translate
from pmkg.ui.identity import NotAllowed, User, local_user, require

ROOT = Path(__file__).resolve().parent.parent


def test_the_local_user_is_pmkg_user_else_the_os_account_with_every_role() -> None:
    assert local_user({"PMKG_USER": "  anna.berg "}) == User(
        "anna.berg", frozenset({"viewer", "editor", "admin"})
    )
    assert local_user({"PMKG_USER": ""}).name == getpass.getuser()
    assert local_user({}).roles == identity.ROLES


def test_roles_allow_actions_and_require_refuses_with_one_line() -> None:
    viewer = User("vera", frozenset({"viewer"}))
    editor = User("erik", frozenset({"editor"}))
    assert viewer.can("view") and not viewer.can("edit") and not viewer.can("admin")
    assert editor.can("edit") and not editor.can("admin")
    require(editor, "edit")
    with pytest.raises(NotAllowed) as refused:
        require(viewer, "edit")
    assert str(refused.value) == "vera may not change the graph: ask for the admin or editor role"
    assert (refused.value.user, refused.value.action) == ("vera", "edit")


def test_a_user_needs_a_name_and_known_roles_and_actions() -> None:
    with pytest.raises(ValueError, match="needs a name"):
        User(" ", frozenset())
    with pytest.raises(ValueError, match="unknown roles"):
        User("x", frozenset({"owner"}))
    with pytest.raises(ValueError, match="unknown action"):
        User("x", frozenset({"admin"})).can("delete")


@pytest.fixture
def app_env(neo4j_driver: neo4j.Driver, neo4j_env: connection.Settings) -> Iterator[neo4j.Driver]:
    yield neo4j_driver


def test_a_viewer_cannot_store_an_upload_even_by_pressing_the_button(
    app_env: neo4j.Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(identity, "current_user", lambda: User("vera", frozenset({"viewer"})))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["page"] = "documents"
    at.query_params["lang"] = "en"
    at.run()
    text = (
        b"Minutes of the steering group\n\nDate: 3 March 2024\n\nPresent\nMette Jensen, Region Hovedstaden\n"
    )
    at.file_uploader[0].set_value(("steering.txt", text, "text/plain")).run()
    at.button(key="upload_store").click().run()
    assert not at.exception
    assert [e.value for e in at.error] == [
        translate("auth.not_allowed", "en", name="vera", action=translate("auth.edit", "en"))
    ]
    assert connection.read(app_env, "MATCH (d:Document) RETURN count(d) AS n")[0]["n"] == 0
