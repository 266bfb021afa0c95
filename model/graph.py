"""The property graph: node labels, properties and relationship types, with their RDF terms.

Written once here and read by everything that needs them: the loader's whitelists and the Neo4j schema
(``graph.schema``, ``graph.triples``), the RDF mapping (``graph.rdf``: which class and predicate each
label, property and relationship becomes, through which *codec*), the bulk importer's CSV headers, the
app's hidden properties; a test checks ``knowledge/ontology.ttl`` and ``knowledge/shapes.ttl`` against
it. ``docs/graph-model.md`` describes the same model for readers.

RDF terms are CURIEs over :data:`PREFIXES`. A relationship is either *plain* (one triple, ``predicate``;
a leading ``^`` means from the target to the source) or a *fact* with a node of its own (``classes``,
linked to its ends by ``source_link`` and ``target_link``, with an optional ``shortcut`` triple between
the ends). Every relationship also carries its provenance (``REL_COMMON``).
"""

from __future__ import annotations

from dataclasses import dataclass

PREFIXES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "schema": "https://schema.org/",
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dct": "http://purl.org/dc/terms/",
    "oa": "http://www.w3.org/ns/oa#",
    "cv": "http://data.europa.eu/m8g/",
    "eli": "http://data.europa.eu/eli/ontology#",
    "pmkg": "https://w3id.org/pmkg/ontology#",
}


@dataclass(frozen=True)
class Prop:
    """One property of a node or relationship.

    ``kind`` is its value type in Neo4j and in the bulk importer's CSV header (``string``, ``boolean``,
    ``float``, ``int``, ``string[]``, ``int[]``). ``rdf`` is the predicate it becomes (several, space
    separated, when it states the same value with each) and ``codec`` how its value is written
    (``graph.rdfmap.CODECS``: ``text`` plain, ``free`` free text an export may leave out, ``date``,
    ``decimal``, ``flag``, ``concept:<Scheme>`` a concept of the ontology's scheme ...); no ``rdf``: not
    exported as such. ``hidden``: plumbing a reader never sees; ``store_only``: added by the store, so
    not part of a document's rows; ``fixed``: the same value on every relationship of its type, so not
    stored at all (a presentation's role).
    """

    name: str
    kind: str = "string"
    rdf: str | None = None
    codec: str = "text"
    hidden: bool = False
    store_only: bool = False
    fixed: str | None = None


@dataclass(frozen=True)
class Node:
    """A node label: its RDF classes, properties, and what search and the store do with it."""

    label: str
    classes: tuple[str, ...]
    props: tuple[Prop, ...]
    searchable: bool = False
    contributed: tuple[str, ...] = ()  # list properties each document contributes through its MENTIONS
    indexed: tuple[str, ...] = ()  # range indexes besides the unique ``id``
    implied_by: str | None = None  # the concept property whose pmkg:impliesClass adds classes ...
    fallback: tuple[str, ...] = ()  # ... or these classes when it implies none


@dataclass(frozen=True)
class Rel:
    """A relationship type, its ends, its own properties and its RDF form (plain or a fact node)."""

    type: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    props: tuple[Prop, ...] = ()
    predicate: str | None = None
    classes: tuple[str, ...] = ()
    source_link: str | None = None
    target_link: str | None = None
    shortcut: str | None = None
    shortcut_when: tuple[str, str] | None = None  # (property, value) the shortcut needs


def _p(name: str, rdf: str | None = None, codec: str = "text", kind: str = "string") -> Prop:
    return Prop(name, kind, rdf, codec)


ID = Prop("id")
SEARCH_TEXT = Prop("search_text", hidden=True)
NAME = _p("name", "schema:name")
ALIASES = _p("aliases", "schema:alternateName", kind="string[]")
DATE_INFERRED = _p("date_inferred", "pmkg:dateInferred", "flag", "boolean")
# date, start and end time together: schema:startDate/endDate (xsd:dateTime when a time is known)
DATE_SPAN = (_p("date", "schema:startDate", "span"), _p("start_time"), _p("end_time"))
# a Theme's monthly tally of the points raising it, kept by the store (graph.store)
TALLY_PROPS = (Prop("raised_months", "string[]", hidden=True, store_only=True),
               Prop("raised_points", "int[]", hidden=True, store_only=True))  # fmt: skip

NODES: dict[str, Node] = {
    node.label: node
    for node in (
        Node(
            "Document",
            ("schema:DigitalDocument", "foaf:Document"),
            (
                ID,
                _p("name", "dct:title"),  # the title, or the source when there is none
                Prop("title"),
                _p("source", "dct:source"),
                _p("sha256", "dct:identifier", "sha256"),
                _p("language", "dct:language", "language"),
                _p("format", "dct:format", "media-type"),
                _p("date", "dct:date", "date"),
                Prop("body"),  # the id of the body whose meeting it records
                Prop("ingested_at", store_only=True),
                SEARCH_TEXT,
            ),
            searchable=True,
            indexed=("source", "sha256", "ingested_at"),
        ),
        Node(
            "Meeting",
            ("schema:Event", "pmkg:Meeting"),
            (
                ID,
                NAME,
                Prop("title"),
                _p("body_name", "pmkg:bodyName"),
                _p("number", "pmkg:meetingNumber"),
                *DATE_SPAN,
                DATE_INFERRED,
                _p("location", "schema:location"),
                SEARCH_TEXT,
            ),
            searchable=True,
            indexed=("date",),
        ),
        Node(
            "Person",
            ("schema:Person", "foaf:Person"),
            (
                ID,
                _p("name", "schema:name foaf:name"),
                ALIASES,
                _p("titles", "schema:jobTitle", kind="string[]"),
                _p("emails", "schema:email", "contact", "string[]"),
                SEARCH_TEXT,
            ),
            searchable=True,
            contributed=("aliases", "titles", "emails"),
        ),
        Node(
            "Organization",
            ("schema:Organization",),
            (
                ID,
                NAME,
                ALIASES,
                _p("type", "dct:type", "concept:OrganizationTypeScheme"),
                _p("wikidata", "schema:sameAs skos:exactMatch", "wikidata"),
                _p("ror", "schema:sameAs skos:exactMatch", "ror"),
                _p("country", "schema:address", "address"),
                SEARCH_TEXT,
            ),
            searchable=True,
            contributed=("aliases",),
            implied_by="type",
            fallback=("org:Organization",),
        ),
        Node(
            "Initiative",
            ("pmkg:Initiative",),
            (
                ID,
                NAME,
                ALIASES,
                _p("type", "dct:type", "concept:InitiativeTypeScheme"),
                _p("wikidata", "schema:sameAs skos:exactMatch", "wikidata"),
                SEARCH_TEXT,
            ),
            searchable=True,
            contributed=("aliases",),
            implied_by="type",
            fallback=("schema:Project",),
        ),
        Node(
            "Agreement",
            ("pmkg:Agreement", "schema:Action"),
            (
                ID,
                NAME,
                _p("kind", "dct:type", "concept:AgreementKindScheme"),
                _p("date", "dct:date", "date"),
                DATE_INFERRED,
                SEARCH_TEXT,
            ),
            searchable=True,
        ),
        Node(
            "Theme",
            ("skos:Concept",),
            (
                ID,
                Prop("name"),  # the Danish label
                _p("label_da", "skos:prefLabel", "label@da"),
                _p("label_en", "skos:prefLabel", "label@en"),
                *TALLY_PROPS,
                SEARCH_TEXT,
            ),
            searchable=True,
        ),
        Node(
            "Figure",
            ("schema:Observation",),
            (
                ID,
                _p("name", "schema:name", "free"),
                _p("value", "schema:value", "decimal", "float"),
                _p("unit", "schema:unitText"),
                _p("date", "schema:observationDate", "date"),
            ),
            indexed=("unit",),
        ),
        Node(
            "Deadline",
            ("pmkg:Deadline", "schema:Event"),
            (
                ID,
                _p("name", "schema:name", "free"),
                _p("kind", "dct:type"),
                *DATE_SPAN,
                DATE_INFERRED,
                _p("location", "schema:location"),
                _p("email", "schema:email", "contact"),
            ),
            indexed=("date",),
        ),
    )
}

# Every relationship: its key (unique across documents), its document, and the quoted spans that state
# it (parallel lists; offsets in code points into the document's original text). In RDF they are the
# fact's IRI and its provenance (PROV-O, Web Annotation selectors: ``graph.rdfmap``).
REL_COMMON = (
    Prop("key"),
    Prop("doc"),
    Prop("quotes", "string[]"),
    Prop("starts", "int[]"),
    Prop("ends", "int[]"),
)
ENTITIES = ("Person", "Organization", "Initiative", "Agreement")
ABOUT_TARGETS = ("Organization", "Person", "Initiative")  # what a figure is about
PARTICIPATION = {
    "classes": ("cv:Participation",),
    "source_link": "cv:hasParticipant",
    "target_link": "^cv:hasParticipation",
}
RELS: dict[str, Rel] = {
    rel.type: rel
    for rel in (
        Rel("RECORDS", ("Document",), ("Meeting",), predicate="^schema:recordedIn"),
        Rel(
            "MENTIONS",
            ("Document",),
            ENTITIES,
            tuple(Prop(name, "string[]") for name in ("aliases", "titles", "emails")),
            predicate="schema:mentions",
        ),
        Rel(
            "ATTENDED",
            ("Person",),
            ("Meeting",),
            (
                _p("status", "pmkg:attendanceStatus", "code:AttendanceStatusScheme"),
                _p("roles", "cv:role", "code:RoleScheme", "string[]"),
                _p("group", "pmkg:attendanceGroup"),
            ),
            classes=("pmkg:Attendance", *PARTICIPATION["classes"]),
            source_link=PARTICIPATION["source_link"],
            target_link=PARTICIPATION["target_link"],
            shortcut="^schema:attendee",
            shortcut_when=("status", "present"),
        ),
        Rel(
            "PRESENTED",
            ("Person",),
            ("Meeting",),
            (
                _p("item_number", "pmkg:agendaItemNumber"),
                _p("item_title", "pmkg:agendaItemTitle", "free"),
                Prop("role", rdf="cv:role", codec="code:RoleScheme", fixed="presenter"),
            ),
            classes=("pmkg:Presentation", *PARTICIPATION["classes"]),
            source_link=PARTICIPATION["source_link"],
            target_link=PARTICIPATION["target_link"],
        ),
        Rel("AFFILIATED_WITH", ("Person",), ("Organization",), predicate="schema:affiliation"),
        Rel(
            "HOLDS_ROLE",
            ("Person",),
            ("Organization",),
            (_p("role", "org:role", "code:RoleScheme"),),
            classes=("org:Membership",),
            source_link="org:member",
            target_link="org:organization",
            shortcut="org:memberOf",
        ),
        Rel("HELD_BY", ("Meeting",), ("Organization",), predicate="schema:organizer"),
        Rel("PARTY_TO", ("Organization",), ("Agreement",), predicate="^schema:participant"),
        Rel(
            "COLLABORATES_WITH",
            ("Organization",),
            ("Organization",),
            (_p("agreement", "pmkg:viaAgreement", "node"),),
            predicate="pmkg:collaboratesWith",
        ),
        Rel(
            "FUNDS",
            ("Organization",),
            ("Organization", "Initiative"),
            (
                _p("purpose", "schema:description", "free"),
                _p("condition", "pmkg:condition", "free"),
                _p("amount", "pmkg:amountText"),
            ),
            classes=("schema:MonetaryGrant",),
            source_link="schema:funder",
            target_link="schema:fundedItem",
            shortcut="^schema:funder",
        ),
        Rel("PARTICIPATES_IN", ("Organization",), ("Initiative",), predicate="pmkg:participatesIn"),
        Rel(
            "RAISED",
            ("Meeting",),
            ("Theme",),
            (
                Prop("point_id"),  # part of the key, so of the fact's IRI
                _p("text", "schema:text", "free"),
                _p("agenda_item", "pmkg:agendaItemNumber"),
            ),
            classes=("pmkg:DiscussionPoint",),
            source_link="pmkg:raisedAt",
            target_link="dct:subject",
            shortcut="dct:subject",
        ),
        Rel("REPORTED", ("Meeting",), ("Figure",), predicate="^pmkg:reportedAt"),
        Rel("ABOUT", ("Figure",), ABOUT_TARGETS, predicate="schema:observationAbout"),
        Rel("SET", ("Meeting",), ("Deadline",), predicate="^pmkg:setAt"),
        Rel("CONTACT_FOR", ("Person",), ("Deadline",), predicate="^pmkg:contact"),
    )
}

# The whitelists Cypher draws labels and relationship types from (they cannot be parameters).
LABELS = tuple(NODES)
REL_TYPES = tuple(RELS)
SEARCHABLE_LABELS = tuple(label for label, node in NODES.items() if node.searchable)
CONTRIBUTED = {label: node.contributed for label, node in NODES.items() if node.contributed}
PROVENANCE_KEYS = ("quotes", "starts", "ends")
STORE_ONLY = tuple(dict.fromkeys(p.name for node in NODES.values() for p in node.props if p.store_only))
THEME_TALLY = tuple(p.name for p in TALLY_PROPS)
# Plumbing a reader never sees, on a node or a relationship (the app's details, a question's graph).
HIDDEN_PROPERTIES = frozenset(
    p.name for props in (*(n.props for n in NODES.values()), REL_COMMON) for p in props if p.hidden
)

# Contact details (the ``contact`` codec: e-mail addresses), shown and exported only to those allowed them.
CONTACT_PROPERTIES = frozenset(
    p.name
    for props in (*(n.props for n in NODES.values()), *(r.props for r in RELS.values()))
    for p in props
    if p.codec == "contact"
)


def rel_props(rtype: str) -> tuple[Prop, ...]:
    """Every property a relationship of this type may hold: the common ones, then its own."""
    return (*REL_COMMON, *RELS[rtype].props)
