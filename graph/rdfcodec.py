"""The pieces RDF is made of: IRIs, export options, literals, and the codecs of the one model.

``pmkg.model.graph`` names each property's predicate and *codec*; a codec turns the property's value
into RDF objects (a date literal, a concept of the ontology's code lists, free text an export may leave
out ...). :class:`Mapper` holds what every step needs: the base IRI, the personal-data options, who is
a person. ``graph.rdfmap`` puts them together into triples.

IRIs are stable: nodes from their ids, facts from a hash of their relationship key, so there are no
blank nodes and two exports of the same graph hold the same triples.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache
from typing import Any
from urllib.parse import quote

from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SKOS

from pmkg import __version__, knowledge
from pmkg.errors import PmkgError
from pmkg.model.graph import PREFIXES, Prop
from pmkg.text import EMAIL_PATTERN

SCHEMA = Namespace(PREFIXES["schema"])
OA = Namespace(PREFIXES["oa"])
PMKG = Namespace(PREFIXES["pmkg"])
WIKIDATA = "http://www.wikidata.org/entity/"
ROR = "https://ror.org/"
DEFAULT_BASE_IRI = "https://w3id.org/pmkg/"
BASE_IRI_ENV = "PMKG_BASE_IRI"
PERSON_LABEL = "Person"
MEDIA_TYPES = {
    "txt": "text/plain",
    "md": "text/markdown",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html",
}
# E-mail addresses (pmkg.text's one pattern) and phone numbers ("+45 12 34 56 78") in free text.
CONTACT_DETAIL = re.compile(
    rf"{EMAIL_PATTERN}|(?<![\d.,])(?:\+\d{{1,3}}[ ]?)?(?:\d{{2}}[ ]?){{3}}\d{{2}}(?![\d.,])"
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


@cache
def term(curie: str) -> URIRef:
    """``schema:name`` -> the IRI, over the model's prefixes."""
    prefix, _, local = curie.partition(":")
    return URIRef(PREFIXES[prefix] + local)


def predicates(curies: str) -> tuple[tuple[URIRef, bool], ...]:
    """The predicates a model entry names (space separated), each with whether it points backwards (``^``)."""
    return tuple((term(c.lstrip("^")), c.startswith("^")) for c in curies.split())


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


@lru_cache(maxsize=1)
def ontology() -> Graph:
    """knowledge/ontology.ttl, parsed once."""
    return Graph().parse(knowledge.path("ontology.ttl"), format="turtle")


@cache
def code_list(scheme: str) -> dict[str, URIRef]:
    """skos:notation -> concept of one of the ontology's concept schemes (e.g. ``RoleScheme``)."""
    onto = ontology()
    return {
        str(onto.value(concept, SKOS.notation)): concept
        for concept in onto.subjects(SKOS.inScheme, PMKG[scheme])
        if isinstance(concept, URIRef)
    }


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


def _decimal(value: Any) -> Literal:
    try:
        return Literal(Decimal(str(value)), datatype=XSD.decimal)
    except InvalidOperation:
        return Literal(str(value))


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


# --- the mapper: IRIs and options ------------------------------------------------------------------------


class _Redactor:
    """Finds free text that names a person (any word starting with a token of a name or alias)."""

    def __init__(self, people: Iterable[Mapping[str, Any]]) -> None:
        tokens = {
            token.lower()
            for person in people
            for name in (person.get("name", ""), *as_list(person.get("aliases")))
            for token in re.findall(r"\w+", str(name))
            if len(token) > 1
        }
        alternation = "|".join(sorted(map(re.escape, tokens), key=len, reverse=True))
        self._pattern = re.compile(rf"\b(?:{alternation})", re.IGNORECASE) if tokens else None

    def names_someone(self, text: str) -> bool:
        return bool(self._pattern and self._pattern.search(text))


class Mapper:
    """What every mapping step needs: the base IRI, the options, who is a person, the concepts used.

    ``people`` (only read when pseudonymising) are the person nodes whose names free text must not
    hold; ``labels`` tells a person's id from others' (by default from the id's prefix)."""

    def __init__(
        self,
        options: ExportOptions | None = None,
        people: Iterable[Mapping[str, Any]] = (),
        labels: Mapping[str, str] | None = None,
    ) -> None:
        self.base = base_iri()
        self.options = options or ExportOptions()
        self.labels = labels or {}
        self.redactor = _Redactor(people) if self.options.pseudonymize else None
        self.concepts: set[URIRef] = set()
        self.activity = URIRef(f"{self.base}id/activity/extraction-pmkg-{_segment(__version__)}")
        self.agent = URIRef(f"{self.base}id/agent/pmkg-{_segment(__version__)}")
        self.theme_scheme = URIRef(f"{self.base}id/scheme/themes")
        self.graph_iri = cache(self._graph_iri)  # one named graph per document, for its many facts

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

    def _graph_iri(self, doc_id: str) -> URIRef:
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


# --- codecs: a property's value as RDF objects (the model names one per property) ----------------------

Codec = Callable[[Mapper, URIRef, Mapping[str, Any], Any], Iterator[Any]]


def _text(m: Mapper, s: URIRef, node: Mapping[str, Any], value: Any) -> Iterator[Any]:
    yield Literal(str(value))


def _free(m: Mapper, s: URIRef, node: Mapping[str, Any], value: Any) -> Iterator[Any]:
    literal = m.free_text(value)
    if literal is not None:
        yield literal


def _contact(m: Mapper, s: URIRef, node: Mapping[str, Any], value: Any) -> Iterator[Any]:
    if m.options.include_contact_details:
        yield Literal(value)


def _flag(m: Mapper, s: URIRef, node: Mapping[str, Any], value: Any) -> Iterator[Any]:
    if value:
        yield Literal(True)


def _span(m: Mapper, s: URIRef, node: Mapping[str, Any], value: Any) -> Iterator[Any]:
    """The start as xsd:dateTime when a full date and a time are known, else the date alone (the end
    and the bare times are added by :func:`time_triples`)."""
    start = node.get("start_time")
    full = _DATE_TYPES[0][0].match(_iso(value)) is not None
    if full and start:
        yield Literal(f"{_iso(value)}T{_time(start)}", datatype=XSD.dateTime)
    else:
        yield date_literal(value)


def time_triples(s: URIRef, node: Mapping[str, Any]) -> Iterator[Triple]:
    """schema:endDate as xsd:dateTime with a full date, else pmkg:startTime/endTime as xsd:time."""
    date = node.get("date")
    full = date is not None and _DATE_TYPES[0][0].match(_iso(date)) is not None
    if full and node.get("end_time"):
        yield s, SCHEMA.endDate, Literal(f"{_iso(date)}T{_time(node['end_time'])}", datatype=XSD.dateTime)
    if not full:
        for key, prop in (("start_time", PMKG.startTime), ("end_time", PMKG.endTime)):
            if node.get(key):
                yield s, prop, Literal(_time(node[key]), datatype=XSD.time)


def _address(m: Mapper, s: URIRef, node: Mapping[str, Any], value: Any) -> Iterator[Any]:
    """The seat's country the way schema.org puts it: a ``schema:PostalAddress`` named
    ``<organisation>/address`` (no blank nodes; described by :func:`address_triples`)."""
    yield URIRef(f"{s}/address")


def address_triples(s: URIRef, country: Any) -> Iterator[Triple]:
    """The address of :func:`_address`: its class and its ``schema:addressCountry``, the ISO code."""
    address = URIRef(f"{s}/address")
    yield address, RDF.type, SCHEMA.PostalAddress
    yield address, SCHEMA.addressCountry, Literal(str(country))


def _concept(scheme: str, keep_unknown: bool) -> Codec:
    """A code as a concept of the ontology's scheme; an unknown code is left out, or (``keep_unknown``)
    stays a literal that the shapes then report."""

    def codec(m: Mapper, s: URIRef, node: Mapping[str, Any], value: Any) -> Iterator[Any]:
        found = m.concept(scheme, value)
        if found is not None:
            yield found
        elif keep_unknown:
            yield Literal(str(value))

    return codec


def _simple(make: Callable[[Any], Any]) -> Codec:
    def codec(m: Mapper, s: URIRef, node: Mapping[str, Any], value: Any) -> Iterator[Any]:
        made = make(value)
        if made is not None:
            yield made

    return codec


CODECS: dict[str, Codec] = {
    "text": _text,
    "free": _free,
    "contact": _contact,
    "flag": _flag,
    "span": _span,
    "address": _address,
    "date": _simple(date_literal),
    "decimal": _simple(_decimal),
    "language": _simple(lambda v: Literal(v, datatype=XSD.language)),
    "media-type": _simple(lambda v: Literal(MEDIA_TYPES[v]) if v in MEDIA_TYPES else None),
    "sha256": _simple(lambda v: Literal(f"sha256:{v}")),
    "wikidata": _simple(lambda v: URIRef(WIKIDATA + str(v))),
    "ror": _simple(lambda v: URIRef(ROR + str(v))),
    "label@da": _simple(lambda v: Literal(v, lang="da")),
    "label@en": _simple(lambda v: Literal(v, lang="en")),
}


def codec(name: str) -> Codec:
    """The codec a model entry names: ``concept:<Scheme>`` leaves unknown codes out, ``code:<Scheme>``
    keeps them as literals (the shapes report them), ``node`` is a node's IRI."""
    kind, _, scheme = name.partition(":")
    if kind in ("concept", "code"):
        return _concept(scheme, keep_unknown=kind == "code")
    if name == "node":
        return lambda m, s, node, value: iter((m.iri(str(value)),))
    return CODECS[name]


def prop_triples(m: Mapper, s: URIRef, props: Iterable[Prop], values: Mapping[str, Any]) -> Iterator[Triple]:
    """The triples of the exported properties of one node or fact, value by value."""
    for prop in props:
        value = prop.fixed if prop.fixed is not None else values.get(prop.name)
        if prop.rdf is None or value is None:
            continue
        write = codec(prop.codec)
        for item in as_list(value):
            for obj in write(m, s, values, item):
                for predicate, _ in predicates(prop.rdf):
                    yield s, predicate, obj
