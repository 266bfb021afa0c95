"""Why each fact of a record was found: the rule and the words of the text, for ``pmkg extract --explain``.

Staff read it to see why a person, a role or an organisation was (or was not) found, so it is plain
text, one block per person: the entry that listed them (its rule, line and quote), each role and the
affiliation with the rule that gave it and the words it was read from, then the meeting's heading, the
organisations and initiatives, and the short forms left for review with their candidates. Every quote
is the original text at the offsets given; the rule names are those :func:`describe` explains.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pmkg.ingest.extract.registry import describe
from pmkg.ingest.parse.minutes import NameMention
from pmkg.ingest.pipeline import Stages
from pmkg.ingest.vocabulary import role_of
from pmkg.model.record import Provenance


@dataclass(frozen=True)
class Evidence:
    """One rule and the words it read: ``text[start:end] == quote`` in the original text."""

    rule: str
    start: int
    end: int
    quote: str


@dataclass
class Finding:
    """One thing found (``present``, ``role chair``, ``affiliation Københavns Universitet``) and why."""

    label: str
    evidence: Evidence | None


@dataclass
class PersonExplained:
    person: str  # a people id
    name: str
    findings: list[Finding] = field(default_factory=list)


@dataclass
class Explanation:
    text: str  # the original text every Evidence points into
    meeting: list[Finding] = field(default_factory=list)
    people: list[PersonExplained] = field(default_factory=list)
    organisations: list[Finding] = field(default_factory=list)
    initiatives: list[Finding] = field(default_factory=list)
    unresolved: list[Finding] = field(default_factory=list)


def explain(stages: Stages) -> Explanation:
    """The explanation of one extraction, from the record and the parser's rules kept beside it."""
    record, text = stages.record, stages.record.document.text
    result = Explanation(text)
    names = {p.id: p.name for p in record.people}
    orgs = {o.id: o.name for o in record.organizations}
    for meeting in record.meetings:
        result.meeting.append(Finding(f"title {meeting.title}", _first(meeting.provenance, text)))
        if stages.parsed.date and stages.parsed.date_span:
            span = stages.norm.to_original(*stages.parsed.date_span)
            result.meeting.append(Finding(f"date {meeting.date}", _at("meeting.date", span, text)))
        body = next((o for o in record.organizations if o.id == meeting.body), None)
        if body is not None:
            found = [p for p in body.provenance if p.rule == "meeting.body"] or body.provenance
            result.meeting.append(Finding(f"body {body.name}", _first(found, text)))
        for entry in meeting.attendance:
            person = PersonExplained(entry.person, names.get(entry.person, entry.person))
            mentions = [
                m for m in stages.parsed.attendance if stages.people.index.find(m.name) == entry.person
            ]
            person.findings.append(Finding(entry.status, _first(entry.provenance, text)))
            for role in entry.roles:
                person.findings.append(
                    Finding(f"role {role}", _role(role, entry.provenance, mentions, stages))
                )
            affiliated = next((p.affiliations for p in record.people if p.id == entry.person), [])
            for org in affiliated:
                person.findings.append(
                    Finding(f"affiliation {orgs.get(org, org)}", _affiliation(mentions, stages))
                )
            result.people.append(person)
    body_ids = {m.body for m in record.meetings}
    for org in record.organizations:
        if org.id not in body_ids:
            result.organisations.append(Finding(org.name, _first(org.provenance, text)))
    for initiative in record.initiatives:
        result.initiatives.append(Finding(initiative.name, _first(initiative.provenance, text)))
    for name in record.unresolved:
        who = ", ".join(names.get(c, c) for c in name.candidates)
        place = name.provenance[0] if name.provenance else None
        evidence = Evidence("people.unresolved", place.start, place.end, place.quote) if place else None
        result.unresolved.append(Finding(f'"{name.form}" could be: {who}', evidence))
    return result


def _first(provenance: list[Provenance], text: str) -> Evidence | None:
    """The first place with a quote, and its rule (the provenance's)."""
    for p in provenance:
        if p.end > p.start and p.rule:
            return Evidence(p.rule, p.start, p.end, text[p.start : p.end])
    return None


def _at(rule: str, span: tuple[int, int], text: str) -> Evidence:
    return Evidence(rule, span[0], span[1], text[span[0] : span[1]])


def _role(
    role: str, provenance: list[Provenance], mentions: list[NameMention], stages: Stages
) -> Evidence | None:
    """Where a role was read: a presenter's sentence or item, the role word in the person's entry, the
    heading they stood under, the field or signature line that named them, or a post written with
    their name in brackets ("Formanden (Henrik Dalsgaard)")."""
    text = stages.record.document.text
    if role == "presenter":
        found = [p for p in provenance if p.rule == "roles.presenter"]
        if found:
            return _first(found, text)
    for mention in mentions:
        rule = mention.role_rules.get(role)
        if rule is None:
            continue
        start, end = stages.norm.to_original(*mention.span)
        if rule == "roles.word":
            for piece in re.finditer(r"[^,;()|]+", text[start:end]):
                word = piece.group(0).strip(" .:-–")
                if role_of(word) == role:
                    at = start + piece.start() + piece.group(0).index(word)
                    return _at(rule, (at, at + len(word)), text)
        if rule == "roles.heading" and mention.group:
            at = text.rfind(mention.group, 0, start)
            if at >= 0:
                return _at(rule, (at, at + len(mention.group)), text)
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        return _at(rule, (line_start, line_end if line_end >= 0 else len(text)), text)
    found = [p for p in provenance if p.rule == "roles.named_post"]  # no entry says it: the text did
    return _first(found, text) if found else None


def _affiliation(mentions: list[NameMention], stages: Stages) -> Evidence | None:
    """The organisation's words in the entry that named it (the whole entry where they were rewritten)."""
    text = stages.record.document.text
    for mention in mentions:
        if not mention.affiliation or not mention.affiliation_rule:
            continue
        start, end = stages.norm.to_original(*mention.span)
        at = text.find(mention.affiliation, start, end)
        if mention.affiliation_rule == "affiliation.label":
            line_start = text.rfind("\n", 0, start) + 1
            at = text.find(mention.affiliation, line_start, end)
            start = line_start if at < 0 else start
        if at >= 0:
            return _at(mention.affiliation_rule, (at, at + len(mention.affiliation)), text)
        return _at(mention.affiliation_rule, (start, end), text)
    return None


def line_of(text: str, offset: int) -> int:
    """The line number (from 1) of an offset."""
    return text.count("\n", 0, offset) + 1


def _cite(evidence: Evidence | None, text: str) -> str:
    if evidence is None:
        return "(no rule recorded)"
    quote = " ".join(evidence.quote.split())
    quote = quote if len(quote) <= 90 else quote[:87] + "…"
    return f'rule {evidence.rule}, line {line_of(text, evidence.start)}: "{quote}"'


def render(explanation: Explanation, *, with_rules: bool = True) -> str:
    """Plain text for staff: one block per person, then the meeting, organisations, initiatives, the
    short forms to review, and what each rule named does."""
    text, out = explanation.text, []
    out.append("Meeting")
    out += [f"  {f.label}  ({_cite(f.evidence, text)})" for f in explanation.meeting]
    out.append("")
    out.append(f"People on the attendance list ({len(explanation.people)})")
    if not explanation.people:
        out.append("  none found: no attendance heading, table or signature was recognised")
    for person in explanation.people:
        first, *rest = person.findings
        out.append(f"  {person.name} — {first.label} ({_cite(first.evidence, text)})")
        out += [f"    {f.label}  ({_cite(f.evidence, text)})" for f in rest]
    for title, findings in (
        ("Organisations", explanation.organisations),
        ("Initiatives", explanation.initiatives),
        ("Short forms left for review (fit more than one person)", explanation.unresolved),
    ):
        out += ["", f"{title} ({len(findings)})"]
        out += [f"  {f.label}  ({_cite(f.evidence, text)})" for f in findings]
    if with_rules:
        named = sorted({f.evidence.rule for f in _all(explanation) if f.evidence})
        out += ["", "Rules"]
        out += [f"  {name}: {describe(name)}" for name in named]
    return "\n".join(out) + "\n"


def _all(explanation: Explanation) -> list[Finding]:
    people = [f for p in explanation.people for f in p.findings]
    rest = explanation.organisations + explanation.initiatives + explanation.unresolved
    return explanation.meeting + people + rest
