"""The app as policy staff use it, in Debian's headless Chromium against the app on loopback (fixtures of
tests/test_browser.py, over the example minutes): entity pickers forgive as the search box does; answers
show the graph's codes in the reader's words."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from pmkg.ui.i18n import translate
from tests import test_browser as chromium_app
from tests.test_browser import WAIT_MS, Watched

pytestmark = pytest.mark.browser
# The page and the data as tests/test_browser.py makes them; the app and the browser are the session's.
loaded = chromium_app.loaded
ui = chromium_app.ui


def find(ui: Watched, label: str, lang: str, typed: str) -> None:
    """Type into the find field of the picker whose label begins with ``label``, and confirm."""
    find_label = translate("pick.find", lang, label=label)
    ui.page.get_by_label(re.compile("^" + re.escape(find_label))).fill(typed)
    ui.page.keyboard.press("Enter")
    ui.settle()


def expect_chosen(ui: Watched, label: str, name: str) -> None:
    """The picker whose label begins with ``label`` shows ``name`` as its choice."""
    box = ui.page.get_by_role("combobox", name=re.compile("^" + re.escape(label)))
    expect(box).to_have_value(re.compile(re.escape(name)), timeout=WAIT_MS)


def test_a_question_picker_finds_a_person_typed_without_diacritics(ui: Watched) -> None:
    ui.open("questions", "en")
    ui.choose("Choose a question", "Who is near a person or organisation?")
    find(ui, "Person, organisation", "en", "Soren")
    expect_chosen(ui, "Person, organisation", "Søren Brunak")
    assert ui.settled_node("person:soren-brunak")["name"] == "Søren Brunak"  # the answer is about him
    ui.shot("picker-question")


def test_the_briefing_picker_finds_an_organisation_by_its_acronym(ui: Watched) -> None:
    ui.open("brief", "da")
    label = translate("brief.entity", "da")
    find(ui, label, "da", "ngc")
    expect_chosen(ui, label, "Nationalt Genom Center")
    expect(ui.page.get_by_role("heading", name="Nationalt Genom Center")).to_be_visible(timeout=WAIT_MS)


def test_explore_starts_from_a_person_typed_without_diacritics(ui: Watched) -> None:
    ui.open("explore", "en")
    label = translate("explore.start", "en")
    find(ui, label, "en", "soren brunak")
    expect_chosen(ui, label, "Søren Brunak")
    ui.settle()  # a start chosen is drawn at once
    assert ui.settled_node("person:soren-brunak")["name"] == "Søren Brunak"


@pytest.mark.parametrize(
    ("lang", "words", "codes"),
    [
        ("da", ["styrelse", "Danmark (DK)", "kendetegn"], ["agency", "identity"]),
        ("en", ["Denmark (DK)"], ["identity"]),
    ],
)
def test_an_answer_shows_words_not_codes(ui: Watched, lang: str, words: list[str], codes: list[str]) -> None:
    ui.open("questions", lang)
    title = (
        "Hvad er en organisation involveret i?" if lang == "da" else "What is an organisation involved in?"
    )
    ui.choose(translate("q.choose", lang), title)
    find(ui, "Organisation", lang, "ngc")
    for word in words:
        ui.expect_in_table(word)
    table = ui.page.locator('[data-testid="stDataFrame"] table').first
    for code in codes:  # no cell holds a code as the graph stores it
        expect(table.get_by_role("gridcell", name=code, exact=True)).to_have_count(0)
        expect(table.locator("td", has_text=re.compile(f"^{re.escape(code)}$"))).to_have_count(0)
