"""The graph as drawn in Debian's headless Chromium: what its edges say and which tools its toolbar offers.

The app, browser and example minutes are those of ``tests/test_browser.py`` (its fixtures, shared).
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from pmkg.model.graph import REL_TYPES
from pmkg.ui.graph_toolbar import TOOL_IDS
from pmkg.ui.i18n import translate
from tests.test_browser import WAIT_MS, Watched, loaded, ui  # noqa: F401 (the fixtures, shared by name)

pytestmark = pytest.mark.browser

CY = "Array.from(document.querySelectorAll('div')).find(d => d._cyreg && d._cyreg.cy)"


def drawn_edges(page: Watched) -> list[dict[str, Any]]:
    """Each edge the component draws: its kind (``data.label``) and the caption Cytoscape resolves for it
    from the stylesheet (what is painted on the canvas), once the graph holds edges."""
    page.page.wait_for_function(f"() => {{ const h = {CY}; return h && h._cyreg.cy.edges().length > 0; }}")
    return page.page.evaluate(
        f"""() => {CY}._cyreg.cy.edges().map(e => ({{
            kind: e.data('label'), caption: e.style('label'),
            look: e.style('line-color') + ' ' + e.style('line-style'),
            size: parseFloat(e.style('font-size')),
        }}))"""
    )


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_edge_is_captioned_with_its_kind_in_the_readers_language(ui: Watched, lang: str) -> None:  # noqa: F811
    ui.open("explore", lang)
    edges = drawn_edges(ui)
    assert len(edges) > 10
    kinds = {e["kind"] for e in edges}
    assert {"ATTENDED", "AFFILIATED_WITH"} <= kinds <= set(REL_TYPES)
    for edge in edges:
        assert edge["caption"] == translate(f"rel.{edge['kind']}.out", lang)
        assert edge["size"] == 8  # canvas units: scaled with the zoom, as the node captions (10) are
    assert translate("rel.ATTENDED.out", lang) in {e["caption"] for e in edges}  # "deltog i" / "attended"
    by_kind = {e["kind"]: e["look"] for e in edges}
    assert len(set(by_kind.values())) == len(by_kind)  # told by colour and dash where too small to read
    legend = ui.page.get_by_text(translate("rel.AFFILIATED_WITH.out", lang), exact=True)
    expect(legend.first).to_be_visible(timeout=WAIT_MS)
    ui.shot(f"graph-edge-captions-{lang}")


# Tools that would change the drawing in the browser only (nothing is stored, a rerun undoes it).
EDITING_TOOLS = (
    "editControls",
    "editAddNode",
    "editConnectSelected",
    "editDeleteSelected",
    "crudControls",
    "crudCreateNode",
    "crudCreateEdge",
    "crudDeleteSelected",
    "nodeActionsRemove",
)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_toolbar_speaks_the_readers_language_and_offers_no_editing(  # noqa: F811
    ui: Watched,  # noqa: F811
    lang: str,
) -> None:
    ui.open("explore", lang)
    drawn_edges(ui)  # the graph is drawn, its toolbar with it
    root = ui.page.locator(".st-graph-workbench").first
    for tool in EDITING_TOOLS:
        expect(root.locator(f'[id="{tool}"]')).to_be_hidden()
    for tool in ("viewbarPlus", "viewbarFit", "toolbarFullscreen", "toolbarRefresh"):
        expect(root.locator(f'[id="{tool}"]')).to_have_attribute("title", translate(f"tool.{tool}", lang))
    expect(root.locator('[id="toolbar"] summary')).to_have_attribute("title", translate("tool.toolbar", lang))
    shown = root.evaluate(
        """r => Array.from(r.querySelectorAll('.graph-topbar [title]'))
                .filter(e => e.getClientRects().length > 0).map(e => e.getAttribute('title'))"""
    )
    assert len(shown) >= 8
    words = {translate(f"tool.{tool}", lang) for tool in TOOL_IDS}
    assert set(shown) <= words  # no English left among the Danish, no tool without a tooltip of ours
    ui.shot(f"graph-toolbar-{lang}")


def test_the_routes_of_a_shortest_connection_are_drawn_apart(ui: Watched) -> None:  # noqa: F811
    ui.page.goto(
        f"{ui.base}/?page=questions&lang=en&question=shortest_connection"
        "&source=person:soren-brunak&target=org:genomics-england&view=graph"
    )
    edges = drawn_edges(ui)
    numbered = [e for e in edges if " · " in e["caption"]]
    assert numbered and len(numbered) == len(edges)  # every edge names the routes it is on
    routes = {e["caption"].rsplit(" · ", 1)[1].split(", ")[0] for e in edges}
    assert len(routes) >= 2
    looks = {e["caption"].rsplit(" · ", 1)[1].split(", ")[0]: e["look"] for e in edges}
    assert len(set(looks.values())) == len(looks)  # each route its own colour
    expect(ui.page.get_by_text("Route 1", exact=True).first).to_be_visible(timeout=WAIT_MS)
    ui.shot("graph-routes")
