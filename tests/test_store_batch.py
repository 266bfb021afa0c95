"""Batched loading (``load_records(..., batch=N)``) stores exactly what loading one by one stores."""

from __future__ import annotations

import neo4j

from bench.corpus import generate
from pmkg.graph.identity import resolve_corpus
from pmkg.graph.store import load_records, read_rows
from pmkg.graph.triples import merge_rows, record_to_rows
from pmkg.ingest.pipeline import extract_text


def corpus(count: int = 12) -> list:
    return [extract_text(text, name) for name, text in generate(count, seed=3)]


def test_a_batch_holds_what_loading_one_by_one_holds(neo4j_driver: neo4j.Driver) -> None:
    records = corpus()
    summaries = load_records(neo4j_driver, records, batch=5)
    assert [s.document for s in summaries] == [r.document.id for r in records]
    assert all(s.status == "loaded" and s.rels_created > 0 for s in summaries)
    assert sum(s.nodes_created for s in summaries) == sum(map(len, read_rows(neo4j_driver).nodes.values()))
    assert read_rows(neo4j_driver) == merge_rows(record_to_rows(r) for r in resolve_corpus(records))


def test_a_batch_resolves_against_the_stored_graph_and_skips_stored_documents(
    neo4j_driver: neo4j.Driver,
) -> None:
    records = corpus()
    load_records(neo4j_driver, records[:4])
    seen = []
    summaries = load_records(neo4j_driver, [*records[2:], records[5]], progress=seen.append, batch=20)
    assert [s.status for s in summaries] == ["unchanged"] * 2 + ["loaded"] * 8 + ["unchanged"]
    assert seen == summaries
    assert read_rows(neo4j_driver) == merge_rows(record_to_rows(r) for r in resolve_corpus(records))
