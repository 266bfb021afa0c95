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


def test_the_picture_is_the_view_on_screen_its_places_link_colours_and_their_legend() -> None:
    coloured = [("p:1", "o:1", "affiliated with", "#332288"), ("p:1", "o:2", "member of · 1", "#4E79A7")]
    places = {"p:1": (0.0, 0.0), "o:1": (100.0, 0.0), "o:2": (0.0, 100.0)}
    lines = [("Route 1", "#4E79A7"), ("affiliated with", "#332288")]
    svg = network_picture(NODES, coloured, LEGEND, "svg", positions=places, line_legend=lines).decode("utf-8")
    for colour in ("#332288", "#4e79a7"):  # each link in its kind's or its route's colour, as on screen
        assert f"stroke: {colour}" in svg.lower(), colour
    assert "Route 1" in svg and "member of · 1" in svg  # the routes named in the legend and on the links
    moved = {**places, "o:2": (300.0, 100.0)}
    other = network_picture(NODES, coloured, LEGEND, "svg", positions=moved, line_legend=lines)
    assert other != svg.encode("utf-8")  # drawn where the screen places the nodes, not by its own layout
