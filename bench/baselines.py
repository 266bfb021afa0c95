"""What a user would otherwise write or pick, loading the same data, for the side-by-side figures."""

from __future__ import annotations

import neo4j
from rdflib import Graph

from graph import connection
from graph.rdf import rows_to_dataset, union_graph
from graph.schema import labelled
from graph.triples import GraphRows

NAIVE_NODE = "MERGE (n:{label} {id: $id}) SET n += $props"
NAIVE_REL = """
MATCH (a:{from_label} {id: $from}) MATCH (b:{to_label} {id: $to})
MERGE (a)-[r:{type} {key: $key}]->(b) SET r += $props
"""


def naive_load(driver: neo4j.Driver, rows: GraphRows, database: str) -> None:
    """One auto-committed MERGE per node and per relationship: the first loader people write."""
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


def rdflib_neo4j_load(settings: connection.Settings, rows: GraphRows) -> int:
    """The same facts as RDF, loaded by the rdflib-neo4j store with batching on; returns the triples."""
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
    triples = union_graph(rows_to_dataset(rows))
    store = Graph(store=Neo4jStore(config=config))
    for triple in triples:
        store.add(triple)
    store.close(True)
    return len(triples)
