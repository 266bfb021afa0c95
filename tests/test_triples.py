"""record_to_rows / merge_rows: the property-graph rows follow docs/graph-model.md."""

from __future__ import annotations

from pmkg.graph.triples import merge_rows, record_to_rows, search_text
from pmkg.model.graph import LABELS, REL_TYPES
from tests.graph_samples import board_minutes


def by_id(rows, label):
    return {n["id"]: n for n in rows.nodes[label]}


def test_nodes_follow_the_graph_model() -> None:
    record = board_minutes()
    rows = record_to_rows(record)
    assert set(rows.nodes) <= set(LABELS) and set(rows.rels) <= set(REL_TYPES)
    doc = by_id(rows, "Document")[record.document.id]
    assert doc["name"] == "Referat" and doc["date"] == "2023-06-14"
    assert doc["sha256"] == record.document.sha256
    ngc = by_id(rows, "Organization")["org:ngc"]
    assert ngc == {
        "id": "org:ngc",
        "name": "Nationalt Genom Center",
        "aliases": ["NGC"],
        "type": "agency",
        "wikidata": "Q56255425",
        "search_text": "nationalt genom center\nngc",
    }
    soren = by_id(rows, "Person")["person:soren-brunak"]
    assert soren["search_text"] == "soren brunak" and soren["titles"] == ["professor"]
    assert "aliases" not in soren  # no empty lists, no None values
    for nodes in rows.nodes.values():
        for node in nodes:
            assert None not in node.values() and [] not in node.values()
    theme = by_id(rows, "Theme")["theme:data-sharing"]
    assert theme["name"] == theme["label_da"]
    assert by_id(rows, "Figure")["figure:genomes-1"]["value"] == 14505.0


def test_relationships_carry_provenance_and_properties() -> None:
    record = board_minutes()
    rows = record_to_rows(record)
    text = record.document.text
    for rels in rows.rels.values():
        for rel in rels:
            assert rel["doc"] == record.document.id
            for quote, start, end in zip(rel["quotes"], rel["starts"], rel["ends"], strict=True):
                assert text[start:end] == quote
    attended = {r["from"]: r for r in rows.rels["ATTENDED"]}
    assert attended["person:soren-brunak"]["roles"] == ["chair"]
    assert attended["person:ole-skott"]["status"] == "absent"
    assert "roles" not in attended["person:ole-skott"]
    assert [(r["from"], r["to"]) for r in rows.rels["COLLABORATES_WITH"]] == [("org:ku", "org:ngc")]
    assert rows.rels["FUNDS"][0]["purpose"] == "drift"
    assert rows.rels["HOLDS_ROLE"][0]["role"] == "chair"
    assert rows.rels["RAISED"][0]["point_id"] == "point:1"
    assert [r["to"] for r in rows.rels["ABOUT"]] == ["org:ngc"]
    # the explicit mention and the entity's own provenance are one MENTIONS relationship
    novo = [r for r in rows.rels["MENTIONS"] if r["to"] == "org:novo-nordisk-fonden"]
    assert len(novo) == 1 and novo[0]["quotes"] == ["Novo Nordisk Fonden"]
    keys = [r["key"] for rels in rows.rels.values() for r in rels]
    assert len(keys) == len(set(keys))


def test_an_organisation_carries_its_country_and_none_when_unknown() -> None:
    record = board_minutes()
    ku = next(o for o in record.organizations if o.id == "org:ku")
    ku.country = "DK"
    orgs = by_id(record_to_rows(record), "Organization")
    assert orgs["org:ku"]["country"] == "DK"
    assert "country" not in orgs["org:board"]  # no None values on nodes


def test_relationships_to_unknown_entities_are_dropped() -> None:
    record = board_minutes()
    record.people[1].affiliations.append("org:not-in-record")
    rows = record_to_rows(record)
    assert all(r["to"] != "org:not-in-record" for r in rows.rels["AFFILIATED_WITH"])


def test_merge_rows_unions_nodes_and_keeps_each_documents_rels() -> None:
    one = board_minutes("a.txt", chair_aliases=("S. Brunak",))
    two = board_minutes("b.txt", extra="Tillæg.", chair_aliases=("Brunak",))
    merged = merge_rows([record_to_rows(one), record_to_rows(two)])
    soren = by_id(merged, "Person")["person:soren-brunak"]
    assert soren["aliases"] == ["Brunak", "S. Brunak"]
    assert soren["search_text"] == "soren brunak\nbrunak\ns brunak"
    assert len(merged.rels["HOLDS_ROLE"]) == 2  # one per document
    assert {r["doc"] for r in merged.rels["HOLDS_ROLE"]} == {one.document.id, two.document.id}
    # merging is idempotent and order-insensitive for lists
    assert merge_rows([merged, record_to_rows(two)]) == merged


def test_search_text_is_plain_words_of_the_name_and_its_aliases() -> None:
    assert search_text("Søren Bøgsted", ["Ærø Åse", "Søren  Bøgsted"]) == "soren bogsted\naero aase"
    assert search_text("Ismail Gögenur") == "ismail gogenur"
