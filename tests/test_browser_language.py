"""Pickers no link names keep their choice through a language switch (ui.links.keep), in Debian's headless
Chromium against the app over the example minutes (tests/test_browser.py's fixtures): the columns chosen
for an answer, and the form chosen under "correct this"."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from pmkg.ui.i18n import translate
from tests import test_browser as chromium_app
from tests.chromium import ARTIFACTS
from tests.test_browser import WAIT_MS, Watched

pytestmark = pytest.mark.browser
loaded = chromium_app.loaded
ui = chromium_app.ui

AGREEMENTS = "page=questions&question=agreements&view=table"


def switch_language(ui: Watched, to: str, page_id: str) -> None:
    """Switch the sidebar's language; returns once the page is drawn in it."""
    ui.page.get_by_test_id("stSidebar").get_by_text({"da": "Dansk", "en": "English"}[to], exact=True).click()
    heading = ui.page.get_by_role("heading", name=translate(f"page.{page_id}", to), exact=True)
    expect(heading).to_be_visible(timeout=WAIT_MS)
    ui.settle()


def headings(ui: Watched) -> list[str]:
    """The column headings of the first table (the grid's accessible mirror of its canvas)."""
    table = ui.page.get_by_test_id("stDataFrame").first
    expect(table.locator("th").first).to_be_attached(timeout=WAIT_MS)  # drawn after the grid itself
    return [text.strip() for text in table.locator("th").all_text_contents()]


def test_the_columns_chosen_for_an_answer_stay_chosen_in_the_other_language(ui: Watched) -> None:
    ui.page.goto(f"{ui.base}/?lang=en&{AGREEMENTS}")
    ui.settle()
    assert "Quote" in headings(ui)
    ui.page.get_by_test_id("stPopoverButton").click()  # the app's choice (the grid has its own)
    chooser = ui.page.get_by_test_id("stMultiSelect")
    chooser.get_by_role("button", name="Remove Quote").click()  # the chip's delete button
    ui.settle()
    ui.page.keyboard.press("Escape")
    expect(ui.page.get_by_test_id("stDataFrame").first.locator("th", has_text="Quote")).to_have_count(0)
    switch_language(ui, "da", "questions")
    table = ui.page.get_by_test_id("stDataFrame").first
    expect(table.locator("th", has_text="Aftale")).to_be_attached(timeout=WAIT_MS)  # redrawn in Danish
    shown = headings(ui)
    assert "Citat" not in shown and {"Aftale", "Parter"} <= set(shown), shown  # Quote still left out
    ui.page.get_by_test_id("stPopoverButton").click()
    expect(chooser.get_by_text("Aftale", exact=True)).to_be_visible(timeout=WAIT_MS)  # the choice, in Danish
    expect(chooser.get_by_text("Citat", exact=True)).to_have_count(0)
    ui.shot("language-switch-columns")


def test_the_correction_form_chosen_stays_chosen_in_the_other_language(ui: Watched) -> None:
    ui.page.goto(f"{ui.base}/?lang=da&page=search&search=Soren%20Brunak&entity=person:soren-brunak")
    ui.settle()
    ui.page.get_by_text(translate("correct.title", "da"), exact=True).click()
    ui.page.get_by_text(translate("correct.type", "da"), exact=True).click()
    ui.settle()
    switch_language(ui, "en", "search")
    ui.page.get_by_text(translate("correct.title", "en"), exact=True).click()  # a new label: closed again
    chosen = ui.page.get_by_role("radio", name=translate("correct.type", "en"), exact=True)
    expect(chosen).to_be_checked(timeout=WAIT_MS)
    expect(ui.page.get_by_text(translate("correct.new_type", "en"))).to_be_visible(timeout=WAIT_MS)
    ui.shot("language-switch-correct")


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_themes_chart_is_drawn_with_its_legend_in_the_readers_language(ui: Watched, lang: str) -> None:
    """The chart's spec is checked in tests/test_plots.py; here it is drawn, for the eye (screenshot)."""
    ui.page.goto(f"{ui.base}/?lang={lang}&page=plots&tab=themes&per=quarter")
    ui.settle()
    chart = ui.page.get_by_test_id("stVegaLiteChart").nth(1)  # attendance, then themes
    expect(chart).to_be_attached(timeout=WAIT_MS)
    ui.page.get_by_role("tab", name=translate("plots.themes", lang), exact=True).click()
    ui.settle()
    expect(chart).to_be_visible(timeout=WAIT_MS)
    chart.scroll_into_view_if_needed()
    assert chart.bounding_box()["height"] >= 340  # the lines at their height, the legend beside them
    chart.screenshot(path=str(ARTIFACTS / f"themes-chart-{lang}.png"))
