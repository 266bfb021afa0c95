"""From a minutes file to an extraction record: read -> normalise -> parse -> resolve -> extract -> assemble.

Each stage is one call here, in order; the text flows through once.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from pmkg.ingest.assemble import (
    OrganizationSet,
    attendance,
    body_organization,
    declared_people,
    map_to_original,
    meeting_id_for,
    memberships,
    people_with_evidence,
    person_mentions,
    role_holders,
    unique,
)
from pmkg.ingest.extract import Context, Item, extract
from pmkg.ingest.gazetteer import Gazetteer, is_organization_name, organization_for
from pmkg.ingest.parse import parse_minutes
from pmkg.ingest.parse.minutes import ParsedMinutes
from pmkg.ingest.people.index import PeopleIndex
from pmkg.ingest.people.posts import role_references
from pmkg.ingest.read import RawDocument, read_bytes, read_document
from pmkg.ingest.record import AgendaItem, DocumentInfo, Meeting, Organization, Provenance, Record
from pmkg.ingest.text.language import detect_language
from pmkg.ingest.text.normalise import normalise


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
    norm = normalise(raw.text)
    language = detect_language(norm.text)
    parsed = parse_minutes(norm.text, language)
    doc_id = f"doc:{raw.sha256[:16]}"
    gazetteer = Gazetteer.load()
    body = body_organization(parsed, gazetteer, norm.text, raw.sha256)
    meeting_id = meeting_id_for(parsed, body, raw.sha256)

    people = PeopleIndex()
    for mention in declared_people(parsed):
        people.add(mention)
    content = extract(
        extraction_context(norm.text, language, parsed, people, meeting_id, raw.sha256[:12], body)
    )
    refs = people.find_in_text(norm.text)
    posts = role_references(
        norm.text, role_holders(parsed, people, norm.text), (m.span for m in parsed.attendance)
    )

    organizations = OrganizationSet(content.organizations)
    if body is not None:
        body = organizations.add(body)
    affiliations: dict[str, list[str]] = {}
    for mention in declared_people(parsed):
        if not mention.affiliation or not is_organization_name(mention.affiliation, gazetteer):
            continue  # "Patient representative": a role, not a body
        org = organization_for(mention.affiliation, gazetteer)
        org.provenance = [Provenance(mention.affiliation, *mention.span)]
        org = organizations.add(org)
        person_id = people.find(mention.name)
        if person_id and org.id not in affiliations.setdefault(person_id, []):
            affiliations[person_id].append(org.id)

    meeting = Meeting(
        id=meeting_id,
        title=parsed.title,
        body=body.id if body else None,
        body_name=parsed.body_name,
        number=parsed.number,
        date=parsed.date,
        date_inferred=parsed.date_inferred,
        start_time=parsed.start_time,
        end_time=parsed.end_time,
        location=parsed.location,
        attendance=attendance(parsed, people),
        agenda_items=[
            AgendaItem(
                number=item.number,
                title=item.title,
                presenters=unique(p for p in (people.find(m.name) for m in item.presenters) if p),
                text=item.text,
                provenance=[Provenance("", *item.span)],
            )
            for item in parsed.agenda
        ],
        provenance=[Provenance("", *parsed.title_span)],
    )

    record = Record(
        document=DocumentInfo(
            id=doc_id,
            source=raw.source,
            sha256=raw.sha256,
            language=language,
            title=parsed.title,
            format=raw.format,
            text=raw.text,
        ),
        meetings=[meeting],
        memberships=memberships(parsed, people, body, norm.text),
        people=people_with_evidence(people, parsed, affiliations, refs, posts, content.deadlines, norm.text),
        organizations=organizations.items(),
        initiatives=content.initiatives,
        participations=content.participations,
        agreements=content.agreements,
        fundings=content.fundings,
        themes=content.themes,
        facts=content.facts,
        deadlines=content.deadlines,
        mentions=content.mentions + person_mentions(refs + posts),
        warnings=list(parsed.warnings),
    )
    return map_to_original(record, norm, raw.text)


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
