"""Where the graph's nodes are drawn (``ui.graph_layout``): laid out once, kept while the view grows; and
what the component is sent after its first draw (``ui.graph_sync``): only what changed."""

from __future__ import annotations

import math

from bench.seeded import seeded_graph
from pmkg.ui import graph_view as gv
from pmkg.ui.graph_layout import SPACING, layout, place
from pmkg.ui.graph_sync import by_id, diff


def distance(a: tuple[float, float], b: tuple[float, float]) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])


def test_a_view_is_laid_out_the_same_every_time_with_room_between_its_nodes() -> None:
    graph = seeded_graph(200)
    first = layout(graph)
    assert set(first) == set(graph.nodes)
    assert layout(seeded_graph(200)) == first  # seeded: the same graph, the same picture
    nearest = sorted(min(distance(xy, o) for j, o in first.items() if j != i) for i, xy in first.items())
    assert abs(nearest[len(nearest) // 2] - SPACING) < 1  # scaled: the typical nearest neighbour
    assert nearest[0] > 1  # no two nodes on one spot


def test_linked_nodes_are_drawn_nearer_each_other_than_the_rest() -> None:
    graph = seeded_graph(200)
    where = layout(graph)
    linked = [distance(where[e.source], where[e.target]) for e in graph.edges.values()]
    ids = sorted(where)
    unlinked = [distance(where[a], where[b]) for a, b in zip(ids, ids[97:] + ids[:97], strict=True)]
    assert sorted(linked)[len(linked) // 2] < sorted(unlinked)[len(unlinked) // 2] / 2


def test_an_expand_keeps_every_node_in_place_and_puts_the_new_ones_beside_a_neighbour() -> None:
    before = seeded_graph(300)
    drawn = layout(before)
    grown = gv.merge(before, seeded_graph(50, offset=300))
    after = place(grown, drawn)
    assert set(after) == set(grown.nodes)
    assert all(after[i] == drawn[i] for i in drawn)  # nothing drawn moves
    for new in set(grown.nodes) - set(drawn):
        linked = [
            e.target if e.source == new else e.source
            for e in grown.edges.values()
            if new in (e.source, e.target)
        ]
        assert min(distance(after[new], after[o]) for o in linked) <= SPACING * 2.5 + 0.5


def test_new_nodes_linked_to_nothing_drawn_go_to_the_right_and_a_view_with_none_drawn_is_laid_out() -> None:
    small = seeded_graph(20)
    apart = gv.from_rows(
        [{"id": "x:1", "label": "Person", "name": "X1"}, {"id": "x:2", "label": "Person", "name": "X2"}],
        [{"from": "x:1", "to": "x:2", "type": "ATTENDED", "key": "x"}],
    )
    after = place(gv.merge(small, apart), layout(small))
    right = max(x for i, (x, _) in after.items() if i.startswith("n:"))
    assert min(after["x:1"][0], after["x:2"][0]) > right
    assert distance(after["x:1"], after["x:2"]) > 1
    assert place(seeded_graph(100), {}) == layout(seeded_graph(100))
    grown = place(seeded_graph(100), layout(seeded_graph(20)))  # five times as many: still grown, not redrawn
    assert all(grown[i] == xy for i, xy in layout(seeded_graph(20)).items())


def test_elements_carry_their_position_and_a_size_by_their_links() -> None:
    graph = seeded_graph(30)
    where = layout(graph)
    nodes = {n["data"]["id"]: n for n in gv.to_elements(graph, "en", positions=where)["nodes"]}
    assert nodes["n:0"]["position"] == {"x": where["n:0"][0], "y": where["n:0"][1]}
    degree = gv.degrees(graph)
    hub = max(degree, key=degree.__getitem__)
    leaf = min(degree, key=degree.__getitem__)
    assert nodes[hub]["data"]["size"] == gv.LARGEST
    assert gv.SMALLEST <= nodes[leaf]["data"]["size"] < nodes[hub]["data"]["size"]


def test_after_the_first_draw_the_component_is_sent_only_what_changed() -> None:
    before = gv.to_elements(seeded_graph(40), "en", positions=layout(seeded_graph(40)))
    grown_view = gv.merge(seeded_graph(40), seeded_graph(5, offset=40))
    grown = gv.to_elements(grown_view, "en", positions=place(grown_view, layout(seeded_graph(40))))
    commands = diff(by_id(before), by_id(grown), "0:0")
    assert [c["operation"] for c in commands] == ["add_elements", "upsert_elements", "fit"]
    added = commands[0]
    assert {n["data"]["id"] for n in added["nodes"]} == {f"n:{i}" for i in range(40, 45)}
    assert all("position" in n for n in added["nodes"]) and len(added["edges"]) >= 5
    resized = {n["data"]["id"] for n in commands[1]["nodes"]}  # a size that grew with its links
    assert resized and resized <= {e["data"]["target"] for e in added["edges"]} | {"n:0"}
    back = diff(by_id(grown), by_id(before), "0:2")
    assert back[0]["operation"] == "delete_elements"
    assert set(back[0]["node_ids"]) == {f"n:{i}" for i in range(40, 45)}
    assert diff(by_id(before), by_id(before), "0:3") == []
