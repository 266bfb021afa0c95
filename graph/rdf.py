"""Property-graph rows -> RDF with standard vocabularies, SHACL validation and serialisation.

The RDF is made from :class:`graph.triples.GraphRows`, never from a record directly: the rows of an
extraction (``record_to_rows``) and the rows read back from Neo4j (``graph.store.read_rows``) go
through the same pure function, so the two RDF graphs are isomorphic by construction.

Layout of the dataset (docs/rdf.md): node descriptions (people, organisations, meetings, documents,
themes, code-list concepts, the extraction activity, the export description) sit in the default
graph; every relationship becomes a fact node with its provenance in the named graph of the document
that states it. IRIs are stable: nodes from their ids, facts from a hash of their relationship key,
so there are no blank nodes and isomorphism checks reduce to set comparisons.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import secrets
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pyoxigraph as ox
from rdflib import RDF, XSD, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, SKOS

from pmkg import __version__, knowledge
from pmkg.errors import PmkgError
from pmkg.graph.triples import GraphRows

SCHEMA = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
CV = Namespace("http://data.europa.eu/m8g/")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
PMKG = Namespace("https://w3id.org/pmkg/ontology#")
SH = Namespace("http://www.w3.org/ns/shacl#")
WIKIDATA = "http://www.wikidata.org/entity/"
ROR = "https://ror.org/"

DEFAULT_BASE_IRI = "https://w3id.org/pmkg/"
BASE_IRI_ENV = "PMKG_BASE_IRI"
KEY_ENV = "PMKG_PSEUDONYM_KEY"
KEY_FILE = "pseudonym.key"

# name -> (writer, file extension, media type). The writer is rdflib's plugin or pyoxigraph's Rust writer,
# whichever is fast for the format (figures in docs/rdf.md); JSON-LD stays with rdflib for compaction.
FORMATS: dict[str, tuple[str, str, str]] = {
    "turtle": ("oxigraph:turtle", "ttl", "text/turtle"),
    "jsonld": ("rdflib:json-ld", "jsonld", "application/ld+json"),
    "xml": ("oxigraph:rdf-xml", "rdf", "application/rdf+xml"),
    "nt": ("rdflib:nt", "nt", "application/n-triples"),
    "nq": ("rdflib:nquads", "nq", "application/n-quads"),
}
OX_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "rdf-xml": ox.RdfFormat.RDF_XML}
# rdflib parser names, for reading an export back (tests, round trips).
PARSE_FORMATS = {"turtle": "turtle", "jsonld": "json-ld", "xml": "xml", "nt": "nt", "nq": "nquads"}

PREFIXES: dict[str, Namespace] = {
    "schema": SCHEMA,
    "org": ORG,
    "foaf": FOAF,
    "prov": PROV,
    "skos": SKOS,
    "dct": DCTERMS,
    "oa": OA,
    "cv": CV,
    "eli": ELI,
    "pmkg": PMKG,
}
MEDIA_TYPES = {
    "txt": "text/plain",
    "md": "text/markdown",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html",
}
PERSON_LABEL = "Person"
# E-mail addresses and phone numbers ("+45 12 34 56 78", "12345678") in free text.
CONTACT_DETAIL = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\d.,])(?:\+\d{1,3}[ ]?)?(?:\d{2}[ ]?){3}\d{2}(?![\d.,])"
)

Triple = tuple[Any, Any, Any]
Quad = tuple[Any, Any, Any, URIRef | None]  # None: the default graph


@dataclass(frozen=True)
class ExportOptions:
    """What personal data an export carries (docs/rdf.md, "Personal data")."""

    include_contact_details: bool = False
    pseudonymize: bool = False
    pseudonym_key: bytes | None = None

    def __post_init__(self) -> None:
        if self.pseudonymize and not self.pseudonym_key:
            raise PmkgError("pseudonymising needs a key: set PMKG_PSEUDONYM_KEY or let pmkg create one")
        if self.pseudonymize and self.include_contact_details:
            raise PmkgError("choose either --pseudonymize or --include-contact-details, not both")


def base_iri() -> str:
    """The base of every instance IRI: env PMKG_BASE_IRI or https://w3id.org/pmkg/ (ends with '/')."""
    base = os.environ.get(BASE_IRI_ENV, "").strip() or DEFAULT_BASE_IRI
    return base if base.endswith(("/", "#")) else base + "/"


def _segment(text: str) -> str:
    """An IRI path segment: letters (any script), digits and -._~ kept, everything else %-encoded."""
    return "".join(c if c.isalnum() or c in "-._~" else quote(c, safe="") for c in text)


def node_iri(node_id: str, base: str | None = None) -> URIRef:
    """``person:soren-brunak`` -> ``<base>id/person/soren-brunak``."""
    prefix, _, slug = node_id.partition(":")
    if not slug:
        prefix, slug = "node", node_id
    return URIRef(f"{base or base_iri()}id/{_segment(prefix)}/{_segment(slug)}")


def pseudonymous_iri(person_id: str, key: bytes, base: str | None = None) -> URIRef:
    """A stable pseudonym for a person: HMAC-SHA256 of the id; without the key it cannot be reversed
    (nor confirmed by hashing guessed names)."""
    digest = hmac.new(key, person_id.encode("utf-8"), hashlib.sha256).hexdigest()[:32]
    return URIRef(f"{base or base_iri()}id/pseudonym/{digest}")


def pseudonym_key(env: Mapping[str, str] | None = None, home: Path | None = None) -> bytes:
    """The key pseudonyms are made with: ``$PMKG_PSEUDONYM_KEY``, else a random key kept in the pmkg home
    (created once, readable by the owner only), so the same person gets the same pseudonym every time."""
    env = os.environ if env is None else env
    if env.get(KEY_ENV):
        return env[KEY_ENV].encode("utf-8")
    if home is None:
        from pmkg.graph.server import default_home

        home = default_home(env)
    path = home / KEY_FILE
    home.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        key = path.read_text(encoding="ascii").strip()
        if not key:
            raise PmkgError(
                f"{path} is empty: delete it to make a new pseudonym key, or set {KEY_ENV}"
            ) from None
        return key.encode("ascii")
    key = secrets.token_hex(32)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key + "\n")
    return key.encode("ascii")


# --- the ontology's code lists ------------------------------------------------------------------------


@lru_cache(maxsize=1)
def ontology() -> Graph:
    """knowledge/ontology.ttl, parsed once."""
    return Graph().parse(knowledge.path("ontology.ttl"), format="turtle")


@lru_cache(maxsize=1)
def shapes() -> Graph:
    """knowledge/shapes.ttl, parsed once."""
    return Graph().parse(knowledge.path("shapes.ttl"), format="turtle")


@lru_cache(maxsize=1)
def context() -> dict[str, Any]:
    """The published JSON-LD context (knowledge/context.jsonld)."""
    return json.loads(knowledge.path("context.jsonld").read_text(encoding="utf-8"))


@cache
def code_list(scheme: str) -> dict[str, URIRef]:
    """skos:notation -> concept of one of the ontology's concept schemes (e.g. ``RoleScheme``)."""
    onto = ontology()
    return {
        str(onto.value(concept, SKOS.notation)): concept
        for concept in onto.subjects(SKOS.inScheme, PMKG[scheme])
        if isinstance(concept, URIRef)
    }


def _implied_classes(concept: URIRef | None) -> list[URIRef]:
    return sorted(ontology().objects(concept, PMKG.impliesClass)) if concept else []


# --- literals ---------------------------------------------------------------------------------------------

_DATE_TYPES = (
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), XSD.date),
    (re.compile(r"^\d{4}-\d{2}$"), XSD.gYearMonth),
    (re.compile(r"^\d{4}$"), XSD.gYear),
)


def _iso(value: Any) -> str:
    """Neo4j temporal values and Python dates as ISO text; strings unchanged."""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def date_literal(value: Any) -> Literal:
    """An ISO date, year-month or year with its XSD datatype; anything else stays a plain string
    (which the shapes then report)."""
    text = _iso(value)
    for pattern, datatype in _DATE_TYPES:
        if pattern.match(text):
            return Literal(text, datatype=datatype)
    return Literal(text)


def _time(value: Any) -> str:
    text = _iso(value)
    return text + ":00" if re.fullmatch(r"\d{2}:\d{2}", text) else text


def _start_end(node: Mapping[str, Any]) -> Iterator[tuple[URIRef, Literal]]:
    """schema:startDate/endDate as xsd:dateTime when a full date and a time are known, else the date
    alone plus pmkg:startTime/endTime."""
    date = node.get("date")
    full = date is not None and _DATE_TYPES[0][0].match(_iso(date)) is not None
    if date is not None:
        start = node.get("start_time")
        if full and start:
            yield SCHEMA.startDate, Literal(f"{_iso(date)}T{_time(start)}", datatype=XSD.dateTime)
        else:
            yield SCHEMA.startDate, date_literal(date)
        end = node.get("end_time")
        if full and end:
            yield SCHEMA.endDate, Literal(f"{_iso(date)}T{_time(end)}", datatype=XSD.dateTime)
    if not full:
        for key, prop in (("start_time", PMKG.startTime), ("end_time", PMKG.endTime)):
            if node.get(key):
                yield prop, Literal(_time(node[key]), datatype=XSD.time)


def _decimal(value: Any) -> Literal:
    try:
        return Literal(Decimal(str(value)), datatype=XSD.decimal)
    except InvalidOperation:
        return Literal(str(value))


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


# --- the mapping ------------------------------------------------------------------------------------------


class _Redactor:
    """Finds free text that names a person (any word starting with a token of a name or alias)."""

    def __init__(self, people: Iterable[Mapping[str, Any]]) -> None:
        tokens = {
            token.lower()
            for person in people
            for name in (person.get("name", ""), *_as_list(person.get("aliases")))
            for token in re.findall(r"\w+", str(name))
            if len(token) > 1
        }
        alternation = "|".join(sorted(map(re.escape, tokens), key=len, reverse=True))
        self._pattern = re.compile(rf"\b(?:{alternation})", re.IGNORECASE) if tokens else None

    def names_someone(self, text: str) -> bool:
        return bool(self._pattern and self._pattern.search(text))


class _Mapper:
    """Holds what every mapping step needs: the base IRI, the options, who is a person."""

    def __init__(self, rows: GraphRows, options: ExportOptions) -> None:
        self.base = base_iri()
        self.options = options
        self.labels = rows.node_labels()
        self.redactor = _Redactor(rows.nodes.get(PERSON_LABEL, ())) if options.pseudonymize else None
        self.concepts: set[URIRef] = set()
        self.activity = URIRef(f"{self.base}id/activity/extraction-pmkg-{_segment(__version__)}")
        self.agent = URIRef(f"{self.base}id/agent/pmkg-{_segment(__version__)}")
        self.theme_scheme = URIRef(f"{self.base}id/scheme/themes")

    # IRIs
    def is_person(self, node_id: str) -> bool:
        return self.labels.get(node_id, node_id.split(":", 1)[0].title()) == PERSON_LABEL

    def iri(self, node_id: str) -> URIRef:
        if self.options.pseudonymize and self.is_person(node_id):
            assert self.options.pseudonym_key is not None
            return pseudonymous_iri(node_id, self.options.pseudonym_key, self.base)
        return node_iri(node_id, self.base)

    def fact_iri(self, key: str) -> URIRef:
        data = key.encode("utf-8")
        if self.options.pseudonymize:  # keys contain person ids: a plain hash could be confirmed by guessing
            assert self.options.pseudonym_key is not None
            digest = hmac.new(self.options.pseudonym_key, data, hashlib.sha256).hexdigest()
        else:
            digest = hashlib.sha256(data).hexdigest()
        return URIRef(f"{self.base}id/fact/{digest[:32]}")

    def graph_iri(self, doc_id: str) -> URIRef:
        return URIRef(f"{node_iri(doc_id, self.base)}/graph")

    def concept(self, scheme: str, code: Any) -> URIRef | None:
        found = code_list(scheme).get(str(code))
        if found is not None:
            self.concepts.add(found)
        return found

    def free_text(self, value: Any) -> Literal | None:
        """A free-text literal (a quote, a point raised), or None when the export must leave it out: it
        holds an e-mail address or phone number and contact details were not asked for, or the export is
        pseudonymised and it names a person. Dropping, not masking, keeps every quote equal to the text
        at its offsets."""
        if value is None or value == "":
            return None
        text = str(value)
        if not self.options.include_contact_details and CONTACT_DETAIL.search(text):
            return None
        if self.redactor and self.redactor.names_someone(text):
            return None
        return Literal(text)


def _props(subject: URIRef, pairs: Iterable[tuple[URIRef, Any]]) -> Iterator[Triple]:
    """Triples for the (predicate, object) pairs whose object is not None."""
    for predicate, obj in pairs:
        if obj is not None:
            yield subject, predicate, obj if isinstance(obj, (URIRef, Literal)) else Literal(obj)


def _names(subject: URIRef, node: Mapping[str, Any]) -> Iterator[Triple]:
    yield from _props(subject, ((SCHEMA.name, node.get("name")),))
    for alias in _as_list(node.get("aliases")):
        yield subject, SCHEMA.alternateName, Literal(alias)


def _typed(subject: URIRef, classes: Iterable[URIRef]) -> Iterator[Triple]:
    for cls in classes:
        yield subject, RDF.type, cls


def _date_inferred(subject: URIRef, node: Mapping[str, Any]) -> Iterator[Triple]:
    if node.get("date_inferred"):
        yield subject, PMKG.dateInferred, Literal(True)


def _document(m: _Mapper, node: Mapping[str, Any]) -> Iterator[Triple]:
    s = m.iri(node["id"])
    yield from _typed(s, (SCHEMA.DigitalDocument, FOAF.Document))
    yield from _props(
        s,
        (
            (DCTERMS.title, node.get("title") or node.get("name")),
            (DCTERMS.source, node.get("source")),
            (DCTERMS.identifier, f"sha256:{node['sha256']}" if node.get("sha256") else None),
            (
                DCTERMS.language,
                Literal(node["language"], datatype=XSD.language) if node.get("language") else None,
            ),
            (DCTERMS.format, MEDIA_TYPES.get(node.get("format", ""))),
            (DCTERMS.date, date_literal(node["date"]) if node.get("date") else None),
        ),
    )


def _meeting(m: _Mapper, node: Mapping[str, Any]) -> Iterator[Triple]:
    s = m.iri(node["id"])
    yield from _typed(s, (SCHEMA.Event, PMKG.Meeting))
    yield from _props(s, ((SCHEMA.name, node.get("name")),))
    yield from _props(
        s,
        (
            (PMKG.bodyName, node.get("body_name")),
            (PMKG.meetingNumber, str(node["number"]) if node.get("number") is not None else None),
            (SCHEMA.location, node.get("location")),
        ),
    )
    yield from _props(s, _start_end(node))
    yield from _date_inferred(s, node)


def _person(m: _Mapper, node: Mapping[str, Any]) -> Iterator[Triple]:
    s = m.iri(node["id"])
    yield from _typed(s, (SCHEMA.Person, FOAF.Person))
    if m.options.pseudonymize:
        yield s, RDF.type, PMKG.PseudonymousPerson
        return
    yield from _names(s, node)
    yield from _props(s, ((FOAF.name, node.get("name")),))
    for title in _as_list(node.get("titles")):
        yield s, SCHEMA.jobTitle, Literal(title)
    if m.options.include_contact_details:
        for email in _as_list(node.get("emails")):
            yield s, SCHEMA.email, Literal(email)


def _same_as(s: URIRef, node: Mapping[str, Any]) -> Iterator[Triple]:
    """Links to Wikidata and ROR: schema:sameAs and skos:exactMatch, never owl:sameAs (docs/rdf.md)."""
    targets = []
    if node.get("wikidata"):
        targets.append(URIRef(WIKIDATA + str(node["wikidata"])))
    if node.get("ror"):
        targets.append(URIRef(ROR + str(node["ror"])))
    for target in targets:
        yield s, SCHEMA.sameAs, target
        yield s, SKOS.exactMatch, target


def _typed_entity(
    m: _Mapper, node: Mapping[str, Any], scheme: str, default_type: str, base: URIRef, fallback: URIRef
) -> Iterator[Triple]:
    """An organisation or initiative: its type concept decides the standard classes it also gets."""
    s = m.iri(node["id"])
    kind = m.concept(scheme, node.get("type", default_type))
    yield from _typed(s, (base, *(_implied_classes(kind) or [fallback])))
    yield from _props(s, ((DCTERMS.type, kind),))
    yield from _names(s, node)
    yield from _same_as(s, node)


def _organization(m: _Mapper, node: Mapping[str, Any]) -> Iterator[Triple]:
    scheme = "OrganizationTypeScheme"
    yield from _typed_entity(m, node, scheme, "organization", SCHEMA.Organization, ORG.Organization)
    yield from _seat_country(m, node)


def _seat_country(m: _Mapper, node: Mapping[str, Any]) -> Iterator[Triple]:
    """The country of the seat the way schema.org puts it on an organisation: ``schema:address`` a
    ``schema:PostalAddress`` whose ``schema:addressCountry`` is the ISO 3166-1 alpha-2 code ("DK"; "EU"
    for the EU's bodies). The address is named ``<organisation>/address``: still no blank nodes."""
    if not node.get("country"):
        return
    s = m.iri(node["id"])
    address = URIRef(f"{s}/address")
    yield s, SCHEMA.address, address
    yield address, RDF.type, SCHEMA.PostalAddress
    yield address, SCHEMA.addressCountry, Literal(str(node["country"]))


def _initiative(m: _Mapper, node: Mapping[str, Any]) -> Iterator[Triple]:
    return _typed_entity(m, node, "InitiativeTypeScheme", "initiative", PMKG.Initiative, SCHEMA.Project)


def _agreement(m: _Mapper, node: Mapping[str, Any]) -> Iterator[Triple]:
    s = m.iri(node["id"])
    yield from _typed(s, (PMKG.Agreement, SCHEMA.Action))
    yield from _props(s, ((SCHEMA.name, node.get("name")),))
    yield from _props(
        s,
        (
            (DCTERMS.type, m.concept("AgreementKindScheme", node.get("kind", "agreement"))),
            (DCTERMS.date, date_literal(node["date"]) if node.get("date") else None),
        ),
    )
    yield from _date_inferred(s, node)


def _theme(m: _Mapper, node: Mapping[str, Any]) -> Iterator[Triple]:
    s = m.iri(node["id"])
    yield s, RDF.type, SKOS.Concept
    yield s, SKOS.inScheme, m.theme_scheme
    for lang, label in (("da", node.get("label_da") or node.get("name")), ("en", node.get("label_en"))):
        if label:
            yield s, SKOS.prefLabel, Literal(label, lang=lang)


def _figure(m: _Mapper, node: Mapping[str, Any]) -> Iterator[Triple]:
    s = m.iri(node["id"])
    yield s, RDF.type, SCHEMA.Observation
    yield from _props(
        s,
        (
            (SCHEMA.name, m.free_text(node.get("name"))),
            (SCHEMA.value, _decimal(node["value"]) if node.get("value") is not None else None),
            (SCHEMA.unitText, node.get("unit")),
            (SCHEMA.observationDate, date_literal(node["date"]) if node.get("date") else None),
        ),
    )


def _deadline(m: _Mapper, node: Mapping[str, Any]) -> Iterator[Triple]:
    s = m.iri(node["id"])
    yield from _typed(s, (PMKG.Deadline, SCHEMA.Event))
    yield from _props(
        s,
        (
            (SCHEMA.name, m.free_text(node.get("name"))),
            (DCTERMS.type, node.get("kind")),
            (SCHEMA.location, node.get("location")),
            (SCHEMA.email, node.get("email") if m.options.include_contact_details else None),
        ),
    )
    yield from _props(s, _start_end(node))
    yield from _date_inferred(s, node)


NODE_MAPPERS: dict[str, Callable[[_Mapper, Mapping[str, Any]], Iterator[Triple]]] = {
    "Document": _document,
    "Meeting": _meeting,
    "Person": _person,
    "Organization": _organization,
    "Initiative": _initiative,
    "Agreement": _agreement,
    "Theme": _theme,
    "Figure": _figure,
    "Deadline": _deadline,
}


# Relationships that state one plain triple: (predicate, reversed). The triple is asserted, and a
# pmkg:Assertion node (an rdf:Statement) carries its provenance.
PLAIN_RELATIONSHIPS: dict[str, tuple[URIRef, bool]] = {
    "RECORDS": (SCHEMA.recordedIn, True),  # meeting schema:recordedIn document
    "MENTIONS": (SCHEMA.mentions, False),  # document schema:mentions entity
    "AFFILIATED_WITH": (SCHEMA.affiliation, False),
    "HELD_BY": (SCHEMA.organizer, False),
    "PARTY_TO": (SCHEMA.participant, True),  # agreement schema:participant organisation
    "COLLABORATES_WITH": (PMKG.collaboratesWith, False),
    "PARTICIPATES_IN": (PMKG.participatesIn, False),
    "REPORTED": (PMKG.reportedAt, True),  # figure pmkg:reportedAt meeting
    "ABOUT": (SCHEMA.observationAbout, False),
    "SET": (PMKG.setAt, True),  # deadline pmkg:setAt meeting
    "CONTACT_FOR": (PMKG.contact, True),  # deadline pmkg:contact person
}


def _plain(m: _Mapper, rel: Mapping[str, Any], fact: URIRef, rtype: str) -> Iterator[Triple]:
    predicate, reverse = PLAIN_RELATIONSHIPS[rtype]
    subject, obj = m.iri(rel["from"]), m.iri(rel["to"])
    if reverse:
        subject, obj = obj, subject
    yield subject, predicate, obj
    yield from _typed(fact, (PMKG.Assertion, RDF.Statement))
    yield fact, RDF.subject, subject
    yield fact, RDF.predicate, predicate
    yield fact, RDF.object, obj
    if rel.get("agreement"):
        yield fact, PMKG.viaAgreement, m.iri(rel["agreement"])


def _participation(m: _Mapper, rel: Mapping[str, Any], fact: URIRef, cls: URIRef) -> Iterator[Triple]:
    person, meeting = m.iri(rel["from"]), m.iri(rel["to"])
    yield from _typed(fact, (cls, CV.Participation))
    yield meeting, CV.hasParticipation, fact
    yield fact, CV.hasParticipant, person


def _attended(m: _Mapper, rel: Mapping[str, Any], fact: URIRef) -> Iterator[Triple]:
    yield from _participation(m, rel, fact, PMKG.Attendance)
    status = rel.get("status", "unknown")
    concept = m.concept("AttendanceStatusScheme", status)
    yield fact, PMKG.attendanceStatus, concept if concept is not None else Literal(str(status))
    yield from _roles(m, fact, CV.role, rel.get("roles"))
    yield from _props(fact, ((PMKG.attendanceGroup, rel.get("group")),))
    if status == "present":
        yield m.iri(rel["to"]), SCHEMA.attendee, m.iri(rel["from"])


def _roles(m: _Mapper, fact: URIRef, predicate: URIRef, codes: Any) -> Iterator[Triple]:
    """Role codes as concepts of the role scheme; an unknown code stays a literal the shapes report."""
    for code in _as_list(codes):
        concept = m.concept("RoleScheme", code)
        yield fact, predicate, concept if concept is not None else Literal(str(code))


def _presented(m: _Mapper, rel: Mapping[str, Any], fact: URIRef) -> Iterator[Triple]:
    yield from _participation(m, rel, fact, PMKG.Presentation)
    yield from _roles(m, fact, CV.role, ["presenter"])
    yield from _props(
        fact,
        (
            (PMKG.agendaItemNumber, rel.get("item_number")),
            (PMKG.agendaItemTitle, m.free_text(rel.get("item_title"))),
        ),
    )


def _holds_role(m: _Mapper, rel: Mapping[str, Any], fact: URIRef) -> Iterator[Triple]:
    person, org = m.iri(rel["from"]), m.iri(rel["to"])
    yield fact, RDF.type, ORG.Membership
    yield fact, ORG.member, person
    yield fact, ORG.organization, org
    yield from _roles(m, fact, ORG.role, rel.get("role"))
    yield person, ORG.memberOf, org


def _funds(m: _Mapper, rel: Mapping[str, Any], fact: URIRef) -> Iterator[Triple]:
    funder, recipient = m.iri(rel["from"]), m.iri(rel["to"])
    yield fact, RDF.type, SCHEMA.MonetaryGrant
    yield fact, SCHEMA.funder, funder
    yield fact, SCHEMA.fundedItem, recipient
    yield from _props(
        fact,
        (
            (SCHEMA.description, m.free_text(rel.get("purpose"))),
            (PMKG.condition, m.free_text(rel.get("condition"))),
            (PMKG.amountText, rel.get("amount")),
        ),
    )
    yield recipient, SCHEMA.funder, funder


def _raised(m: _Mapper, rel: Mapping[str, Any], fact: URIRef) -> Iterator[Triple]:
    meeting, concept = m.iri(rel["from"]), m.iri(rel["to"])
    yield fact, RDF.type, PMKG.DiscussionPoint
    yield fact, PMKG.raisedAt, meeting
    yield fact, DCTERMS.subject, concept
    yield from _props(
        fact,
        (
            (SCHEMA.text, m.free_text(rel.get("text"))),
            (PMKG.agendaItemNumber, rel.get("agenda_item")),
        ),
    )
    yield meeting, DCTERMS.subject, concept


FACT_MAPPERS: dict[str, Callable[[_Mapper, Mapping[str, Any], URIRef], Iterator[Triple]]] = {
    "ATTENDED": _attended,
    "PRESENTED": _presented,
    "HOLDS_ROLE": _holds_role,
    "FUNDS": _funds,
    "RAISED": _raised,
}


def _provenance(m: _Mapper, rel: Mapping[str, Any], fact: URIRef, names_person: bool) -> Iterator[Triple]:
    """prov:wasDerivedFrom one oa:SpecificResource per quoted span (quote and position selectors);
    the document itself when the relationship has no span. Pseudonymised exports keep the position
    but leave out quotes of facts about people and quotes that name anyone."""
    doc = m.iri(rel["doc"])
    yield fact, RDF.type, PMKG.Fact
    yield fact, PROV.wasGeneratedBy, m.activity
    spans = list(zip(rel.get("quotes", ()), rel.get("starts", ()), rel.get("ends", ()), strict=True))
    if not spans:
        yield fact, PROV.wasDerivedFrom, doc
    for quote_text, start, end in spans:
        source = URIRef(f"{fact}/source/{int(start)}-{int(end)}")
        position = URIRef(f"{source}/position")
        yield fact, PROV.wasDerivedFrom, source
        yield source, RDF.type, OA.SpecificResource
        yield source, OA.hasSource, doc
        yield source, OA.hasSelector, position
        yield position, RDF.type, OA.TextPositionSelector
        yield position, OA.start, Literal(int(start), datatype=XSD.nonNegativeInteger)
        yield position, OA.end, Literal(int(end), datatype=XSD.nonNegativeInteger)
        exact = None if (names_person and m.options.pseudonymize) else m.free_text(quote_text)
        if exact is not None:
            selector = URIRef(f"{source}/quote")
            yield source, OA.hasSelector, selector
            yield selector, RDF.type, OA.TextQuoteSelector
            yield selector, OA.exact, exact


def _fact_triples(m: _Mapper, rtype: str, rel: Mapping[str, Any]) -> Iterator[Triple]:
    fact = m.fact_iri(rel["key"])
    if rtype in PLAIN_RELATIONSHIPS:
        yield from _plain(m, rel, fact, rtype)
    elif rtype in FACT_MAPPERS:
        yield from FACT_MAPPERS[rtype](m, rel, fact)
    else:
        raise PmkgError(f"no RDF mapping for relationship type {rtype}: add one to graph/rdf.py")
    names_person = m.is_person(rel["from"]) or m.is_person(rel["to"])
    yield from _provenance(m, rel, fact, names_person)


def _context_triples(m: _Mapper) -> Iterator[Triple]:
    """The extraction activity, the theme scheme, the code-list concepts used, the export description."""
    yield from _typed(m.activity, (PROV.Activity,))
    yield m.activity, PROV.wasAssociatedWith, m.agent
    yield from _typed(m.agent, (PROV.SoftwareAgent, SCHEMA.SoftwareApplication))
    yield m.agent, SCHEMA.name, Literal("pmkg")
    yield m.agent, SCHEMA.softwareVersion, Literal(__version__)
    yield m.theme_scheme, RDF.type, SKOS.ConceptScheme
    yield m.theme_scheme, SKOS.prefLabel, Literal("Personalised medicine strategy themes", lang="en")
    yield m.theme_scheme, SKOS.prefLabel, Literal("Temaer i strategi for personlig medicin", lang="da")
    onto = ontology()
    described = (RDF.type, SKOS.inScheme, SKOS.notation, SKOS.prefLabel)
    schemes = set()
    for concept in m.concepts:
        for predicate in described:
            for obj in onto.objects(concept, predicate):
                yield concept, predicate, obj
        schemes.update(onto.objects(concept, SKOS.inScheme))
    for scheme in schemes:
        yield scheme, RDF.type, SKOS.ConceptScheme
        for label in onto.objects(scheme, SKOS.prefLabel):
            yield scheme, SKOS.prefLabel, label
    export = URIRef(f"{m.base}id/export")
    yield from _typed(export, (PMKG.Export,))
    yield export, PMKG.includesContactDetails, Literal(m.options.include_contact_details)
    yield export, PMKG.pseudonymized, Literal(m.options.pseudonymize)


def rows_to_dataset(rows: GraphRows, options: ExportOptions | None = None) -> Dataset:
    """The RDF of property-graph rows: node descriptions in the default graph, each document's facts
    in the named graph ``<document IRI>/graph``."""
    ds = Dataset()
    ds.namespace_manager = Graph(bind_namespaces="core").namespace_manager
    for prefix, namespace in PREFIXES.items():
        ds.bind(prefix, namespace)
    graphs: dict[URIRef | None, Graph] = {None: ds.default_graph}
    quads = []
    for s, p, o, name in rows_to_quads(rows, options):
        if name not in graphs:
            graphs[name] = ds.graph(name)
        quads.append((s, p, o, graphs[name]))
    ds.addN(quads)
    return ds


def rows_to_quads(rows: GraphRows, options: ExportOptions | None = None) -> Iterator[Quad]:
    """What :func:`rows_to_dataset` holds, as (subject, predicate, object, named graph or None for the
    default graph), without rdflib's indexes (about 2.5 kB a triple: too much to count a large graph)."""
    m = _Mapper(rows, options or ExportOptions())
    for label, nodes in rows.nodes.items():
        mapper = NODE_MAPPERS.get(label)
        if mapper is None:
            raise PmkgError(f"no RDF mapping for node label {label}: add one to graph/rdf.py")
        for node in nodes:
            yield from ((s, p, o, None) for s, p, o in mapper(m, node))
    graph_name = cache(m.graph_iri)  # one named graph per document, for its many facts
    for rtype, rels in rows.rels.items():
        for rel in rels:
            name = graph_name(rel["doc"])
            yield from ((s, p, o, name) for s, p, o in _fact_triples(m, rtype, rel))
    yield from ((s, p, o, None) for s, p, o in _context_triples(m))


def count_triples(rows: GraphRows) -> int:
    """How many triples the export of these rows carries (as Turtle does: each once, whatever graphs
    hold it), counted by hash in under a hundred bytes a triple."""
    return len({hash((s, p, o)) for s, p, o, _ in rows_to_quads(rows)})


# --- validation and serialisation ---------------------------------------------------------------


def union_graph(graph: Graph | Dataset) -> Graph:
    """All triples of a dataset in one graph (what Turtle, N-Triples, RDF/XML and JSON-LD carry)."""
    if not isinstance(graph, Dataset):
        return graph
    union = Graph(bind_namespaces="core")
    for prefix, namespace in PREFIXES.items():
        union.bind(prefix, namespace)
    union.addN((s, p, o, union) for s, p, o, _ in graph.quads((None, None, None, None)))
    return union


def validate(graph: Graph | Dataset) -> list[str]:
    """SHACL validation against knowledge/shapes.ttl (pyshacl, no inference).

    One message per violation: ``<focus node> breaks <shape> (<constraint> on <path>): <message>``.
    """
    from pyshacl import validate as shacl_validate

    conforms, results, _ = shacl_validate(
        union_graph(graph), shacl_graph=shapes(), inference="none", advanced=False, allow_warnings=True
    )
    if conforms:
        return []
    return _messages(results, shapes())


def _short(term: Any, graph: Graph) -> str:
    if isinstance(term, URIRef):
        try:
            return graph.namespace_manager.normalizeUri(term)
        except Exception:  # noqa: BLE001 - rdflib raises various errors for unprefixable IRIs
            return f"<{term}>"
    return str(term)


def _messages(results: Graph, shapes_graph: Graph) -> list[str]:
    for prefix, namespace in PREFIXES.items():
        results.bind(prefix, namespace)
    messages = []
    # top-level results only: sh:detail results of nested shapes repeat what their parent says
    for result in results.objects(None, SH.result):
        focus = results.value(result, SH.focusNode)
        shape = results.value(result, SH.sourceShape)
        if not isinstance(shape, URIRef):  # a property shape: name the node shape that holds it
            shape = shapes_graph.value(None, SH.property, shape) or shape
        component = results.value(result, SH.sourceConstraintComponent)
        path = results.value(result, SH.resultPath)
        text = results.value(result, SH.resultMessage)
        where = f" on {_short(path, results)}" if path is not None else ""
        messages.append(
            f"{_short(focus, results)} breaks {_short(shape, shapes_graph)} "
            f"({_short(component, results).replace('sh:', '')}{where}): {text}"
        )
    return sorted(messages)


def serialize(ds: Dataset | Graph, fmt: str) -> bytes:
    """Validate, then serialise. Turtle, N-Triples, RDF/XML and JSON-LD carry the union graph (JSON-LD
    compacted with the published context); N-Quads keeps one named graph per document.

    Raises PmkgError naming the first violations when the graph breaks the shapes."""
    if fmt not in FORMATS:
        raise PmkgError(f"unknown RDF format {fmt!r}: choose one of {', '.join(FORMATS)}")
    union = union_graph(ds)
    problems = validate(union)
    if problems:
        shown = "; ".join(problems[:3])
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        raise PmkgError(f"the export breaks the SHACL shapes, nothing written: {shown}{more}")
    return serialize_unchecked(ds if fmt == "nq" else union, fmt)


def serialize_unchecked(graph: Dataset | Graph, fmt: str) -> bytes:
    """Serialise without validating (benchmarks, graphs already validated).

    rdflib writes N-Triples and N-Quads quickly itself; for Turtle and RDF/XML its writers are slow
    (Turtle ~500 triples/s on 160k triples), so rdflib's N-Triples, sorted by subject, go through
    pyoxigraph's Rust parser and writers (no store: it would canonicalise literals such as "14505.0")."""
    engine, _, name = FORMATS[fmt][0].partition(":")
    if engine == "rdflib" and name == "json-ld":
        return union_graph(graph).serialize(format=name, context=context()["@context"], encoding="utf-8")
    if engine == "rdflib":
        source = graph if name == "nquads" else union_graph(graph)
        return source.serialize(format=name, encoding="utf-8")
    lines = union_graph(graph).serialize(format="nt", encoding="utf-8").splitlines()
    lines.sort()  # one triple a line, subject first: sorted lines group each subject's triples
    prefixes = {prefix: str(ns) for prefix, ns in PREFIXES.items()} | {"rdf": str(RDF), "xsd": str(XSD)}
    triples = ox.parse(b"\n".join(lines), format=ox.RdfFormat.N_TRIPLES)
    return ox.serialize(triples, format=OX_FORMATS[name], prefixes=prefixes)


def parse(data: bytes | str, fmt: str) -> Dataset:
    """Read an export back (round trips): N-Quads keeps its graphs, other formats fill the default graph."""
    ds = Dataset()
    ds.parse(data=data, format=PARSE_FORMATS[fmt])
    return ds
