"""The graph view drawn for a file: PNG and SVG, with captions, link kinds and the legend as text."""

from __future__ import annotations

from pmkg.reports.figure import network_picture

NODES = [
    ("p:1", "Anne Sofie Krogh", "#E69F00"),
    ("o:1", "Region Midtjylland", "#56B4E9"),
    ("o:2", "NGC", "#56B4E9"),
]
EDGES = [("p:1", "o:1", "affiliated with"), ("p:1", "o:2", "member of"), ("p:1", "x:9", "dangling")]
LEGEND = [("Person", "#E69F00"), ("Organisation", "#56B4E9")]


def test_svg_keeps_names_link_kinds_and_legend_as_text() -> None:
    svg = network_picture(NODES, EDGES, LEGEND, "svg").decode("utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    for text in ("Anne Sofie Krogh", "Region Midtjylland", "affiliated with", "member of", "Organisation"):
        assert text in svg, text
    assert "dangling" not in svg  # a link to a node the view does not hold is not drawn


def test_png_is_a_picture_and_the_same_view_draws_the_same_svg() -> None:
    assert network_picture(NODES, EDGES, LEGEND, "png").startswith(b"\x89PNG")
    first = network_picture(NODES, EDGES, LEGEND, "svg")
    assert network_picture(NODES, EDGES, LEGEND, "svg").count(b"<path") == first.count(b"<path")
