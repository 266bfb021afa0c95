"""The one model (pmkg.model): the committed JSON Schema is the one the record classes generate, records
round-trip through JSON, the rows only hold what the model declares, and the ontology and the SHACL shapes
agree with the terms the model and the export use."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import jsonschema
import msgspec
import pytest
from rdflib import OWL, RDF, Graph, URIRef
from rdflib.namespace import SH

from pmkg import knowledge
from pmkg.graph import curated, rdf
from pmkg.graph.identity import resolve_corpus
from pmkg.graph.rdfcodec import term
from pmkg.graph.triples import GraphRows, merge_rows, record_to_rows
from pmkg.ingest.pipeline import extract_file
from pmkg.model import graph as model
from pmkg.model.correction import Correction, make, split_id
from pmkg.model.jsonschema import record_schema, render
from pmkg.model.record import Provenance, Record, decode_record, encode_record
from tests.graph_samples import board_minutes

ROOT = Path(__file__).resolve().parent.parent
PMKG = rdf.PREFIXES["pmkg"]


@cache
def example_records() -> tuple[Record, ...]:
    return tuple(resolve_corpus(extract_file(p) for p in sorted((ROOT / "examples").iterdir())))


# a deadline in a month, at a time of day: its times cannot join a date (pmkg:startTime, pmkg:endTime)
UNDATED_TIMES = GraphRows(
    nodes={"Deadline": [{"id": "deadline:x", "name": "Frist", "kind": "deadline", "date": "2024-09",
                         "start_time": "10:00", "end_time": "11:00"}]}
)  # fmt: skip


@cache
def sample_rows() -> GraphRows:
    """The examples and the sample board minutes (which hold a funding, a membership and an MoU)."""
    records = [record_to_rows(r) for r in (*example_records(), board_minutes())]
    return merge_rows([*records, UNDATED_TIMES])


def sample_history() -> tuple[GraphRows, list[tuple[Correction, str | None]]]:
    """The sample rows with a role and an affiliation rejected, and a correction of every kind (one
    undone, one orphaned), so the export writes every term of its PROV activities."""
    rows = sample_rows()
    role, affiliation = rows.rels["HOLDS_ROLE"][0], rows.rels["AFFILIATED_WITH"][0]
    revised = rows.rels["HOLDS_ROLE"][-1]
    person = rows.nodes["Person"][0]
    pid = person["id"]
    made = [
        make("merge", [pid, "person:gone"], {"keep": pid, "label": "Person"}, "kari", "typo"),
        make("rename", [pid], {"name": "N. N.", "was": person["name"], "label": "Person"}, "kari@x.dk", ""),
        make("reject", [role["from"], role["to"]], {"type": "HOLDS_ROLE", "from_label": "Person",
             "to_label": "Organization", "where": {}}, "ole", "not a member"),
        make("reject", [affiliation["from"], affiliation["to"]], {"type": "AFFILIATED_WITH",
             "from_label": "Person", "to_label": "Organization", "where": {}}, "ole", "wrong"),
        make("split", [pid], {"documents": ["doc:a"], "into": split_id(pid, ["doc:a"]),
             "label": "Person"}, "ole", "two people"),
        make("not_same", ["person:a", "person:b"], {"label": "Person"}, "ole", "different"),
        make("set_type", [pid], {"label": "Person", "to": "Organization"}, "ole", "a firm"),
        make("fix", [revised["from"], revised["to"]], {"type": "HOLDS_ROLE", "from_label": "Person",
             "to_label": "Organization", "where": {}, "props": {"role": "vice_chair"},
             "note": "telephone call"}, "ole", "vice chair"),
        make("add", [affiliation["from"], role["to"]], {"type": "AFFILIATED_WITH", "from_label": "Person",
             "to_label": "Organization", "props": {}, "note": "staff page"}, "ole", ""),
    ]  # fmt: skip
    made[1] = msgspec.structs.replace(made[1], undone_at=made[1].at, undone_by="ole")
    rels = dict(rows.rels)
    fix, add = made[7], made[8]
    rels["HOLDS_ROLE"] = [{**role, "rejected": made[2].id}, *rows.rels["HOLDS_ROLE"][1:-1],
                          {**revised, "rejected": fix.id, "revised": fix.id},
                          {"from": revised["from"], "to": revised["to"], **curated.props(fix)}]  # fmt: skip
    rels["AFFILIATED_WITH"] = [
        {**affiliation, "rejected": made[3].id}, *rows.rels["AFFILIATED_WITH"][1:],
        {"from": affiliation["from"], "to": role["to"], **curated.props(add)},
    ]  # fmt: skip
    statuses = [
        "applied",
        "undone",
        "applied",
        "applied",
        "applied",
        "orphaned",
        "applied",
        "applied",
        "applied",
    ]
    return GraphRows(nodes=rows.nodes, rels=rels), list(zip(made, statuses, strict=True))


@cache
def exported() -> Graph:
    """Every triple the export writes for the sample rows and corrections, with each personal-data option."""
    union = Graph()
    options = (
        rdf.ExportOptions(),
        rdf.ExportOptions(include_contact_details=True),
        rdf.ExportOptions(pseudonymize=True, pseudonym_key=b"k"),
    )
    rows, history = sample_history()
    for option in options:
        union.addN((s, p, o, union) for s, p, o, _ in rdf.rows_to_quads(rows, option, history))
    return union


def test_the_export_with_corrections_conforms_to_the_shapes() -> None:
    rows, history = sample_history()
    for option in (rdf.ExportOptions(), rdf.ExportOptions(pseudonymize=True, pseudonym_key=b"k")):
        assert rdf.validate(rdf.rows_to_dataset(rows, option, history)) == []


def test_the_committed_json_schema_is_generated_from_the_record_classes() -> None:
    committed = knowledge.path("record.schema.json").read_text(encoding="utf-8")
    assert committed == render(), "run `python -m pmkg.model.jsonschema` and commit the file"


def test_the_schema_checks_what_the_classes_require() -> None:
    schema = record_schema()
    record = example_records()[0].to_dict()
    jsonschema.validate(record, schema)
    broken = json.loads(json.dumps(record))
    broken["meetings"][0]["attendance"][0]["status"] = "maybe"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)
    broken = json.loads(json.dumps(record))
    broken["people"][0]["provenance"] = []  # a person is always sourced
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_a_record_round_trips_through_json_lines_and_bad_lines_are_refused() -> None:
    for record in example_records():
        line = encode_record(record)
        assert b"\n" not in line
        assert decode_record(line) == record
    with pytest.raises(msgspec.ValidationError, match="status"):
        decode_record(encode_record(example_records()[0]).replace(b'"status":"present"', b'"status":"maybe"'))


def test_provenance_names_its_rule_in_the_json_and_is_as_before_without_one() -> None:
    prov = Provenance("Søren", 3, 8, rule="attendance.list")
    assert msgspec.to_builtins(prov) == {"quote": "Søren", "start": 3, "end": 8, "rule": "attendance.list"}
    assert msgspec.to_builtins(Provenance("Søren", 3, 8)) == {"quote": "Søren", "start": 3, "end": 8}
    organisations = [o for r in example_records() for o in r.to_dict()["organizations"]]
    assert any(p.get("rule") for o in organisations for p in o["provenance"])


def test_rows_hold_only_what_the_model_declares() -> None:
    rows = sample_rows()
    labels = rows.node_labels()
    for label, nodes in rows.nodes.items():
        declared = {p.name for p in model.NODES[label].props if not p.store_only}
        for node in nodes:
            assert set(node) <= declared, (label, set(node) - declared)
    for rtype, rels in rows.rels.items():
        spec = model.RELS[rtype]
        declared = {"from", "to"} | {p.name for p in model.rel_props(rtype) if p.fixed is None}
        for rel in rels:
            assert set(rel) <= declared, (rtype, set(rel) - declared)
            assert labels[rel["from"]] in spec.sources and labels[rel["to"]] in spec.targets, rel["key"]
    assert set(rows.nodes) == set(model.LABELS) and set(rows.rels) == set(model.REL_TYPES)


def _declared(onto: Graph) -> set[URIRef]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    return {s for kind in kinds for s in onto.subjects(RDF.type, kind) if isinstance(s, URIRef)}


def _model_terms() -> set[URIRef]:
    curies = [c for n in model.NODES.values() for c in (*n.classes, *n.fallback)]
    curies += [
        c
        for r in model.RELS.values()
        for c in (*r.classes, r.predicate, r.source_link, r.target_link, r.shortcut)
    ]
    curies += [p.rdf for n in model.NODES.values() for p in n.props if p.rdf]
    curies += [p.rdf for r in model.RELS.values() for p in r.props if p.rdf]
    return {term(c.lstrip("^")) for text in curies if text for c in text.split()}


def test_the_ontology_declares_every_pmkg_term_the_model_and_the_export_use_and_no_other() -> None:
    used = {
        t for t in _model_terms() | set(exported().predicates()) | set(exported().objects(None, RDF.type))
    }
    used_pmkg = {t for t in used if str(t).startswith(str(PMKG))}
    declared = {t for t in _declared(rdf.ontology()) if str(t).startswith(str(PMKG))}
    assert used_pmkg - declared == set(), "declare these in knowledge/ontology.ttl"
    assert declared - used_pmkg - {PMKG.impliesClass} == set(), "the export no longer uses these"


def test_every_shape_targets_a_class_the_export_writes_and_checks_predicates_it_writes() -> None:
    shapes = rdf.shapes()
    written_classes = set(exported().objects(None, RDF.type))
    written_predicates = set(exported().predicates())
    targets = set(shapes.objects(None, SH.targetClass))
    assert set(shapes.objects(None, SH.targetSubjectsOf)) <= written_predicates
    assert targets <= written_classes, targets - written_classes
    paths = {p for p in shapes.objects(None, SH.path) if isinstance(p, URIRef)}
    inverse = {p for p in shapes.objects(None, SH.inversePath) if isinstance(p, URIRef)}
    assert paths | inverse <= written_predicates | {RDF.type}, (paths | inverse) - written_predicates
    for label, node in model.NODES.items():  # every label's nodes are checked by some shape
        assert {term(c) for c in node.classes} & targets, label
    for rtype, rel in model.RELS.items():  # every fact node too (plain facts: pmkg:Assertion)
        assert {term(c) for c in rel.classes} & targets or rel.predicate, rtype
    assert PMKG.Assertion in targets
