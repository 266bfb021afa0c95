"""A link through what happens to it after it is opened, in Debian's headless Chromium against the app on
loopback with the example minutes (fixtures of tests/test_browser.py): the browser's Back button returns
from "Show in the graph" to the search it came from (each change of view is one entry in the browser's
history); a language switch keeps the page and its view; and with sign-in on, a link opened by someone
not signed in is the view they land on after signing in through the real Keycloak."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from pmkg.auth import keycloak as kc
from pmkg.ui.i18n import translate
from tests import test_browser as chromium_app
from tests.chromium import ARTIFACTS
from tests.keycloak_server import password_of
from tests.test_browser import WAIT_MS, Watched
from tests.test_browser_links import BODY, MEETING, expect_rows, query, shown_link

pytestmark = pytest.mark.browser
loaded = (
    chromium_app.loaded
)  # the example minutes and the hostile record, as tests/test_browser.py loads them
ui = chromium_app.ui
ATTENDANCE = "lang={lang}&page=questions&question=attendance&person=person:soren-brunak&limit=3&view=table"
STARTED_AT_BRUNAK = re.compile(r"[?&]page=explore&.*start=person(:|%3A)soren-brunak")
ONE_MEETING = [["2023-06-14", MEETING, BODY, "Søren Brunak"]]  # his one meeting, the attendance answer


def heading(ui: Watched, page_id: str, lang: str) -> None:
    """Wait for the page's title in ``lang``: the page ``page_id`` is the one drawn."""
    title = ui.page.get_by_role("heading", name=translate(f"page.{page_id}", lang), exact=True)
    expect(title).to_be_visible(timeout=WAIT_MS)


def expect_query(page: Page, expected: dict[str, list[str]]) -> None:
    """Wait until the address bar and the link offered to copy both name ``expected`` (the URL is written
    at the end of the run that draws the view, after the parts of the page a test waits for)."""
    for _ in range(WAIT_MS // 250):
        if query(page.url) == expected and query(shown_link(page)) == expected:
            return
        page.wait_for_timeout(250)
    assert query(page.url) == expected
    assert query(shown_link(page)) == expected


def test_back_after_show_in_the_graph_returns_to_the_search(ui: Watched) -> None:
    ui.open("search", "en")
    box = ui.page.get_by_label(translate("search.box", "en"))
    box.fill("Soren Brunak")
    ui.page.keyboard.press("Enter")
    expect(ui.page.get_by_role("heading", name="Søren Brunak", exact=True)).to_be_visible(timeout=WAIT_MS)
    ui.settle()
    search = query(shown_link(ui.page))
    expect_query(ui.page, search)
    assert search["page"] == ["search"] and search["entity"] == ["person:soren-brunak"]
    ui.page.get_by_role("button", name=translate("search.show_in_graph", "en")).click()
    heading(ui, "explore", "en")
    ui.settled_node("person:soren-brunak")
    expect(ui.page).to_have_url(STARTED_AT_BRUNAK)  # a new entry in the history: the graph's link
    ui.page.go_back()
    heading(ui, "search", "en")
    expect(ui.page.get_by_role("heading", name="Søren Brunak", exact=True)).to_be_visible(timeout=WAIT_MS)
    expect(box).to_have_value("Soren Brunak")
    expect_query(ui.page, search)
    ui.shot("link-back-to-search")
    ui.page.go_forward()  # and forward again to the graph
    heading(ui, "explore", "en")
    ui.settled_node("person:soren-brunak")
    expect(ui.page).to_have_url(STARTED_AT_BRUNAK)


@pytest.mark.parametrize(
    "view",
    [
        ATTENDANCE.format(lang="da"),
        "lang=da&page=matrix&level=theme&by=organisation",
        "lang=da&page=changes&mode=dates&from=2023-01-01&to=2024-06-30",
    ],
)
def test_a_language_switch_keeps_the_page_and_its_view(ui: Watched, view: str) -> None:
    """The pickers show their options in the reader's language; a switch keeps what they had chosen."""
    page_id = query(f"?{view}")["page"][0]
    ui.page.goto(f"{ui.base}/?{view}")
    heading(ui, page_id, "da")
    ui.settle()
    ui.page.get_by_test_id("stSidebar").get_by_text("English", exact=True).click()
    heading(ui, page_id, "en")
    ui.settle()
    expect_query(ui.page, query(f"?{view}") | {"lang": ["en"]})
    if page_id == "questions":  # the same answer, now in English (its one row: his one meeting)
        expect(ui.page.get_by_text(translate("q.rows.one", "en", n=1))).to_be_visible(timeout=WAIT_MS)
    ui.shot(f"link-language-switch-{page_id}")


def test_a_link_opened_signed_out_is_the_view_after_sign_in(
    browser: Browser, signin_app_url: str, keycloak: kc.Instance, loaded: object
) -> None:
    """Keycloak's callback returns to the app's root; the app puts the link back (ui/signin_link.py)."""
    link = f"{signin_app_url}/?{ATTENDANCE.format(lang='en')}"
    context = browser.new_context(viewport={"width": 1400, "height": 1100})
    try:
        page = context.new_page()
        page.goto(link)
        page.get_by_role("button", name=translate("signin.button", "en")).click()
        page.wait_for_url(f"{keycloak.issuer}/**")
        page.fill("#username", "vera.viewer")
        page.fill("#password", password_of("vera.viewer"))
        page.click("#kc-login")
        page.wait_for_url(f"{signin_app_url}/**")
        signed_in = page.get_by_text("Signed in as vera.viewer@example.org", exact=False)
        expect(signed_in).to_be_visible(timeout=WAIT_MS)
        title = translate("page.questions", "en")
        expect(page.get_by_role("heading", name=title, exact=True)).to_be_visible(timeout=WAIT_MS)
        expect(page.get_by_text(translate("q.rows.one", "en", n=1))).to_be_visible(timeout=WAIT_MS)
        expect_rows(page, ONE_MEETING)
        opened = query(link)
        assert {k: v for k, v in query(page.url).items() if k in opened} == opened
        page.screenshot(path=str(ARTIFACTS / "link-after-sign-in.png"), full_page=True)
    finally:
        context.close()
