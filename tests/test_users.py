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
from pmkg.ui.i18n import md_escape, translate
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


# Sign-in configured as for the test Keycloak (tests/data/keycloak-realm.json): the realm roles come in the
# claim pmkg_roles, and each pmkg role is granted by one realm role.
SECRETS = {
    "auth": {
        "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
        "cookie_secret": "a-test-cookie-secret-of-enough-length",
        "client_id": "pmkg",
        "client_secret": "pmkg-test-client-secret-not-for-production",
        "server_metadata_url": "http://127.0.0.1:8080/realms/pmkg/.well-known/openid-configuration",
    },
    "roles": {
        "claim": "pmkg_roles",
        "viewer": ["pmkg-viewer"],
        "editor": ["pmkg-editor"],
        "admin": ["pmkg-admin"],
    },
}


def claims(name: str, *realm_roles: str) -> dict[str, object]:
    """An identity token's claims as Keycloak issues them (the realm's default roles come along)."""
    roles = ["default-roles-pmkg", "offline_access", "uma_authorization", *realm_roles]
    return {
        "is_logged_in": True,
        "email": f"{name}@example.org",
        "preferred_username": name,
        "pmkg_roles": roles,
    }


def test_roles_come_from_the_configured_claim_and_values() -> None:
    config = SECRETS["roles"]
    assert identity.user_from_claims(claims("vera.viewer", "pmkg-viewer"), config) == User(
        "vera.viewer@example.org", frozenset({"viewer"})
    )
    assert identity.user_from_claims(claims("erik.editor", "pmkg-editor"), config).roles == {"editor"}
    assert identity.user_from_claims(claims("nobody"), config).roles == frozenset()
    # a nested claim (Keycloak's own realm_access.roles) and a groups claim holding one string
    nested = {"preferred_username": "ann", "realm_access": {"roles": ["pmkg-admin"]}}
    assert identity.user_from_claims(nested, {**config, "claim": "realm_access.roles"}).roles == {"admin"}
    groups = {"sub": "f3a1", "groups": "/pmkg/editors"}
    assert identity.user_from_claims(groups, {"claim": "groups", "editor": "/pmkg/editors"}) == User(
        "f3a1", frozenset({"editor"})
    )
    # without [roles], the claim is "roles" and the values are pmkg's own role names
    assert identity.user_from_claims({"email": "a@b.org", "roles": ["viewer", "owner"]}).roles == {"viewer"}
    with pytest.raises(NotAllowed):
        identity.user_from_claims({"pmkg_roles": ["pmkg-editor"]}, config)


def signed_in_app(user: dict[str, object], page: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.secrets = SECRETS
    at.user = user
    at.query_params["page"] = page
    at.query_params["lang"] = "en"
    return at.run()


def test_with_sign_in_on_an_anonymous_visitor_sees_only_the_sign_in_page(app_env: neo4j.Driver) -> None:
    at = signed_in_app({"is_logged_in": False}, "documents")
    assert not at.exception
    assert [b.label for b in at.button] == [translate("signin.button", "en")]
    assert not at.sidebar.radio and not at.file_uploader and not at.dataframe


def test_a_viewer_gets_no_upload_no_expert_page_and_no_contact_export(app_env: neo4j.Driver) -> None:
    viewer = claims("vera.viewer", "pmkg-viewer")
    at = signed_in_app(viewer, "documents")
    assert not at.exception
    assert not at.file_uploader
    assert translate("doc.upload_needs_editor", "en") in [i.value for i in at.info]
    assert "expert" not in at.sidebar.radio(key="page").options
    at = signed_in_app(viewer, "expert")  # a link to the Expert page opens the default page instead
    assert at.sidebar.radio(key="page").value == "home" and not at.text_area
    at = signed_in_app(viewer, "export")
    offered = [translate(f"export.personal.{choice}", "en") for choice in ("default", "pseudonymized")]
    assert at.radio(key="export_personal").options == offered
    editor = signed_in_app(claims("erik.editor", "pmkg-editor"), "documents")
    assert len(editor.file_uploader) == 1
    assert "expert" not in editor.sidebar.radio(key="page").options
    admin = signed_in_app(claims("ada.admin", "pmkg-admin"), "expert")
    assert not admin.exception and not admin.error
    assert admin.sidebar.radio(key="page").value == "expert" and admin.text_area(key="expert_query")


def _export_with_contact_details() -> None:
    """A script run as the signed-in user that asks the export's path for contact details."""
    import streamlit as st

    from pmkg.ui import export, identity, state

    _, driver = state.store_status()
    try:
        payload, _ = export.export_bytes(driver, "nt", "contact")
    except identity.NotAllowed as exc:
        st.text(str(exc))
        return
    st.text(f"exported {len(payload)} bytes")


def test_the_server_gives_contact_details_to_editors_only(app_env: neo4j.Driver) -> None:
    shown = {}
    for name, role in (("vera.viewer", "pmkg-viewer"), ("erik.editor", "pmkg-editor")):
        at = AppTest.from_function(_export_with_contact_details, default_timeout=60)
        at.secrets = SECRETS
        at.user = claims(name, role)
        at.run()
        assert not at.exception
        shown[name] = at.text[0].value
    refusal = "may not export contact details from the graph: ask for the admin or editor role"
    assert shown["vera.viewer"] == f"vera.viewer@example.org {refusal}"
    assert shown["erik.editor"].startswith("exported ")


def _store_forged_upload() -> None:
    """A script run as the signed-in user that calls the upload's write path without its button."""
    import streamlit as st

    from pmkg.ingest.pipeline import extract_bytes
    from pmkg.ui import identity, state, upload

    text = (
        b"Minutes of the steering group\n\nDate: 3 March 2024\n\nPresent\nMette Jensen, Region Hovedstaden\n"
    )
    _, driver = state.store_status()
    try:
        upload.store_upload(driver, extract_bytes(text, "steering.txt"))
    except identity.NotAllowed as exc:
        st.text(str(exc))
        return
    st.text("stored")


def test_the_server_refuses_a_viewers_forged_upload_and_stores_an_editors(app_env: neo4j.Driver) -> None:
    count = "MATCH (d:Document) RETURN count(d) AS n"
    for user, stored in (
        (claims("vera.viewer", "pmkg-viewer"), 0),
        (claims("erik.editor", "pmkg-editor"), 1),
    ):
        at = AppTest.from_function(_store_forged_upload, default_timeout=60)
        at.secrets = SECRETS
        at.user = user
        at.run()
        assert not at.exception
        assert connection.read(app_env, count)[0]["n"] == stored
        assert [x.value for x in at.text] == (
            ["stored"]
            if stored
            else ["vera.viewer@example.org may not change the graph: ask for the admin or editor role"]
        )


def _open_expert_page() -> None:
    from pmkg.ui import pages

    pages.render("expert", None)  # the page's own check, as a forged request for it would meet


def test_the_expert_page_itself_refuses_anyone_but_an_admin(app_env: neo4j.Driver) -> None:
    shown = {}
    for name, role in (("vera.viewer", "pmkg-viewer"), ("erik.editor", "pmkg-editor")):
        at = AppTest.from_function(_open_expert_page, default_timeout=60)
        at.secrets = SECRETS
        at.user = claims(name, role)
        at.run()
        assert not at.exception
        shown[name] = [e.value for e in at.error]
    admin, role = translate("auth.admin", "da"), translate("signin.role.admin", "da")  # Danish by default
    assert shown == {
        name: [
            translate(
                "auth.not_allowed", "da", name=md_escape(f"{name}@example.org"), action=admin, role=role
            )
        ]
        for name in shown
    }
