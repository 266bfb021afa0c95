"""Staff corrections in the RDF export as PROV-O activities (real Neo4j, the CLI, the exported Turtle).

The example minutes are ingested; three people make one correction of each kind through the CLI (one
author signs in with an e-mail address), a fourth undoes the rename; ``pmkg export`` must then describe
each correction with its real author, time, reason and the entities it touched, mark the rejected fact
as rejected (asserting nothing), and leave the authors' accounts out when pseudonymising.
"""

from __future__ import annotations

from pathlib import Path

import neo4j
import pytest
from rdflib import RDF, RDFS, XSD, Literal, URIRef
from rdflib.namespace import FOAF, PROV

from pmkg.cli import main
from pmkg.graph import connection, corrections, rdf
from pmkg.graph.rdfcodec import node_iri
from pmkg.graph.store import load_record
from pmkg.model.correction import split_id
from tests.test_questions import example_records

PMKG, SCHEMA = rdf.PMKG, rdf.SCHEMA
BOARD = "org:nationale-advisory-board-for-forskning-og-infrastruktur"
ROLE_KEY = """
MATCH (:Person {id: 'person:soren-brunak'})-[r:HOLDS_ROLE {role: 'chair'}]->(:Organization {id: $board})
RETURN r.key AS key
"""


def as_user(monkeypatch: pytest.MonkeyPatch, name: str, *argv: str) -> None:
    monkeypatch.setenv("PMKG_USER", name)
    assert main(list(argv)) == 0


def export(tmp_path: Path, *flags: str) -> rdf.Dataset:
    out = tmp_path / "graph.ttl"
    assert main(["export", "--out", str(out), *flags]) == 0
    return rdf.parse(out.read_bytes(), "turtle")


def iri(node_id: str) -> URIRef:
    return node_iri(node_id)


def test_every_kind_of_correction_is_a_prov_activity_with_author_time_reason_and_targets(
    neo4j_env: connection.Settings,
    neo4j_driver: neo4j.Driver,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for record in example_records():
        load_record(neo4j_driver, record)
    role_key = connection.read(neo4j_driver, ROLE_KEY, {"board": BOARD})[0]["key"]
    as_user(monkeypatch, "kari", "merge", "person:ida-vogel", "person:ida-fjeldsted",
            "--keep", "person:ida-vogel", "--why", "one geneticist, two spellings")  # fmt: skip
    as_user(monkeypatch, "kari@example.org", "rename", "person:emir-hodzic", "Emir Hodžić Berg",
            "--why", "full name, per his letter")  # fmt: skip
    as_user(monkeypatch, "ole", "reject", "person:soren-brunak", "HOLDS_ROLE", BOARD,
            "--where", "role=chair", "--why", "not the chair")  # fmt: skip
    as_user(monkeypatch, "ole", "split", "person:bettina-lundgren", "--documents", "ngc-advisory-board-5.txt",
            "--name", "Bettina Lundgren (NGC)", "--why", "two people")  # fmt: skip
    as_user(monkeypatch, "ole", "not-same", "person:emir-hodzic", "person:emma-lindqvist-berg",
            "--why", "different people")  # fmt: skip
    made = {item.correction.kind: item.correction for item in corrections.listing(neo4j_driver)}
    as_user(monkeypatch, "mona", "corrections", "undo", made["rename"].id)
    capsys.readouterr()

    g = export(tmp_path)
    activity = {kind: iri(c.id) for kind, c in made.items()}
    for kind, c in made.items():
        a = activity[kind]
        assert {PROV.Activity, PMKG.Correction} <= set(g.objects(a, RDF.type))
        assert g.value(a, PMKG.correctionKind) == Literal(kind)
        assert g.value(a, PROV.endedAtTime) == Literal(c.at, datatype=XSD.dateTime)
        assert g.value(a, RDFS.comment) == Literal(c.reason)
        assert set(g.objects(a, PROV.used)) == {iri(t) for t in c.targets}
        assert (g.value(a, PROV.wasAssociatedWith), RDF.type, PROV.Agent) in g
    accounts = {k: g.value(g.value(a, PROV.wasAssociatedWith), FOAF.accountName) for k, a in activity.items()}
    # an author's e-mail address is a contact detail: left out of an export without contact details
    assert accounts == {"merge": Literal("kari"), "rename": None, "reject": Literal("ole"),
                        "split": Literal("ole"), "not_same": Literal("ole")}  # fmt: skip
    statuses = {k: str(g.value(a, PMKG.correctionStatus)) for k, a in activity.items()}
    assert statuses == {"merge": "applied", "rename": "undone", "reject": "applied",
                        "split": "applied", "not_same": "applied"}  # fmt: skip

    assert set(g.objects(activity["merge"], PROV.invalidated)) == {iri("person:ida-fjeldsted")}
    into = split_id("person:bettina-lundgren", made["split"].payload["documents"])
    assert set(g.objects(activity["split"], PROV.generated)) == {iri(into)}
    assert (iri(into), SCHEMA.name, Literal("Bettina Lundgren (NGC)")) in g

    rename = activity["rename"]
    (revision,) = g.objects(rename, PROV.generated)
    assert g.value(revision, PROV.wasRevisionOf) == iri("person:emir-hodzic")
    assert g.value(revision, PROV.wasAttributedTo) == g.value(rename, PROV.wasAssociatedWith)
    assert (g.value(revision, SCHEMA.name), g.value(revision, SCHEMA.alternateName)) == (
        Literal("Emir Hodžić Berg"), Literal("Emir Hodžić"))  # fmt: skip
    undone = made["rename"]
    stored = {item.correction.id: item.correction for item in corrections.listing(neo4j_driver)}
    undone_at = stored[undone.id].undone_at
    assert g.value(rename, PMKG.undoneAtTime) == Literal(undone_at, datatype=XSD.dateTime)
    assert g.value(g.value(rename, PMKG.undoneBy), FOAF.accountName) == Literal("mona")
    assert (iri("person:emir-hodzic"), SCHEMA.name, Literal("Emir Hodžić")) in g  # the rename undone

    # the rejected chair: named as a statement, invalidated by the reject, asserted nowhere
    from pmkg.graph.rdfcodec import Mapper

    fact = Mapper(None, (), {}).fact_iri(role_key)
    assert set(g.objects(fact, RDF.type)) == {PMKG.RejectedFact, RDF.Statement}
    assert g.value(fact, RDF.subject) == iri("person:soren-brunak")
    assert g.value(fact, RDF.object) == iri(BOARD)
    assert g.value(fact, PMKG.relationshipType) == Literal("HOLDS_ROLE")
    assert g.value(fact, PROV.wasInvalidatedBy) == activity["reject"]
    assert (activity["reject"], PROV.invalidated, fact) in g

    # pseudonymised: authors are keyed pseudonyms without account names; people's names are not given
    monkeypatch.setenv(rdf.KEY_ENV, "a test key")
    p = export(tmp_path, "--pseudonymize")
    agents = {p.value(iri(c.id), PROV.wasAssociatedWith) for c in made.values()}
    assert len(agents) == 3 and all("/id/pseudonym/" in str(a) for a in agents)
    assert not list(p.triples((None, FOAF.accountName, None)))
    (revision,) = p.objects(iri(made["rename"].id), PROV.generated)
    assert p.value(revision, SCHEMA.name) is None and p.value(revision, SCHEMA.alternateName) is None
    assert p.value(iri(made["reject"].id), RDFS.comment) == Literal("not the chair")
