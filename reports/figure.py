"""Pictures for documents and pages, drawn with matplotlib off screen (the Agg backend, fonts that ship
with matplotlib, nothing fetched): an entity's ego graph, and charts over time."""

from __future__ import annotations

import io
import textwrap
from collections.abc import Mapping, Sequence

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after choosing the backend)
import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

MAX_NEIGHBOURS = 40
DPI = 120
# Colours by the section a neighbour belongs to (graph.briefing.SECTIONS): people-ish, bodies, initiatives …
PALETTE = {
    "centre": "#C0392B",
    "roles": "#2E86C1",
    "links": "#28B463",
    "initiatives": "#AF7AC5",
    "themes": "#F39C12",
    "meetings": "#7F8C8D",
    "figures": "#5D6D7E",
    "upcoming": "#16A085",
    "documents": "#BDC3C7",
}
# Series told apart by colour (a chart's themes, bodies): 26 colours of which no two are alike, Kelly's 20
# of maximum contrast and six more, so the taxonomy's 21 themes never share one (a palette of 10 repeats);
# the two nearest others (an orange, a yellow) last
SERIES_COLOURS = (
    "#0067A5", "#F38400", "#008856", "#BE0032", "#875692", "#F3C300", "#A1CAF1", "#C2B280",
    "#848482", "#E68FAC", "#F99379", "#604E97", "#17BECF", "#B3446C", "#3F3FBF", "#882D17",
    "#8DB600", "#654522", "#E25822", "#2B3D26", "#FF4FA7", "#1B7F7F", "#B8A9FF", "#222222",
    "#F6A600", "#DCD300",
)  # fmt: skip


def _label(text: str, width: int = 24) -> str:
    """A name short enough for a node: one line (text layout is what drawing costs most)."""
    return textwrap.shorten(text, width, placeholder="…") or text[:width]


def ego_png(centre: str, neighbours: Sequence[tuple[str, str, str]], title: str = "") -> bytes:
    """A star of the centre and its neighbours ``(id, name, section)``, each coloured by its section; the
    layout is seeded, so the same briefing draws the same picture."""
    graph = nx.Graph()
    graph.add_node("centre", name=centre, section="centre")
    for node_id, name, section in list(dict.fromkeys(neighbours))[:MAX_NEIGHBOURS]:
        if node_id not in graph:
            graph.add_node(node_id, name=name, section=section)
            graph.add_edge("centre", node_id)
    positions = nx.spring_layout(graph, seed=42, k=1.2 / max(1, len(graph)) ** 0.5)
    figure, axes = plt.subplots(figsize=(8, 6), dpi=DPI)
    colours = [PALETTE.get(graph.nodes[n]["section"], "#95A5A6") for n in graph]
    nx.draw_networkx_edges(graph, positions, ax=axes, edge_color="#B0B0B0", width=0.8)
    nx.draw_networkx_nodes(
        graph,
        positions,
        ax=axes,
        node_color=colours,
        node_size=[900 if n == "centre" else 220 for n in graph],
    )
    nx.draw_networkx_labels(
        graph, positions, labels={n: _label(graph.nodes[n]["name"]) for n in graph}, font_size=6, ax=axes
    )
    axes.set_title(title, fontsize=9)
    axes.axis("off")
    return png_of(figure)


def png_of(figure: plt.Figure) -> bytes:
    """A figure as PNG bytes; the figure is closed (matplotlib keeps every open figure otherwise)."""
    buffer = io.BytesIO()
    figure.tight_layout()
    figure.savefig(buffer, format="png", pil_kwargs={"compress_level": 1})  # fast; PNGs stay small
    plt.close(figure)
    return buffer.getvalue()


def heatmap_png(table: pd.DataFrame, title: str = "") -> bytes:
    """A matrix of counts as a heat map with the count in every cell (zeros in red: the gaps)."""
    height = max(3.0, 0.35 * len(table) + 1.5)
    width = max(5.0, 0.6 * len(table.columns) + 3.5)
    figure, axes = plt.subplots(figsize=(width, height), dpi=DPI)
    values = table.to_numpy(dtype=float)
    axes.imshow(values, cmap="Blues", aspect="auto")
    axes.set_xticks(
        range(len(table.columns)),
        [_label(str(c), 16) for c in table.columns],
        rotation=45,
        ha="right",
        fontsize=7,
    )
    axes.set_yticks(range(len(table.index)), [_label(str(i), 40) for i in table.index], fontsize=7)
    for (y, x), value in np.ndenumerate(values):
        axes.text(
            x,
            y,
            f"{value:g}",
            ha="center",
            va="center",
            fontsize=6,
            color="#B03A2E" if value == 0 else ("white" if value > values.max() / 2 else "black"),
        )
    axes.set_title(title, fontsize=9)
    return png_of(figure)


def lines_png(
    frame: pd.DataFrame, x: str, y: str, series: str, title: str = "", ylabel: str = "", xlabel: str = ""
) -> bytes:
    """:func:`lines_figure` as a PNG."""
    return png_of(lines_figure(frame, x, y, series, title, ylabel, xlabel))


def lines_figure(
    frame: pd.DataFrame, x: str, y: str, series: str, title: str = "", ylabel: str = "", xlabel: str = ""
) -> Figure:
    """One line per series of ``y`` over ``x`` (dates or periods as text, in order), each series a colour
    of its own and its whole name in the legend; the axes titled in the reader's words."""
    figure, axes = plt.subplots(figsize=(8, 4), dpi=DPI)
    for number, (name, rows) in enumerate(frame.groupby(series, sort=True)):
        rows = rows.sort_values(x)
        colour = SERIES_COLOURS[number % len(SERIES_COLOURS)]
        label = "\n".join(textwrap.wrap(str(name), 40))  # whole names, wrapped, never cut
        axes.plot(rows[x].astype(str), rows[y], marker="o", label=label, linewidth=1.2, color=colour)
    axes.set_ylabel(ylabel, fontsize=8)
    axes.set_xlabel(xlabel, fontsize=8)
    axes.tick_params(axis="x", labelrotation=45, labelsize=7)
    axes.tick_params(axis="y", labelsize=7)
    axes.legend(fontsize=6, loc="upper left", bbox_to_anchor=(1, 1))
    axes.set_title(title, fontsize=9)
    return figure


def network_picture(
    nodes: Sequence[tuple[str, str, str]],
    edges: Sequence[tuple[str, ...]],
    legend: Sequence[tuple[str, str]],
    fmt: str = "png",
    positions: Mapping[str, tuple[float, float]] | None = None,
    line_legend: Sequence[tuple[str, str]] = (),
) -> bytes:
    """The graph a page shows, drawn for a file (PNG or SVG): ``nodes`` as ``(id, caption, colour)``,
    ``edges`` as ``(source, target, kind)`` or ``(source, target, kind, colour)`` with the kind written on
    the edge, the ``legend`` of ``(label, colour)`` for the nodes and ``line_legend`` for the links. Drawn
    where ``positions`` (screen units, y down, as the app's graph places them) put the nodes, so the picture
    is the view on screen; else a seeded layout, so the same view draws the same picture. In SVG the text
    stays text (searchable, selectable)."""
    graph = nx.MultiDiGraph()
    for node_id, name, colour in nodes:
        graph.add_node(node_id, name=name, colour=colour)
    for source, target, kind, *colour in edges:
        if source in graph and target in graph:
            graph.add_edge(source, target, kind=kind, colour=colour[0] if colour else "#B0B0B0")
    size = 8 + min(len(graph), 400) / 40  # inches: a larger view gets a larger page
    figure, axes = plt.subplots(figsize=(size, size * 0.75), dpi=DPI)
    if positions and all(n in positions for n in graph):
        placed = {n: (positions[n][0], -positions[n][1]) for n in graph}  # the screen's y grows downwards
    else:
        placed = nx.spring_layout(graph, seed=42, k=1.5 / max(1, len(graph)) ** 0.5)
    colours = [c for _, _, c in graph.edges(data="colour")]
    nx.draw_networkx_edges(graph, placed, ax=axes, edge_color=colours, width=0.7, arrows=False)
    kinds = {(s, t): k for s, t, k in graph.edges(data="kind")}
    if len(kinds) <= 150:  # beyond that the names would hide the drawing
        nx.draw_networkx_edge_labels(graph, placed, edge_labels=kinds, font_size=4, ax=axes, alpha=0.8)
    nx.draw_networkx_nodes(
        graph, placed, ax=axes, node_color=[graph.nodes[n]["colour"] for n in graph], node_size=160
    )
    nx.draw_networkx_labels(
        graph, placed, labels={n: _label(graph.nodes[n]["name"]) for n in graph}, font_size=5, ax=axes
    )
    for label, colour in line_legend:
        axes.plot([], [], color=colour, label=label, linewidth=1.5)
    for label, colour in legend:
        axes.scatter([], [], color=colour, label=label)
    if legend or line_legend:
        axes.legend(loc="lower left", fontsize=6, frameon=False)
    axes.axis("off")
    if fmt == "svg":
        buffer = io.BytesIO()
        figure.tight_layout()
        with plt.rc_context({"svg.fonttype": "none"}):
            figure.savefig(buffer, format="svg")
        plt.close(figure)
        return buffer.getvalue()
    return png_of(figure)
