"""Explore's filters in Debian's headless Chromium: each applies at once, adding a type and removing it
behave alike, and none throws away what the user expanded (the expansions are state, applied again after
every filter: ``ui.explore_view``).

The app, browser and example minutes are those of ``tests/test_browser.py`` (its fixtures, shared).
"""

from __future__ import annotations

from collections.abc import Callable

import neo4j
import pytest
from playwright.sync_api import expect

from pmkg.graph import connection
from pmkg.ui.explore import ACTOR_TYPES
from pmkg.ui.i18n import translate
from tests.test_browser import WAIT_MS, Watched, loaded, ui  # noqa: F401 (the fixtures, shared by name)
from tests.test_browser_pickers import expect_chosen
from tests.test_graph_browser import CY, drawn_edges, graph_state, open_explore_at

pytestmark = pytest.mark.browser

Drawn = dict[str, str]  # node id -> type, as Cytoscape holds them


def drawn(ui: Watched) -> Drawn:  # noqa: F811
    return {n["id"]: n["type"] for n in graph_state(ui)}


def drawn_once(ui: Watched, done: Callable[[Drawn], bool]) -> Drawn:  # noqa: F811
    """The drawn nodes once ``done`` holds for them (the rerun a filter starts, then the component's
    update); fails after the tests' wait."""
    for _ in range(WAIT_MS // 250):
        ui.settle()
        nodes = drawn(ui)
        if done(nodes):
            return nodes
        ui.page.wait_for_timeout(250)
    raise AssertionError(f"the graph never came to the expected state: {sorted(drawn(ui))}")


def expand_a_meeting(ui: Watched) -> tuple[str, Drawn, Drawn]:  # noqa: F811
    """Explore from Søren Brunak with one of his meetings expanded by a double click: the meeting, the
    nodes drawn before and after."""
    before = {n["id"]: n["type"] for n in open_explore_at(ui, "person:soren-brunak")}
    meeting_id = sorted(i for i in before if i.startswith("meeting:"))[0]
    meeting = ui.settled_node(meeting_id)
    ui.page.mouse.dblclick(meeting["x"], meeting["y"])
    grown = f"() => {{ const h = {CY}; return h && h._cyreg.cy.nodes().length > {len(before)}; }}"
    ui.page.wait_for_function(grown, timeout=WAIT_MS)
    after = drawn_once(ui, lambda nodes: len(nodes) > len(before))
    opened = f"open={meeting_id}"  # kept as state, in the link too (written by the rerun the expand starts)
    ui.page.wait_for_url(lambda url: opened in url.replace("%3A", ":"), timeout=WAIT_MS)
    return meeting_id, before, after


def multiselect(ui: Watched, label: str):  # noqa: ANN201, F811 (a Playwright locator)
    return ui.page.get_by_test_id("stMultiSelect").filter(has_text=label)


def add_option(ui: Watched, label: str, option: str) -> None:  # noqa: F811
    multiselect(ui, label).locator("input").click()  # beside the chosen ones, which a click would pick
    ui.page.keyboard.type(option)
    ui.page.get_by_role("option", name=option, exact=True).first.click()
    ui.page.keyboard.press("Escape")


def test_adding_a_type_and_removing_it_apply_alike_at_once_and_keep_the_expansion(ui: Watched) -> None:  # noqa: F811
    _, before, after = expand_a_meeting(ui)
    expanded = set(after) - set(before)
    assert expanded
    add_option(ui, translate("explore.types", "en"), translate("type.Document", "en"))  # no button to press
    with_documents = drawn_once(ui, lambda nodes: "Document" in nodes.values())
    assert set(after) <= set(with_documents)  # the expanded nodes still drawn, the documents beside them
    ui.shot("graph-filter-type-added")
    multiselect(ui, translate("explore.types", "en")).locator("input").click()
    ui.page.keyboard.press("Backspace")  # the last chosen type, Document, removed
    ui.page.keyboard.press("Escape")
    without = drawn_once(ui, lambda nodes: "Document" not in nodes.values())
    assert without == after  # exactly the graph before the type was added: expansion included


_FIRST_THEME = """
MATCH (:Meeting {id: $id})-[r:RAISED WHERE r.rejected IS NULL]->(x)
RETURN x.id AS id, x.name AS name ORDER BY x.name LIMIT 1
"""
_BODY = """
MATCH (:Meeting {id: $id})-[r:HELD_BY WHERE r.rejected IS NULL]->(x)
RETURN x.id AS id, x.name AS name ORDER BY x.name LIMIT 1
"""


def test_a_theme_and_a_body_chosen_keep_the_expanded_nodes_that_pass_them(
    ui: Watched,  # noqa: F811
    loaded: neo4j.Driver,  # noqa: F811
) -> None:
    meeting_id, before, after = expand_a_meeting(ui)
    expanded = set(after) - set(before)
    theme, body = (connection.read(loaded, query, {"id": meeting_id})[0] for query in (_FIRST_THEME, _BODY))
    themes_before = {i for i, kind in after.items() if kind == "Theme"}
    assert theme["id"] in themes_before and len(themes_before) > 1
    add_option(ui, translate("explore.themes", "en"), theme["name"])
    shown = drawn_once(ui, lambda nodes: {i for i, k in nodes.items() if k == "Theme"} == {theme["id"]})
    assert meeting_id in shown  # it raised the theme
    assert {i for i in expanded if after[i] != "Theme"} <= set(shown)  # the expanded, bar the other themes
    add_option(ui, translate("explore.bodies", "en"), body["name"])  # the body that held the meeting
    assert drawn_once(ui, lambda nodes: body["id"] in nodes) == shown  # it passes both: nothing else goes
    assert f"themes={theme['id']}" in ui.page.url.replace("%3A", ":")
    ui.shot("graph-filter-theme-body")


def test_the_overview_says_how_many_of_the_graphs_nodes_it_draws(ui: Watched, loaded: neo4j.Driver) -> None:  # noqa: F811
    ui.open("explore", "en")
    drawn_edges(ui)  # once the graph is drawn
    nodes = drawn(ui)
    total = connection.read(
        loaded,
        "MATCH (n) WHERE any(l IN labels(n) WHERE l IN $types) RETURN count(n) AS n",
        {"types": ACTOR_TYPES},
    )[0]["n"]
    shown = sum(1 for kind in nodes.values() if kind in ACTOR_TYPES)
    assert 0 < shown < total  # the examples hold people and themes linked to no other of these types
    note = translate("explore.partial", "en", drawn=shown, total=total)
    expect(ui.page.get_by_text(note, exact=True)).to_be_visible(timeout=WAIT_MS)  # not dropped without a word
    ui.shot("graph-overview-note")


def test_start_from_names_what_the_search_sent_to_the_graph(ui: Watched) -> None:  # noqa: F811
    ui.open("search", "en")
    ui.page.get_by_label(translate("search.box", "en")).fill("Soren Brunak")
    ui.page.keyboard.press("Enter")
    ui.page.get_by_role("button", name=translate("search.show_in_graph", "en")).click()
    ui.settled_node("person:soren-brunak")
    expect_chosen(ui, translate("explore.start", "en"), "Søren Brunak (Person)")  # not "Overview"
