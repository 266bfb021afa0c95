"""A link for every view (ui/links.py), in Debian's headless Chromium against the app on loopback with the
example minutes (fixtures of tests/test_browser.py): a view is set up by hand, its link (the address bar
and the link shown to copy) is opened in a new browser context with nothing of the first session, and the
same answer is shown; a link naming an entity that no longer exists says so in one line."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, quote, urlsplit

import neo4j
import pytest
from playwright.sync_api import Browser, Page, Route, expect

from pmkg.graph import connection, store
from pmkg.graph.identity import candidate_merges
from pmkg.ui.i18n import translate
from tests import test_browser as chromium_app
from tests.chromium import rerun
from tests.graph_samples import board_minutes
from tests.test_browser import WAIT_MS, Watched

pytestmark = pytest.mark.browser
loaded = (
    chromium_app.loaded
)  # the example minutes and the hostile record, as tests/test_browser.py loads them
ui = chromium_app.ui
ROW_PX = 35  # the height of a row in Streamlit's data grid
THEME_PX, COUNT_PX = 260, 90  # the theme matrix's fixed column widths (ui/matrix.py)
MARKER_PX = 20  # the middle of the row-marker column that selects a row
LEADING = 4  # cells compared per row: date, meeting, body and person in the attendance answer
MEETING = "5. møde i det nationale advisory board for forskning og infrastruktur"
BODY = "Nationale advisory board for forskning og infrastruktur"
CYPHER = "MATCH (p:Person)-[a:ATTENDED]->(m:Meeting)\nRETURN p, a, m\nLIMIT 7"  # the Expert console's text


def query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query, keep_blank_values=True)


def shown_link(page: Page) -> str:
    """The link the page offers to copy (the first one: the answer's or the search's)."""
    code = page.get_by_test_id("stCode").first
    expect(code).to_be_visible(timeout=WAIT_MS)
    return code.inner_text().strip()


def table_rows(page: Page) -> list[list[str]]:
    """The cells of the page's first table, row by row (the accessible table mirroring the grid's canvas)."""
    rows = page.locator('[data-testid="stDataFrame"]').first.locator("table tbody tr")
    expect(rows.first).to_be_attached(timeout=WAIT_MS)
    return [[cell.strip() for cell in row.locator("td").all_inner_texts()] for row in rows.all()]


def leading(rows: list[list[str]]) -> list[list[str]]:
    """The first cells of each row: the grid mirrors only the columns it has drawn so far."""
    return [row[:LEADING] for row in rows]


def expect_rows(page: Page, rows: list[list[str]]) -> None:
    """Wait until the page's first table shows ``rows`` (it is drawn after the caption above it)."""
    for _ in range(WAIT_MS // 250):
        if leading(table_rows(page)) == leading(rows):
            return
        page.wait_for_timeout(250)
    assert leading(table_rows(page)) == leading(rows)


def fresh(browser: Browser, url: str) -> Watched:
    """``url`` in a new browser context: no cookies, no session, nothing of the first browser's."""
    context = browser.new_context(viewport={"width": 1400, "height": 1100})
    watched = Watched(context.new_page(), url)
    watched.page.goto(url)
    watched.settle()
    return watched


def the_link(ui: Watched) -> str:
    """The view's link, once the address bar and the link offered to copy agree on it."""
    ui.settle()
    link = shown_link(ui.page)
    assert query(link) == query(ui.page.url)
    assert urlsplit(link).netloc == urlsplit(ui.base).netloc  # the app's own address
    return link


def test_a_question_with_its_parameters_opens_the_same_answer(ui: Watched, browser: Browser) -> None:
    ui.open("questions", "en")
    ui.choose("Choose a question", "Who attended which meetings?")
    ui.choose("Person", "Søren Brunak")
    ui.page.get_by_label("At most rows").fill("3")
    ui.page.keyboard.press("Enter")
    one_row = translate("q.rows.one", "en", n=1)
    expect(ui.page.get_by_text(one_row)).to_be_visible(timeout=WAIT_MS)  # his one meeting
    rows = [["2023-06-14", MEETING, BODY, "Søren Brunak"]]
    expect_rows(ui.page, rows)  # the grid is redrawn after the caption above it
    link = the_link(ui)
    params = query(link)
    assert params["question"] == ["attendance"] and params["person"] == ["person:soren-brunak"]
    assert params["limit"] == ["3"] and params["lang"] == ["en"]
    other = fresh(browser, link)
    try:
        expect(other.page.get_by_text(one_row)).to_be_visible(timeout=WAIT_MS)
        expect_rows(other.page, rows)
        assert query(shown_link(other.page)) == params
        other.shot("link-question-opened")
    finally:
        other.page.context.close()


def test_a_search_with_its_chosen_entity_opens_the_same_details(ui: Watched, browser: Browser) -> None:
    ui.open("search", "en")
    ui.page.get_by_label(translate("search.box", "en")).fill("Region")
    ui.page.keyboard.press("Enter")
    names = [row[0] for row in table_rows(ui.page)]
    assert len(names) > 1
    box = ui.page.get_by_test_id("stDataFrame").first.bounding_box()
    assert box is not None
    x, y = box["x"] + MARKER_PX, box["y"] + ROW_PX * 2 + ROW_PX / 2  # the second hit, below the header
    ui.page.mouse.move(x, y)
    ui.page.wait_for_timeout(500)
    ui.page.mouse.click(x, y, delay=100)
    expect(ui.page.get_by_role("heading", name=names[1], exact=True)).to_be_visible(timeout=WAIT_MS)
    link = the_link(ui)
    assert query(link)["search"] == ["Region"] and query(link)["entity"][0]
    other = fresh(browser, link)
    try:
        expect(other.page.get_by_role("heading", name=names[1], exact=True)).to_be_visible(timeout=WAIT_MS)
        expect(other.page.get_by_label(translate("search.box", "en"))).to_have_value("Region")
        assert query(shown_link(other.page)) == query(link)
    finally:
        other.page.context.close()


def drawn(ui: Watched) -> set[str]:
    """The ids of the nodes the graph draws, once it has drawn some."""
    ui.page.wait_for_function(
        "() => Array.from(document.querySelectorAll('div')).some(d => d._cyreg && d._cyreg.cy "
        "&& d._cyreg.cy.nodes().length > 0)",
        timeout=WAIT_MS,
    )
    return {node["id"] for node in ui.graph_nodes()}


def test_explore_with_its_start_and_filters_opens_the_same_graph(ui: Watched, browser: Browser) -> None:
    ui.open("explore", "en")
    ui.choose("Start from", "Søren Brunak")
    ui.settled_node("person:soren-brunak")
    nodes = drawn(ui)
    assert "org:ku" in nodes and any(n.startswith("meeting:") for n in nodes)
    link = the_link(ui)
    assert query(link)["start"] == ["person:soren-brunak"]
    other = fresh(browser, link)
    try:
        other.settled_node("person:soren-brunak")
        assert drawn(other) == nodes
        other.page.goto(f"{link}&types=Person,Organization")  # a filter in the link
        other.settle()
        other.settled_node("person:soren-brunak")
        narrowed = drawn(other)
        assert "org:ku" in narrowed and not any(n.startswith("meeting:") for n in narrowed)
        assert query(shown_link(other.page))["types"] == ["Person,Organization"]
        meeting = sorted(n for n in nodes if n.startswith("meeting:"))[0]
        other.page.goto(f"{link}&open={meeting}")  # a node expanded, as by a double click
        other.settle()
        other.page.wait_for_function(
            "() => Array.from(document.querySelectorAll('div')).some(d => d._cyreg && d._cyreg.cy "
            f"&& d._cyreg.cy.nodes().length > {len(nodes)})",
            timeout=WAIT_MS,
        )
        assert drawn(other) > nodes  # the meeting's attendees added to the start's neighbours
        assert query(shown_link(other.page))["open"] == [meeting]
        other.shot("link-explore-opened")
    finally:
        other.page.context.close()


@pytest.mark.parametrize(
    "view",
    [
        "lang=en&page=stakeholders&show=communities&top=5",
        "lang=en&page=changes&mode=dates&from=2023-01-01&to=2024-06-30",
        "lang=da&page=matrix&level=theme&by=organisation",
        "lang=en&page=plots&tab=themes&per=year",
        "lang=en&page=matrix&level=theme&by=organisation&cell=theme:cancer,org:gms",
        "lang=en&page=export&format=nt&personal=pseudonymized",
        f"lang=en&page=expert&cypher={quote(CYPHER)}&rows=10&seconds=5&view=graph",
        "lang=en&page=questions&question=ego_network&entity=person:soren-brunak&radius=1&limit=50&view=table",
    ],
)
def test_a_pages_link_opens_with_its_pickers_set_and_gives_the_same_link(ui: Watched, view: str) -> None:
    """Each value the link sets is taken by its picker (a refused one would fall back to the default and
    so change the link the page offers)."""
    ui.page.goto(f"{ui.base}/?{view}")
    ui.settle()
    expect(ui.page.get_by_test_id("stCode").first).to_be_visible(timeout=WAIT_MS)
    ui.settle()
    assert query(shown_link(ui.page)) == query(f"?{view}")
    assert query(ui.page.url) == query(f"?{view}")
    assert ui.page.get_by_test_id("stException").count() == 0


@pytest.mark.parametrize(
    "view",
    [
        "page=search&lang=en&search=Brunak&entity=person:nobody-here",
        "page=questions&lang=en&question=ego_network&entity=person:nobody-here",
        "page=brief&lang=en&entity=person:nobody-here",
        "page=explore&lang=en&start=person:nobody-here",
    ],
)
def test_a_link_to_an_entity_that_is_gone_says_so(ui: Watched, view: str) -> None:
    ui.page.goto(f"{ui.base}/?{view}")
    message = translate("links.gone", "en", value="person:nobody-here")
    expect(ui.page.get_by_text(message, exact=True)).to_be_visible(timeout=WAIT_MS)
    ui.settle()
    assert ui.page.get_by_test_id("stException").count() == 0
    ui.shot(f"link-gone-{query('?' + view)['page'][0]}")


def test_a_pages_link_shows_what_it_names(ui: Watched) -> None:
    """Beyond giving the same link back: the tab, the cell's quotes, the export options and the console's
    query that a link names are what the page shows."""
    ui.page.goto(f"{ui.base}/?lang=en&page=plots&tab=themes&per=year")
    tab = ui.page.get_by_role("tab", name=translate("plots.themes", "en"), exact=True)
    expect(tab).to_have_attribute("aria-selected", "true", timeout=WAIT_MS)
    ui.page.goto(f"{ui.base}/?lang=en&page=matrix&level=theme&by=organisation&cell=theme:cancer,org:gms")
    expect(ui.page.get_by_text("Cancer × Genomic Medicine Sweden", exact=True)).to_be_visible(timeout=WAIT_MS)
    expect(ui.page.get_by_test_id("stDataFrame")).to_have_count(2)  # the matrix and the cell's quotes
    ui.page.goto(f"{ui.base}/?lang=en&page=export&format=nt&personal=pseudonymized")
    personal = ui.page.get_by_role("radio", name=translate("export.personal.pseudonymized", "en"))
    expect(personal).to_be_checked(timeout=WAIT_MS)
    fmt = ui.page.get_by_role("combobox", name=translate("export.format", "en"))
    expect(fmt).to_have_value(translate("export.format.nt", "en"))
    ui.page.goto(f"{ui.base}/?lang=en&page=expert&cypher={quote(CYPHER)}&rows=10&seconds=5")
    expect(ui.page.get_by_label(translate("expert.query", "en"))).to_have_value(CYPHER, timeout=WAIT_MS)
    expect(ui.page.get_by_label(translate("expert.rows", "en"))).to_have_value("10")


def test_a_clicked_cell_and_tab_open_again_from_their_links(ui: Watched, browser: Browser) -> None:
    ui.open("matrix", "en")
    ui.page.get_by_test_id("stButtonGroup").first.get_by_text(
        translate("matrix.level.theme", "en"), exact=True
    ).click()
    ui.page.get_by_test_id("stButtonGroup").last.get_by_text(
        translate("matrix.by.organisation", "en"), exact=True
    ).click()
    # the matrix of all themes by organisation is drawn once the link offered names it
    expect(ui.page.get_by_test_id("stCode").first).to_contain_text("level=theme&by=organisation")
    ui.settle()
    rows = table_rows(ui.page)
    row, column = next(
        (r, c) for r, cells in enumerate(rows) for c in range(1, 4) if cells[c] not in ("", "0")
    )
    box = ui.page.get_by_test_id("stDataFrame").first.bounding_box()
    assert box is not None
    x, y = box["x"] + THEME_PX + COUNT_PX * (column - 0.5), box["y"] + ROW_PX * (row + 1.5)
    ui.page.mouse.move(x, y)  # as a reader does: the grid takes a click on a cell it has hovered
    ui.page.wait_for_timeout(500)
    ui.page.mouse.click(x, y, delay=100)
    title = ui.page.locator("strong", has_text=" × ")
    expect(title).to_be_visible(timeout=WAIT_MS)
    assert title.inner_text().startswith(rows[row][0])
    link = the_link(ui)
    assert query(link)["cell"][0].count(",") == 1
    other = fresh(browser, link)
    try:
        expect(other.page.locator("strong", has_text=" × ")).to_have_text(title.inner_text())
        other.shot("link-matrix-cell-opened")
    finally:
        other.page.context.close()
    ui.open("plots", "en")
    ui.page.get_by_role("tab", name=translate("plots.growth", "en"), exact=True).click()
    ui.settle()
    expect(ui.page).to_have_url(re.compile(r"[?&]tab=growth(&|$)"))
    other = fresh(browser, ui.page.url)
    try:
        tab = other.page.get_by_role("tab", name=translate("plots.growth", "en"), exact=True)
        expect(tab).to_have_attribute("aria-selected", "true", timeout=WAIT_MS)
    finally:
        other.page.context.close()


def test_a_link_names_a_stored_document_by_its_id(ui: Watched, loaded: neo4j.Driver) -> None:
    [doc] = connection.read(
        loaded,
        "MATCH (d:Document) WHERE d.source ENDS WITH $name RETURN d.id AS id, d.title AS title",
        {"name": "ngc-advisory-board-5.txt"},
    )
    ui.page.goto(f"{ui.base}/?lang=en&page=documents&document={doc['id']}")
    picker = ui.page.get_by_role("combobox", name=translate("doc.pick", "en"))
    expect(picker).to_have_value(f"{doc['title']} (ngc-advisory-board-5.txt)", timeout=WAIT_MS)
    expect(ui.page.get_by_label(translate("doc.confirm_remove", "en"))).not_to_be_checked()  # never linked
    assert query(shown_link(ui.page))["document"] == [doc["id"]]


def test_a_link_names_the_review_pair_on_screen(ui: Watched, loaded: neo4j.Driver) -> None:
    """Three near-duplicate chairs give three candidate pairs; the link opens the last one, not the best."""
    records = [
        board_minutes(f"{chair}.txt", chair=chair) for chair in ("Jan Moore", "Jane Moore", "Johan Moore")
    ]
    for record in records:
        store.load_record(loaded, record)
    try:
        queue = candidate_merges(loaded)
        assert len(queue) >= 2
        last = queue[-1]
        ui.page.goto(f"{ui.base}/?lang=en&page=review&pair={last.a_id},{last.b_id}")
        heading = f"{last.a_name} · {last.b_name}"
        expect(ui.page.get_by_role("heading", name=heading, exact=True)).to_be_visible(timeout=WAIT_MS)
        assert query(shown_link(ui.page))["pair"] == [f"{last.a_id},{last.b_id}"]
        ui.page.goto(f"{ui.base}/?lang=en&page=review&pair=person:nobody,person:nor-here")
        best = f"{queue[0].a_name} · {queue[0].b_name}"
        expect(ui.page.get_by_role("heading", name=best, exact=True)).to_be_visible(timeout=WAIT_MS)
        gone = translate("links.gone", "en", value="person:nobody,person:nor-here")
        expect(ui.page.get_by_text(gone, exact=True)).to_be_visible()
    finally:
        for record in records:
            store.remove_document(loaded, record.document.id)


def test_a_links_view_survives_widgets_whose_code_arrives_late(ui: Watched, browser: Browser) -> None:
    """Streamlit's browser side fetches each kind of widget's code the first time a page needs it; on a busy
    machine the reader can click before it has arrived, and the widget is first drawn from a later run than
    the one that set it from the link. The text box, the language and page pickers (radios) and the as-of
    switch are held back here until after such a click: the search, the language, the page and the date
    must stay as the link said (the search once came back empty and the link lost it; the page once came
    back in Danish)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1100}, locale="en-GB")
    held: list[Route] = []  # the requests for the widgets' code, answered only when the test says so
    context.route(re.compile(r"/(TextInput|Radio|Checkbox)\.[^/]*\.js$"), lambda route: held.append(route))
    correct = translate("correct.title", "en")
    try:
        page = context.new_page()
        page.goto(f"{ui.base}/?page=search&search=Region&lang=en&as_of=2023-07-01")
        expect(page.get_by_text(correct, exact=True)).to_be_visible(timeout=WAIT_MS)
        assert {urlsplit(route.request.url).path.rsplit("/", 1)[1].split(".")[0] for route in held} == {
            "TextInput",
            "Radio",
            "Checkbox",  # the switch
        }
        with rerun(page):  # a run the text box and the radios have not been drawn in yet
            page.get_by_text(correct, exact=True).click()
        for route in held:
            route.continue_()
        box = page.get_by_label(translate("search.box", "en"))
        expect(box).to_have_value("Region", timeout=WAIT_MS)
        with rerun(page):
            page.get_by_text(correct, exact=True).click()
        expect(box).to_have_value("Region")
        assert {k: v for k, v in query(page.url).items() if k != "entity"} == {
            "page": ["search"],
            "search": ["Region"],
            "lang": ["en"],
            "as_of": ["2023-07-01"],
        }
        expect(page.get_by_role("switch", name=translate("asof.toggle", "en"))).to_be_checked()
        year = page.get_by_role("spinbutton", name=f"year, {translate('asof.date', 'en')}")
        expect(year).to_have_attribute("aria-valuenow", "2023")
    finally:
        context.close()
