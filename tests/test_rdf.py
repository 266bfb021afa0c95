"""graph.rdf: property-graph rows -> RDF, SHACL validation, serialisation, personal-data options."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rdflib import RDF, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDFS, SKOS

from pmkg import knowledge
from pmkg.errors import PmkgError
from pmkg.graph import rdf
from pmkg.graph.rdf import CV, OA, PMKG, PROV, SCHEMA, ExportOptions
from pmkg.graph.triples import GraphRows, merge_rows, record_to_rows
from pmkg.model.record import ROLE_CODES, Deadline, Provenance, Record
from tests.graph_samples import board_minutes

KEY = b"test-pseudonym-key"
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
STATUS = "https://w3id.org/pmkg/ontology/attendance-status/"
ROLE = "https://w3id.org/pmkg/ontology/role/"


def person(record: Record, name: str) -> str:
    """The id the sample gives the person called ``name``."""
    return next(p.id for p in record.people if p.name == name)


def minutes_with_contacts(source: str = "board-1.txt", **kwargs: object) -> Record:
    """The sample board minutes plus an e-mail address on a person and a deadline with a contact."""
    record = board_minutes(
        source, extra="Input sendes til Bettina (bl@ngc.example) senest 5. juli 2023.\n", **kwargs
    )
    bettina = next(p for p in record.people if p.name == "Bettina Lundgren")
    bettina.emails = ["bl@ngc.example"]
    bettina.aliases = ["Bettina"]
    text = record.document.text
    start = text.index("Input sendes")
    quote = text[start : text.index("\n", start)]
    record.deadlines.append(
        Deadline(
            id=f"deadline:input-{record.document.sha256[:6]}",
            kind="deadline",
            date="2023-07-05",
            description="Input til strategien",
            contact=bettina.id,
            email="bl@ngc.example",
            meeting=record.meetings[0].id,
            provenance=[Provenance(quote, start, start + len(quote))],
        )
    )
    return record


@pytest.fixture(scope="module")
def records() -> list[Record]:
    return [
        minutes_with_contacts(),
        minutes_with_contacts("board-2.txt", chair="Anders Børglum", chair_aliases=("A. Børglum",)),
    ]


@pytest.fixture(scope="module")
def rows(records: list[Record]) -> GraphRows:
    return merge_rows(record_to_rows(r) for r in records)


@pytest.fixture(scope="module")
def dataset(rows: GraphRows) -> Dataset:
    return rdf.rows_to_dataset(rows)


def people_strings(rows: GraphRows) -> set[str]:
    """Every name, alias and e-mail address of the people in the rows."""
    out: set[str] = set()
    for person in rows.nodes["Person"]:
        out.add(person["name"])
        out.update(person.get("aliases", []), person.get("emails", []))
    for deadline in rows.nodes.get("Deadline", []):
        out.update([deadline["email"]] if deadline.get("email") else [])
    return out


def quads(ds: Dataset) -> set[tuple]:
    """The dataset as a set of (s, p, o, graph name); the default graph is None (no blank nodes here)."""
    default = ds.default_graph.identifier
    return {(s, p, o, None if g == default else g) for s, p, o, g in ds.quads((None, None, None, None))}


# --- IRIs and modelling ------------------------------------------------------------------------------


def test_node_iris_are_stable_and_readable() -> None:
    assert rdf.node_iri("org:ngc", "https://w3id.org/pmkg/") == URIRef("https://w3id.org/pmkg/id/org/ngc")
    assert rdf.node_iri("person:søren-brunak", "https://x.org/") == URIRef(
        "https://x.org/id/person/søren-brunak"
    )
    assert rdf.node_iri("theme:a b/c", "https://x.org/") == URIRef("https://x.org/id/theme/a%20b%2Fc")


def test_base_iri_comes_from_the_environment(rows: GraphRows, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PMKG_BASE_IRI", "https://data.example.org/pm")
    ds = rdf.rows_to_dataset(rows)
    subjects = {str(s) for s in rdf.union_graph(ds).subjects() if str(s).startswith("https://data.example")}
    assert "https://data.example.org/pm/id/org/ngc" in subjects
    assert not any(str(s).startswith("https://w3id.org/pmkg/id/") for s in rdf.union_graph(ds).subjects())


def test_people_organisations_and_links(dataset: Dataset, records: list[Record]) -> None:
    g = rdf.union_graph(dataset)
    soren = rdf.node_iri(person(records[0], "Søren Brunak"))
    ngc = rdf.node_iri("org:ngc")
    assert (soren, RDF.type, SCHEMA.Person) in g and (soren, SCHEMA.name, Literal("Søren Brunak")) in g
    assert (soren, SCHEMA.affiliation, rdf.node_iri("org:ku")) in g
    assert (soren, SCHEMA.jobTitle, Literal("professor")) in g
    wikidata = URIRef("http://www.wikidata.org/entity/Q56255425")
    assert (ngc, SCHEMA.sameAs, wikidata) in g and (ngc, SKOS.exactMatch, wikidata) in g
    assert not list(g.triples((None, OWL.sameAs, None)))
    # the gazetteer type picks the classes: an agency is a government organisation, a board a unit
    assert (ngc, RDF.type, SCHEMA.GovernmentOrganization) in g
    assert (rdf.node_iri("org:board"), RDF.type, rdf.ORG.OrganizationalUnit) in g
    assert (rdf.node_iri("org:ku"), RDF.type, SCHEMA.CollegeOrUniversity) in g


def test_attendance_is_a_node_with_status_and_roles(dataset: Dataset, records: list[Record]) -> None:
    g = rdf.union_graph(dataset)
    meeting = rdf.node_iri(records[0].meetings[0].id)
    by_person = {
        g.value(att, CV.hasParticipant): att
        for att in g.objects(meeting, CV.hasParticipation)
        if (att, RDF.type, PMKG.Attendance) in g
    }
    soren, ole = (rdf.node_iri(person(records[0], name)) for name in ("Søren Brunak", "Ole Skøtt"))
    assert g.value(by_person[soren], PMKG.attendanceStatus) == URIRef(STATUS + "present")
    assert set(g.objects(by_person[soren], CV.role)) == {URIRef(ROLE + "chair")}
    assert g.value(by_person[ole], PMKG.attendanceStatus) == URIRef(STATUS + "absent")
    # schema:attendee only for people who were there
    assert (meeting, SCHEMA.attendee, soren) in g and (meeting, SCHEMA.attendee, ole) not in g
    # the role concept travels with its labels
    assert (URIRef(ROLE + "chair"), SKOS.prefLabel, Literal("formand", lang="da")) in g


def test_meetings_documents_themes_figures_and_grants(dataset: Dataset, records: list[Record]) -> None:
    g = rdf.union_graph(dataset)
    record = records[0]
    meeting, doc = rdf.node_iri(record.meetings[0].id), rdf.node_iri(record.document.id)
    assert (meeting, SCHEMA.recordedIn, doc) in g
    assert (meeting, SCHEMA.organizer, rdf.node_iri("org:board")) in g
    assert g.value(meeting, SCHEMA.startDate) == Literal("2023-06-14", datatype=rdf.XSD.date)
    assert g.value(doc, rdf.DCTERMS.identifier) == Literal(f"sha256:{record.document.sha256}")
    theme = rdf.node_iri("theme:data-sharing")
    assert (meeting, rdf.DCTERMS.subject, theme) in g and (theme, RDF.type, SKOS.Concept) in g
    figure = rdf.node_iri("figure:genomes-1")
    assert g.value(figure, SCHEMA.value) == Literal("14505.0", datatype=rdf.XSD.decimal)
    assert (figure, SCHEMA.observationAbout, rdf.node_iri("org:ngc")) in g
    grant = next(g.subjects(RDF.type, SCHEMA.MonetaryGrant))
    assert g.value(grant, SCHEMA.funder) == rdf.node_iri("org:novo-nordisk-fonden")
    assert g.value(grant, SCHEMA.fundedItem) == rdf.node_iri("org:ngc")
    agreement = rdf.node_iri("agreement:ku-ngc-mou")
    assert set(g.objects(agreement, SCHEMA.participant)) == {rdf.node_iri("org:ku"), rdf.node_iri("org:ngc")}
    assert g.value(agreement, rdf.DCTERMS.date) == Literal("2023-06", datatype=rdf.XSD.gYearMonth)


def test_every_fact_points_to_the_quoted_span(dataset: Dataset, records: list[Record]) -> None:
    g = rdf.union_graph(dataset)
    texts = {rdf.node_iri(r.document.id): r.document.text for r in records}
    facts = set(g.subjects(RDF.type, PMKG.Fact))
    assert len(facts) > 30
    checked = 0
    for fact in facts:
        assert g.value(fact, PROV.wasGeneratedBy) is not None
        for source in g.objects(fact, PROV.wasDerivedFrom):
            text = (
                texts[g.value(source, OA.hasSource)] if (source, RDF.type, OA.SpecificResource) in g else None
            )
            if text is None:  # a relationship without a span points to the document itself
                assert source in texts
                continue
            selectors = set(g.objects(source, OA.hasSelector))
            position = next(s for s in selectors if (s, RDF.type, OA.TextPositionSelector) in g)
            start, end = g.value(position, OA.start).toPython(), g.value(position, OA.end).toPython()
            for quote in selectors - {position}:
                assert text[start:end] == str(g.value(quote, OA.exact))
                checked += 1
    assert checked > 30


def test_code_lists_cover_the_record_contract() -> None:
    assert set(rdf.code_list("RoleScheme")) == set(ROLE_CODES)
    assert set(rdf.code_list("AttendanceStatusScheme")) == {"present", "absent", "unknown"}
    assert {"mou", "collaboration", "agreement"} <= set(rdf.code_list("AgreementKindScheme"))


def test_every_pmkg_term_used_is_defined_in_the_ontology(rows: GraphRows) -> None:
    ds = rdf.rows_to_dataset(rows, ExportOptions(include_contact_details=True))
    g = rdf.union_graph(ds)
    used = {t for triple in g for t in triple if isinstance(t, URIRef) and str(t).startswith(str(PMKG))}
    assert len(used) > 15
    onto = rdf.ontology()
    undefined = sorted(
        t for t in used if onto.value(t, RDFS.label) is None and onto.value(t, SKOS.prefLabel) is None
    )
    assert undefined == []


def test_the_context_declares_every_prefix_the_export_uses() -> None:
    context = rdf.context()["@context"]
    assert {prefix: str(ns) for prefix, ns in rdf.PREFIXES.items()}.items() <= context.items()


# --- named graphs and formats ----------------------------------------------------------------------


def test_each_document_has_its_own_named_graph(dataset: Dataset, records: list[Record]) -> None:
    names = {g.identifier for g in dataset.graphs()} - {dataset.default_graph.identifier}
    expected = {URIRef(f"{rdf.node_iri(r.document.id)}/graph") for r in records}
    assert names == expected
    # each document's attendance facts sit in its own graph
    for record in records:
        graph = dataset.graph(URIRef(f"{rdf.node_iri(record.document.id)}/graph"))
        meetings = {m for m, _ in graph.subject_objects(CV.hasParticipation)}
        assert meetings == {rdf.node_iri(record.meetings[0].id)}


@pytest.mark.parametrize("fmt", sorted(rdf.FORMATS))
def test_every_format_round_trips(dataset: Dataset, fmt: str) -> None:
    data = rdf.serialize(dataset, fmt)
    back = rdf.parse(data, fmt)
    if fmt == "nq":
        assert quads(back) == quads(dataset)
    else:
        assert isomorphic(rdf.union_graph(back), rdf.union_graph(dataset))


def test_nquads_carries_one_graph_per_document(dataset: Dataset, records: list[Record]) -> None:
    lines = rdf.serialize(dataset, "nq").decode().splitlines()
    graph_names = {line.rsplit(" ", 2)[-2] for line in lines if line.count("> <") >= 2 and "/graph>" in line}
    assert graph_names == {f"<{rdf.node_iri(r.document.id)}/graph>" for r in records}


def test_jsonld_is_compacted_with_the_published_context(dataset: Dataset) -> None:
    data = json.loads(rdf.serialize(dataset, "jsonld"))
    published = json.loads(knowledge.path("context.jsonld").read_text(encoding="utf-8"))
    assert data["@context"] == published["@context"]
    keys = {key for node in data["@graph"] for key in node}
    assert {"schema:name", "prov:wasDerivedFrom", "cv:hasParticipant"} <= keys


def test_turtle_uses_the_standard_prefixes(dataset: Dataset) -> None:
    text = rdf.serialize(dataset, "turtle").decode()
    assert (
        "@prefix schema: <https://schema.org/> ." in text
        and "@prefix org: <http://www.w3.org/ns/org#> ." in text
    )
    assert "brick:" not in text  # rdflib's long default prefix list stays out


def test_unknown_format_is_a_user_error(dataset: Dataset) -> None:
    with pytest.raises(PmkgError, match="unknown RDF format 'rdfa'"):
        rdf.serialize(dataset, "rdfa")


# --- SHACL -------------------------------------------------------------------------------------------


def test_good_data_conforms(dataset: Dataset) -> None:
    assert rdf.validate(dataset) == []


def broken(dataset: Dataset, remove: tuple = (), add: tuple = ()) -> Graph:
    g = Graph()
    g += rdf.union_graph(dataset)
    for triple in remove:
        g.remove(triple)
    for triple in add:
        g.add(triple)
    return g


def test_a_person_without_a_name_is_named_in_the_error(dataset: Dataset, records: list[Record]) -> None:
    ole = rdf.node_iri(person(records[0], "Ole Skøtt"))
    g = broken(dataset, remove=[(ole, SCHEMA.name, None)])
    problems = rdf.validate(g)
    assert len(problems) == 1
    assert str(ole) in problems[0] and "PersonShape" in problems[0]
    with pytest.raises(PmkgError, match=f"{ole}.*PersonShape"):
        rdf.serialize(g, "turtle")


def test_broken_status_offsets_and_dates_are_reported(dataset: Dataset) -> None:
    g = rdf.union_graph(dataset)
    attendance = next(g.subjects(RDF.type, PMKG.Attendance))
    position = next(g.subjects(RDF.type, OA.TextPositionSelector))
    meeting = next(g.subjects(RDF.type, PMKG.Meeting))
    bad = broken(
        dataset,
        remove=[(attendance, PMKG.attendanceStatus, None), (position, OA.start, None)],
        add=[
            (attendance, PMKG.attendanceStatus, Literal("late")),
            (position, OA.start, Literal("7")),
            (meeting, SCHEMA.startDate, Literal("14. juni")),
        ],
    )
    problems = "\n".join(rdf.validate(bad))
    assert f"{attendance}" in problems or attendance.n3() in problems
    assert "AttendanceShape (InConstraintComponent on pmkg:attendanceStatus)" in problems
    assert "TextPositionSelectorShape (DatatypeConstraintComponent on oa:start)" in problems
    assert "MeetingShape (MaxCountConstraintComponent on schema:startDate)" in problems


def test_unknown_role_code_breaks_the_role_shape(rows: GraphRows) -> None:
    attended = [dict(r) for r in rows.rels["ATTENDED"]]
    attended[0]["roles"] = ["emperor"]
    ds = rdf.rows_to_dataset(GraphRows(rows.nodes, {**rows.rels, "ATTENDED": attended}))
    problems = rdf.validate(ds)
    assert len(problems) == 1 and "AttendanceShape" in problems[0] and "cv:role" in problems[0]


def test_a_row_without_a_name_is_reported_not_crashed(rows: GraphRows) -> None:
    orgs = [
        {k: v for k, v in o.items() if k != "name"} if o["id"] == "org:ku" else o
        for o in rows.nodes["Organization"]
    ]
    ds = rdf.rows_to_dataset(GraphRows({**rows.nodes, "Organization": orgs}, rows.rels))
    problems = rdf.validate(ds)
    assert len(problems) == 1
    assert problems[0].startswith(f"<{rdf.node_iri('org:ku')}> breaks pmkgsh:OrganizationShape (MinCount")


def test_fact_without_span_points_to_its_document(rows: GraphRows) -> None:
    funds = [{**rows.rels["FUNDS"][0], "quotes": [], "starts": [], "ends": []}]
    ds = rdf.rows_to_dataset(GraphRows(rows.nodes, {**rows.rels, "FUNDS": funds}))
    g = rdf.union_graph(ds)
    grant = next(g.subjects(RDF.type, SCHEMA.MonetaryGrant))
    assert list(g.objects(grant, PROV.wasDerivedFrom)) == [rdf.node_iri(funds[0]["doc"])]
    assert rdf.validate(ds) == []


# --- personal data -----------------------------------------------------------------------------------


def test_contact_details_are_left_out_by_default(dataset: Dataset, rows: GraphRows) -> None:
    assert not list(rdf.union_graph(dataset).triples((None, SCHEMA.email, None)))
    for fmt in rdf.FORMATS:
        assert b"bl@ngc.example" not in rdf.serialize(dataset, fmt)


def test_contact_details_on_request(rows: GraphRows, records: list[Record]) -> None:
    ds = rdf.rows_to_dataset(rows, ExportOptions(include_contact_details=True))
    g = rdf.union_graph(ds)
    bettina = rdf.node_iri(person(records[0], "Bettina Lundgren"))
    assert (bettina, SCHEMA.email, Literal("bl@ngc.example")) in g
    deadlines = list(g.subjects(RDF.type, PMKG.Deadline))
    assert {g.value(d, SCHEMA.email) for d in deadlines} == {Literal("bl@ngc.example")}
    assert rdf.validate(ds) == []
    assert b"bl@ngc.example" in rdf.serialize(ds, "turtle")


def test_an_email_in_an_export_without_contact_details_is_refused(
    dataset: Dataset, records: list[Record]
) -> None:
    bettina = rdf.node_iri(person(records[0], "Bettina Lundgren"))
    problems = rdf.validate(broken(dataset, add=[(bettina, SCHEMA.email, Literal("bl@ngc.example"))]))
    assert len(problems) == 1
    assert str(bettina) in problems[0] and "NoContactDetailsShape" in problems[0]


def test_pseudonymised_export_names_nobody(rows: GraphRows, records: list[Record]) -> None:
    ds = rdf.rows_to_dataset(rows, ExportOptions(pseudonymize=True, pseudonym_key=KEY))
    assert rdf.validate(ds) == []
    secrets = people_strings(rows)
    assert {"Søren Brunak", "A. Børglum", "Bettina", "bl@ngc.example"} <= secrets
    for fmt in rdf.FORMATS:
        data = rdf.serialize(ds, fmt).decode("utf-8")
        found = [s for s in secrets if s in data or json.dumps(s)[1:-1] in data]
        assert found == [], fmt
    g = rdf.union_graph(ds)
    # people are still there, attend meetings and hold roles, under pseudonyms
    pseudonyms = set(g.subjects(RDF.type, PMKG.PseudonymousPerson))
    assert len(pseudonyms) == len(rows.nodes["Person"])
    assert rdf.pseudonymous_iri(person(records[0], "Søren Brunak"), KEY) in pseudonyms
    assert not any("person/" in str(s) for s in g.all_nodes())
    # quotes of facts that do not name anyone stay
    assert Literal("14.505 genomer") in set(g.objects(None, OA.exact))


def test_pseudonyms_are_stable_and_keyed(rows: GraphRows) -> None:
    options = ExportOptions(pseudonymize=True, pseudonym_key=KEY)
    first = quads(rdf.rows_to_dataset(rows, options))
    second = quads(rdf.rows_to_dataset(rows, options))
    assert first == second
    iri = rdf.pseudonymous_iri("person:søren-brunak", KEY)
    assert iri == rdf.pseudonymous_iri("person:søren-brunak", KEY)
    assert iri != rdf.pseudonymous_iri("person:søren-brunak", b"another key")
    assert "soren" not in str(iri) and "søren" not in str(iri)


def test_conflicting_or_keyless_options_are_user_errors() -> None:
    with pytest.raises(PmkgError, match="needs a key"):
        ExportOptions(pseudonymize=True)
    with pytest.raises(PmkgError, match="not both"):
        ExportOptions(pseudonymize=True, pseudonym_key=KEY, include_contact_details=True)


# --- one function for extraction and store --------------------------------------------------------------


def test_same_rows_give_the_same_rdf(records: list[Record]) -> None:
    """Rows built per document and merged give the same dataset whatever the order (as the store does)."""
    forward = merge_rows(record_to_rows(r) for r in records)
    backward = merge_rows(record_to_rows(r) for r in reversed(records))
    assert quads(rdf.rows_to_dataset(forward)) == quads(rdf.rows_to_dataset(backward))


# --- the real minutes ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus() -> list[Record]:
    from pmkg.ingest.pipeline import extract_file

    return [extract_file(path) for path in sorted(EXAMPLES.glob("*.txt"))]


def test_the_real_minutes_conform_and_quote_their_text(corpus: list[Record]) -> None:
    rows = merge_rows(record_to_rows(r) for r in corpus)
    ds = rdf.rows_to_dataset(rows)
    assert rdf.validate(ds) == []
    g = rdf.union_graph(ds)
    texts = {rdf.node_iri(r.document.id): r.document.text for r in corpus}
    quotes = 0
    for source in g.subjects(RDF.type, OA.SpecificResource):
        text = texts[g.value(source, OA.hasSource)]
        for selector in g.objects(source, OA.hasSelector):
            if (selector, RDF.type, OA.TextQuoteSelector) not in g:
                continue
            position = next(s for s in g.objects(source, OA.hasSelector) if s != selector)
            start, end = g.value(position, OA.start).toPython(), g.value(position, OA.end).toPython()
            assert text[start:end] == str(g.value(selector, OA.exact))  # code points, not UTF-16 units
            quotes += 1
    assert quotes > 100
    graphs = {n.identifier for n in ds.graphs()} - {ds.default_graph.identifier}
    assert len(graphs) == len(corpus) == 5


def test_the_real_minutes_pseudonymised_name_nobody(corpus: list[Record]) -> None:
    rows = merge_rows(record_to_rows(r) for r in corpus)
    ds = rdf.rows_to_dataset(rows, ExportOptions(pseudonymize=True, pseudonym_key=KEY))
    text = rdf.serialize(ds, "turtle").decode("utf-8")
    words = {
        word
        for person in rows.nodes["Person"]
        for name in (person["name"], *person.get("aliases", []))
        for word in re.findall(r"\w+", name)
        if len(word) > 2
    }
    assert len(words) > 50
    # whole words: "Per" (Per-Olof) may stand in "Person", "Berg" (Lindqvist-Berg) in "Bergen"
    assert [w for w in sorted(words) if re.search(rf"\b{re.escape(w)}\b", text, re.IGNORECASE)] == []
    assert "cska@ngc.dk" not in text


def test_the_real_minutes_give_each_known_organisation_its_seat_country(corpus: list[Record]) -> None:
    ds = rdf.rows_to_dataset(merge_rows(record_to_rows(r) for r in corpus))
    g = rdf.union_graph(ds)

    def country(org_id: str) -> str | None:
        address = g.value(rdf.node_iri(org_id), SCHEMA.address)
        return None if address is None else str(g.value(address, SCHEMA.addressCountry))

    assert (country("org:ngc"), country("org:genomics-england"), country("country:eu")) == ("DK", "GB", "EU")
    assert country("org:gms") == "SE" and country("org:helse-bergen") == "NO"
    # meeting bodies the gazetteer does not know sit where their minutes point (ingest.pipeline.seat_country)
    assert country("org:nationale-advisory-board-for-forskning-og-infrastruktur") == "DK"
    assert country("org:arbejdsgruppen-for-farmakogenetik-i-almen-praksis") == "DK"
    address = g.value(rdf.node_iri("org:ngc"), SCHEMA.address)
    assert (address, RDF.type, SCHEMA.PostalAddress) in g
    assert rdf.validate(ds) == []
    compacted = json.loads(rdf.serialize(ds, "jsonld"))
    by_id = {node["@id"]: node for node in compacted["@graph"]}
    assert by_id[str(address)]["schema:addressCountry"] == "DK"


def test_a_country_that_is_no_iso_code_breaks_the_address_shape(corpus: list[Record]) -> None:
    ds = rdf.rows_to_dataset(merge_rows(record_to_rows(r) for r in corpus))
    g = rdf.union_graph(ds)
    address = g.value(rdf.node_iri("org:ngc"), SCHEMA.address)
    bad = broken(
        ds,
        remove=[(address, SCHEMA.addressCountry, None)],
        add=[(address, SCHEMA.addressCountry, Literal("Danmark"))],
    )
    problems = rdf.validate(bad)
    assert len(problems) == 1
    assert str(address) in problems[0] and "PostalAddressShape" in problems[0] and "ISO 3166-1" in problems[0]


def test_counted_triples_are_those_turtle_carries(rows: GraphRows, dataset: Dataset) -> None:
    every = list(rdf.rows_to_quads(rows))
    assert set(every) == quads(dataset)
    assert rdf.count_triples(rows) == len(rdf.union_graph(dataset)) == len({q[:3] for q in every})
    assert len({q[:3] for q in every}) < len(set(every))  # a triple two graphs hold is counted once
