"""The fast SHACL engine (pyshacl-turbo) decides whether an export is valid and pyshacl names what breaks
(graph/rdf.py): both must find the same violations, of every kind the shapes check, or the fast engine
could pass a graph the reference would refuse."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyshacl
import pyshacl_turbo
import pytest
from rdflib import RDF, XSD, Graph, Literal
from rdflib.namespace import DCTERMS

from pmkg.graph import rdf
from pmkg.graph.triples import GraphRows, merge_rows, record_to_rows
from pmkg.ingest.pipeline import extract_file

MINUTES = Path(__file__).resolve().parent / "minutes" / "dev"


@pytest.fixture(scope="module")
def valid() -> Graph:
    records = [extract_file(p) for p in sorted(MINUTES.glob("*.txt"))[:4]]
    return rdf.union_graph(rdf.rows_to_dataset(merge_rows(map(record_to_rows, records))))


def broken(graph: Graph) -> Graph:
    """The graph with a violation of each kind: a missing name, a second name, a wrong datatype, a
    value of the wrong class and a date in none of the allowed forms."""
    out = Graph()
    out += graph
    people = sorted(graph.subjects(RDF.type, rdf.SCHEMA.Person))
    organisations = sorted(graph.subjects(RDF.type, rdf.SCHEMA.Organization))
    documents = sorted(set(graph.subjects(DCTERMS.date, None)))
    out.remove((people[0], rdf.SCHEMA.name, None))  # sh:or: neither a name nor a pseudonym
    out.remove((organisations[1], rdf.SCHEMA.name, None))  # minCount
    out.add((organisations[0], rdf.SCHEMA.name, Literal("A second name")))  # maxCount
    out.add((people[1], rdf.SCHEMA.name, Literal(7)))  # datatype (and maxCount)
    participation = sorted(graph.objects(None, rdf.CV.hasParticipation))[0]
    out.remove((participation, RDF.type, None))  # class: a meeting's participation that is none
    for date in graph.objects(documents[0], DCTERMS.date):
        out.remove((documents[0], DCTERMS.date, date))
    out.add((documents[0], DCTERMS.date, Literal("last spring", datatype=XSD.string)))  # sh:or of dates
    return out


def violations(results: Graph) -> Counter[str]:
    """Each violation without its message text (the engines word it differently)."""
    return Counter(message.split("): ")[0] for message in rdf._messages(results, rdf.shapes()))


def run(engine: object, graph: Graph) -> tuple[bool, Counter[str]]:
    conforms, results, _ = engine.validate(  # type: ignore[attr-defined]
        graph, shacl_graph=rdf.shapes(), inference="none", advanced=False, allow_warnings=True
    )
    return conforms, violations(results)


def test_both_engines_pass_a_valid_export(valid: Graph) -> None:
    assert len(valid) > 1000
    assert run(pyshacl, valid) == (True, Counter())
    assert run(pyshacl_turbo, valid) == (True, Counter())
    assert rdf.validate(valid) == []


def test_both_engines_find_the_same_violations_of_every_kind(valid: Graph) -> None:
    graph = broken(valid)
    reference_conforms, reference = run(pyshacl, graph)
    fast_conforms, fast = run(pyshacl_turbo, graph)
    assert not reference_conforms and not fast_conforms
    assert fast == reference
    kinds = {key.rsplit("(", 1)[1].split()[0] for key in reference}
    assert {"MinCountConstraintComponent", "MaxCountConstraintComponent", "DatatypeConstraintComponent",
            "ClassConstraintComponent", "OrConstraintComponent"} <= kinds  # fmt: skip


def test_validate_words_violations_as_the_reference_does(valid: Graph) -> None:
    graph = broken(valid)
    messages = rdf.validate(graph)
    _, results, _ = pyshacl.validate(
        graph, shacl_graph=rdf.shapes(), inference="none", advanced=False, allow_warnings=True
    )
    assert messages == rdf._messages(results, rdf.shapes())
    assert any("must conform to one or more shapes" in m for m in messages)  # pyshacl's wording


def test_a_page_is_checked_for_what_it_describes_not_for_what_it_names(valid: Graph) -> None:
    """A streamed export's page of facts names people and meetings described in other pages: their
    classes come from the index (sh:class reads them) without making them fail there; a node the page
    does describe, with a date no reader can parse, is named (pyshacl's own focus mode passed it)."""
    from rdflib import URIRef

    from pmkg.graph.export_check import context_index, page_problems
    from pmkg.graph.rdfcodec import Mapper
    from pmkg.graph.rdfmap import page_quads

    records = [extract_file(p) for p in sorted(MINUTES.glob("*.txt"))[:4]]
    rows = merge_rows(map(record_to_rows, records))
    m = Mapper(None, (), rows.node_labels())
    index = context_index(m, [GraphRows(nodes=rows.nodes)])
    facts = list(dict.fromkeys(page_quads(m, GraphRows(rels={"ATTENDED": rows.rels["ATTENDED"]}))))
    assert len(facts) > 200
    assert page_problems(facts, m, index) == []
    deadline = URIRef("https://w3id.org/pmkg/id/deadline/test-1")
    described = [
        (deadline, RDF.type, rdf.PMKG.Deadline, None),
        (deadline, rdf.SCHEMA.name, Literal("Next meeting"), None),
        (deadline, DCTERMS.type, Literal("next_meeting"), None),
        (deadline, rdf.SCHEMA.startDate, Literal("2024-04-18T14:00:", datatype=XSD.dateTime), None),
    ]
    problems = page_problems(facts + described, m, index)
    assert len(problems) == 1
    assert (
        "deadline/test-1> breaks pmkgsh:DeadlineShape (OrConstraintComponent on schema:startDate)"
        in problems[0]
    )
