"""The briefing, changes, matrix and plots pages and the as-of date, in Debian's headless Chromium against
the app on loopback (fixtures of tests/test_browser.py) with the example minutes and a sixth NGC board
meeting in the test Neo4j: the controls, each file downloaded and opened, and the date changing answers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import docx
import neo4j
import openpyxl
import pytest
from playwright.sync_api import expect

from pmkg.graph import connection, store
from pmkg.graph.briefing import build_briefing
from pmkg.ui.matrix import COUNT_WIDTH, THEME_WIDTH
from tests import chromium
from tests import test_browser as chromium_app
from tests.changes_data import sixth_meeting
from tests.test_briefing import docx_footnotes, pdf_text, squeeze
from tests.test_browser import Watched, hostile_record
from tests.test_questions import example_records

pytestmark = pytest.mark.browser
# A page of the app, as tests/test_browser.py makes it (over `loaded` below); the app and the browser
# are the session's (tests/chromium.py).
screen = chromium_app.ui


@pytest.fixture(scope="module")
def loaded(neo4j_settings: connection.Settings) -> Iterator[neo4j.Driver]:
    with connection.driver(neo4j_settings) as driver:
        connection.write(driver, "MATCH (n) DETACH DELETE n")
        for record in (*example_records(), sixth_meeting(), hostile_record()):
            store.load_record(driver, record)
        for as_of in (None, "2023-07-01"):  # plans the briefing's questions (see WAIT_MS)
            build_briefing(driver, "org:ngc", as_of)
        yield driver


# A briefing's first answer plans a dozen queries; on a machine busy with other work that alone can take
# minutes, so these pages get longer waits than the shared helpers' (a wait only matters when a test fails).
WAIT_MS = 300_000
ROW_PX = 35  # the height of a row in Streamlit's data grid


@pytest.fixture(autouse=True)
def patient(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(chromium_app, "WAIT_MS", WAIT_MS)
    expect.set_options(timeout=WAIT_MS)
    yield
    expect.set_options(timeout=chromium.WAIT_MS)  # the suite's wait again, for the other modules


def download(screen: Watched, name: str, folder: Path) -> Path:
    with screen.page.expect_download(timeout=WAIT_MS) as event:
        screen.page.get_by_role("button", name=name, exact=True).click()
    path = folder / event.value.suggested_filename
    event.value.save_as(path)
    return path


def open_at(screen: Watched, query: str, heading: str) -> None:
    screen.page.goto(f"{screen.base}/?{query}")
    expect(screen.page.get_by_role("heading", name=heading, exact=True)).to_be_visible(timeout=WAIT_MS)
    screen.settle()


def test_a_briefing_is_read_downloaded_and_follows_the_as_of_date(screen: Watched, tmp_path: Path) -> None:
    open_at(screen, "page=brief&lang=da&entity=org:ngc", "Briefing: Nationalt Genom Center")
    expect(screen.page.get_by_text("Tilknyttet person: Bettina Lundgren").first).to_be_visible()
    expect(screen.page.get_by_text("6. møde i det nationale advisory board").first).to_be_visible()
    screen.shot("brief")
    word = docx.Document(str(download(screen, "DOCX", tmp_path)))
    assert word.paragraphs[0].text == "Briefing: Nationalt Genom Center"
    assert any("Bettina Lundgren" in text for text in docx_footnotes(word).values())
    pdf = squeeze(pdf_text(download(screen, "PDF", tmp_path).read_bytes()))
    assert "Briefing:NationaltGenomCenter" in pdf and "BettinaLundgren" in pdf
    open_at(screen, "page=brief&lang=da&entity=org:ngc&as_of=2023-07-01", "Briefing: Nationalt Genom Center")
    expect(screen.page.get_by_text("Viser grafen som den så ud 2023-07-01")).to_be_visible()
    expect(screen.page.get_by_text("pr. 2023-07-01", exact=False).first).to_be_visible()
    expect(screen.page.get_by_text("6. møde i det nationale advisory board")).to_have_count(0)
    assert "as_of=2023-07-01" in screen.page.url
    screen.shot("brief-as-of")
    pdf = pdf_text(download(screen, "PDF", tmp_path).read_bytes())
    assert "6. møde" not in pdf and "pr. 2023-07-01" in pdf


def test_what_changed_between_the_last_two_meetings(screen: Watched, tmp_path: Path) -> None:
    screen.open("changes", "en")
    screen.choose("Body", "Nationale advisory board for forskning og infrastruktur")
    screen.expect_in_table("Mette Holm")
    screen.expect_in_table("Peter Løngreen")
    screen.shot("changes")
    table = download(screen, "CSV", tmp_path).read_text(encoding="utf-8")
    assert "People,new,Mette Holm,,present" in table and "Roles,new,Ida Vogel" in table
    word = docx.Document(str(download(screen, "DOCX", tmp_path)))
    cells = {c.text.rstrip("0123456789") for t in word.tables for r in t.rows for c in r.cells}
    assert {"new", "gone", "Mette Holm", "chair"} <= cells
    assert any("Mette Holm, professor, Region Hovedstaden" in n for n in docx_footnotes(word).values())


def test_the_theme_matrix_shows_a_cells_quotes_and_exports(screen: Watched, tmp_path: Path) -> None:
    screen.open("matrix", "en")
    screen.expect_in_table("Data and infrastructure")
    sheet = openpyxl.load_workbook(download(screen, "Excel", tmp_path)).active
    rows = {r[0]: r for r in sheet.iter_rows(values_only=True)}
    header = list(rows["Theme"])
    assert rows["Data and infrastructure"][header.index("agency")] > 0
    counts = [v for row in list(rows.values())[1:] for v in row[1:]]
    assert 0 in counts and len(header) - 1 >= 5  # every kind of organisation is a column, gaps and all
    assert download(screen, "PNG", tmp_path).read_bytes().startswith(b"\x89PNG")
    row = list(rows).index("Data and infrastructure") - 1  # the first row of the sheet is its header
    box = screen.page.get_by_test_id("stDataFrame").first.bounding_box()
    assert box is not None
    x = box["x"] + THEME_WIDTH + COUNT_WIDTH * (header.index("agency") - 1) + COUNT_WIDTH / 2
    y = box["y"] + ROW_PX * (row + 1) + ROW_PX / 2  # below the header row
    # one click on the cell: the points behind it (the grid on its canvas takes a click only once the
    # pointer has hovered the cell, as a person's would have)
    screen.page.mouse.move(x, y)
    screen.page.wait_for_timeout(500)
    screen.page.mouse.click(x, y, delay=100)
    screen.settle()
    expect(screen.page.get_by_text("Data and infrastructure × agency")).to_be_visible()
    screen.expect_in_table("Lene Cividanes")
    screen.shot("matrix-cell")


def test_plots_draw_and_the_as_of_date_cuts_them(screen: Watched, tmp_path: Path) -> None:
    screen.open("plots", "en")
    expect(screen.page.locator("canvas, svg.marks").first).to_be_attached(timeout=WAIT_MS)
    table = download(screen, "CSV", tmp_path).read_text(encoding="utf-8")
    assert "2024-09-24" in table and "2023-11-09" in table
    screen.shot("plots")
    screen.page.goto(f"{screen.base}/?page=plots&lang=en&as_of=2023-12-31")
    expect(screen.page.get_by_text("Showing the graph as it stood on 2023-12-31")).to_be_visible(
        timeout=WAIT_MS
    )
    screen.settle()
    table = download(screen, "CSV", tmp_path).read_text(encoding="utf-8")
    assert "2023-11-09" in table and "2024-09-24" not in table


def test_the_as_of_date_changes_a_questions_answer_and_its_word_export(
    screen: Watched, tmp_path: Path
) -> None:
    screen.page.goto(f"{screen.base}/?page=questions&lang=en&as_of=2023-07-01")
    expect(screen.page.get_by_text("Showing the graph as it stood on 2023-07-01")).to_be_visible(
        timeout=WAIT_MS
    )
    screen.settle()
    screen.choose("Choose a question", "What is an organisation involved in?")
    screen.choose("Organisation", "Nationalt Genom Center")
    screen.expect_in_table("Bettina Lundgren")
    then = download(screen, "CSV", tmp_path).read_text(encoding="utf-8")
    word = docx.Document(str(download(screen, "Word with sources", tmp_path)))
    assert word.tables and any("Bettina Lundgren" in n for n in docx_footnotes(word).values())
    screen.page.get_by_text("Show the graph as of a date").click()  # the switch off: the graph as it stands
    screen.settle()
    now = download(screen, "CSV", tmp_path).read_text(encoding="utf-8")
    assert "6. møde" in now and "6. møde" not in then
    assert "as_of" not in screen.page.url
