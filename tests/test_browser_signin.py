"""Sign-in end to end in Debian's headless Chromium against a real Keycloak (tests/keycloak_server.py) and the
app with ``[auth]`` configured: an anonymous visitor sees only the sign-in page; the viewer signs in through
Keycloak's own login form, sees the graph but no upload control; the editor uploads; both sign out.
A sign-in cookie that was tampered with (signed with another secret) or has expired is refused. (The
server-side refusal of a viewer's forged write is tests/test_users.py.) Screenshots go to
``test-artifacts/``.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest
from playwright.sync_api import Browser, Page, expect

from pmkg.auth import keycloak as kc
from pmkg.graph import connection
from pmkg.ui.i18n import translate
from tests.chromium import ARTIFACTS, english_page
from tests.keycloak_server import password_of

pytestmark = pytest.mark.browser

MINUTES = (
    b"Minutes of the steering group\n\nDate: 3 March 2024\n\nPresent\nMette Jensen, Region Hovedstaden\n"
)


def en(key: str, **values: object) -> str:
    return translate(key, "en", **values)


@pytest.fixture
def empty_graph(neo4j_driver: neo4j.Driver) -> neo4j.Driver:
    return neo4j_driver


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    with english_page(browser, 1000) as page:
        yield page


def sign_in(page: Page, app: str, idp: kc.Instance, username: str) -> None:
    """From the app's sign-in page through Keycloak's login form and back, signed in."""
    page.goto(f"{app}/?lang=en")
    page.get_by_role("button", name=en("signin.button")).click()
    page.wait_for_url(f"{idp.issuer}/**")
    page.fill("#username", username)
    page.fill("#password", password_of(username))
    page.click("#kc-login")
    page.wait_for_url(f"{app}/**")
    # back on the link opened (?lang=en), which the app puts back after Keycloak's return to "/"
    expect(page.get_by_role("button", name=en("signin.out"))).to_be_visible()
    page.goto(f"{app}/?lang=en")  # a fresh load: still signed in (the cookie)
    expect(page.get_by_text(f"Signed in as {username}@example.org", exact=False)).to_be_visible()


def sign_out(page: Page, app: str) -> None:
    page.get_by_role("button", name=en("signin.out")).click()
    # through Keycloak's logout and back to "/", in the default language
    expect(page.get_by_role("button", name=translate("signin.button", "da"))).to_be_visible()
    page.goto(f"{app}/?lang=en&page=documents")  # still signed out after a fresh load
    expect(page.get_by_role("button", name=en("signin.button"))).to_be_visible()
    expect(page.get_by_text(en("page.documents.help"))).to_have_count(0)


def open_page(page: Page, app: str, page_id: str) -> None:
    page.goto(f"{app}/?lang=en&page={page_id}")
    expect(page.get_by_text(en(f"page.{page_id}.help"))).to_be_visible()


def test_an_anonymous_visitor_sees_only_the_sign_in_page(page: Page, signin_app_url: str) -> None:
    for page_id in ("search", "documents", "export", "expert"):
        page.goto(f"{signin_app_url}/?lang=en&page={page_id}")
        expect(page.get_by_role("button", name=en("signin.button"))).to_be_visible()
        expect(page.get_by_text(en(f"page.{page_id}.help"))).to_have_count(0)
        expect(page.locator('[data-testid="stSidebar"]')).to_have_count(0)
        expect(page.locator('input[type="file"]')).to_have_count(0)
    page.screenshot(path=str(ARTIFACTS / "signin-anonymous.png"))


def test_the_viewer_signs_in_sees_and_cannot_upload(
    page: Page, signin_app_url: str, keycloak: kc.Instance, empty_graph: neo4j.Driver
) -> None:
    sign_in(page, signin_app_url, keycloak, "vera.viewer")
    expect(page.get_by_text("(viewer)", exact=False)).to_be_visible()
    open_page(page, signin_app_url, "search")
    expect(page.get_by_role("radio", name=en("page.documents"))).to_have_count(1)
    expect(page.get_by_role("radio", name=en("page.expert"))).to_have_count(0)
    open_page(page, signin_app_url, "documents")
    expect(page.get_by_text(en("doc.upload_needs_editor"))).to_be_visible()
    expect(page.locator('input[type="file"]')).to_have_count(0)
    page.screenshot(path=str(ARTIFACTS / "signin-viewer-documents.png"))
    sign_out(page, signin_app_url)


def test_the_editor_signs_in_and_uploads(
    page: Page, signin_app_url: str, keycloak: kc.Instance, empty_graph: neo4j.Driver
) -> None:
    sign_in(page, signin_app_url, keycloak, "erik.editor")
    expect(page.get_by_text("(editor)", exact=False)).to_be_visible()
    open_page(page, signin_app_url, "documents")
    page.locator('input[type="file"]').set_input_files(
        files=[{"name": "steering.txt", "mimeType": "text/plain", "buffer": MINUTES}]
    )
    page.get_by_role("button", name=en("doc.store_n", n=1)).click()
    expect(page.get_by_text(en("doc.stored_ok"))).to_be_visible()
    stored = connection.read(empty_graph, "MATCH (d:Document) RETURN d.source AS source")
    assert [Path(row["source"]).name for row in stored] == ["steering.txt"]
    page.screenshot(path=str(ARTIFACTS / "signin-editor-stored.png"))
    sign_out(page, signin_app_url)


def signed_cookie(secret: str, claims: dict[str, object], age_days: float = 0) -> str:
    """A ``_streamlit_user`` cookie as Streamlit signs it (itsdangerous, the cookie name as salt), made
    ``age_days`` ago."""
    from itsdangerous import TimestampSigner, URLSafeTimedSerializer

    class Backdated(TimestampSigner):
        def get_timestamp(self) -> int:
            return int(time.time() - age_days * 86400)

    serializer = URLSafeTimedSerializer(secret, salt="_streamlit_user", signer=Backdated)
    return serializer.dumps(json.dumps(claims))


def test_a_tampered_or_expired_sign_in_cookie_is_refused(
    page: Page, signin_app_url: str, signin_cookie_secret: str
) -> None:
    claims = {
        "email": "mallory@example.org",
        "preferred_username": "mallory",
        "pmkg_roles": ["pmkg-editor", "pmkg-admin"],
        "origin": signin_app_url,
        "is_logged_in": True,
        "provider": "default",
    }
    cookies = {
        "the real secret, now": signed_cookie(signin_cookie_secret, claims),  # the control: accepted
        "another secret": signed_cookie("not-the-apps-secret-" + signin_cookie_secret, claims),
        "the real secret, 40 days ago": signed_cookie(signin_cookie_secret, claims, age_days=40),
    }
    seen = {}
    for case, value in cookies.items():
        page.context.clear_cookies()
        page.context.add_cookies([{"name": "_streamlit_user", "value": value, "url": signin_app_url}])
        page.goto(f"{signin_app_url}/?lang=en")
        signed_in = page.get_by_text("Signed in as mallory@example.org", exact=False)
        signin = page.get_by_role("button", name=en("signin.button"))
        expect(signed_in.or_(signin)).to_be_visible()
        seen[case] = "signed in" if signed_in.count() else "sign-in page"
    assert seen == {
        "the real secret, now": "signed in",
        "another secret": "sign-in page",
        "the real secret, 40 days ago": "sign-in page",
    }
