"""From a minutes file to an extraction record: read -> normalise -> parse -> resolve -> extract -> assemble.

Each stage is one call here, in order; the text flows through once.
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pmkg.ingest.assemble import assemble, body_organization, map_to_original, meeting_id_for
from pmkg.ingest.extract import Context, Item, extract
from pmkg.ingest.gazetteer import Gazetteer
from pmkg.ingest.parse import parse_minutes
from pmkg.ingest.parse.minutes import ParsedMinutes
from pmkg.ingest.people.index import PeopleIndex
from pmkg.ingest.people.resolve import People, declared_people, resolve_people
from pmkg.ingest.read import RawDocument, read_bytes, read_document
from pmkg.ingest.text.language import detect_language
from pmkg.ingest.text.normalise import Normalised, normalise
from pmkg.model.record import Organization, Record


def extract_file(path: str | Path) -> Record:
    """Read one minutes file and extract its record; raises InputError for unreadable files."""
    return extract_raw(read_document(path))


def extract_bytes(data: bytes, name: str) -> Record:
    """The same for an upload held in memory (the app)."""
    return extract_raw(read_bytes(data, name))


def extract_text(text: str, source: str = "minutes.txt") -> Record:
    """The same for text already decoded (tests, benchmarks)."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return extract_raw(RawDocument(source=source, format="txt", sha256=digest, text=text))


def extract_raw(raw: RawDocument) -> Record:
    """The stages in order: normalise, language, parse, the body that met, people, content, assembly."""
    return run_stages(raw).record


@dataclass(frozen=True)
class Stages:
    """A record with what the parser and the people stage made on the way (``pmkg extract --explain``
    reads the parser's rules from them); spans in ``parsed`` and ``people`` are in ``norm.text``."""

    record: Record
    parsed: ParsedMinutes
    people: People
    norm: Normalised


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector held off while one document is extracted: the stages make
    millions of short-lived objects, nearly none in reference cycles (reference counting frees them),
    and the collector's passes over them were a fifth of the CPU time of 4 MB of text (30.7 -> 25.2 s,
    BENCHMARKS.md). It runs again afterwards as it did before (never turned on where it was off)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def run_stages(raw: RawDocument) -> Stages:
    """Every stage once, keeping the parse and the people beside the record."""
    with _collector_paused():
        return _run_stages(raw)


def _run_stages(raw: RawDocument) -> Stages:
    norm = normalise(raw.text)
    language = detect_language(norm.text)
    parsed = parse_minutes(norm.text, language)
    gazetteer = Gazetteer.load()
    body = body_organization(parsed, gazetteer, norm.text, raw.sha256)
    meeting_id = meeting_id_for(parsed, body, raw.sha256)
    people = resolve_people(parsed, norm.text, not_initials=acronyms(gazetteer))
    content = extract(
        extraction_context(norm.text, language, parsed, people.index, meeting_id, raw.sha256[:12], body)
    )
    record = assemble(raw, norm.text, language, parsed, people, content, body, meeting_id, gazetteer)
    return Stages(map_to_original(record, norm, raw.text), parsed, people, norm)


@cache
def acronyms(gazetteer: Gazetteer) -> frozenset[str]:
    """Names in capitals the gazetteer knows (``NGC``, ``DTU``): never a person's initials."""
    return frozenset(name for entry in gazetteer.entries for name in entry.names if name.isupper())


def extraction_context(
    text: str,
    language: str,
    parsed: ParsedMinutes,
    people: PeopleIndex,
    meeting_id: str,
    doc_key: str,
    body: Organization | None,
) -> Context:
    """What the extraction rules may read of a parsed document (the one adapter from the parser's
    objects to :class:`pmkg.ingest.extract.Context`)."""
    return Context(
        text=text,
        language=language,
        meeting_id=meeting_id,
        doc_key=doc_key,
        date=parsed.date,
        body=body,
        items=tuple(Item(i.number, i.title, i.span, i.text_span) for i in parsed.agenda),
        header=tuple(span[1] for span in (parsed.title_span, parsed.body_span, parsed.date_span) if span),
        skip=tuple(m.span for m in parsed.attendance),
        names=tuple(m.name for m in declared_people(parsed)),
        people=people,
    )
