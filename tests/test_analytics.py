"""Network analytics: the networkx functions on small known graphs, and the projection, rankings,
communities and Gephi files on the example minutes in the real Neo4j."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import neo4j
import networkx as nx
import pytest

from pmkg.errors import PmkgError
from pmkg.graph import connection, gephi, measures, projection
from pmkg.graph.questions import load_questions, run_question
from tests.test_questions import examples_loaded

QUESTIONS = load_questions()


@pytest.fixture(scope="module")
def graph(neo4j_settings: connection.Settings) -> Iterator[neo4j.Driver]:
    with examples_loaded(neo4j_settings) as drv:
        yield drv


def barbell() -> nx.Graph:
    """Two triangles joined through one broker: the broker lies on every path between them."""
    g = nx.Graph()
    for node, label in [("a1", "Person"), ("a2", "Person"), ("a3", "Organization"), ("broker", "Person")]:
        g.add_node(node, label=label, name=node.upper())
    for node in ("b1", "b2", "b3"):
        g.add_node(node, label="Organization", name=node.upper())
    g.add_edges_from([("a1", "a2"), ("a2", "a3"), ("a1", "a3"), ("b1", "b2"), ("b2", "b3"), ("b1", "b3")])
    g.add_edges_from([("a3", "broker"), ("broker", "b1")], type="AFFILIATED_WITH")
    return g


# --- on hand-made graphs -----------------------------------------------------------------------------


def test_simple_collapses_parallel_relationships() -> None:
    multi = nx.MultiGraph()
    multi.add_edge("p", "m", type="ATTENDED")
    multi.add_edge("m", "p", type="PRESENTED")
    multi.add_edge("p", "m", type="ATTENDED")
    multi.add_edge("p", "p", type="SELF")
    g = projection.simple(multi)
    assert list(g.edges(data=True)) == [("p", "m", {"weight": 3, "type": "ATTENDED/PRESENTED"})]


def test_centrality_ranks_the_broker_first() -> None:
    ranking = measures.centrality(barbell())
    assert list(ranking["id"][:3]) == ["broker", "a3", "b1"]
    assert list(ranking["rank"]) == list(range(1, 8))
    top = ranking.iloc[0]
    assert top["betweenness"] == pytest.approx(9 / 15) and top["connections"] == 2


def test_communities_are_the_two_sides_and_stable() -> None:
    found = measures.communities(barbell())
    assert measures.communities(barbell()) == found
    sides = sorted(sorted(c) for c in found)
    assert sides in (
        [["a1", "a2", "a3", "broker"], ["b1", "b2", "b3"]],
        [["a1", "a2", "a3"], ["b1", "b2", "b3", "broker"]],
    )


def test_ego_network_and_shortest_paths() -> None:
    ego = measures.ego_network(barbell(), "broker", radius=1)
    assert dict(ego.nodes(data="distance")) == {"broker": 0, "a3": 1, "b1": 1}
    with pytest.raises(PmkgError, match="nobody is not in the network"):
        measures.ego_network(barbell(), "nobody")
    assert measures.shortest_paths(barbell(), "a1", "b2") == [["a1", "a3", "broker", "b1", "b2"]]
    lonely = barbell()
    lonely.add_node("c")
    assert measures.shortest_paths(lonely, "a1", "c") == []


def test_nearest_stops_at_the_ring_that_fills_the_page() -> None:
    def page(radius: int, limit: int) -> list[tuple[int, str]]:
        return [(distance, node) for distance, node, _ in measures.nearest(barbell(), "a1", radius, limit)]

    # rings from a1: {a1}, {a3, a2} (by label: Organization, then Person), {broker}, {b1}, {b2, b3}
    assert page(4, 100) == [(0, "a1"), (1, "a3"), (1, "a2"), (2, "broker"), (3, "b1"), (4, "b2"), (4, "b3")]
    assert page(4, 2) == [(0, "a1"), (1, "a3")]
    assert page(1, 100) == [(0, "a1"), (1, "a3"), (1, "a2")]
    assert measures.ego_distances(barbell(), "a1", 4) == {node: d for d, node in page(4, 100)}
    with pytest.raises(PmkgError, match="nobody is not in the network"):
        measures.nearest(barbell(), "nobody", 2, 10)


def test_induced_is_the_copied_subgraph_whichever_side_is_shorter() -> None:
    g = barbell()
    g.add_edges_from((f"x{n}", "broker") for n in range(50))  # the broker becomes a hub
    for nodes in (["a3", "broker", "b1", "nobody"], ["broker", "x3", "x7", "a1", "a3"], list(g)):
        got, want = measures.induced(g, nodes), g.subgraph(nodes).copy()
        assert dict(got.nodes(data=True)) == dict(want.nodes(data=True))
        assert {frozenset(e): d for *e, d in got.edges(data=True)} == {
            frozenset(e): d for *e, d in want.edges(data=True)
        }
    got = measures.induced(g, ["a3", "broker"])
    assert got.edges["a3", "broker"] == {"type": "AFFILIATED_WITH"}
    got.edges["a3", "broker"]["type"] = "changed"  # a copy: the shared network is untouched
    assert g.edges["a3", "broker"]["type"] == "AFFILIATED_WITH"


@pytest.mark.parametrize(
    ("write", "read"), [(gephi.write_gexf, nx.read_gexf), (gephi.write_graphml, nx.read_graphml)]
)
def test_gephi_files_hold_names_as_labels_and_flatten_lists(
    tmp_path: Path, write: Callable[..., Path], read: Callable[..., nx.Graph]
) -> None:
    g = nx.MultiGraph()
    g.add_node("person:x", label="Person", name="Søren <Brunak>", aliases=["S. Brunak", "Brunak"], ror=None)
    g.add_node("org:ku", label="Organization", name="Københavns Universitet")
    g.add_edge("person:x", "org:ku", type="AFFILIATED_WITH", doc="doc:1", quotes=["a", "b"])
    g.add_edge("person:x", "org:ku", type="HOLDS_ROLE", doc="doc:2")
    back = read(write(g, tmp_path / "net"))
    assert back.number_of_nodes() == 2 and back.number_of_edges() == 2
    assert back.nodes["person:x"]["label"] == "Søren <Brunak>"
    assert back.nodes["person:x"]["kind"] == "Person"
    assert back.nodes["person:x"]["aliases"] == "S. Brunak; Brunak"
    assert "ror" not in back.nodes["person:x"]
    relations = sorted(d["relation"] for _, _, d in back.edges(data=True))
    assert relations == ["AFFILIATED_WITH", "HOLDS_ROLE"]


# --- on the example minutes --------------------------------------------------------------------------


def test_projection_matches_the_store(graph: neo4j.Driver) -> None:
    network = projection.project(graph)
    counts = {
        row["label"]: row["n"]
        for row in connection.read(graph, "MATCH (n) RETURN labels(n)[0] AS label, count(*) AS n")
    }
    labels = [d["label"] for _, d in network.nodes(data=True)]
    assert {label: labels.count(label) for label in set(labels)} == {
        label: counts[label] for label in projection.NETWORK_LABELS if label in counts
    }
    assert network.nodes["person:soren-brunak"] == {"label": "Person", "name": "Søren Brunak"}
    assert not any(n.startswith("doc:") for n in network)
    attended = projection.project(graph, labels=["Person", "Meeting"], rel_types=["ATTENDED"])
    assert {d["type"] for _, _, d in attended.edges(data=True)} == {"ATTENDED"}
    expected = connection.read(graph, "MATCH (:Person)-[r:ATTENDED]->(:Meeting) RETURN count(r) AS n")[0]["n"]
    assert attended.number_of_edges() == expected > 0


def test_the_server_side_projection_is_the_simple_network(graph: neo4j.Driver) -> None:
    for labels in (projection.NETWORK_LABELS, (*projection.NETWORK_LABELS, "Document", "Figure", "Deadline")):
        counted = projection.project_simple(graph, labels)
        collapsed = projection.simple(projection.project(graph, labels))
        assert dict(counted.nodes(data=True)) == dict(collapsed.nodes(data=True))
        assert {frozenset((u, v)): d for u, v, d in counted.edges(data=True)} == {
            frozenset((u, v)): d for u, v, d in collapsed.edges(data=True)
        }
        assert max(d["weight"] for _, _, d in counted.edges(data=True)) > 1  # parallel statements counted


def test_key_stakeholders_on_the_examples(graph: neo4j.Driver) -> None:
    answer = run_question(graph, QUESTIONS["stakeholders"], {"top": 5})
    assert list(answer.frame["rank"]) == [1, 2, 3, 4, 5]
    assert answer.frame.iloc[0]["id"] == "org:ngc"
    assert set(answer.frame["label"]) <= {"Person", "Organization"}
    assert list(answer.frame["betweenness"]) == sorted(answer.frame["betweenness"], reverse=True)
    assert run_question(graph, QUESTIONS["stakeholders"], {"top": 5}).frame.equals(answer.frame)
    drawn = {n["id"]: n for n in answer.graph["nodes"]}
    assert set(answer.frame["id"]) <= set(drawn) and drawn["org:ngc"]["rank"] == 1
    people = run_question(graph, QUESTIONS["stakeholders"], {"kind": "person", "top": 3}).frame
    assert set(people["label"]) == {"Person"} and len(people) == 3
    with pytest.raises(PmkgError, match="kind must be one of Person, Organization, Initiative, not 'robot'"):
        run_question(graph, QUESTIONS["stakeholders"], {"kind": "robot"})


def test_communities_on_the_examples_are_deterministic(graph: neo4j.Driver) -> None:
    first = run_question(graph, QUESTIONS["communities"], {"top": 50})
    again = run_question(graph, QUESTIONS["communities"], {"top": 50})
    assert first.frame.to_dict("records") == again.frame.to_dict("records")
    community = {n["name"]: n["community"] for n in first.graph["nodes"]}
    # each board's people form their own community: the GMS steering group, Helse Vest's, NPOC's
    assert community["Gunnel Åkesson Lindberg"] == community["Malin Ekdahl"] == community["Karin Strömberg"]
    assert community["Kari Løvlie Aarskog"] == community["Magnus Tysse"] == community["Dagfinn Hope"]
    assert (
        community["Gunnel Åkesson Lindberg"]
        != community["Kari Løvlie Aarskog"]
        != community["Tuomas Heinonen"]
    )
    assert (
        sum(first.frame["size"])
        == len(community)
        == projection.simple(projection.project(graph)).number_of_nodes()
    )


def test_ego_network_on_the_examples(graph: neo4j.Driver) -> None:
    near = run_question(graph, QUESTIONS["ego_network"], {"entity": "Søren Brunak", "radius": 1})
    assert {(r["name"], r["distance"]) for r in near.frame.to_dict("records")} >= {
        ("Søren Brunak", 0),
        ("Københavns Universitet", 1),
    }
    wider = run_question(graph, QUESTIONS["ego_network"], {"entity": "Søren Brunak", "radius": 2})
    distance = dict(zip(wider.frame["name"], wider.frame["distance"], strict=True))
    assert distance["Bettina Lundgren"] == 2
    assert {n["id"] for n in wider.graph["nodes"]} == set(wider.frame["id"])


def test_gephi_export_of_the_examples(graph: neo4j.Driver, tmp_path: Path) -> None:
    network = projection.project(graph)
    gexf = nx.read_gexf(gephi.write_gexf(network, tmp_path / "pmkg.gexf"))
    graphml = nx.read_graphml(gephi.write_graphml(network, tmp_path / "pmkg.graphml"))
    for back in (gexf, graphml):
        assert (back.number_of_nodes(), back.number_of_edges()) == (
            network.number_of_nodes(),
            network.number_of_edges(),
        )
        assert back.nodes["org:ngc"]["label"] == "Nationalt Genom Center"


def test_ego_network_of_a_document_shows_what_it_links(graph: neo4j.Driver) -> None:
    (doc,) = connection.read(
        graph, "MATCH (d:Document) WHERE d.source = 'ngc-advisory-board-5.txt' RETURN d.id AS id"
    )
    answer = run_question(graph, QUESTIONS["ego_network"], {"entity": doc["id"], "radius": 1})
    near = dict(zip(answer.frame["name"], answer.frame["distance"], strict=True))
    assert near["Bettina Lundgren"] == near["1+ Million Genomes"] == 1
    assert "Gunnel Åkesson Lindberg" not in near  # another document's people
