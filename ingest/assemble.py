"""From parse, people and content to the record: attendance, memberships, people with their evidence,
the body that met, and every span mapped back to the original text (the only place that does)."""

from __future__ import annotations

import re
from typing import Any

import msgspec

from pmkg.ingest.extract import Content, organisations_named
from pmkg.ingest.gazetteer import Entry, Gazetteer, organization_for
from pmkg.ingest.parse.minutes import ParsedItem, ParsedMinutes, Span
from pmkg.ingest.people.affiliated import written_affiliations
from pmkg.ingest.people.index import PeopleIndex
from pmkg.ingest.people.resolve import People, declared_people
from pmkg.ingest.people.units import written_organisation
from pmkg.ingest.read import RawDocument
from pmkg.ingest.text.normalise import Normalised
from pmkg.ingest.vocabulary import role_of
from pmkg.model.record import (
    AgendaItem,
    Attendance,
    Deadline,
    DocumentInfo,
    Meeting,
    Membership,
    Mention,
    Organization,
    Person,
    Provenance,
    Record,
    UnresolvedName,
)
from pmkg.text import slug

GROUP_POSTS = frozenset({"member", "observer"})


WRITTEN_POSTS = frozenset({"chair", "vice_chair", "treasurer", "secretary"})


def meeting_id_for(parsed: ParsedMinutes, body: Organization | None, sha256: str) -> str:
    """Stable across re-ingests of the same meeting: the body that met and the date, else the hash."""
    if parsed.date:
        name = body.id.removeprefix("org:") if body else slug(parsed.title)
        return f"meeting:{name[:60]}-{parsed.date}"
    return f"meeting:{sha256[:16]}"


def body_organization(
    parsed: ParsedMinutes, gazetteer: Gazetteer, text: str, sha256: str
) -> Organization | None:
    """The body that met, as an organisation (a gazetteer entry where the name is known).

    A generic name ("Bestyrelsen", "the Board", "Styret") is no identity: every society has one. It is
    qualified by the organisation the minutes name most often ("Bestyrelsen (DSAM)"), or, when they
    name none, kept apart per document, so boards of different bodies never merge.
    """
    if not parsed.body_name:
        return None
    org = organization_for(parsed.body_name, gazetteer)
    if org.type == "organization":
        org.type = "body"
    org.provenance = [
        Provenance(parsed.body_name, *(parsed.body_span or parsed.title_span), rule="meeting.body")
    ]
    if gazetteer.lookup(parsed.body_name) is not None:
        return org
    if is_generic_body_name(parsed.body_name):
        host = host_organization(parsed, text, gazetteer)
        if host is None:
            org.id = f"{org.id}-{sha256[:8]}"
        else:
            org.name = f"{org.name} ({min([host.name, *host.aliases], key=len)})"
            org.id = f"{org.id}-{host.id.split(':', 1)[1]}"
    org.country = org.country or seat_country(parsed, text, gazetteer)
    return org


def seat_country(parsed: ParsedMinutes, text: str, gazetteer: Gazetteer) -> str | None:
    """Where a body the gazetteer does not know sits: the country of the organisation its heading
    names (where known), else the one more than half of the known organisations its minutes name are
    in (a Danish board names Danish regions and universities, and Genomics England now and then); None
    when neither says."""
    heading = _heading_organisations(parsed, text)
    if heading and heading[0].country:
        return heading[0].country
    countries = [e.country for e, _ in gazetteer.find_in_text(text) if e.kind == "organization" and e.country]
    top = max(set(countries), key=countries.count, default=None)
    return top if top and 2 * countries.count(top) > len(countries) else None


def is_generic_body_name(name: str) -> bool:
    """One common word once an article is dropped ("Bestyrelsen", "the Board"); acronyms and
    compounds with a name in them ("Landskampagne-gruppen") are names."""
    words = [w for w in name.split() if w.lower() not in ("the", "det", "den", "de", "der")]
    return len(words) == 1 and not words[0].isupper() and "-" not in words[0]


def host_organization(parsed: ParsedMinutes, text: str, gazetteer: Gazetteer) -> Organization | None:
    """The organisation a generic body belongs to: the first one the heading names (the first paragraph,
    without the place of the meeting: "IRISH SOCIETY OF HUMAN GENETICS / Council Meeting"), else the
    one (not a country) the text names most often, the first named winning a tie."""
    named = _heading_organisations(parsed, text)
    if named:
        return named[0]
    counts: dict[str, int] = {}
    entries: dict[str, Entry] = {}
    for entry, _ in gazetteer.find_in_text(text):
        if entry.kind == "organization":
            counts[entry.id] = counts.get(entry.id, 0) + 1
            entries.setdefault(entry.id, entry)
    if not counts:
        return None
    return entries[max(counts, key=lambda k: counts[k])].to_organization()


def _heading_organisations(parsed: ParsedMinutes, text: str) -> list[Organization]:
    """The organisations the first paragraph names, leaving out the line giving the meeting's place."""
    heading = re.split(r"\n[ \t]*\n", text.lstrip(), maxsplit=1)[0]
    lines = [line for line in heading.splitlines() if not parsed.location or parsed.location not in line]
    return organisations_named("\n".join(lines))


def attendance(parsed: ParsedMinutes, people: People) -> list[Attendance]:
    """One entry per person: a name listed twice (present, then chairing an item) merges roles; who
    presented an item (named at it, or the subject of a presenting verb) is a presenter; a post
    written with a name in parentheses ("Formanden (Henrik Dalsgaard)") gives that person the role."""
    merged: dict[str, Attendance] = {}
    for mention in parsed.attendance:
        person_id = people.index.find(mention.name)
        if person_id is None:
            continue
        entry = merged.get(person_id)
        if entry is None:
            merged[person_id] = Attendance(
                person=person_id,
                status=mention.status,  # type: ignore[arg-type]
                roles=list(mention.roles),
                group=mention.group,
                provenance=[Provenance("", *mention.span, rule=mention.rule)],
            )
            continue
        entry.roles.extend(r for r in mention.roles if r not in entry.roles)
        if entry.status == "unknown":
            entry.status = mention.status  # type: ignore[assignment]
        entry.provenance.append(Provenance("", *mention.span, rule=mention.rule))
    named = [(people.index.find(p.name), p.span) for item in parsed.agenda for p in item.presenters]
    given = [
        (person_id, "presenter", span, "roles.presenter") for person_id, span in named + people.presenters
    ]
    given += [(person_id, role, span, "roles.named_post") for person_id, role, span in people.named_posts]
    for person_id, role, span, rule in given:
        entry = merged.get(person_id or "")
        if entry is not None and role not in entry.roles:
            entry.roles.append(role)
            entry.provenance.append(Provenance("", *span, rule=rule))
    return list(merged.values())


def item_presenters(item: ParsedItem, people: People) -> list[str]:
    """Who presented an item: named at it (``v/ Name``), or the subject of a presenting verb in its text."""
    named = [people.index.find(m.name) for m in item.presenters]
    start, end = item.text_span or (0, 0)
    in_text = [person for person, (at, _) in people.presenters if start <= at < end]
    return unique(p for p in named + in_text if p)


def memberships(
    parsed: ParsedMinutes, people: PeopleIndex, body: Organization | None, text: str
) -> list[Membership]:
    """Who sits on the body that met, and in which post.

    Member and observer come from the heading a name is listed under ("Bestyrelsen:", "Board Members
    Present", "Observatører:"). A post (chair, deputy chair, treasurer, secretary) counts only when the
    entry itself says so ("Søren Brunak, ... (Forperson)"): chairing one meeting ("Ordstyrer: Jan") is
    a role at that meeting, not a post in the body.
    """
    if body is None:
        return []
    found: dict[tuple[str, str], Membership] = {}
    for mention in parsed.attendance:
        person_id = people.find(mention.name)
        if person_id is None:
            continue
        written = written_roles(text[mention.span[0] : mention.span[1]])
        for role in mention.roles:
            if role in GROUP_POSTS or (role in WRITTEN_POSTS and role in written):
                key = (person_id, role)
                found.setdefault(key, Membership(person_id, body.id, role))
                found[key].provenance.append(Provenance("", *mention.span, rule=mention.role_rules.get(role)))
    return list(found.values())


def written_roles(entry: str) -> set[str | None]:
    """The roles an attendance entry writes itself ("Mette Lund (formand)"), not those of its heading."""
    return {role_of(part) for part in re.split(r"[(),;]", entry) if part.strip()}


def people_with_evidence(
    people: People,
    parsed: ParsedMinutes,
    affiliations: dict[str, list[str]],
    deadlines: list[Deadline],
) -> list[Person]:
    """People from the index with every span where they were declared or referred to, by a name or a
    short form of it, or by their post ("The Chair").

    Every other form the text uses for a person ("Christiane Karle", "Bettina", "Brunak", "KN") becomes
    an alias (a post never does), and an e-mail address given for a contact becomes that person's.
    """
    spans: dict[str, list[Span]] = {}
    for mention in declared_people(parsed):
        person_id = people.index.find(mention.name)
        if person_id:
            spans.setdefault(person_id, []).append(mention.span)
    written: dict[str, list[str]] = {}
    for ref in people.references:
        if ref.person:
            written.setdefault(ref.person, []).append(ref.form)
            spans.setdefault(ref.person, []).append(ref.span)
    for person_id, span in people.posts:
        spans.setdefault(person_id, []).append(span)
    emails: dict[str, list[str]] = {}
    for deadline in deadlines:
        if deadline.contact and deadline.email:
            emails.setdefault(deadline.contact, []).append(deadline.email)
    result = []
    for person in people.index.people():
        person.affiliations = affiliations.get(person.id, [])
        person.emails = unique(emails.get(person.id, []))
        known = {person.name, *person.aliases}
        person.aliases += unique(n for n in written.get(person.id, []) if n not in known)
        person.provenance = [Provenance("", s, e) for s, e in sorted(set(spans.get(person.id, [])))]
        result.append(person)
    return result


def person_mentions(people: People) -> list[Mention]:
    """Every place a person is named or meant by their post, grouped by person."""
    grouped: dict[str, list[Provenance]] = {}
    found = [(ref.person, ref.span) for ref in people.references if ref.person] + people.posts
    for person_id, (start, end) in found:
        grouped.setdefault(person_id, []).append(Provenance("", start, end))
    return [Mention(entity=k, provenance=v) for k, v in grouped.items()]


def unresolved_names(people: People) -> list[UnresolvedName]:
    """Short forms that fit several people, each form once with every place it is written."""
    grouped: dict[tuple[str, tuple[str, ...]], list[Provenance]] = {}
    for ref in people.references:
        if ref.person is None:
            grouped.setdefault((ref.form, ref.candidates), []).append(Provenance("", *ref.span))
    return [UnresolvedName(form, list(who), places) for (form, who), places in grouped.items()]


class OrganizationSet:
    """Organisations of one document keyed by id; a repeated one gains aliases and provenance."""

    def __init__(self, initial: list[Organization]) -> None:
        self._by_id: dict[str, Organization] = {}
        for org in initial:
            self.add(org)

    def add(self, org: Organization) -> Organization:
        known = self._by_id.get(org.id)
        if known is None:
            self._by_id[org.id] = org
            return org
        for alias in [org.name, *org.aliases]:
            if alias != known.name and alias not in known.aliases:
                known.aliases.append(alias)
        known.provenance.extend(p for p in org.provenance if p not in known.provenance)
        return known

    def items(self) -> list[Organization]:
        return list(self._by_id.values())


def unique(items: Any) -> list[str]:
    return list(dict.fromkeys(items))


def map_to_original(record: Record, norm: Normalised, original: str) -> Record:
    """Rewrite every Provenance span from normalised to original offsets, with the exact quote."""

    def fix(value: Any) -> None:
        if isinstance(value, Provenance):
            start, end = norm.to_original(value.start, value.end)
            value.start, value.end, value.quote = start, end, original[start:end]
        elif isinstance(value, list):
            for item in value:
                fix(item)
        elif isinstance(value, msgspec.Struct) and not isinstance(value, DocumentInfo):
            for name in value.__struct_fields__:
                fix(getattr(value, name))

    fix(record)
    return record


def assemble(
    raw: RawDocument,
    text: str,
    language: str,
    parsed: ParsedMinutes,
    people: People,
    content: Content,
    body: Organization | None,
    meeting_id: str,
    gazetteer: Gazetteer,
) -> Record:
    """The record of one document, its spans still in the normalised ``text``."""
    organizations = OrganizationSet(content.organizations)
    if body is not None:
        body = organizations.add(body)
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
                presenters=item_presenters(item, people),
                text=item.text,
                provenance=[Provenance("", *item.span)],
            )
            for item in parsed.agenda
        ],
        provenance=[Provenance("", *parsed.title_span, rule="meeting.title")],
    )
    return Record(
        document=DocumentInfo(
            id=f"doc:{raw.sha256[:16]}",
            source=raw.source,
            sha256=raw.sha256,
            language=language,
            title=parsed.title,
            format=raw.format,
            text=raw.text,
        ),
        meetings=[meeting],
        memberships=memberships(parsed, people.index, body, text),
        people=people_with_evidence(
            people, parsed, affiliations(parsed, people, organizations, gazetteer, text), content.deadlines
        ),
        organizations=organizations.items(),
        initiatives=content.initiatives,
        participations=content.participations,
        agreements=content.agreements,
        fundings=content.fundings,
        themes=content.themes,
        facts=content.facts,
        deadlines=content.deadlines,
        mentions=content.mentions + person_mentions(people),
        unresolved=unresolved_names(people),
        warnings=list(parsed.warnings),
    )


def affiliations(
    parsed: ParsedMinutes, people: People, organizations: OrganizationSet, gazetteer: Gazetteer, text: str
) -> dict[str, list[str]]:
    """Person id -> the organisations written in their entries, else in running text."""
    found: dict[str, list[str]] = {}
    for mention in declared_people(parsed):
        written = _without_country(mention.affiliation or "", gazetteer)
        resolved = written_organisation(written, mention.affiliation_rule, organizations.items(), gazetteer)
        if resolved is None:
            continue  # "Patient representative": a role, not a body
        org, rule = resolved
        org.provenance = [Provenance(mention.affiliation or "", *mention.span, rule=rule)]
        org = organizations.add(org)
        person_id = people.index.find(mention.name)
        if person_id and org.id not in found.setdefault(person_id, []):
            found[person_id].append(org.id)
    by_id = {org.id: org for org in organizations.items()}
    prose = written_affiliations(text, people.index, people.references, parsed.mentioned, by_id.values())
    for written in prose:
        if found.get(written.person) and written.organization not in found[written.person]:
            continue  # the entry says whom they represent
        by_id[written.organization].provenance.append(written.provenance(text))
        if written.organization not in found.setdefault(written.person, []):
            found[written.person].append(written.organization)
    return found


def _without_country(affiliation: str, gazetteer: Gazetteer) -> str:
    """``Radboud University Medical Center (Netherlands)`` -> the institution: a country in brackets
    after an organisation says where it is, it is not the affiliation."""
    m = re.fullmatch(r"(?P<name>.+?)\s*\((?P<note>[^()]+)\)", affiliation.strip())
    if m is None:
        return affiliation.strip()
    entry = gazetteer.lookup(m["note"].strip())
    return m["name"] if entry is not None and entry.kind == "country" else affiliation.strip()
