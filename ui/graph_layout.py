"""Where each node of a view is drawn: laid out once on the server, kept while the view grows.

The component's own force layouts (``cose``, ``fcose``) run in the reader's browser: at 1,000 nodes they
kept the nodes moving for some 40 s, and every expand ran them again over the whole graph. Here a view is
laid out once (a seeded Fruchterman–Reingold in numpy: the same graph gives the same picture, and is
cached), the component draws the positions as they are (its ``preset`` layout), and an expand keeps every
node where it was and places each new one beside a neighbour already drawn. Pure: no Streamlit.
"""

from __future__ import annotations

import math
from collections import deque
from functools import lru_cache

import numpy as np

from pmkg.ui.graph_view import GraphData

Positions = dict[str, tuple[float, float]]

# Canvas pixels from a node to its nearest neighbour, typically: the largest node (56) and room for captions.
SPACING = 120.0
ITERATIONS = 60
# A pull to the centre against the repulsion of all nodes (together 1 in these units): the drawing settles
# within a disc of radius 1/sqrt(GRAVITY), and a part linked to nothing else stays beside it, not far off.
GRAVITY = np.float32(4.0)
SEED = 7
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


def _signature(data: GraphData) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """What a layout depends on: the nodes and which pairs are linked (not the kinds, names or order)."""
    nodes = tuple(sorted(data.nodes))
    pairs = {tuple(sorted((e.source, e.target))) for e in data.edges.values() if e.source != e.target}
    return nodes, tuple(sorted(pairs))  # type: ignore[arg-type]


@lru_cache(maxsize=16)
def _laid_out(
    nodes: tuple[str, ...], pairs: tuple[tuple[str, str], ...], seed: int
) -> tuple[tuple[float, float], ...]:
    """Fruchterman–Reingold over the whole view, vectorised: repulsion between every pair of nodes,
    attraction along links, gravity to the centre, a temperature cooling to zero; scaled to ``SPACING``."""
    n = len(nodes)
    if n == 1:
        return ((0.0, 0.0),)
    index = {node: i for i, node in enumerate(nodes)}
    ends = np.array([(index[a], index[b]) for a, b in pairs], dtype=np.int64).reshape(-1, 2)
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2), dtype=np.float32)
    k = np.float32(math.sqrt(1.0 / n))
    temperature = 0.1
    cooling = temperature / (ITERATIONS + 1)
    for _ in range(ITERATIONS):
        dx = pos[:, 0, None] - pos[None, :, 0]
        dy = pos[:, 1, None] - pos[None, :, 1]
        weight = (k * k) / np.maximum(dx * dx + dy * dy, np.float32(1e-6))
        shift = np.stack(((dx * weight).sum(axis=1), (dy * weight).sum(axis=1)), axis=1)
        shift -= GRAVITY * (pos - pos.mean(axis=0))  # keeps parts not linked to the rest near it
        if len(ends):
            along = pos[ends[:, 0]] - pos[ends[:, 1]]
            pull = along * (np.sqrt((along * along).sum(axis=1)) / k)[:, None]
            np.add.at(shift, ends[:, 0], -pull)
            np.add.at(shift, ends[:, 1], pull)
        length = np.maximum(np.sqrt((shift * shift).sum(axis=1)), np.float32(1e-9))
        pos += shift * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cooling
    # Scaled so that a node's nearest neighbour is, typically, SPACING away.
    dx = pos[:, 0, None] - pos[None, :, 0]
    dy = pos[:, 1, None] - pos[None, :, 1]
    distance2 = dx * dx + dy * dy
    np.fill_diagonal(distance2, np.inf)
    unit = float(np.median(np.sqrt(distance2.min(axis=1)))) or float(k)
    pos = (pos - pos.mean(axis=0)) * (SPACING / unit)
    return tuple((round(float(x), 1), round(float(y), 1)) for x, y in pos)


def layout(data: GraphData, seed: int = SEED) -> Positions:
    """Every node of a view laid out afresh (the same view, the same positions: cached per graph)."""
    if not data.nodes:
        return {}
    nodes, pairs = _signature(data)
    return dict(zip(nodes, _laid_out(nodes, pairs, seed), strict=True))


def forget_layouts() -> None:
    """Empty the cache of layouts (the benchmark times a layout cold)."""
    _laid_out.cache_clear()


def _neighbours(data: GraphData) -> dict[str, list[str]]:
    linked: dict[str, list[str]] = {node: [] for node in data.nodes}
    for edge in data.edges.values():
        if edge.source != edge.target:
            linked[edge.source].append(edge.target)
            linked[edge.target].append(edge.source)
    return {node: sorted(set(others)) for node, others in linked.items()}


def _beside(anchor: tuple[float, float], centre: tuple[float, float], nth: int) -> tuple[float, float]:
    """The ``nth`` free place around a drawn node: facing away from the drawing's centre, fanning out by
    the golden angle, a ring further out every twelve."""
    away = math.atan2(anchor[1] - centre[1], anchor[0] - centre[0]) if anchor != centre else 0.0
    angle = away + (nth % 12) * GOLDEN_ANGLE
    radius = SPACING * (1.5 + nth // 12)
    return round(anchor[0] + radius * math.cos(angle), 1), round(anchor[1] + radius * math.sin(angle), 1)


def place(data: GraphData, known: Positions, seed: int = SEED) -> Positions:
    """Positions for a view whose nodes in ``known`` are drawn already (an expand, a filter undone).

    Those keep their place; each new node goes beside a linked node already placed (breadth first, so a
    neighbour of a neighbour follows it outwards); new nodes linked to none are laid out by themselves to
    the right of the drawing. Only a view with none of its nodes drawn yet is laid out afresh: an expand
    never moves what the reader has seen.
    """
    kept = {node: xy for node, xy in known.items() if node in data.nodes}
    if not kept:
        return layout(data, seed)
    positions = dict(kept)
    linked = _neighbours(data)
    xs, ys = zip(*kept.values(), strict=True)
    centre = (sum(xs) / len(xs), sum(ys) / len(ys))
    placed_beside: dict[str, int] = {}
    queue = deque(sorted(kept))
    while queue:
        anchor = queue.popleft()
        for other in linked[anchor]:
            if other in positions:
                continue
            nth = placed_beside.get(anchor, 0)
            placed_beside[anchor] = nth + 1
            positions[other] = _beside(positions[anchor], centre, nth)
            queue.append(other)
    loose = {node for node in data.nodes if node not in positions}
    if loose:
        apart = GraphData(
            {n: data.nodes[n] for n in loose},
            {i: e for i, e in data.edges.items() if e.source in loose and e.target in loose},
        )
        own = layout(apart, seed)
        right = max(x for x, _ in positions.values()) + 2 * SPACING
        left = min(x for x, _ in own.values())
        positions |= {node: (round(x - left + right, 1), y) for node, (x, y) in own.items()}
    return positions
