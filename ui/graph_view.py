"""From query answers to the graph component's elements, and back to plain data.

Pure functions only (no Streamlit, no database), so the conversion is unit-tested and the
component can be swapped: every answer is first turned into :class:`GraphData` (nodes keyed by
their pmkg ``id``, edges keyed by the relationship's ``key``), then filtered, capped and handed
to the component as Cytoscape-style elements. Names travel as data and the component draws
them on its canvas as text.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pmkg.model.graph import REL_TYPES

# About the most Cytoscape.js keeps smooth in a browser; bigger views grow by expanding.
MAX_ELEMENTS = 1000


@dataclass(frozen=True)
class TypeStyle:
    colour: str
    shape: str
    icon: str


# Colour-blind-safe palette (Okabe–Ito) plus distinct shapes, so type is readable without colour.
TYPE_STYLES: dict[str, TypeStyle] = {
    "Person": TypeStyle("#0072B2", "ellipse", "person"),
    "Organization": TypeStyle("#E69F00", "round-rectangle", "account_balance"),
    "Initiative": TypeStyle("#009E73", "diamond", "flag"),
    "Meeting": TypeStyle("#CC79A7", "hexagon", "group"),
    "Theme": TypeStyle("#56B4E9", "round-tag", "chat"),
    "Document": TypeStyle("#7F7F7F", "rectangle", "description"),
    "Agreement": TypeStyle("#D55E00", "star", "assured_workload"),
    "Figure": TypeStyle("#B8A800", "triangle", "analytics"),
    "Deadline": TypeStyle("#444444", "vee", "schedule"),
}
OTHER_STYLE = TypeStyle("#999999", "ellipse", "link")
NODE_TYPES: tuple[str, ...] = tuple(TYPE_STYLES)


@dataclass(frozen=True)
class Node:
    id: str
    type: str
    name: str
    date: str | None = None
    name_en: str | None = None  # an English caption where the graph has one (theme labels)
    group: int | None = None  # the community an analytic put the node in


@dataclass(frozen=True)
class Edge:
    id: str
    source: str
    target: str
    type: str
    routes: tuple[int, ...] = ()  # the numbered routes of a shortest connection this edge is on


@dataclass
class GraphData:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[str, Edge] = field(default_factory=dict)

    def __len__(self) -> int:
        """The number of elements (nodes plus edges), what the browser has to draw."""
        return len(self.nodes) + len(self.edges)


def node_type(labels: Iterable[str]) -> str:
    """The one type shown for a node: its first known label (nodes have one in this model)."""
    labels = list(labels)
    return next((label for label in labels if label in TYPE_STYLES), labels[0] if labels else "Node")


def node_from_properties(labels: Iterable[str], props: Mapping[str, Any], fallback_id: str = "") -> Node:
    """A node from its labels and properties as stored in Neo4j."""
    node_id = str(props.get("id") or fallback_id)
    name = props.get("name") or props.get("title") or node_id
    date = props.get("date")
    name_en = props.get("label_en")
    group = props.get("community")
    return Node(
        id=node_id,
        type=node_type(labels),
        name=str(name),
        date=str(date) if date else None,
        name_en=str(name_en) if name_en else None,
        group=int(group) if isinstance(group, int | float) else None,
    )


def from_neo4j(graph: Any) -> GraphData:
    """From a ``neo4j.graph.Graph`` (``Result.graph()``), keeping only edges between kept nodes."""
    data = GraphData()
    for node in graph.nodes:
        n = node_from_properties(node.labels, dict(node), node.element_id)
        data.nodes[n.id] = n
    for rel in graph.relationships:
        if rel.start_node is None or rel.end_node is None:
            continue
        source = str(rel.start_node.get("id") or rel.start_node.element_id)
        target = str(rel.end_node.get("id") or rel.end_node.element_id)
        if source in data.nodes and target in data.nodes:
            edge_id = str(rel.get("key") or rel.element_id)
            data.edges[edge_id] = Edge(edge_id, source, target, rel.type)
    return data


def from_rows(nodes: Iterable[Mapping[str, Any]], edges: Iterable[Mapping[str, Any]]) -> GraphData:
    """From plain rows: nodes with ``id``, ``labels`` (or ``label``/``type``), ``name``, ``date``;
    edges with ``from``/``to`` (or ``source``/``target``), ``type`` and ``key`` (or ``id``)."""
    data = GraphData()
    for row in nodes:
        labels = row.get("labels") or [row.get("label") or row.get("type") or "Node"]
        n = node_from_properties(labels, row)
        data.nodes[n.id] = n
    for i, row in enumerate(edges):
        source = str(row.get("from") or row.get("source"))
        target = str(row.get("to") or row.get("target"))
        if source in data.nodes and target in data.nodes:
            edge_id = str(row.get("key") or row.get("id") or f"{source}>{row.get('type')}>{target}#{i}")
            routes = tuple(int(r) for r in row.get("routes") or ())
            data.edges[edge_id] = Edge(edge_id, source, target, str(row.get("type") or ""), routes)
    return data


def merge(base: GraphData, more: GraphData) -> GraphData:
    """The union of two views (expanding a node adds its neighbours to what is shown)."""
    return GraphData(nodes={**base.nodes, **more.nodes}, edges={**base.edges, **more.edges})


def without_isolated_leftovers(before: GraphData, after: GraphData) -> GraphData:
    """Drop nodes that a filter left without any edge although they had one before."""
    linked_before = {e.source for e in before.edges.values()} | {e.target for e in before.edges.values()}
    linked_after = {e.source for e in after.edges.values()} | {e.target for e in after.edges.values()}
    keep = {i: n for i, n in after.nodes.items() if i in linked_after or i not in linked_before}
    return GraphData(keep, after.edges)


def filter_graph(
    data: GraphData,
    types: Iterable[str] | None = None,
    start: str | None = None,
    end: str | None = None,
    only: Mapping[str, Collection[str]] | None = None,
) -> GraphData:
    """Keep the node types asked for, the dated nodes within ``start``..``end`` (ISO, inclusive) and, for
    each type in ``only``, just the nodes of it with those ids (the meetings of the bodies and themes
    chosen, the themes chosen).

    Undated nodes (people, organisations) stay while something they are linked to stays.
    """
    wanted = set(types) if types is not None else None
    only = only or {}

    def keep(node: Node) -> bool:
        if wanted is not None and node.type not in wanted:
            return False
        if node.type in only and node.id not in only[node.type]:
            return False
        day = iso_day(node.date)
        if day and start and day < start:
            return False
        return not (day and end and day > end)

    nodes = {i: n for i, n in data.nodes.items() if keep(n)}
    edges = {i: e for i, e in data.edges.items() if e.source in nodes and e.target in nodes}
    return without_isolated_leftovers(data, GraphData(nodes, edges))


def degrees(data: GraphData) -> dict[str, int]:
    counts = dict.fromkeys(data.nodes, 0)
    for edge in data.edges.values():
        counts[edge.source] = counts.get(edge.source, 0) + 1
        counts[edge.target] = counts.get(edge.target, 0) + 1
    return counts


def cap(data: GraphData, limit: int = MAX_ELEMENTS, keep: Iterable[str] = ()) -> tuple[GraphData, bool]:
    """At most ``limit`` elements: the best-connected nodes (and those in ``keep``) first.

    Returns the capped view and whether anything was left out.
    """
    if len(data) <= limit:
        return data, False
    degree = degrees(data)
    pinned = [i for i in keep if i in data.nodes]
    order = pinned + sorted((i for i in data.nodes if i not in pinned), key=lambda i: (-degree[i], i))
    chosen: dict[str, Node] = {}
    edges: dict[str, Edge] = {}
    by_node: dict[str, list[Edge]] = {}
    for edge in data.edges.values():
        by_node.setdefault(edge.source, []).append(edge)
        by_node.setdefault(edge.target, []).append(edge)
    for node_id in order:
        if len(chosen) + len(edges) >= limit:
            break
        chosen[node_id] = data.nodes[node_id]
        for edge in by_node.get(node_id, []):
            if edge.source in chosen and edge.target in chosen and len(chosen) + len(edges) < limit:
                edges[edge.id] = edge
    return GraphData(chosen, edges), True


def caption(node: Node, language: str) -> str:
    """The name shown for a node in the reader's language."""
    return node.name_en if language == "en" and node.name_en else node.name


# A node's diameter in canvas units, from its links in the view: the least linked smallest, the most largest.
SMALLEST, LARGEST = 20, 56


def sizes(data: GraphData) -> dict[str, int]:
    """Each node's size by its importance in the view, its number of links (the degree the Start page's
    most connected stakeholders are ranked by), on a square-root scale so hubs do not swamp the rest."""
    degree = degrees(data)
    most = max(degree.values(), default=0) or 1
    return {i: round(SMALLEST + (LARGEST - SMALLEST) * (d / most) ** 0.5) for i, d in degree.items()}


def to_elements(
    data: GraphData,
    language: str = "da",
    edge_names: Mapping[str, str] | None = None,
    positions: Mapping[str, tuple[float, float]] | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """Cytoscape elements: ``data.label`` is the node or edge type (styled per type), ``data.name`` the
    caption: a node's name, an edge's kind in the reader's words (``edge_names``, "deltog i" for ATTENDED);
    ``data.size`` a node's size (:func:`sizes`), ``position`` where it is drawn (``ui.graph_layout``)."""
    edge_names = edge_names or {}
    positions = positions or {}
    size = sizes(data)
    nodes = [
        {
            "data": {
                "id": n.id,
                "label": n.type,
                "name": caption(n, language),
                "size": size[n.id],
                **({"date": n.date} if n.date else {}),
                **({"group": n.group} if n.group is not None else {}),
            },
            **({"position": {"x": xy[0], "y": xy[1]}} if (xy := positions.get(n.id)) else {}),
        }
        for n in data.nodes.values()
    ]
    edges = [
        {
            "data": {
                "id": e.id,
                "source": e.source,
                "target": e.target,
                "label": e.type,
                "name": route_caption(edge_names.get(e.type, e.type), e.routes),
                **({"route": e.routes[0]} if e.routes else {}),
            }
        }
        for e in data.edges.values()
    ]
    return {"nodes": nodes, "edges": edges}


# One colour and dash per relationship kind, so a kind is told apart at overview size, where its label is
# too small to draw; the legend names them. Paul Tol's muted palette, dashed past its nine colours.
EDGE_COLOURS = (
    *("#332288", "#88CCEE", "#44AA99", "#117733", "#999933"),
    *("#DDCC77", "#CC6677", "#882255", "#AA4499"),
)


@dataclass(frozen=True)
class EdgeKindStyle:
    colour: str
    dashed: bool


def edge_style_for(rel_type: str) -> EdgeKindStyle:
    """The colour and dash of a relationship kind: fixed by its place in the model, so the same kind looks
    the same in every view (an unknown kind is grey)."""
    if rel_type not in REL_TYPES:
        return EdgeKindStyle("#999999", False)
    i = REL_TYPES.index(rel_type)
    return EdgeKindStyle(EDGE_COLOURS[i % len(EDGE_COLOURS)], i >= len(EDGE_COLOURS))


def present_rel_types(data: GraphData) -> list[str]:
    """The relationship kinds in a view, in the model's order (the legend's)."""
    kinds = {e.type for e in data.edges.values()}
    return [r for r in REL_TYPES if r in kinds] + sorted(kinds - set(REL_TYPES))


def route_caption(name: str, routes: tuple[int, ...]) -> str:
    """An edge's caption with the numbers of the routes it is on ("deltog i · 1, 2")."""
    return f"{name} · {', '.join(map(str, routes))}" if routes else name


def routes(data: GraphData) -> list[int]:
    """The route numbers in a view (a shortest connection's), in order."""
    return sorted({r for e in data.edges.values() for r in e.routes})


def style_for(type_name: str) -> TypeStyle:
    return TYPE_STYLES.get(type_name, OTHER_STYLE)


# Colours for communities (Tableau), reused in turn past ten groups.
GROUP_COLOURS = ("#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#EDC948", "#B07AA1", "#FF9DA7")


def groups(data: GraphData) -> list[int]:
    """The community numbers in a view, in order."""
    return sorted({n.group for n in data.nodes.values() if n.group is not None})


def group_colour(group: int) -> str:
    return GROUP_COLOURS[(group - 1) % len(GROUP_COLOURS)]


def present_types(data: GraphData) -> list[str]:
    """The node types in a view, in legend order."""
    types = {n.type for n in data.nodes.values()}
    return [t for t in NODE_TYPES if t in types] + sorted(types - set(NODE_TYPES))


def iso_day(value: str | None) -> str | None:
    """An ISO date, month or year as the first day it covers ("2023-06" → "2023-06-01")."""
    if not value or len(value) < 4 or not value[:4].isdigit():
        return None
    day = value[:10]
    return {4: day + "-01-01", 7: day + "-01"}.get(len(day), day)


def date_span(data: GraphData) -> tuple[str, str] | None:
    """The first and last day in a view (ISO), or None when nothing in it is dated."""
    days = sorted(d for n in data.nodes.values() if (d := iso_day(n.date)))
    return (days[0], days[-1]) if days else None
