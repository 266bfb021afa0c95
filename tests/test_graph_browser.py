"""The graph as drawn in Debian's headless Chromium: what its edges say, which tools its toolbar offers, where
its nodes are placed (once, and not moved by an expand), how large and in which colour, what a click on a
link shows, and that fullscreen refits the drawing.

The app, browser and example minutes are those of ``tests/test_browser.py`` (its fixtures, shared).
"""

from __future__ import annotations

import math
from typing import Any

import neo4j
import pytest
from playwright.sync_api import expect

from pmkg.graph import connection
from pmkg.model.graph import REL_TYPES
from pmkg.reports.text import one_line
from pmkg.ui.graph_layout import SPACING
from pmkg.ui.graph_toolbar import TOOL_IDS
from pmkg.ui.graph_view import LARGEST, TYPE_STYLES, style_for
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


def open_explore_at(ui: Watched, node_id: str) -> list[dict[str, Any]]:  # noqa: F811
    """Explore started from ``node_id`` (English), once the graph is drawn: each node's id, type, number of
    links, place on the canvas (model units), size and colour, as Cytoscape holds them."""
    ui.page.goto(f"{ui.base}/?page=explore&lang=en&start={node_id}")
    ui.settled_node(node_id)
    return graph_state(ui)


def graph_state(ui: Watched) -> list[dict[str, Any]]:  # noqa: F811
    return ui.page.evaluate(
        f"""() => {CY}._cyreg.cy.nodes().map(n => ({{
            id: n.id(), type: n.data('label'), links: n.connectedEdges().length,
            x: n.position('x'), y: n.position('y'), size: n.width(), colour: n.style('background-color'),
        }}))"""
    )


def test_nodes_are_placed_once_and_an_expand_moves_none_of_them(ui: Watched) -> None:  # noqa: F811
    before = {n["id"]: n for n in open_explore_at(ui, "person:soren-brunak")}
    ui.page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert {n["id"]: (n["x"], n["y"]) for n in graph_state(ui)} == {
        i: (n["x"], n["y"]) for i, n in before.items()
    }
    meeting_id = next(i for i in before if i.startswith("meeting:"))
    meeting = ui.settled_node(meeting_id)
    ui.page.mouse.dblclick(meeting["x"], meeting["y"])
    grown = f"() => {{ const h = {CY}; return h && h._cyreg.cy.nodes().length > {len(before)}; }}"
    ui.page.wait_for_function(grown, timeout=WAIT_MS)
    after = {n["id"]: n for n in graph_state(ui)}
    assert all((after[i]["x"], after[i]["y"]) == (n["x"], n["y"]) for i, n in before.items())  # none moved
    new = set(after) - set(before)
    links = ui.page.evaluate(f"() => {CY}._cyreg.cy.edges().map(e => [e.data('source'), e.data('target')])")
    ring = SPACING * (1.5 + len(new) / 12)  # the farthest ring of new nodes about one (ui.graph_layout)
    for node_id in new:  # each new node beside a node it is linked to
        others = [b if a == node_id else a for a, b in links if node_id in (a, b)]
        nearest = min(
            math.dist((after[node_id]["x"], after[node_id]["y"]), (after[o]["x"], after[o]["y"]))
            for o in others
        )
        assert nearest <= ring + 1
    ui.shot("graph-expand-in-place")


@pytest.mark.parametrize("lang", ["da", "en"])
def test_nodes_are_sized_by_their_links_and_coloured_by_type_as_the_legend_says(
    ui: Watched,  # noqa: F811
    lang: str,
) -> None:
    ui.page.goto(f"{ui.base}/?page=explore&lang={lang}&start=person:soren-brunak")
    ui.settled_node("person:soren-brunak")
    nodes = graph_state(ui)
    assert max(n["size"] for n in nodes) == LARGEST
    assert next(n for n in nodes if n["id"] == "person:soren-brunak")["size"] == LARGEST  # the hub
    for a in nodes:
        for b in nodes:
            if a["links"] < b["links"]:
                assert a["size"] <= b["size"]
    assert len({n["size"] for n in nodes}) >= 2
    for node in nodes:
        if node["type"] in TYPE_STYLES:
            assert node["colour"] == rgb(style_for(node["type"]).colour)
    expect(ui.page.get_by_text(translate("graph.encoding", lang), exact=True)).to_be_visible(timeout=WAIT_MS)
    ui.shot(f"graph-sizes-{lang}")


def rgb(colour: str) -> str:
    """``#RRGGBB`` as Cytoscape reports a colour style: ``rgb(r,g,b)``."""
    return "rgb({},{},{})".format(*(int(colour[i : i + 2], 16) for i in (1, 3, 5)))


# Every page that draws a graph, opened on a graph holding Søren Brunak's links: Explore from him, the answer
# of "who is near" him, the stakeholders' ranking with its network.
GRAPH_PAGES = {
    "explore": "page=explore&start=person:soren-brunak",
    "questions": "page=questions&question=ego_network&entity=person:soren-brunak&radius=1&view=graph",
    "stakeholders": "page=stakeholders&show=stakeholders&top=20",
}


def click_a_link(ui: Watched) -> dict[str, Any]:  # noqa: F811
    """Click, with the mouse, the drawn link whose middle is farthest from every node (so the click lands on
    it and nothing else); returns its kind, its ends' ids and captions."""
    ui.page.wait_for_function(f"() => {{ const h = {CY}; return h && h._cyreg.cy.edges().length > 0; }}")
    ui.page.evaluate(f"() => {CY}.scrollIntoView({{block: 'center'}})")
    ui.settle()
    edge = ui.page.evaluate(
        f"""() => {{
            const host = {CY}; const cy = host._cyreg.cy; const box = host.getBoundingClientRect();
            const nodes = cy.nodes().map(n => n.renderedPosition());
            const room = e => {{ const m = e.renderedMidpoint();
                return Math.min(...nodes.map(p => Math.hypot(p.x - m.x, p.y - m.y))); }};
            const best = cy.edges().sort((a, b) => room(b) - room(a))[0];
            const m = best.renderedMidpoint();
            return {{ kind: best.data('label'), a: best.source().id(), b: best.target().id(),
                      source: best.source().data('name'), target: best.target().data('name'),
                      types: [best.source().data('label'), best.target().data('label')],
                      x: box.left + m.x, y: box.top + m.y }};
        }}"""
    )
    ui.page.mouse.click(edge["x"], edge["y"])
    return edge


@pytest.mark.parametrize("page", GRAPH_PAGES)
def test_a_click_on_a_link_shows_its_facts_and_quotes_on_every_page_with_a_graph(
    ui: Watched,  # noqa: F811
    loaded: neo4j.Driver,  # noqa: F811
    page: str,
) -> None:
    ui.page.goto(f"{ui.base}/?lang=en&{GRAPH_PAGES[page]}")
    edge = click_a_link(ui)
    heading = f"{edge['source']} → {edge['target']}"
    expect(ui.page.get_by_role("heading", name=heading, exact=True)).to_be_visible(timeout=WAIT_MS)
    a, b = (translate(f"type.{kind}", "en") for kind in edge["types"])
    kind = " / ".join(translate(f"rel.{k}.out", "en") for k in edge["kind"].split("/"))  # an analytic's joins
    expect(ui.page.get_by_text(f"{a} · {kind} · {b}", exact=True)).to_be_visible()  # the ends and the kind
    facts = connection.read(
        loaded,
        "MATCH ({id: $a})-[r WHERE type(r) IN $kinds AND r.rejected IS NULL]-({id: $b}) "
        "MATCH (d:Document {id: r.doc}) RETURN r.quotes AS quotes, d.title AS title, d.date AS date",
        {"a": edge["a"], "b": edge["b"], "kinds": edge["kind"].split("/")},
    )
    assert facts and all(f["quotes"] for f in facts)
    for fact in facts:  # every document stating it, with its date and the words that state it
        document = ui.page.get_by_text(f"{fact['title']} · {fact['date']}", exact=True)
        expect(document.first).to_be_visible(timeout=WAIT_MS)
        quote = ui.page.get_by_text(one_line(fact["quotes"][0])[:40])
        expect(quote.first).to_be_visible(timeout=WAIT_MS)
    quotes = sum(len(f["quotes"]) for f in facts)
    expect(ui.page.get_by_text(translate("link.sources", "en", n=len(facts), quotes=quotes))).to_be_visible()
    ui.shot(f"graph-link-details-{page}")


def test_fullscreen_fits_the_drawing_to_the_screen_and_back(ui: Watched) -> None:  # noqa: F811
    ui.open("explore", "en")
    drawn_edges(ui)
    fitted = f"""() => {{
        const host = {CY}; const cy = host._cyreg.cy;
        const w = cy.width(), h = cy.height(), bb = cy.elements().renderedBoundingBox();
        const centred = Math.abs((bb.x1 + bb.x2) / 2 - w / 2) < 0.1 * w
                     && Math.abs((bb.y1 + bb.y2) / 2 - h / 2) < 0.1 * h;
        const filled = bb.w > 0.8 * w || bb.h > 0.8 * h;
        return {{ w, h, centred, filled, fullscreen: Boolean(document.fullscreenElement) }};
    }}"""
    on_page = "!s.fullscreen && s.centred && s.filled"
    ui.page.wait_for_function(f"() => {{ const s = ({fitted})(); return {on_page}; }}", timeout=WAIT_MS)
    page_size = ui.page.evaluate(fitted)
    root = ui.page.locator(".st-graph-workbench").first
    button = root.locator('[id="toolbarFullscreen"]')
    if not button.is_visible():
        root.locator('[id="toolbar"] summary').click()
    button.click()
    grown = f"s.fullscreen && s.h > {page_size['h']}"
    ui.page.wait_for_function(
        f"() => {{ const s = ({fitted})(); return {grown} && s.centred && s.filled; }}", timeout=WAIT_MS
    )
    ui.shot("graph-fullscreen")
    ui.page.evaluate("() => document.exitFullscreen()")
    back = f"!s.fullscreen && s.h === {page_size['h']}"
    ui.page.wait_for_function(
        f"() => {{ const s = ({fitted})(); return {back} && s.centred && s.filled; }}", timeout=WAIT_MS
    )
