"""What a user would otherwise write or pick, loading the same data, for the side-by-side figures."""

from __future__ import annotations

import sys
from contextlib import redirect_stdout

import neo4j
from rdflib import Graph

from pmkg.graph import connection
from pmkg.graph.rdf import rows_to_dataset, union_graph
from pmkg.graph.schema import labelled
from pmkg.graph.triples import GraphRows
from pmkg.model.graph import LABELS

# What the Neo4j manual asks of anyone who MERGEs on a key: a uniqueness constraint, so each MERGE is a seek.
NAIVE_CONSTRAINT = "CREATE CONSTRAINT {label}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
NAIVE_NODE = "MERGE (n:{label} {id: $id}) SET n += $props"
NAIVE_REL = """
MATCH (a:{from_label} {id: $from}) MATCH (b:{to_label} {id: $to})
MERGE (a)-[r:{type} {key: $key}]->(b) SET r += $props
"""


RDFLIB_NEO4J_CONSTRAINT = (
    "CREATE CONSTRAINT n10s_unique_uri IF NOT EXISTS FOR (r:Resource) REQUIRE r.uri IS UNIQUE"
)


def naive_schema(driver: neo4j.Driver, database: str) -> None:
    """The uniqueness constraints on ``id`` that the Neo4j manual asks of anyone who MERGEs on it."""
    with driver.session(database=database) as session:
        for label in LABELS:
            session.run(labelled(NAIVE_CONSTRAINT, label=label)).consume()
        session.run("CALL db.awaitIndexes(300)").consume()


def rdflib_neo4j_schema(driver: neo4j.Driver, database: str) -> None:
    """The constraint rdflib-neo4j creates when it opens (made before its timing, as ours and the naive's)."""
    with driver.session(database=database) as session:
        session.run(RDFLIB_NEO4J_CONSTRAINT).consume()
        session.run("CALL db.awaitIndexes(300)").consume()


def naive_load(driver: neo4j.Driver, rows: GraphRows, database: str) -> None:
    """One auto-committed MERGE per node and per relationship: the first loader people write
    (its constraints, :func:`naive_schema`, are made before the timing)."""
    labels = rows.node_labels()
    with driver.session(database=database) as session:
        for label, nodes in rows.nodes.items():
            query = labelled(NAIVE_NODE, label=label)
            for node in nodes:
                session.run(query, id=node["id"], props=node).consume()
        for rtype, rels in rows.rels.items():
            for rel in rels:
                query = labelled(
                    NAIVE_REL, type=rtype, from_label=labels[rel["from"]], to_label=labels[rel["to"]]
                )
                props = {k: v for k, v in rel.items() if k not in ("from", "to")}
                params = {"from": rel["from"], "to": rel["to"], "key": rel["key"], "props": props}
                session.run(query, params).consume()


def rdflib_neo4j_load(settings: connection.Settings, triples: Graph) -> None:
    """The same facts as RDF (:func:`as_triples`), loaded by the rdflib-neo4j store with batching on.

    Its ``Resource.uri`` constraint is made before the timing (:func:`rdflib_neo4j_schema`); its
    progress messages (printed on stdout) go to stderr, so stdout stays one JSON object."""
    from rdflib_neo4j import HANDLE_VOCAB_URI_STRATEGY, Neo4jStore, Neo4jStoreConfig

    config = Neo4jStoreConfig(
        auth_data={
            "uri": settings.uri,
            "database": settings.database,
            "user": settings.username,
            "pwd": settings.password,
        },
        handle_vocab_uri_strategy=HANDLE_VOCAB_URI_STRATEGY.IGNORE,
        batching=True,
    )
    with redirect_stdout(sys.stderr):
        store = Graph(store=Neo4jStore(config=config))
        for triple in triples:
            store.add(triple)
        store.close(True)


def as_triples(rows: GraphRows) -> Graph:
    """The RDF the project exports for these rows (made before the timing starts)."""
    return union_graph(rows_to_dataset(rows))
