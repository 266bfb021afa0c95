"""set_type, fix and add in the RDF export: curated facts with their source note, revisions, PROV-O
(real Neo4j, the CLI, the exported and SHACL-validated Turtle)."""

from __future__ import annotations

from pathlib import Path

import neo4j
import pytest
from rdflib import RDF, RDFS, XSD, Literal, URIRef
from rdflib.namespace import FOAF, ORG, PROV

from pmkg.cli import main
from pmkg.graph import connection, corrections, rdf
from pmkg.graph.rdfcodec import Mapper, node_iri
from pmkg.graph.store import load_record
from tests.graph_samples import board_minutes

PMKG, SCHEMA = rdf.PMKG, rdf.SCHEMA
CHAIR_KEY = """
MATCH (:Person {id: 'person:jan-moore'})-[r:HOLDS_ROLE {role: 'chair'}]->(:Organization {id: 'org:board'})
RETURN r.key AS key
"""


def test_curated_facts_set_types_and_revisions_are_exported_as_prov(
    curator: neo4j.Driver,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    load_record(curator, board_minutes("a.txt", chair="Jan Moore"))
    chair_key = connection.read(curator, CHAIR_KEY)[0]["key"]
    for argv in (
        ["fix", "person:jan-moore", "HOLDS_ROLE", "org:board", "--where", "role=chair", "--set",
         "role=vice_chair", "--note", "telephone call with the secretariat 3 Dec", "--why", "vice chair"],
        ["add", "person:bettina-lundgren", "AFFILIATED_WITH", "org:ku", "--note", "KU's staff page"],
        ["set-type", "person:ole-skott", "Organization", "--why", "a firm"],
    ):  # fmt: skip
        assert main(argv) == 0
    made = {item.correction.kind: item.correction for item in corrections.listing(curator)}
    capsys.readouterr()

    out = tmp_path / "graph.ttl"
    assert main(["export", "--in-memory", "--format", "turtle", "--out", str(out)]) == 0  # SHACL-validated
    g = rdf.parse(out.read_bytes(), "turtle")
    m = Mapper(None, (), {})
    jan, board = node_iri("person:jan-moore"), node_iri("org:board")

    fix = node_iri(made["fix"].id)
    fact = m.fact_iri(made["fix"].id)
    assert set(g.objects(fact, RDF.type)) >= {PMKG.CuratedFact, PMKG.Fact, ORG.Membership}
    assert (jan, ORG.memberOf, board) in g  # the corrected membership is asserted
    assert str(g.value(fact, ORG.role)).endswith("vice_chair")
    assert g.value(fact, PROV.wasGeneratedBy) == fix
    assert (fix, PROV.generated, fact) in g
    assert g.value(fact, PROV.wasAttributedTo) == g.value(fix, PROV.wasAssociatedWith)
    assert g.value(g.value(fix, PROV.wasAssociatedWith), FOAF.accountName) == Literal("kari")
    note = g.value(fact, PROV.wasDerivedFrom)
    assert (note, RDF.type, PMKG.SourceNote) in g
    assert g.value(note, RDFS.comment) == Literal("telephone call with the secretariat 3 Dec")
    assert g.value(fact, SCHEMA.validFrom) == Literal(
        "2023-06-14", datatype=XSD.date
    )  # the minutes it revises
    original = m.fact_iri(chair_key)  # the extracted 'chair': revised, named, asserted nowhere
    assert g.value(fact, PROV.wasRevisionOf) == original
    assert set(g.objects(original, RDF.type)) == {PMKG.RejectedFact, RDF.Statement}
    assert g.value(original, PROV.wasInvalidatedBy) == fix

    bettina, ku = node_iri("person:bettina-lundgren"), node_iri("org:ku")
    assert (bettina, SCHEMA.affiliation, ku) in g
    added = m.fact_iri(made["add"].id)
    assert g.value(added, RDF.subject) == bettina and g.value(added, RDF.object) == ku
    assert g.value(g.value(added, PROV.wasDerivedFrom), RDFS.comment) == Literal("KU's staff page")
    assert g.value(node_iri(made["add"].id), PMKG.correctionKind) == Literal("add")

    ole = node_iri("person:ole-skott")
    assert (ole, RDF.type, SCHEMA.Organization) in g and (ole, RDF.type, SCHEMA.Person) not in g
    retype = node_iri(made["set_type"].id)
    (revision,) = g.objects(retype, PROV.generated)
    assert g.value(revision, PROV.wasRevisionOf) == ole
    assert g.value(revision, PMKG.nodeLabel) == Literal("Organization")
    attended = [s for s in g.subjects(PROV.wasInvalidatedBy, retype)]  # the attendance set aside
    assert [g.value(s, PMKG.relationshipType) for s in attended] == [Literal("ATTENDED")]

    # N-Quads: a curated fact sits in its correction's named graph (no document states it)
    nq = tmp_path / "graph.nq"
    assert main(["export", "--format", "nq", "--out", str(nq)]) == 0
    quads = rdf.parse(nq.read_bytes(), "nq")
    assert (fact, RDF.type, PMKG.CuratedFact) in quads.graph(URIRef(f"{fix}/graph"))
