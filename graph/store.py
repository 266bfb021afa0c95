"""Load extraction records into Neo4j, remove a document's contribution, and read the graph back.

Each document is loaded in ONE write transaction (atomic: a server dying mid-load leaves nothing of
it). Writes are batched ``UNWIND $rows ... MERGE`` queries; labels and relationship types come from
the whitelists in ``graph.triples`` through :func:`graph.schema.labelled`, all data are parameters.

Contribution bookkeeping: every relationship carries the ``doc`` that stated it, and the list
properties of people, organisations and initiatives (aliases, titles, emails) are the union over the
``MENTIONS`` relationships of the documents that still mention them. Removing a document deletes its
relationships, the nodes left without any, and recomputes those lists, so it removes exactly its
own contribution. Loading the same bytes again is a no-op; a changed file (same ``source``, new
sha256) replaces the old version's contribution in the same transaction. The short forms extraction
left for review (``graph.shortforms``) and the marks of its low-confidence facts (``graph.lowconfidence``)
are stored and removed with their document.
"""

from __future__ import annotations

import os
import re
import weakref
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

import neo4j

from pmkg.errors import PmkgError
from pmkg.graph import contributed, lowconfidence, netrefresh, shortforms, tally
from pmkg.graph.connection import WRITE_RETRY_TIME_S, read_tx, write_tx
from pmkg.graph.corrections import replay
from pmkg.graph.identity import fetch_known, resolve, resolve_corpus
from pmkg.graph.schema import ensure_schema, labelled
from pmkg.graph.triples import GraphRows, merge_rows, record_to_rows
from pmkg.model.graph import CONTRIBUTED, LABELS, REL_TYPES, STORE_ONLY
from pmkg.model.record import Record

_FIND_DOCUMENT = """
MATCH (d:Document) WHERE d.sha256 = $sha256 OR d.source = $source
RETURN d.id AS id, d.sha256 AS sha256, d.source AS source
"""
_FIND_MANY = """
UNWIND $docs AS doc
MATCH (d:Document) WHERE d.sha256 = doc.sha256 OR d.source = doc.source
RETURN DISTINCT d.sha256 AS sha256, d.source AS source
"""
_HAS_SHA256 = "MATCH (d:Document {sha256: $sha256}) RETURN d.id AS id, d.source AS source LIMIT 1"
_LOOKUP_DOCUMENT = """
MATCH (d:Document)
WHERE d.id = $text OR d.id = 'doc:' + $text OR d.source IN [$text, $path] OR d.source ENDS WITH '/' + $path
   OR d.sha256 STARTS WITH $sha
RETURN d.id AS id, d.source AS source ORDER BY id
"""
_MERGE_NODES = """
UNWIND $rows AS row
MERGE (n:{label} {id: row.id})
WITH n, row, properties(n) AS before
SET n += row
WITH n, before WHERE properties(n) <> before
RETURN n.id AS id, size(keys(before)) = 1 AS created
"""
# CREATE, not MERGE: a relationship's key holds its document's id, and a document's relationships are
# only ever written when none of them is stored (a new document, or a new version after the old one's
# removal), so there is nothing to match; MERGE would search every relationship between busy nodes.
_CREATE_RELS = """
UNWIND $rows AS row
MATCH (a:{from_label} {id: row.from})
MATCH (b:{to_label} {id: row.to})
CREATE (a)-[r:{type}]->(b)
SET r = row.props
"""
_STAMP = "MATCH (d:Document {id: $id}) SET d.ingested_at = $now"
_STAMP_ALL = "UNWIND $ids AS id MATCH (d:Document {id: id}) SET d.ingested_at = $now"
_DELETE_RELS = "MATCH (a)-[r:{type} {doc: $doc}]->(b) DELETE r RETURN a.id AS a, b.id AS b"
_DELETE_DOCUMENT = "MATCH (d:Document {id: $doc}) DETACH DELETE d"
# A staff-curated fact (``graph.curated``) keeps no node alive: its correction is orphaned instead.
_DELETE_ORPHANS = """
MATCH (n:{label}) WHERE n.id IN $ids AND NOT EXISTS { (n)-[r]-() WHERE r.curated IS NULL }
DETACH DELETE n
"""
# A list property stored empty, which the bulk importer's CSV cannot carry (``graph.bulk``)
_EMPTY_NODE_LISTS = "UNWIND $rows AS row MATCH (n:{label} {id: row.id}) SET n += row.props"
_EMPTY_REL_LISTS = "UNWIND $rows AS row MATCH ()-[r:{type} {key: row.id}]->() SET r += row.props"
_READ_NODES = "MATCH (n:{label}) RETURN properties(n) AS props"
_READ_NODES_OF = "MATCH (n:{label}) WHERE n.id IN $ids RETURN properties(n) AS props"
_READ_RELS = "MATCH (a)-[r:{type}]->(b) RETURN a.id AS from, b.id AS to, properties(r) AS props"
_READ_RELS_OF = """
MATCH (a)-[r:{type}]->(b) WHERE r.doc IN $docs
RETURN a.id AS from, b.id AS to, properties(r) AS props
"""


@dataclass
class LoadSummary:
    """What loading (or removing) one document changed, from the server's counters."""

    document: str
    source: str
    status: Literal["loaded", "unchanged", "replaced", "removed"]
    nodes_created: int = 0
    nodes_updated: int = 0
    nodes_deleted: int = 0
    rels_created: int = 0
    rels_deleted: int = 0
    # the ids of the nodes it wrote or whose relationships it deleted: the corrections to replay
    touched: set[str] = field(default_factory=set, repr=False, compare=False)

    def add_counters(self, counters: neo4j.SummaryCounters) -> None:
        self.nodes_created += counters.nodes_created
        self.nodes_deleted += counters.nodes_deleted
        self.rels_created += counters.relationships_created
        self.rels_deleted += counters.relationships_deleted


_SCHEMA_READY: weakref.WeakSet[neo4j.Driver] = weakref.WeakSet()


def _ensure_schema_once(driver: neo4j.Driver) -> None:
    if driver not in _SCHEMA_READY:
        ensure_schema(driver)
        tally.complete(driver)
        _SCHEMA_READY.add(driver)


def _write_rows(tx: neo4j.ManagedTransaction, rows: GraphRows, summary: LoadSummary) -> dict[str, bool]:
    """Merge the nodes, then the relationships, then recompute the contributed lists.

    ``nodes_updated`` counts the nodes that existed before and whose properties changed. Returns the
    changed nodes' ids, each with whether this write created it.
    """
    changed: dict[str, bool] = {}  # id -> created
    for label, nodes in rows.nodes.items():
        skip = {*CONTRIBUTED.get(label, ()), "search_text"} if label in CONTRIBUTED else set()
        batch = [{k: v for k, v in node.items() if k not in skip} for node in nodes]
        result = tx.run(labelled(_MERGE_NODES, label=label), rows=batch)
        changed.update((row["id"], row["created"]) for row in result)
        summary.add_counters(result.consume().counters)
    labels = rows.node_labels()
    for rtype, rels in rows.rels.items():
        groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        for rel in rels:
            props = {k: v for k, v in rel.items() if k not in ("from", "to")}
            groups[labels[rel["from"]], labels[rel["to"]]].append(
                {"from": rel["from"], "to": rel["to"], "props": props}
            )
        for (src, dst), batch in groups.items():
            query = labelled(_CREATE_RELS, type=rtype, from_label=src, to_label=dst)
            summary.add_counters(tx.run(query, rows=batch).consume().counters)
    tally.add(tx, rows)
    for label in CONTRIBUTED:
        if rows.nodes.get(label):
            for node_id in contributed.add(tx, label, rows.nodes[label]):
                changed.setdefault(node_id, False)
    summary.nodes_updated += sum(1 for created in changed.values() if not created)
    return changed


def _remove(tx: neo4j.ManagedTransaction, doc: str, summary: LoadSummary) -> None:
    """Delete one document's relationships and node, then the nodes nothing holds any more."""
    touched: set[str] = set()
    for rtype in REL_TYPES:
        result = tx.run(labelled(_DELETE_RELS, type=rtype), doc=doc)
        touched.update(end for row in result for end in (row["a"], row["b"]))
        summary.add_counters(result.consume().counters)
    summary.add_counters(tx.run(_DELETE_DOCUMENT, doc=doc).consume().counters)
    shortforms.remove(tx, doc)
    lowconfidence.remove(tx, doc)
    ids = sorted(touched - {doc})
    summary.touched.update(ids)
    for label in LABELS:
        summary.add_counters(tx.run(labelled(_DELETE_ORPHANS, label=label), ids=ids).consume().counters)
    for label in CONTRIBUTED:
        summary.nodes_updated += len(contributed.recompute(tx, label, ids))
    tally.recount(tx, ids)


def _ids(rows: GraphRows) -> set[str]:
    """Every node the rows write or link to."""
    ends = {rel[end] for rels in rows.rels.values() for rel in rels for end in ("from", "to")}
    return ends | {node["id"] for nodes in rows.nodes.values() for node in nodes}


def _load(tx: neo4j.ManagedTransaction, record: Record) -> LoadSummary:
    info = record.document
    stored = tx.run(_FIND_DOCUMENT, sha256=info.sha256, source=info.source).data()
    summary = LoadSummary(info.id, info.source, "loaded")
    if any(row["sha256"] == info.sha256 for row in stored):
        summary.status = "unchanged"
        return summary
    for row in stored:  # earlier versions of the same file
        summary.status = "replaced"
        _remove(tx, row["id"], summary)
    resolved = resolve(record, fetch_known(tx, record))
    rows = record_to_rows(resolved)
    _write_rows(tx, rows, summary)
    shortforms.write(tx, [resolved])
    lowconfidence.write(tx, [(resolved, rows)])
    summary.touched.update(_ids(rows))
    tx.run(_STAMP, id=info.id, now=datetime.now(UTC).isoformat(timespec="microseconds")).consume()
    return summary


def load_record(driver: neo4j.Driver, record: Record, *, measure: bool = True) -> LoadSummary:
    """Store one document's record in one write transaction; idempotent, replaces an older version.

    ``measure`` then keeps the analytics' network and measures for the new graph (``graph.netrefresh``);
    a bulk load passes False for each part and refreshes once at its end."""
    _ensure_schema_once(driver)
    summary = write_tx(driver, lambda tx: _corrected(tx, [_load(tx, record)])[0])
    if measure:
        netrefresh.after_write(driver)
    return summary


def _corrected(tx: neo4j.ManagedTransaction, summaries: list[LoadSummary]) -> list[LoadSummary]:
    """Replay the corrections (``graph.corrections``) of the nodes this transaction changed, in it."""
    if any(summary.status != "unchanged" for summary in summaries):
        replay(tx, set().union(*(summary.touched for summary in summaries)))
    return summaries


def load_records(
    driver: neo4j.Driver,
    records: Iterable[Record],
    progress: Callable[[LoadSummary], None] | None = None,
    batch: int = 1,
    *,
    measure: bool = True,
) -> list[LoadSummary]:
    """Load records, ``batch`` documents per transaction, calling ``progress`` after each document, then
    (``measure``) keep the analytics' network and measures once for the graph they make.

    With ``batch=1`` every document is its own transaction. A larger batch is for bulk loads: the new
    documents of a batch are resolved together (as loading them one by one would) and written with one
    set of ``UNWIND`` queries, so the round trips are shared by the whole batch; a failure
    stores nothing of that batch, and a rerun completes it.
    """
    summaries: list[LoadSummary] = []
    pending = list(records)
    for start in range(0, len(pending), max(1, batch)):
        chunk = pending[start : start + max(1, batch)]
        if len(chunk) == 1:
            done = [load_record(driver, chunk[0], measure=False)]
        else:
            _ensure_schema_once(driver)
            done = write_tx(driver, lambda tx, chunk=chunk: _corrected(tx, _load_batch(tx, chunk)))
        for summary in done:
            summaries.append(summary)
            if progress:
                progress(summary)
    if measure:
        netrefresh.after_write(driver)
    return summaries


def _load_batch(tx: neo4j.ManagedTransaction, records: list[Record]) -> list[LoadSummary]:
    """Load several documents in one transaction; a stored or repeated one goes through :func:`_load`.

    The new ones are resolved in memory against the stored nodes (``resolve_corpus``) and written
    together. Their summaries count each document's own relationships (all new: their keys hold the
    document id), the nodes it was first to create, and the existing nodes of it that changed.
    """
    stored = {
        (row["sha256"], row["source"])
        for row in tx.run(
            _FIND_MANY, docs=[{"sha256": r.document.sha256, "source": r.document.source} for r in records]
        )
    }
    shas = {sha for sha, _ in stored}
    sources = {source for _, source in stored}
    new: list[tuple[int, Record]] = []
    summaries: dict[int, LoadSummary] = {}
    for index, record in enumerate(records):
        info = record.document
        if info.sha256 in shas or info.source in sources:
            summaries.update(_write_new(tx, new))
            new = []
            summaries[index] = _load(tx, record)
        else:
            new.append((index, record))
        shas.add(info.sha256)
        sources.add(info.source)
    summaries.update(_write_new(tx, new))
    return [summaries[i] for i in range(len(records))]


def _write_new(tx: neo4j.ManagedTransaction, new: list[tuple[int, Record]]) -> dict[int, LoadSummary]:
    """Resolve and write documents none of which is stored yet (see :func:`_load_batch`), by position."""
    if not new:
        return {}
    records = [record for _, record in new]
    resolved = resolve_corpus(records, fetch_known(tx, *records))
    parts = [record_to_rows(r) for r in resolved]
    total = LoadSummary("", "", "loaded")
    created = _write_rows(tx, merge_rows(parts), total)
    shortforms.write(tx, resolved)
    lowconfidence.write(tx, list(zip(resolved, parts, strict=True)))
    now = datetime.now(UTC).isoformat(timespec="microseconds")
    tx.run(_STAMP_ALL, ids=[r.document.id for r in records], now=now).consume()
    first: dict[str, int] = {}
    for number, part in enumerate(parts):
        for nodes in part.nodes.values():
            for node in nodes:
                first.setdefault(node["id"], number)
    summaries = {}
    for number, ((index, record), part) in enumerate(zip(new, parts, strict=True)):
        ids = {node["id"] for nodes in part.nodes.values() for node in nodes}
        summary = LoadSummary(record.document.id, record.document.source, "loaded", touched=_ids(part))
        summary.rels_created = part.counts()[1]
        summary.nodes_created = sum(1 for i in ids if created.get(i) is True and first[i] == number)
        summary.nodes_updated = sum(1 for i in ids if created.get(i) is False)
        summaries[index] = summary
    return summaries


def restore_empty_lists(driver: neo4j.Driver, empties: Iterable[tuple[str, str, str]]) -> None:
    """Set the list properties a bulk import left out because they are empty (``(label or type, id or
    key, property)``), as the loader stores them: ``[]``, not absent."""
    groups: dict[str, dict[str, dict[str, list[Any]]]] = defaultdict(lambda: defaultdict(dict))
    for name, ident, prop in empties:
        groups[name][ident][prop] = []
    for name, items in groups.items():
        query = (
            labelled(_EMPTY_NODE_LISTS, label=name)
            if name in LABELS
            else labelled(_EMPTY_REL_LISTS, type=name)
        )
        rows = [{"id": ident, "props": props} for ident, props in items.items()]
        write_tx(driver, lambda tx, query=query, rows=rows: tx.run(query, rows=rows).consume())


def stored_document(driver: neo4j.Driver, sha256: str) -> dict[str, str] | None:
    """The stored document with these exact bytes (id and source), if any: lets ingest skip extraction
    (and a rerun after a failure resume where it stopped). Part of a write job, so it retries as briefly."""
    rows = read_tx(
        driver, lambda tx: tx.run(_HAS_SHA256, sha256=sha256).data(), retry_time=WRITE_RETRY_TIME_S
    )
    return rows[0] if rows else None


def find_documents(driver: neo4j.Driver, text: str) -> list[dict[str, str]]:
    """Documents named by id (``doc:`` optional), source path or file name, or sha256 prefix (6+ hex)."""
    text = text.strip()
    sha = text.lower() if re.fullmatch(r"[0-9a-fA-F]{6,64}", text) else None
    params = {"text": text, "path": os.path.normpath(text) if text else text, "sha": sha}
    return read_tx(driver, lambda tx: tx.run(_LOOKUP_DOCUMENT, params).data())


def remove_document(driver: neo4j.Driver, document: str) -> LoadSummary:
    """Remove exactly one document's contribution (its facts; nodes only it held)."""
    found = find_documents(driver, document)
    if not found:
        raise PmkgError(f"no stored document matches {document!r}: give its id, file name or sha256 prefix")
    if len(found) > 1:
        names = ", ".join(f"{d['id']} ({d['source']})" for d in found)
        raise PmkgError(f"{document!r} matches {len(found)} documents ({names}): give the document id")
    doc = found[0]
    summary = LoadSummary(doc["id"], doc["source"], "removed")

    def work(tx: neo4j.ManagedTransaction) -> None:
        _remove(tx, doc["id"], summary)
        _corrected(tx, [summary])

    write_tx(driver, work)
    netrefresh.after_write(driver)
    return summary


def read_rows(driver: neo4j.Driver, doc_ids: Iterable[str] | None = None) -> GraphRows:
    """The graph in Neo4j as GraphRows, all of it or the relationships of some documents.

    With ``doc_ids`` the nodes are those the documents' relationships reach (with their properties as
    stored, i.e. merged over all documents) plus the documents themselves.
    """
    docs = None if doc_ids is None else sorted(doc_ids)

    def work(tx: neo4j.ManagedTransaction) -> GraphRows:
        rels: dict[str, list[dict[str, Any]]] = {}
        for rtype in REL_TYPES:
            if docs is None:
                result = tx.run(labelled(_READ_RELS, type=rtype))
            else:
                result = tx.run(labelled(_READ_RELS_OF, type=rtype), docs=docs)
            rels[rtype] = [{**row["props"], "from": row["from"], "to": row["to"]} for row in result]
        ids = (
            None
            if docs is None
            else sorted({*docs, *(r[e] for rs in rels.values() for r in rs for e in ("from", "to"))})
        )
        nodes = {}
        for label in LABELS:
            if ids is None:
                result = tx.run(labelled(_READ_NODES, label=label))
            else:
                result = tx.run(labelled(_READ_NODES_OF, label=label), ids=ids)
            nodes[label] = [{k: v for k, v in row["props"].items() if k not in STORE_ONLY} for row in result]
        return GraphRows(nodes, rels).sorted()

    return read_tx(driver, work)
