"""End to end in Debian's headless Chromium (driven by Playwright) against the app served on loopback
with the test Neo4j holding the example minutes. Screenshots go to ``test-artifacts/``.

Never ``playwright install``: the browser is ``/usr/bin/chromium`` (``make browser`` installs it).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import neo4j
import pytest
from playwright.sync_api import Browser, Page, expect

from pmkg.graph import connection, store
from pmkg.ingest.pipeline import extract_file
from pmkg.model.record import Attendance, DocumentInfo, Meeting, Person, Provenance, Record
from pmkg.ui.graph_view import edge_style_for
from pmkg.ui.i18n import translate
from tests.chromium import ARTIFACTS, ROOT, WAIT_MS

pytestmark = pytest.mark.browser

HOSTILE = "<img src=x onerror=alert(1)>"


def hostile_record() -> Record:
    """Minutes whose attendee is named with an HTML payload (the extractor refuses such a name, so the
    record is built by hand to make sure a Person node carries it)."""
    line = f"{HOSTILE}, Region Hovedstaden"
    text = f"Referat af arbejdsgruppemøde\n\nDato: 2. februar 2024\n\nDeltagere\n{line}\n"
    start = text.index(HOSTILE)
    prov = [Provenance(quote=HOSTILE, start=start, end=start + len(HOSTILE))]
    sha = hashlib.sha256(text.encode()).hexdigest()
    person = Person(id="person:img-src-x-onerror-alert-1", name=HOSTILE, provenance=prov)
    meeting = Meeting(
        id="meeting:arbejdsgruppe-2024",
        title="Referat af arbejdsgruppemøde",
        body=None,
        body_name=None,
        number=None,
        date="2024-02-02",
        attendance=[Attendance(person=person.id, status="present", provenance=prov)],
        provenance=[Provenance(quote="Referat af arbejdsgruppemøde", start=0, end=28)],
    )
    document = DocumentInfo(
        id=f"doc:{sha[:16]}",
        source="arbejdsgruppe.txt",
        sha256=sha,
        language="da",
        title="Referat af arbejdsgruppemøde",
        format="txt",
        text=text,
    )
    return Record(document=document, meetings=[meeting], people=[person])


@pytest.fixture(scope="module")
def loaded(neo4j_settings: connection.Settings) -> Iterator[neo4j.Driver]:
    """The example minutes (real pipeline) and the hostile record, loaded once for this module."""
    with connection.driver(neo4j_settings) as driver:
        connection.write(driver, "MATCH (n) DETACH DELETE n")
        for path in sorted((ROOT / "examples").glob("*.txt")):
            store.load_record(driver, extract_file(path))
        store.load_record(driver, hostile_record())
        yield driver


@dataclass
class Watched:
    """A page plus what it did that a test must see: dialogs (an injected script would open one)."""

    page: Page
    base: str
    dialogs: list[str] = field(default_factory=list)

    def open(self, page_id: str, lang: str = "da") -> None:
        self.page.goto(f"{self.base}/?page={page_id}&lang={lang}")
        title = self.page.get_by_role("heading", name=translate(f"page.{page_id}", lang), exact=True)
        expect(title).to_be_visible(timeout=WAIT_MS)
        self.settle()

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)

    def expect_in_table(self, text: str) -> None:
        """Wait until a table on the page holds ``text`` (Streamlit draws tables on a canvas; the
        accessible table mirroring it holds the same cell text)."""
        tables = self.page.locator('[data-testid="stDataFrame"] table', has_text=text)
        expect(tables.first).to_be_attached(timeout=WAIT_MS)

    def settle(self) -> None:
        """Wait until the app has finished its rerun: no running indicator, no stale element left."""
        self.page.wait_for_timeout(300)  # let the rerun a widget change triggers begin
        self.page.wait_for_function(
            """() => !document.querySelector('[data-testid^="stStatusWidgetRunning"]')
                  && !document.querySelector('[data-stale="true"]')""",
            timeout=WAIT_MS,
        )

    def choose(self, label: str, option: str) -> None:
        """Pick an option in a Streamlit select box by typing part of its text."""
        box = self.page.get_by_test_id("stSelectbox").filter(has_text=label)
        box.click()
        self.page.keyboard.type(option)
        self.page.get_by_role("option", name=option).first.click()
        self.settle()

    def graph_nodes(self) -> list[dict]:
        """The nodes the graph component draws, with their position on the page (from Cytoscape)."""
        return self.page.evaluate(
            """() => {
                const host = Array.from(document.querySelectorAll('div')).find(d => d._cyreg && d._cyreg.cy);
                if (!host) return [];
                const box = host.getBoundingClientRect();
                return host._cyreg.cy.nodes().map(n => ({
                    id: n.id(), name: n.data('name'),
                    x: box.left + n.renderedPosition('x'), y: box.top + n.renderedPosition('y'),
                }));
            }"""
        )

    def settled_node(self, node_id: str) -> dict:
        """A node's position once the layout has stopped moving it."""
        self.page.wait_for_function(
            "() => Array.from(document.querySelectorAll('div')).some(d => d._cyreg && d._cyreg.cy "
            "&& d._cyreg.cy.nodes().length > 0)",
            timeout=WAIT_MS,
        )
        self.page.evaluate(
            "() => Array.from(document.querySelectorAll('div')).find(d => d._cyreg && d._cyreg.cy)"
            ".scrollIntoView({block: 'center'})"
        )
        previous = None
        for _ in range(40):
            current = next((n for n in self.graph_nodes() if n["id"] == node_id), None)
            if (
                current
                and previous
                and abs(current["x"] - previous["x"]) + abs(current["y"] - previous["y"]) < 1
            ):
                return current
            previous = current
            self.page.wait_for_timeout(250)
        raise AssertionError(f"{node_id} is not drawn or keeps moving")


@pytest.fixture
def ui(
    browser: Browser, app_url: str, loaded: neo4j.Driver, request: pytest.FixtureRequest
) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1400, "height": 1100}, accept_downloads=True)
    page = context.new_page()
    watched = Watched(page, app_url)
    page.on("dialog", lambda dialog: (watched.dialogs.append(dialog.message), dialog.dismiss()))
    yield watched
    watched.shot(f"{request.node.name}-end")
    context.close()


def test_search_finds_a_person_written_without_diacritics(ui: Watched) -> None:
    ui.open("search")
    ui.page.get_by_label(translate("search.box", "da")).fill("Soren Brunak")
    ui.page.keyboard.press("Enter")
    expect(ui.page.get_by_role("heading", name="Søren Brunak", exact=True)).to_be_visible(timeout=WAIT_MS)
    ui.expect_in_table("Søren Brunak")
    ui.shot("search")


def test_a_question_renders_a_graph_with_nodes_and_a_table(ui: Watched, tmp_path: Path) -> None:
    ui.open("questions", "en")
    ui.choose("Choose a question", "Who is near a person or organisation?")
    ui.choose("Person, organisation", "Søren Brunak")
    brunak = ui.settled_node("person:soren-brunak")
    assert brunak["name"] == "Søren Brunak"
    drawn = ui.graph_nodes()
    assert len(drawn) > 5
    ui.shot("question-graph")
    pictures = {}
    for button in ("SVG", "PNG"):  # the graph as a picture, its legend and the kinds of its links
        with ui.page.expect_download(timeout=WAIT_MS) as download:
            ui.page.get_by_role("button", name=button, exact=True).last.click()
        pictures[button] = tmp_path / download.value.suggested_filename
        download.value.save_as(pictures[button])
    svg = pictures["SVG"].read_text(encoding="utf-8")
    assert pictures["SVG"].name == "graph.svg" and "<svg" in svg
    assert "Søren Brunak" in svg and "Person" in svg  # a node's caption and the legend, as text
    attended = translate("rel.ATTENDED.out", "en")  # the link kinds in the legend, each in its colour
    assert attended in svg and f"stroke: {edge_style_for('ATTENDED').colour.lower()}" in svg
    assert pictures["PNG"].read_bytes().startswith(b"\x89PNG")
    ui.page.get_by_test_id("stButtonGroup").get_by_text("Table", exact=True).click()
    expect(ui.page.get_by_test_id("stDataFrame")).to_be_visible(timeout=WAIT_MS)
    ui.expect_in_table("Søren Brunak")
    ui.shot("question-table")


def test_a_click_on_a_node_shows_its_source_quotes(ui: Watched) -> None:
    ui.open("search")
    ui.page.get_by_label(translate("search.box", "da")).fill("Soren Brunak")
    ui.page.keyboard.press("Enter")
    ui.page.get_by_role("button", name=translate("search.show_in_graph", "da")).click()
    explore_title = ui.page.get_by_role("heading", name=translate("page.explore", "da"), exact=True)
    expect(explore_title).to_be_visible(timeout=WAIT_MS)
    organisation = ui.settled_node("org:ku")
    before = len(ui.graph_nodes())
    ui.page.mouse.click(organisation["x"], organisation["y"])
    expect(ui.page.get_by_role("heading", name="Københavns Universitet", exact=True)).to_be_visible(
        timeout=WAIT_MS
    )
    expect(ui.page.get_by_text("Kilder (")).to_be_visible()
    ui.expect_in_table("Søren Brunak")  # the quote naming him, with its document
    ui.shot("explore-details")
    meeting_id = next(n["id"] for n in ui.graph_nodes() if n["id"].startswith("meeting:"))
    meeting = ui.settled_node(meeting_id)
    ui.page.mouse.dblclick(meeting["x"], meeting["y"])
    ui.page.wait_for_function(
        f"() => Array.from(document.querySelectorAll('div')).some(d => d._cyreg && d._cyreg.cy "
        f"&& d._cyreg.cy.nodes().length > {before})",
        timeout=WAIT_MS,
    )
    ui.shot("explore-expanded")


def test_a_download_produces_a_file(ui: Watched, tmp_path: Path) -> None:
    ui.open("questions", "en")
    ui.choose("Choose a question", "Who attended which meetings?")
    expect(ui.page.get_by_text("Attendees and apologies per meeting")).to_be_visible(timeout=WAIT_MS)
    ui.settle()  # the buttons below the new answer, not those of the question shown before
    files = {}
    for button in ("CSV", "RDF"):
        with ui.page.expect_download(timeout=WAIT_MS) as download:
            ui.page.get_by_role("button", name=button, exact=True).click()
        files[button] = tmp_path / download.value.suggested_filename
        download.value.save_as(files[button])
    assert (files["CSV"].name, files["RDF"].name) == ("attendance.csv", "attendance.ttl")
    table = files["CSV"].read_text(encoding="utf-8")
    assert table.splitlines()[0].startswith("date,meeting,body,person,status")
    assert "Søren Brunak" in table
    assert '"Søren Brunak"' in files["RDF"].read_text(encoding="utf-8")


def test_an_upload_is_checked_then_stored_and_listed(
    ui: Watched, loaded: neo4j.Driver, tmp_path: Path
) -> None:
    minutes = tmp_path / "styregruppe-2024.txt"
    minutes.write_text(
        f"Referat {HOSTILE} styregruppemøde\n\nDato: 3. marts 2024\nSted: Online\n\nDeltagere\n"
        "Søren Brunak, professor, Københavns Universitet (formand)\n"
        f"{HOSTILE}, Region Hovedstaden\n"
        "Mette Jensen, direktør, Region Hovedstaden\n\n"
        "Referat\n1. Velkommen\nSøren Brunak bød velkommen.\n",
        encoding="utf-8",
    )
    ui.open("documents")
    ui.page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(minutes))
    store_button = ui.page.get_by_role("button", name=translate("doc.store_n", "da", n=1))
    expect(store_button).to_be_visible(timeout=WAIT_MS)
    ui.page.get_by_role("tab").filter(has_text="Personer").click()
    ui.expect_in_table("Mette Jensen")
    assert not store.find_documents(loaded, "styregruppe-2024.txt")  # nothing stored before confirming
    ui.shot("upload-preview")
    store_button.click()
    expect(ui.page.get_by_text(translate("doc.stored_ok", "da"))).to_be_visible(timeout=WAIT_MS)
    assert store.find_documents(loaded, "styregruppe-2024.txt")
    ui.expect_in_table("styregruppe-2024.txt")
    assert ui.dialogs == []
    assert ui.page.locator('img[src="x"]').count() == 0
    ui.shot("upload-stored")


def test_a_name_holding_html_is_shown_as_text_and_runs_nothing(ui: Watched) -> None:
    ui.open("search", "en")
    ui.page.get_by_label(translate("search.box", "en")).fill("onerror")
    ui.page.keyboard.press("Enter")
    expect(ui.page.get_by_role("heading", name=HOSTILE, exact=True)).to_be_visible(timeout=WAIT_MS)
    ui.expect_in_table(HOSTILE)
    ui.shot("hostile-search")
    ui.page.get_by_role("button", name=translate("search.show_in_graph", "en")).click()
    node = ui.settled_node("person:img-src-x-onerror-alert-1")
    assert node["name"] == HOSTILE  # the label is data, drawn on the canvas
    ui.page.mouse.click(node["x"], node["y"])
    expect(ui.page.get_by_role("heading", name=HOSTILE, exact=True)).to_be_visible(timeout=WAIT_MS)
    ui.page.wait_for_timeout(1000)
    ui.shot("hostile-explore")
    assert ui.dialogs == []
    assert ui.page.locator('img[src="x"]').count() == 0
    assert "&lt;img src=x onerror=alert(1)&gt;" in ui.page.content()  # present, escaped as text
