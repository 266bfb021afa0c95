"""A whole archive's graph as the CSV files of Neo4j's offline bulk importer (``pmkg ingest --initial``).

``collect`` makes, from records in load order, exactly what ``pmkg ingest`` stores in an empty database:
the records resolved against each other as the loader resolves them (``identity.resolve_in_order``), their
rows merged (``triples.merge_rows``: the same node id is one node, later scalars win, lists are unions),
what only the store adds (each document's ``ingested_at``, each theme's monthly tally: ``graph.tally``),
and the review nodes outside the model (``:ShortForm``, ``:LowConfidence``). Records are consumed one at a
time, so memory holds the graph, not the texts.

``write_csv`` writes one file per node label and one per relationship type and pair of end labels. The
headers come from the model (``model.graph``: each property's ``kind``), the review nodes' from their
modules (``COLUMNS``); a value the header does not declare is an error, not a silently dropped property.
The importer's CSV dialect is fixed here and passed to it by ``graph.importer`` (``IMPORT_OPTIONS``):
strings are always quoted (so an empty string stays one; an unquoted empty field is no property), list
elements are separated by U+001F (never in minutes text: checked), fields may span lines.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pmkg.errors import PmkgError
from pmkg.graph import lowconfidence, shortforms
from pmkg.graph.identity import resolve_in_order
from pmkg.graph.triples import GraphRows, merge_rows, record_to_rows
from pmkg.model.graph import NODES, rel_props
from pmkg.model.record import Record

ARRAY_DELIMITER = "\x1f"  # the ASCII unit separator
# The importer's options that match how write_csv writes (the rest are graph.importer's).
IMPORT_OPTIONS = ("--multiline-fields=true", "--array-delimiter=U+001F", "--ignore-empty-strings=false")
# The model's value kinds as the importer's types: a Cypher integer is 64 bits, a float a double.
CSV_TYPES = {
    "string": "string",
    "boolean": "boolean",
    "int": "long",
    "float": "double",
    "string[]": "string[]",
    "int[]": "long[]",
}
REVIEW_LABELS = {"ShortForm": shortforms.COLUMNS, "LowConfidence": lowconfidence.COLUMNS}


@dataclass
class BulkGraph:
    """Everything an empty database holds after loading the records: the model's rows and the review
    nodes (by label, as property dicts)."""

    rows: GraphRows
    review: dict[str, list[dict[str, Any]]]
    documents: int

    def counts(self) -> tuple[int, int]:
        """(nodes, relationships), review nodes included."""
        nodes, rels = self.rows.counts()
        return nodes + sum(map(len, self.review.values())), rels


@dataclass
class CsvFiles:
    """The files written, as the importer's ``--nodes``/``--relationships`` take them (``Label=path``)."""

    nodes: list[tuple[str, Path]] = field(default_factory=list)
    relationships: list[tuple[str, Path]] = field(default_factory=list)
    # list properties stored empty ([] is not writable in CSV): (label or type, id or key, property)
    empty_lists: list[tuple[str, str, str]] = field(default_factory=list)


def collect(records: Iterable[Record], stamp: str | None = None) -> BulkGraph:
    """The graph ``pmkg ingest`` stores in an empty database from ``records`` in this order.

    ``stamp`` is every document's ``ingested_at`` (now, by default: one load).
    """
    review: dict[str, list[dict[str, Any]]] = {label: [] for label in REVIEW_LABELS}
    documents = 0

    def parts() -> Iterator[GraphRows]:
        nonlocal documents
        for resolved in resolve_in_order(records):
            part = record_to_rows(resolved)
            review["ShortForm"].extend(shortforms.rows(resolved))
            review["LowConfidence"].extend(lowconfidence.rows(resolved, part))
            documents += 1
            yield part

    rows = merge_rows(parts())
    now = stamp or datetime.now(UTC).isoformat(timespec="microseconds")
    for document in rows.nodes.get("Document", ()):
        document["ingested_at"] = now
    _tally(rows)
    return BulkGraph(rows, review, documents)


def _tally(rows: GraphRows) -> None:
    """Each theme's monthly tally of the points raising it, as ``graph.tally`` keeps it."""
    dates = {meeting["id"]: meeting.get("date") for meeting in rows.nodes.get("Meeting", ())}
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for rel in rows.rels.get("RAISED", ()):
        if date := dates.get(rel["from"]):
            counts[rel["to"]][date[:7]] += 1
    for theme in rows.nodes.get("Theme", ()):
        if tally := counts.get(theme["id"]):
            months = sorted(tally)
            theme["raised_months"], theme["raised_points"] = months, [tally[m] for m in months]


def node_columns(label: str) -> dict[str, str]:
    """A label's properties and their importer types (``id`` first)."""
    if label in REVIEW_LABELS:
        return REVIEW_LABELS[label]
    return {p.name: CSV_TYPES[p.kind] for p in NODES[label].props}


def rel_columns(rtype: str) -> dict[str, str]:
    """A relationship type's stored properties and their importer types (a ``fixed`` one is not stored)."""
    return {p.name: CSV_TYPES[p.kind] for p in rel_props(rtype) if p.fixed is None}


def _field(value: Any, where: str) -> str:
    """One CSV field in the importer's dialect (see the module's docstring)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        text = ARRAY_DELIMITER.join(_element(item, where) for item in value)
    else:
        text = str(value)
        if ARRAY_DELIMITER in text:
            raise PmkgError(f"{where}: a value holds U+001F, which the bulk import cannot carry")
    return '"' + text.replace('"', '""') + '"'


def _element(item: Any, where: str) -> str:
    text = repr(item) if isinstance(item, int | float) and not isinstance(item, bool) else str(item)
    if ARRAY_DELIMITER in text:
        raise PmkgError(f"{where}: a list value holds U+001F, which the bulk import cannot carry")
    return text


def _write(
    path: Path, header: list[str], columns: dict[str, str], items: Iterable[dict[str, Any]], what: str
) -> list[tuple[str, str]]:
    """Write one file (a relationship's ends first when the header starts with them); returns the
    (id or key, property) of each empty list, which CSV cannot hold."""
    ends = ("from", "to") if header[0].startswith(":START_ID") else ()
    empties: list[tuple[str, str]] = []
    names = list(columns)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(",".join(header) + "\n")
        for item in items:
            ident = item.get("id") or item["key"]
            unknown = set(item) - set(names) - {"from", "to"}
            if unknown:
                raise PmkgError(f"{what} {ident}: properties the model does not declare: {sorted(unknown)}")
            empties += [(ident, name) for name in names if item.get(name) == []]
            fields = [_field(item[end], what) for end in ends] + [_field(item.get(n), what) for n in names]
            out.write(",".join(fields) + "\n")
    return empties


def write_csv(graph: BulkGraph, folder: Path) -> CsvFiles:
    """Write the graph's CSV files into ``folder`` (one per label, one per type and end labels)."""
    files = CsvFiles()
    nodes = {**graph.rows.nodes, **graph.review}
    for label, items in sorted(nodes.items()):
        if not items:
            continue
        columns = node_columns(label)
        header = [f"id:ID({label})" if name == "id" else f"{name}:{kind}" for name, kind in columns.items()]
        path = folder / f"nodes-{label}.csv"
        empties = _write(path, header, columns, items, label)
        if empties and label in REVIEW_LABELS:  # restore_empty_lists reaches the model's labels only
            raise PmkgError(f"{label} {empties[0][0]}: an empty {empties[0][1]} list cannot be bulk-imported")
        files.nodes.append((label, path))
        files.empty_lists += [(label, ident, prop) for ident, prop in empties]
    labels = graph.rows.node_labels()
    for rtype, rels in sorted(graph.rows.rels.items()):
        groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        for rel in rels:
            groups[labels[rel["from"]], labels[rel["to"]]].append(rel)
        columns = rel_columns(rtype)
        for (src, dst), items in sorted(groups.items()):
            header = [f":START_ID({src})", f":END_ID({dst})"] + [f"{n}:{k}" for n, k in columns.items()]
            path = folder / f"rels-{rtype}-{src}-{dst}.csv"
            empties = _write(path, header, columns, items, rtype)
            files.relationships.append((rtype, path))
            files.empty_lists += [(rtype, key, prop) for key, prop in empties]
    return files
