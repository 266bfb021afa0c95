"""The prebuilt questions: the header grammar, parameter handling, and every question answered on the
example minutes loaded through the real pipeline and loader into the real Neo4j."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import neo4j
import pandas as pd
import pytest

from pmkg.errors import PmkgError
from pmkg.graph import connection
from pmkg.graph.questions import (
    Answer,
    Question,
    bind_params,
    choices,
    load_questions,
    parse_question,
    resolve_entity,
    run_question,
    unpack_rows,
)
from pmkg.graph.store import load_record, remove_document
from pmkg.ingest.pipeline import extract_file, extract_text
from pmkg.model.record import Record

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))
NGC_TEXT = (ROOT / "examples" / "ngc-advisory-board-5.txt").read_text(encoding="utf-8")
QUESTIONS = load_questions()

REQUIRED_QUESTIONS = {
    "attendance",
    "person_profile",
    "representatives",
    "initiative_organizations",
    "international_initiatives",
    "agreements",
    "themes_over_time",
    "organisation_links",
    "shortest_connection",
    "figures_over_time",
    "upcoming",
    "mentions",
    "stakeholders",
    "communities",
    "ego_network",
}

VALID = """// title: Hvem deltog? | Who attended?
// description: Deltagere. | Attendees.
// a note for maintainers, not a header key
// param person: person optional -- Person | Person
// param top: int default=5 min=1 max=10 -- Antal | How many
// param unit: text optional -- Enhed | Unit
// choices unit: MATCH (f:Figure) RETURN DISTINCT f.unit AS id, f.unit AS name LIMIT 5
// result: chart:date,times,theme
MATCH (p:Person) WHERE $person IS NULL OR p.id = $person
RETURN p.name AS name, $top AS top, $unit AS unit LIMIT 10
"""


@functools.cache
def example_records() -> tuple[Record, ...]:
    return tuple(extract_file(path) for path in EXAMPLES)


@contextmanager
def examples_loaded(settings: connection.Settings) -> Iterator[neo4j.Driver]:
    """A driver on a database holding exactly the four example minutes; emptied again afterwards."""
    with connection.driver(settings) as drv:
        connection.write(drv, "MATCH (n) DETACH DELETE n")
        for record in example_records():
            load_record(drv, record)
        try:
            yield drv
        finally:
            connection.write(drv, "MATCH (n) DETACH DELETE n")


@pytest.fixture(scope="module")
def graph(neo4j_settings: connection.Settings) -> Iterator[neo4j.Driver]:
    with examples_loaded(neo4j_settings) as drv:
        yield drv


def ask(drv: neo4j.Driver, name: str, **params: object) -> Answer:
    return run_question(drv, QUESTIONS[name], params)


def rows(answer: Answer) -> list[dict]:
    return answer.frame.astype(object).where(answer.frame.notna(), None).to_dict("records")


# --- the header grammar ------------------------------------------------------------------------------


def test_header_grammar_is_parsed() -> None:
    q = parse_question("who", VALID)
    assert q.titles == {"da": "Hvem deltog?", "en": "Who attended?"}
    assert q.title("en") == "Who attended?" and q.description("da") == "Deltagere."
    assert q.result == "chart" and q.chart == ("date", "times", "theme")
    person, top, unit = q.params
    assert (person.type, person.optional, person.required) == ("person", True, False)
    assert (top.type, top.default, top.minimum, top.maximum) == ("int", "5", 1, 10)
    assert top.label("en") == "How many" and top.label("da") == "Antal"
    assert unit.choices_cypher.startswith("MATCH (f:Figure)")
    assert q.cypher.startswith("MATCH (p:Person)") and q.analytic is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (VALID.replace("// title: Hvem deltog? | Who attended?\n", ""), "no '// title:' line"),
        (VALID.replace("Hvem deltog? | Who attended?", "Hvem deltog?"), "'Danish | English'"),
        (VALID.replace("top: int", "top: number"), "unknown type 'number'"),
        (VALID.replace("optional --", "sometimes --"), "unknown option 'sometimes'"),
        (VALID.replace("$unit AS unit", "$units AS unit"), "undeclared parameter(s): units"),
        (VALID.replace(", $unit AS unit", ""), "never uses: unit"),
        (VALID.replace(" LIMIT 10", ""), "bounded with LIMIT"),
        (VALID.replace("chart:date,times,theme", "chart:date"), "chart:X,Y[,SERIES]"),
        (VALID.replace("chart:date,times,theme", "pie"), "unknown result kind"),
        (VALID.replace("choices unit:", "choices units:"), "choices for undeclared parameter(s): units"),
    ],
)
def test_malformed_headers_are_refused_with_the_file_and_the_problem(text: str, message: str) -> None:
    with pytest.raises(PmkgError, match="queries/who.cypher: ") as err:
        parse_question("who", text)
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_an_analytic_question_has_no_cypher() -> None:
    header = "// title: A | B\n// description: C | D\n// result: table\n// analytic: stakeholders\n"
    assert parse_question("rank", header).analytic == "stakeholders"
    with pytest.raises(PmkgError, match="no Cypher body"):
        parse_question("rank", header + "MATCH (n) RETURN n LIMIT 1")
    with pytest.raises(
        PmkgError, match="unknown analytic 'pagerank' \\(analytics: stakeholders, communities"
    ):
        parse_question("rank", header.replace("stakeholders", "pagerank"))


def test_packed_columns_are_unpacked_into_a_row_per_value() -> None:
    q = parse_question("who", VALID.replace("// result:", "// packed: date, times\n// result:"))
    assert q.packed == ("date", "times")
    frame = pd.DataFrame(
        {"theme": ["b", "a", "c"], "date": [["2020", "2019"], ["2020"], []], "times": [[3, 1], [2], []]}
    )
    unpacked = unpack_rows(frame, q.packed)
    assert unpacked.to_dict("records") == [
        {"theme": "b", "date": "2019", "times": 1},
        {"theme": "b", "date": "2020", "times": 3},
        {"theme": "a", "date": "2020", "times": 2},
    ]
    assert str(unpacked["times"].dtype) == "int64"
    assert unpack_rows(frame, ()) is frame
    with pytest.raises(PmkgError, match="not lists of one length per row"):
        unpack_rows(pd.DataFrame({"date": [["2020", "2019"]], "times": [[3]]}), q.packed)
    with pytest.raises(PmkgError, match="no packed columns"):
        parse_question(
            "rank",
            "// title: A | B\n// description: C | D\n// result: table\n"
            "// analytic: stakeholders\n// packed: x\n",
        )


def test_the_shipped_questions_cover_the_issue_and_are_bilingual() -> None:
    assert set(QUESTIONS) >= REQUIRED_QUESTIONS
    for q in QUESTIONS.values():
        assert q.titles["da"] != q.titles["en"], q.name
        assert all(p.labels.get("da") and p.labels.get("en") for p in q.params), q.name
    assert QUESTIONS["shortest_connection"].result == "graph"
    assert QUESTIONS["themes_over_time"].chart == ("period", "times", "theme")
    assert QUESTIONS["figures_over_time"].chart == ("date", "value", "unit")
    assert {q.analytic for q in QUESTIONS.values()} >= {"stakeholders", "communities", "ego_network"}


def test_parameters_are_checked_and_coerced() -> None:
    q = parse_question("who", VALID)
    assert bind_params(q, {}) == {"person": None, "top": 5, "unit": None}
    assert bind_params(q, {"top": "7", "unit": " genomer "}) == {"person": None, "top": 7, "unit": "genomer"}
    with pytest.raises(PmkgError, match="unknown parameter 'persn' for question who; it takes: person, top"):
        bind_params(q, {"persn": "x"})
    with pytest.raises(PmkgError, match="top must be at most 10, not 11"):
        bind_params(q, {"top": 11})
    with pytest.raises(PmkgError, match="top must be a whole number, not 'many'"):
        bind_params(q, {"top": "many"})
    profile = QUESTIONS["person_profile"]
    with pytest.raises(PmkgError, match="missing person for question person_profile"):
        bind_params(profile, {"person": " "})


def test_date_parameters_default_to_today_and_must_be_iso() -> None:
    upcoming = QUESTIONS["upcoming"]
    today = dt.date.today().isoformat()
    assert bind_params(upcoming, {}) == {"on": today, "entity": None, "as_of": None, "limit": 100}
    assert bind_params(upcoming, {"on": dt.date(2023, 6, 14)})["on"] == "2023-06-14"
    with pytest.raises(PmkgError, match="on must be a date YYYY-MM-DD"):
        bind_params(upcoming, {"on": "14/6/2023"})


# --- every question on the example minutes -----------------------------------------------------------


def test_attendance_gives_role_and_status(graph: neo4j.Driver) -> None:
    answer = ask(graph, "attendance", person="Søren Brunak")
    (row,) = rows(answer)
    assert row["meeting"].startswith("5. møde i det nationale advisory board")
    assert row["date"] == "2023-06-14" and row["status"] == "present"
    assert "chair" in row["roles"]
    nord = {r["person"]: r for r in rows(ask(graph, "attendance")) if r["date"] == "2023-09-20"}
    assert len(nord) == 8
    assert nord["Jonas Vinter Bak"]["status"] == "absent"
    # a guest who presented an item ('Sebastian Holmgaard Riis redegjorde for …')
    assert nord["Sebastian Holmgaard Riis"]["roles"] == ["guest", "presenter"]


def test_meetings_over_time(graph: neo4j.Driver) -> None:
    meetings = {r["date"]: r for r in rows(ask(graph, "meetings"))}
    dates = [r["date"] for r in rows(ask(graph, "meetings"))]
    assert dates == ["2024-09-24", "2024-06-11", "2023-09-20", "2023-06-14", "2023-06-14"]
    assert (meetings["2024-06-11"]["present"], meetings["2024-06-11"]["absent"]) == (7, 2)
    assert (meetings["2023-09-20"]["present"], meetings["2023-09-20"]["absent"]) == (6, 2)
    ngc = next(r for r in rows(ask(graph, "meetings")) if r["meeting"].startswith("5. møde"))
    assert (ngc["present"], ngc["absent"]) == (13, 0)
    assert "Dataadgang og datadeling" in ngc["themes"]
    assert [r["date"] for r in rows(ask(graph, "meetings", since="2024-01-01"))] == [
        "2024-09-24",
        "2024-06-11",
    ]


def test_person_profile(graph: neo4j.Driver) -> None:
    soren = rows(ask(graph, "person_profile", person="person:soren-brunak"))
    kinds = {(r["kind"], r["name"]) for r in soren}
    assert ("affiliation", "Københavns Universitet") in kinds
    (body,) = [r for r in soren if r["kind"] == "body"]
    assert "chair" in body["detail"]
    assert {r["detail"] for r in soren if r["kind"] == "presented"} == {
        "1 Velkommen og introduktion",
        "5 Eventuelt og afrunding",
    }
    assert any(r["kind"] == "document" for r in soren)
    lene = rows(ask(graph, "person_profile", person="Lene Cividanes"))
    themes = {r["name"] for r in lene if r["kind"] == "theme"}  # raised under item 4, which she presented
    assert {"Dataadgang og datadeling", "Samtykke og patientinformation"} <= themes
    christiane = rows(ask(graph, "person_profile", person="Christiane Saurbrey Karle"))
    (contact,) = [r for r in christiane if r["kind"] == "contact"]
    assert (contact["date"], contact["detail"]) == ("2023-07-05", "cska@ngc.dk")


def test_representatives_of_an_organisation(graph: neo4j.Driver) -> None:
    ngc = {r["person"]: r for r in rows(ask(graph, "representatives", organization="NGC"))}
    assert set(ngc) == {
        "Bettina Lundgren",
        "Christiane Saurbrey Karle",
        "Kasper Lindegaard-Hjulmann",
        "Lene Cividanes",
    }
    assert ngc["Bettina Lundgren"]["relations"] == ["affiliated"]
    body = rows(ask(graph, "attendance", person="Søren Brunak"))[0]["body"]
    members = {r["person"]: r for r in rows(ask(graph, "representatives", organization=body))}
    assert len(members) == 13
    # he attended as chair, and his entry "(Forperson)" makes him the board's chair: a held role too
    assert set(members["Søren Brunak"]["relations"]) == {"member", "role"}
    assert "chair" in members["Søren Brunak"]["roles"]
    assert members["Ida Vogel"]["relations"] == ["member"]
    # a page read from the newest meetings only is the first page of the whole answer
    page = rows(ask(graph, "representatives", organization=body, limit=5))
    assert page == rows(ask(graph, "representatives", organization=body))[:5]


def test_organisations_in_an_initiative(graph: neo4j.Driver) -> None:
    one_mg = rows(ask(graph, "initiative_organizations", initiative="1+MG"))
    assert [(r["initiative"], r["organization"], r["relation"]) for r in one_mg] == [
        ("1+ Million Genomes", "Nationalt Genom Center", "participates"),
        ("1+ Million Genomes", "Sverige", "participates"),  # "Sverige har även undertecknat deklarationen"
    ]
    assert "1+ Million Genomes" in one_mg[0]["quote"]
    everything = {(r["initiative"], r["organization"]) for r in rows(ask(graph, "initiative_organizations"))}
    assert ("Genomic Data Infrastructure", "Nationalt Genom Center") in everything


def test_international_initiatives_and_the_danish_bodies(graph: neo4j.Driver) -> None:
    found = {r["initiative"]: r for r in rows(ask(graph, "international_initiatives"))}
    assert {"1+ Million Genomes", "Genomic Data Infrastructure", "European Health Data Space"} <= set(found)
    assert found["1+ Million Genomes"]["participants"] == ["Nationalt Genom Center", "Sverige"]
    assert found["European Health Data Space"]["discussed_by"] == [
        "Genomic Medicine Sweden",
        "Nationale advisory board for forskning og infrastruktur",
        "Regional styringsgruppe for presisjonsmedisin",  # Helse Vest's, which met on 2024-09-24
        "Scientific Advisory Board",
    ]
    assert found["European Health Data Space"]["last_mentioned"] == "2024-09-24"  # the Helse Vest minutes


INTERNATIONAL_MINUTES = """Referat af møde i Styregruppen for genomdata

Dato: 3. marts 2024 kl. 10.00-12.00
Sted: Online

Deltagere: Anne Hansen (Nationalt Genom Center), Kari Nordmann (Helse Bergen)

1. Internationalt samarbejde
Nationalt Genom Center deltager i Genome of Europe. Genomics England deltager i Genome of Europe.
Helse Bergen deltager i 1+ Million Genomes. Det Europæiske Lægemiddelagentur (EMA) deltager i European
Health Data Space.
"""


@contextmanager
def also_loaded(drv: neo4j.Driver, record: Record) -> Iterator[None]:
    """The examples plus one more document, removed again so the module's graph stays the examples."""
    load_record(drv, record)
    try:
        yield
    finally:
        remove_document(drv, record.document.id)


def test_international_initiatives_of_one_country_list_only_its_bodies(graph: neo4j.Driver) -> None:
    with also_loaded(graph, extract_text(INTERNATIONAL_MINUTES, "styregruppe-genomdata.txt")):
        every = {r["initiative"]: r for r in rows(ask(graph, "international_initiatives"))}
        goe = ["Genomics England", "Nationalt Genom Center", "Norge"]  # Norge: the Helse Vest minutes
        assert every["Genome of Europe"]["participants"] == goe
        assert every["Genome of Europe"]["countries"] == ["DK", "GB", "NO"]
        mg = ["Helse Bergen", "Nationalt Genom Center", "Sverige"]
        assert every["1+ Million Genomes"]["participants"] == mg
        danish = {r["initiative"]: r for r in rows(ask(graph, "international_initiatives", country="dk"))}
        # the NGC advisory board (not in the gazetteer) sits in DK: the organisations it names are Danish;
        # U-PGx is discussed by Region Nord's working group, NPOC by its board (placed in DK the same way)
        assert set(danish) == {
            "Genome of Europe",
            "1+ Million Genomes",
            "Genomic Data Infrastructure",
            "European Health Data Space",
            "Ubiquitous Pharmacogenomics",
            "Nordic Precision Oncology Consortium",
        }
        ehds = danish["European Health Data Space"]
        assert (ehds["participants"], ehds["discussed_by"]) == (
            [],
            ["Nationale advisory board for forskning og infrastruktur", "Scientific Advisory Board"],
        )
        assert danish["Genome of Europe"]["participants"] == ["Nationalt Genom Center"]
        assert danish["1+ Million Genomes"]["participants"] == ["Nationalt Genom Center"]
        assert {tuple(r["countries"]) for r in danish.values()} == {("DK",)}
        eu = rows(ask(graph, "international_initiatives", country="EU"))
        assert [(r["initiative"], r["participants"]) for r in eu] == [
            ("European Health Data Space", ["European Medicines Agency"])
        ]
        swedish = {r["initiative"]: r for r in rows(ask(graph, "international_initiatives", country="SE"))}
        assert {r["discussed_by"][0] for r in swedish.values()} == {"Genomic Medicine Sweden"}
        assert swedish["1+ Million Genomes"]["participants"] == ["Sverige"]
        assert rows(ask(graph, "international_initiatives", country="IS")) == []
        offered = choices(graph, QUESTIONS["international_initiatives"].param("country"))
        assert {"DK", "EU", "GB", "NO"} <= {c["id"] for c in offered}
    after = {r["initiative"]: r for r in rows(ask(graph, "international_initiatives"))}
    assert after["Genome of Europe"]["participants"] == ["Norge"]  # the removed minutes' facts are gone


def operators(plan: dict) -> set[str]:
    """Every operator of a query plan (without the planner's @database suffix)."""
    own = plan["operatorType"].split("@")[0]
    return {own}.union(*(operators(child) for child in plan.get("children", [])))


@pytest.mark.parametrize(
    "params",
    [
        {"initiative": None, "country": None},
        {"initiative": None, "country": "DK"},
        {"initiative": "init:1mg", "country": "DK"},
    ],
)
def test_international_initiatives_never_scans_every_node(graph: neo4j.Driver, params: dict) -> None:
    explain = "EXPLAIN " + QUESTIONS["international_initiatives"].cypher
    with graph.session() as session:
        plan = session.run(explain, params).consume().plan
    assert plan is not None
    found = operators(plan)
    assert "AllNodesScan" not in found
    if params["initiative"]:
        assert "NodeUniqueIndexSeek" in found


def test_agreements_with_parties_and_dates(graph: neo4j.Driver) -> None:
    found = {r["kind"]: r for r in rows(ask(graph, "agreements", organization="Nationalt Genom Center"))}
    assert found["mou"]["parties"] == ["Frankrig", "Nationalt Genom Center"]
    assert (found["mou"]["date"], found["mou"]["date_inferred"]) == ("2023-03", True)
    assert "Memorandum of Understanding" in found["mou"]["quote"]
    assert found["collaboration"]["parties"] == ["Genomics England", "Nationalt Genom Center"]
    assert rows(ask(graph, "agreements", organization="Helse Bergen")) == []


def test_themes_over_time_counts_points_per_period(graph: neo4j.Driver) -> None:
    answer = ask(graph, "themes_over_time")
    assert answer.question.result == "chart"
    everything = rows(answer)
    assert [r["period"] for r in everything] == sorted(r["period"] for r in everything)
    assert len({(r["period"], r["theme_id"]) for r in everything}) == len(everything)
    assert {r["period"] for r in everything} == {"2023-Q2", "2023-Q3", "2024-Q2", "2024-Q3"}
    june = {r["theme_id"]: r for r in everything if r["period"] == "2023-Q2"}  # the NGC board and GMS
    assert {"theme:data-access", "theme:consent", "theme:reference-genome"} <= set(june)
    assert june["theme:clinical-implementation"]["times"] == 9
    assert june["theme:consent"]["theme_en"] == "Consent and patient information"
    monthly = rows(ask(graph, "themes_over_time", theme="theme:consent", per="month"))
    assert [(r["period"], r["theme_id"], r["times"]) for r in monthly] == [("2023-06", "theme:consent", 2)]
    yearly = {r["period"] for r in rows(ask(graph, "themes_over_time", per="year"))}
    assert yearly == {"2023", "2024"}


def test_who_links_two_organisations(graph: neo4j.Driver) -> None:
    links = rows(ask(graph, "organisation_links", first="Københavns Universitet", second="NGC"))
    (meeting,) = [r for r in links if r["link"] == "shared meeting"]
    assert meeting["via"].startswith("5. møde")
    assert {"Søren Brunak", "Bettina Lundgren"} <= set(meeting["detail"].split(", "))
    france = rows(ask(graph, "organisation_links", first="Frankrig", second="Nationalt Genom Center"))
    assert [(r["link"], r["date"]) for r in france] == [("agreement", "2023-03")]


def test_shortest_connection_is_a_drawable_graph(graph: neo4j.Driver) -> None:
    answer = ask(graph, "shortest_connection", source="Søren Brunak", target="Genomics England")
    assert set(answer.frame["steps"]) == {4}
    assert all(p.startswith("Søren Brunak") and p.endswith("Genomics England") for p in answer.frame["path"])
    nodes = {n["id"]: n for n in answer.graph["nodes"]}
    assert {"person:soren-brunak", "org:ngc", "org:genomics-england"} <= set(nodes)
    assert "Document" not in {n["label"] for n in nodes.values()}
    assert all({"id", "label", "name"} <= set(n) and "search_text" not in n for n in nodes.values())
    assert all(e["source"] in nodes and e["target"] in nodes for e in answer.graph["edges"])
    collab = [e for e in answer.graph["edges"] if e["type"] == "COLLABORATES_WITH"]
    assert collab and all(e["doc"].startswith("doc:") and e["quotes"] for e in collab)


_MANY_ROUTES = """
CREATE (a:Organization {id: 'org:route-a', name: 'A', route: true}),
       (b:Organization {id: 'org:route-b', name: 'B', route: true}),
       (d:Document {id: 'doc:route-both', name: 'Both', route: true})-[:MENTIONS]->(a), (d)-[:MENTIONS]->(b)
WITH a, b
UNWIND range(1, $people) AS i
CREATE (p:Person {id: 'person:route-' + i, name: 'P' + i, route: true})
CREATE (p)-[:AFFILIATED_WITH]->(a), (p)-[:HOLDS_ROLE]->(a), (p)-[:AFFILIATED_WITH]->(b)
"""
_NO_ROUTES = "MATCH (n) WHERE n.route DETACH DELETE n"


def test_shortest_connection_picks_ten_different_routes_among_many(graph: neo4j.Driver) -> None:
    connection.write(graph, _MANY_ROUTES, {"people": 400})  # 800 paths of two steps, 400 routes
    try:
        answer = ask(graph, "shortest_connection", source="org:route-a", target="org:route-b")
    finally:
        connection.write(graph, _NO_ROUTES)
    assert list(answer.frame["steps"]) == [2] * 10
    middle = {n["id"] for n in answer.graph["nodes"]} - {"org:route-a", "org:route-b"}
    assert len(middle) == 10 and all(i.startswith("person:route-") for i in middle)


def test_figures_over_time(graph: neo4j.Driver) -> None:
    answer = ask(graph, "figures_over_time", unit="genomer")
    (row,) = rows(answer)
    assert (row["date"], row["value"], row["unit"]) == ("2023-06-14", 14505, "genomer")
    assert row["about"] == ["Nationalt Genom Center"] and row["quote"] == "14.505 genomer"
    about_ngc = {r["unit"] for r in rows(ask(graph, "figures_over_time", about="NGC"))}
    assert about_ngc == {"genomer", "patientgrupper"}


def test_upcoming_meetings_and_deadlines_with_their_contact(graph: neo4j.Driver) -> None:
    coming = rows(ask(graph, "upcoming", on="2023-06-14"))
    assert [(r["date"], r["kind"]) for r in coming] == [
        ("2023-07-05", "deadline"),
        ("2023-09-20", "next_meeting"),  # GMS: "Nästa sammanträde hålls den 20 september 2023"
        ("2023-11-09", "next_meeting"),
        ("2024-11-26", "next_meeting"),
        ("2024-12-03", "next_meeting"),
    ]
    assert (coming[0]["contact"], coming[0]["email"]) == ("Christiane Saurbrey Karle", "cska@ngc.dk")
    assert (coming[2]["start_time"], coming[2]["end_time"]) == ("14:00", "16:00")
    assert [r["date"] for r in rows(ask(graph, "upcoming", on="2023-10-01"))][:1] == ["2023-11-09"]
    later = ask(graph, "upcoming", on="2025-01-01").frame
    assert later.empty and {"date", "kind", "contact", "email"} <= set(later.columns)


def test_mentions_give_exact_quotes_from_the_documents(graph: neo4j.Driver) -> None:
    found = rows(ask(graph, "mentions", entity="Bettina Lundgren"))
    assert len(found) >= 5 and {r["date"] for r in found} == {"2023-06-14"}
    for r in found:
        assert NGC_TEXT[r["start"] : r["end"]] == r["quote"]
    listed = [r for r in found if r["quote"].startswith("Bettina Lundgren, direktør")]
    assert listed and any(fact.startswith("ATTENDED 5. møde") for fact in listed[0]["facts"])


# --- parameters against the graph -------------------------------------------------------------------


def test_names_resolve_forgiving_accents_and_refuse_ambiguity(graph: neo4j.Driver) -> None:
    person = QUESTIONS["person_profile"].param("person")
    assert resolve_entity(graph, person, "person:soren-brunak") == "person:soren-brunak"
    assert resolve_entity(graph, person, "Soren Brunak") == "person:soren-brunak"
    with pytest.raises(
        PmkgError, match="'Kjær' could be several person entities: .*Louise Kjær Strand.*; give the id"
    ):
        resolve_entity(graph, person, "Kjær")
    with pytest.raises(PmkgError, match="no person named 'Nobody Special' in the graph"):
        resolve_entity(graph, person, "Nobody Special")
    organization = QUESTIONS["representatives"].param("organization")
    with pytest.raises(PmkgError, match="no organization named 'Søren Brunak'"):
        resolve_entity(graph, organization, "Søren Brunak")


def test_choices_for_pickers(graph: neo4j.Driver) -> None:
    people = choices(graph, QUESTIONS["person_profile"].param("person"))
    (stored,) = connection.read(graph, "MATCH (p:Person) RETURN count(p) AS n")
    assert {"id": "person:soren-brunak", "name": "Søren Brunak"} in people and len(people) == stored["n"]
    meetings = {c["name"] for c in choices(graph, QUESTIONS["attendance"].param("meeting"))}
    assert "5. møde i det nationale advisory board for forskning og infrastruktur (2023-06-14)" in meetings
    units = choices(graph, QUESTIONS["figures_over_time"].param("unit"))
    assert {"id": "genomer", "name": "genomer"} in units
    assert choices(graph, QUESTIONS["upcoming"].param("on")) == []


def test_questions_are_read_only(graph: neo4j.Driver) -> None:
    header = "// title: A | B\n// description: C | D\n// result: table\n"
    writer = parse_question("writer", header + "CREATE (n:Person {id: 'x'}) RETURN n LIMIT 1")
    with pytest.raises(PmkgError, match="the query failed"):
        run_question(graph, writer, {})
    assert connection.read(graph, "MATCH (n:Person {id: 'x'}) RETURN n") == []


GIVEN = {  # a value for every required parameter of the shipped questions, on the examples
    "person": "Søren Brunak",
    "organization": "NGC",
    "entity": "Bettina Lundgren",
    "first": "Københavns Universitet",
    "second": "NGC",
    "source": "Søren Brunak",
    "target": "NGC",
    "initiative": "1+MG",
    "agreement": "MoU Frankrig",
    "theme": "theme:health-data",
    "meeting": "meeting:gms-2023-06-14",
    "document": "doc:779d16785f9969f5",
}


def example_params(q: Question) -> dict[str, object]:
    """Parameters that give ``q`` a non-empty answer on the examples."""
    params: dict[str, object] = {p.name: GIVEN[p.name] for p in q.params if p.required}
    if q.name == "upcoming":
        params["on"] = "2023-01-01"
    return params


def test_every_question_answers_on_the_examples(graph: neo4j.Driver) -> None:
    for q in QUESTIONS.values():
        answer = run_question(graph, q, example_params(q))
        assert len(answer.frame) > 0, q.name
        if q.result == "graph":
            assert answer.graph and answer.graph["nodes"], q.name
        if q.result == "chart":
            assert set(q.chart) <= set(answer.frame.columns), q.name


def test_nodes_and_relationships_become_names_in_the_table_and_a_graph(graph: neo4j.Driver) -> None:
    header = "// title: A | B\n// description: C | D\n// result: graph\n"
    question = parse_question(
        "mine",
        header + "MATCH (p:Person {id: 'person:soren-brunak'})-[r:AFFILIATED_WITH]->(o:Organization) "
        "RETURN p AS person, r AS link, [o] AS orgs LIMIT 5",
    )
    answer = run_question(graph, question, {})
    assert rows(answer) == [
        {"person": "Søren Brunak", "link": "AFFILIATED_WITH", "orgs": ["Københavns Universitet"]}
    ]
    nodes = {n["id"]: n for n in answer.graph["nodes"]}
    assert nodes["org:ku"]["label"] == "Organization" and nodes["org:ku"]["name"] == "Københavns Universitet"
    (edge,) = answer.graph["edges"]
    assert (edge["source"], edge["target"], edge["type"]) == (
        "person:soren-brunak",
        "org:ku",
        "AFFILIATED_WITH",
    )
    assert NGC_TEXT[edge["starts"][0] : edge["ends"][0]] == edge["quotes"][0]
    assert "from" not in edge and "to" not in edge
