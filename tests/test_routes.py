"""The shortest connection between two entities on the real Neo4j: never through a figure, each route its
own number, and two routes that share no step drawn apart (each edge on exactly one route)."""

from __future__ import annotations

import neo4j

from pmkg.graph import connection
from pmkg.graph.questions import load_questions, run_question
from pmkg.ui.graph_view import from_rows, to_elements

# A figure about both ends is a two-step shortcut; the two real routes take three steps each and share
# nothing but their ends.
_ROUTES = """
CREATE (a:Person {id: 'person:route-a', name: 'Anne Route'}),
       (b:Organization {id: 'org:route-b', name: 'Route B'}),
       (f:Figure {id: 'figure:route-f', name: 'Aktuelt er der 14.505 genomer', value: 14505.0}),
       (f)-[:ABOUT {key: 'f-a'}]->(a), (f)-[:ABOUT {key: 'f-b'}]->(b),
       (x1:Organization {id: 'org:route-x1', name: 'X1'}), (y1:Organization {id: 'org:route-y1', name: 'Y1'}),
       (x2:Organization {id: 'org:route-x2', name: 'X2'}), (y2:Organization {id: 'org:route-y2', name: 'Y2'}),
       (a)-[:AFFILIATED_WITH {key: 'a-x1'}]->(x1), (x1)-[:COLLABORATES_WITH {key: 'x1-y1'}]->(y1),
       (y1)-[:COLLABORATES_WITH {key: 'y1-b'}]->(b),
       (a)-[:AFFILIATED_WITH {key: 'a-x2'}]->(x2), (x2)-[:COLLABORATES_WITH {key: 'x2-y2'}]->(y2),
       (y2)-[:COLLABORATES_WITH {key: 'y2-b'}]->(b)
"""


def test_no_route_passes_a_figure_and_two_routes_stay_apart(neo4j_driver: neo4j.Driver) -> None:
    connection.write(neo4j_driver, _ROUTES)
    question = load_questions()["shortest_connection"]
    answer = run_question(neo4j_driver, question, {"source": "person:route-a", "target": "org:route-b"})
    assert list(answer.frame["route"]) == [1, 2]
    assert set(answer.frame["steps"]) == {3}  # not the two steps through the figure
    assert all("14.505" not in text for text in answer.frame["path"])
    assert answer.graph is not None
    nodes = {n["id"]: n for n in answer.graph["nodes"]}
    assert "Figure" not in {n["label"] for n in nodes.values()}
    assert set(nodes) == {f"org:route-{n}" for n in ("b", "x1", "y1", "x2", "y2")} | {"person:route-a"}
    routes = {e["key"]: e["routes"] for e in answer.graph["edges"]}
    assert routes == {
        "a-x1": [1], "x1-y1": [1], "y1-b": [1], "a-x2": [2], "x2-y2": [2], "y2-b": [2],
    }  # fmt: skip
    drawn = to_elements(from_rows(answer.graph["nodes"], answer.graph["edges"]), "en", {"ABOUT": "is about"})
    by_route: dict[int, set[str]] = {}
    for edge in drawn["edges"]:
        ends = (edge["data"]["source"], edge["data"]["target"])
        by_route.setdefault(edge["data"]["route"], set()).update(ends)
    assert by_route[1] & by_route[2] == {"person:route-a", "org:route-b"}  # apart but for the two ends
    assert {e["data"]["name"] for e in drawn["edges"] if e["data"]["route"] == 2} == {
        "AFFILIATED_WITH · 2",
        "COLLABORATES_WITH · 2",
    }
