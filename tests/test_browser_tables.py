"""Every question's answer fits the page, in Debian's headless Chromium at common laptop and desktop sizes
(ui/tables.py): no table runs past the right edge, where readers took the columns out of view for
missing data. Screenshots of each answer in ``test-artifacts/tables/``."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlencode

import neo4j
import pytest
from playwright.sync_api import Browser, Page, expect

from pmkg.graph import questions as qs
from pmkg.graph.params import choices
from pmkg.ui.i18n import translate
from tests import test_browser as chromium_app
from tests.chromium import ARTIFACTS, WAIT_MS
from tests.test_browser import Watched

pytestmark = pytest.mark.browser
loaded = chromium_app.loaded  # the example minutes, as tests/test_browser.py loads them

QUESTIONS = sorted(qs.load_questions())
# (width, height, language): a small laptop (the narrowest main area the tables are planned for) in both
# languages, a common one and a desktop
SCREENS = [(1280, 800, "da"), (1280, 800, "en"), (1366, 768, "en"), (1920, 1080, "en")]
# Who each answer is about, where the examples have much to say: the widest tables
PICKS = {
    "person": "person:soren-brunak",
    "entity": "person:soren-brunak",
    "source": "person:soren-brunak",
    "about": "org:ngc",
    "organization": "org:ngc",
    "first": "org:ngc",
    "second": "org:genomics-england",
    "target": "org:genomics-england",
}
FROM = {"on": "2000-01-01"}  # upcoming: from a date before every meeting of the examples, so rows show


def answer_link(driver: neo4j.Driver, question: qs.Question, lang: str) -> str:
    """The link to ``question``'s answer as a table, every required choice made (a preferred entity, else
    the first the picker offers)."""
    params = {"page": "questions", "lang": lang, "question": question.name, "view": "table"}
    for param in question.params:
        offered = [c["id"] for c in choices(driver, param)]
        if param.name in FROM:
            params[param.name] = FROM[param.name]
        elif PICKS.get(param.name) in offered:
            params[param.name] = PICKS[param.name]
        elif param.required and offered:
            params[param.name] = offered[0]
    return "?" + urlencode(params)


@pytest.fixture(scope="module")
def screens(browser: Browser) -> Iterator[dict[tuple[int, int, str], Page]]:
    """One page per screen size and language for the module, closed after."""
    pages = {}
    for width, height, lang in SCREENS:
        context = browser.new_context(viewport={"width": width, "height": height})
        pages[(width, height, lang)] = context.new_page()
    yield pages
    for page in pages.values():
        page.context.close()


def overflow(page: Page) -> list[dict]:
    """Each table on the page: its box, the width of its columns together (the grid's scroll width) and
    the width it shows (client width), and the page's main area."""
    return page.evaluate(
        """() => {
            const main = document.querySelector('[data-testid="stMainBlockContainer"]')
                .getBoundingClientRect();
            return [...document.querySelectorAll('[data-testid="stDataFrame"]')].map(table => {
                const box = table.getBoundingClientRect();
                const grid = table.querySelector('.dvn-scroller');
                return {left: box.left, right: box.right, mainRight: main.right,
                        columns: grid.scrollWidth, shown: grid.clientWidth};
            });
        }"""
    )


@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}-{s[2]}")
@pytest.mark.parametrize("name", QUESTIONS)
def test_every_column_of_an_answer_is_on_screen(
    name: str,
    screen: tuple[int, int, str],
    screens: dict[tuple[int, int, str], Page],
    app_url: str,
    loaded: neo4j.Driver,
) -> None:
    width, height, lang = screen
    page = screens[screen]
    question = qs.load_questions()[name]
    page.goto(app_url + "/" + answer_link(loaded, question, lang))
    ui = Watched(page, app_url)
    expect(page.get_by_role("heading", name=translate("page.questions", lang), exact=True)).to_be_visible(
        timeout=WAIT_MS
    )
    ui.settle()
    table = page.get_by_test_id("stDataFrame").first
    expect(table).to_be_visible(timeout=WAIT_MS)  # every question answers the examples with rows
    table.scroll_into_view_if_needed()
    page.wait_for_timeout(300)  # the grid draws its columns after it is laid out
    (ARTIFACTS / "tables").mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "tables" / f"{name}-{width}x{height}-{lang}.png"))
    found = overflow(page)
    assert found
    for grid in found:
        assert grid["columns"] <= grid["shown"] + 1, (name, grid)  # no column past the right edge
        assert grid["right"] <= min(grid["mainRight"], width) + 1, (name, grid)  # the table within the page


PAGES = {  # pages that show tables other than an answer: full width, or beside a graph
    "search": "page=search&search=Soren%20Brunak&entity=person:soren-brunak",
    "explore": "page=explore&start=person:soren-brunak&node=person:soren-brunak",
    "stakeholders": "page=stakeholders",
    "timeline": "page=timeline",
}


@pytest.mark.parametrize("page_id", PAGES)
def test_the_tables_of_a_pages_details_fit_beside_its_graph(
    page_id: str, screens: dict[tuple[int, int, str], Page], app_url: str, loaded: neo4j.Driver
) -> None:
    page = screens[SCREENS[0]]  # the laptop, in Danish
    page.goto(f"{app_url}/?lang=da&{PAGES[page_id]}")
    Watched(page, app_url).settle()
    expect(page.get_by_test_id("stDataFrame").first).to_be_visible(timeout=WAIT_MS)
    page.get_by_test_id("stDataFrame").last.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    (ARTIFACTS / "tables").mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "tables" / f"page-{page_id}-1280x800-da.png"))
    for grid in overflow(page):
        assert grid["columns"] <= grid["shown"] + 1, (page_id, grid)
