"""Content extraction: what the minutes say about organisations, initiatives, agreements, money,
figures, deadlines and discussion points, in the corpus and in minutes of other bodies and languages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pmkg.ingest.assemble import declared_people
from pmkg.ingest.extract import Content, extract, organisations_named
from pmkg.ingest.parse import parse_minutes
from pmkg.ingest.parse.minutes import NameMention, ParsedMinutes
from pmkg.ingest.people.index import PeopleIndex
from pmkg.ingest.pipeline import extract_text, extraction_context
from pmkg.ingest.text.language import detect_language
from pmkg.ingest.text.normalise import normalise
from pmkg.model.record import Organization, Provenance

ROOT = Path(__file__).resolve().parents[1]


def from_file(name: str) -> tuple[str, Content]:
    """The content of a corpus file, extracted the way the pipeline does it."""
    text = normalise((ROOT / "examples" / name).read_text(encoding="utf-8")).text
    language = detect_language(text)
    parsed = parse_minutes(text, language)
    people = PeopleIndex()
    for mention in declared_people(parsed):
        people.add(mention)
    return text, extract(extraction_context(text, language, parsed, people, "meeting:m", "k", None))


def from_text(
    text: str,
    language: str,
    date: str | None = None,
    people: tuple[str, ...] = (),
    body: Organization | None = None,
) -> Content:
    """The content of a text without agenda items (as a layout the parser does not know)."""
    parsed = ParsedMinutes(title="", title_span=(0, 0), date=date, language=language)
    index = PeopleIndex()
    for name in people:
        index.add(NameMention(name=name, span=(0, 0)))
    return extract(extraction_context(text, language, parsed, index, "meeting:m", "k", body))


SOCIETY = Organization(id="org:society", name="Dansk Forening for Genetisk Rådgivning", type="body")


@pytest.fixture(scope="module")
def ngc() -> tuple[str, Content]:
    return from_file("ngc-advisory-board-5.txt")


def test_ngc_organisations_one_entity_per_body(ngc: tuple[str, Content]) -> None:
    _, content = ngc
    assert [o.id for o in content.organizations] == [
        "org:ngc",
        "org:ku",
        "org:region-sjaelland",
        "org:dtu",
        "org:sdu",
        "org:aau",
        "org:au",
        "org:region-nordjylland",
        "country:fr",
        "org:genomics-england",
        "country:eu",
        "country:dk",
        "org:novo-nordisk-fonden",
        "org:ism",
    ]
    by_id = {o.id: o for o in content.organizations}
    assert "NGC" in by_id["org:ngc"].aliases and "Danish National Genome Center" in by_id["org:ngc"].aliases
    assert "Novo Nordisk Foundation" in by_id["org:novo-nordisk-fonden"].aliases
    assert "France" in by_id["country:fr"].aliases
    assert by_id["org:ism"].type == "ministry"


def test_every_mention_quotes_the_text_at_its_span(ngc: tuple[str, Content]) -> None:
    text, content = ngc
    mentions = {m.entity: m for m in content.mentions}
    assert len(mentions["org:ngc"].provenance) == 15
    assert {p.quote for p in mentions["org:ngc"].provenance} == {"NGC", "Nationalt Genom Center"}
    for mention in content.mentions:
        for prov in mention.provenance:
            assert text[prov.start : prov.end] == prov.quote
    novo = mentions["org:novo-nordisk-fonden"].provenance
    assert [p.quote for p in novo] == ["Novo Nordisk Fonden"]  # written "Novo Nordisk Fondens"


def test_ngc_initiatives_and_participations(ngc: tuple[str, Content]) -> None:
    _, content = ngc
    assert [(i.id, i.type) for i in content.initiatives] == [
        ("init:1mg", "programme"),
        ("init:gdi", "project"),
        ("init:ehds", "regulation"),
    ]
    assert [(p.organization, p.initiative) for p in content.participations] == [
        ("org:ngc", "init:1mg"),
        ("org:ngc", "init:gdi"),
    ]  # EHDS only through "de pilotprojekter, der ligger forud for": a relative clause


def test_ngc_mou_with_france_in_march_of_the_documents_year(ngc: tuple[str, Content]) -> None:
    text, content = ngc
    mou, collaboration = content.agreements
    assert (mou.kind, mou.parties, mou.date, mou.date_inferred) == (
        "mou",
        ["org:ngc", "country:fr"],
        "2023-03",
        True,
    )
    assert mou.provenance[0].quote.startswith("NGC har underskrevet et Memorandum of Understanding")
    assert (collaboration.kind, collaboration.parties, collaboration.date) == (
        "collaboration",
        ["org:ngc", "org:genomics-england"],
        None,
    )
    assert collaboration.provenance[0].quote == "samarbejde med Genomics England"


def test_ngc_funding_with_its_condition(ngc: tuple[str, Content]) -> None:
    _, content = ngc
    eu, novo = content.fundings
    assert (eu.funder, eu.recipient, eu.purpose) == (
        "country:eu",
        None,
        "oprettelse af en europæisk samling af referencegenomer",
    )
    assert (novo.funder, novo.recipient, novo.purpose) == ("org:novo-nordisk-fonden", "org:ngc", None)
    assert novo.condition == (
        "stat og regioner viderefører den fælles, nationale infrastruktur for personlig medicin"
        " efter medio 2024"
    )


def test_ngc_figures_but_no_dates_times_or_item_numbers(ngc: tuple[str, Content]) -> None:
    _, content = ngc
    assert [(f.value, f.unit, f.subject, f.provenance[0].quote) for f in content.facts] == [
        (14505, "genomer", "org:ngc", "14.505 genomer"),
        (17, "patientgrupper", "org:ngc", "17 patientgrupper"),
    ]
    assert content.facts[0].text == "Aktuelt er der 14.505 genomer i databasen"


def test_ngc_next_meeting_and_deadline_with_contact(ngc: tuple[str, Content]) -> None:
    _, content = ngc
    meeting, deadline = content.deadlines
    assert (meeting.kind, meeting.date, meeting.start_time, meeting.end_time, meeting.location) == (
        "next_meeting",
        "2023-11-09",
        "14:00",
        "16:00",
        "Teams",
    )
    assert (deadline.kind, deadline.date, deadline.contact, deadline.email) == (
        "deadline",
        "2023-07-05",
        "person:christiane-saurbrey-karle",
        "cska@ngc.dk",
    )
    assert meeting.meeting == deadline.meeting == "meeting:m"


def test_ngc_ten_discussion_points_each_with_concepts(ngc: tuple[str, Content]) -> None:
    text, content = ngc
    assert len(content.themes) == 10
    assert all(t.concepts and t.agenda_item == "4" for t in content.themes)
    first, last = content.themes[0], content.themes[-1]
    assert first.text.startswith("I forbindelse med ”Visionen for bedre brug af sundhedsdata”")
    assert first.text.endswith("og kombineres med andre data.")
    assert {"theme:health-data", "theme:data-access"} <= set(first.concepts)
    assert last.concepts == ["theme:pharmacogenomics"]
    assert "theme:reference-genome" in content.themes[6].concepts
    assert "theme:consent" in content.themes[8].concepts
    assert text[first.provenance[0].start : first.provenance[0].end].startswith("I forbindelse med")
    assert [t.id for t in content.themes[:2]] == ["point:k-1", "point:k-2"]


ENGLISH = """Minutes of the Steering Committee

1. Update
The Danish National Genome Center (NGC) signed a Memorandum of Understanding with Genomics England \
in January 2024. NGC participates in the Genomic Data Infrastructure (GDI) and is part of 1+MG.
The Francis Crick Institute is working closely with Karolinska Institutet.
The Northern Health Research Council has funded the Nordic Precision Medicine Initiative (NPMI) \
with £2.5 million, provided that results are shared openly. \
The NPMI reported 12,345 genomes and 3.5 % failed samples.
The project ran 2019-2022 and the group meets at 10:00 in room 4.
The board discussed:
- Data access for researchers across borders and the GDPR
- Training of clinicians in genomic medicine and pharmacogenomics
- Equal access to testing regardless of where patients live
Comments should be sent to Jane Smith (jane.smith@example.org) no later than 5 April.
Next meeting: 14 June 2024, 13:00-15:00, via Zoom.
"""


@pytest.fixture(scope="module")
def english() -> Content:
    return from_text(ENGLISH, "en", "2024-03-12", ("Jane Smith",))


def test_english_unknown_organisations_from_organisation_words_and_acronyms(english: Content) -> None:
    orgs = {o.id: o for o in english.organizations}
    assert set(orgs) == {
        "org:ngc",
        "org:genomics-england",
        "org:karolinska",
        "org:steering-committee",
        "org:francis-crick-institute",
        "org:northern-health-research-council",
    }
    assert orgs["org:francis-crick-institute"].type == "institute"
    npmi = {i.id: i for i in english.initiatives}["init:nordic-precision-medicine-initiative"]
    assert npmi.aliases == ["NPMI"]
    assert [p.quote for p in npmi.provenance] == ["Nordic Precision Medicine Initiative", "NPMI", "NPMI"]


def test_english_relations(english: Content) -> None:
    assert [(p.organization, p.initiative) for p in english.participations] == [
        ("org:ngc", "init:gdi"),
        ("org:ngc", "init:1mg"),
    ]
    assert [(a.kind, a.parties, a.date, a.date_inferred) for a in english.agreements] == [
        ("mou", ["org:ngc", "org:genomics-england"], "2024-01", False),
        ("collaboration", ["org:francis-crick-institute", "org:karolinska"], None, False),
    ]
    (funding,) = english.fundings
    assert (funding.funder, funding.recipient, funding.amount, funding.condition) == (
        "org:northern-health-research-council",
        "init:nordic-precision-medicine-initiative",
        "£2.5 million",
        "results are shared openly",
    )


def test_english_figures_use_comma_thousands_and_skip_years_and_times(english: Content) -> None:
    assert [(f.value, f.unit) for f in english.facts] == [(12345, "genomes"), (3.5, "%")]
    assert english.facts[0].subject == "init:nordic-precision-medicine-initiative"


def test_english_deadline_year_inferred_and_next_meeting_online(english: Content) -> None:
    deadline, meeting = english.deadlines
    assert (deadline.kind, deadline.date, deadline.date_inferred, deadline.contact, deadline.email) == (
        "deadline",
        "2024-04-05",
        True,
        "person:jane-smith",
        "jane.smith@example.org",
    )
    assert (meeting.date, meeting.start_time, meeting.end_time, meeting.location) == (
        "2024-06-14",
        "13:00",
        "15:00",
        "Zoom",
    )


def test_english_dash_bullets_are_discussion_points(english: Content) -> None:
    assert [t.label for t in english.themes] == [
        "Data access for researchers across borders and the …",
        "Training of clinicians in genomic medicine and pharmacogenomics",
        "Equal access to testing regardless of where patients …",
    ]
    assert "theme:legislation" in english.themes[0].concepts  # GDPR, an acronym
    assert "theme:competences" in english.themes[1].concepts
    assert "theme:equal-access" in english.themes[2].concepts


NORWEGIAN = """Oslo universitetssykehus har inngått en avtale med Karolinska Institutet i april. \
Det er et tett samarbeid med Genomics England.
Helse Sør-Øst har bevilget 12 mill. kr til etablering av et nasjonalt register for sjeldne sykdommer.
Neste møte: 7. juni kl. 10-12 på Teams.
Innspill sendes til Kari Nordmann (kari@hso.no) innen 20. mai.
"""


def test_norwegian_agreement_funding_and_dates() -> None:
    content = from_text(NORWEGIAN, "no", "2023-05-03", ("Kari Nordmann",))
    assert [(a.kind, a.parties, a.date) for a in content.agreements] == [
        ("agreement", ["org:ous", "org:karolinska"], "2023-04"),
        ("collaboration", ["org:ous", "org:genomics-england"], None),
    ]
    (funding,) = content.fundings
    assert (funding.funder, funding.amount, funding.purpose) == (
        "org:helse-sor-ost",
        "12 mill. kr",
        "etablering av et nasjonalt register for sjeldne sykdommer",
    )
    # a grant with no recipient is not stored as a funding in the graph: its sum stays a figure
    assert [(f.value, f.unit) for f in content.facts] == [(12_000_000, "kr")]
    meeting, deadline = content.deadlines
    assert (meeting.date, meeting.date_inferred, meeting.start_time, meeting.location) == (
        "2023-06-07",
        True,
        "10:00",
        "Teams",
    )
    assert (deadline.date, deadline.contact, deadline.email) == (
        "2023-05-20",
        "person:kari-nordmann",
        "kari@hso.no",
    )


def test_swedish_space_thousands_and_participation() -> None:
    content = from_text(
        "Karolinska Institutet deltar i GDI. Vi har 4 500 deltagare och 1 200 prover.\n", "sv"
    )
    assert [(p.organization, p.initiative) for p in content.participations] == [
        ("org:karolinska", "init:gdi")
    ]
    assert [(f.value, f.unit, f.subject) for f in content.facts] == [
        (4500, "deltagare", "org:karolinska"),
        (1200, "prover", "org:karolinska"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Mødet blev holdt 14. juni 2023 kl. 14-16.",
        "Strategierne fra 2017-2022 skal videreføres efter medio 2024.",
        "Punkt 3 blev udsat til 2. behandling.",
        "1/5 Velkommen",
        "Room SSO.10, Coventry, CV4 7AL",
        "Se side 4 og § 12 i bilag 3.",
    ],
)
def test_dates_times_ranges_and_numbers_of_things_are_not_figures(text: str) -> None:
    assert from_text(text, "da", "2023-06-14").facts == []


def test_generic_words_alone_are_not_organisations() -> None:
    content = from_text(
        "Bestyrelsen godkendte. The Board Members Present agreed. Regionen og Fonden svarede.", "da"
    )
    assert content.organizations == []


def test_organisation_names_stop_at_meeting_words_and_shouted_headings() -> None:
    content = from_text("Minutes of the Nordic Genome Society ANNUAL GENERAL MEETING\n", "en")
    assert [o.name for o in content.organizations] == ["Nordic Genome Society"]


def test_parties_named_together_before_the_agreement_noun() -> None:
    content = from_text(
        "NGC og Genomics England har underskrevet en samarbejdsaftale i maj.\n", "da", "2023-06-14"
    )
    assert [(a.kind, a.parties, a.date) for a in content.agreements] == [
        ("agreement", ["org:ngc", "org:genomics-england"], "2023-05")
    ]


def test_funder_after_the_grant_word_and_deadline_word_before_the_date() -> None:
    text = (
        "Projektet har fået en bevilling på 5 mio. kr. fra Lundbeckfonden til udvikling af en biobank.\n"
        "The deadline for comments to the Danish Health Authority is 5 July 2023.\n"
        "Next meeting\n"
        "12 October 2023 at 10:00 in Aarhus.\n"
    )
    content = from_text(text, "da", "2023-06-14")
    (funding,) = content.fundings
    assert (funding.funder, funding.amount, funding.purpose) == (
        "org:lundbeckfonden",
        "5 mio. kr.",
        "udvikling af en biobank",
    )
    deadline, meeting = content.deadlines
    assert (deadline.kind, deadline.date) == ("deadline", "2023-07-05")
    assert (meeting.kind, meeting.date, meeting.start_time, meeting.location) == (
        "next_meeting",
        "2023-10-12",
        "10:00",
        "Aarhus",
    )


def test_an_unknown_counterparty_is_an_organisation_but_a_person_is_not() -> None:
    content = from_text(
        "GMS har ett nära samarbete med Estonian Biobank. Vi samarbetar med Anna Lindstrand.\n",
        "sv",
        people=("Anna Lindstrand",),
    )
    assert [o.id for o in content.organizations] == ["org:gms", "org:estonian-biobank"]
    assert [a.parties for a in content.agreements] == [["org:gms", "org:estonian-biobank"]]


def test_a_country_inside_a_longer_name_is_not_the_country() -> None:
    content = from_text("Tom Evans, NHS England, and Cancer Research UK met in England.\n", "en")
    assert [(h.entity, h.provenance[0].quote) for h in content.mentions] == [
        ("org:nhs-england", "NHS England"),
        ("country:gb-eng", "England"),
    ]


def test_a_long_capitalised_run_is_a_heading_not_a_name() -> None:
    heading = "Report From The Working Group On Data And Sharing And Access Across All Five Regional Councils"
    assert from_text(heading + "\n", "en").organizations == []
    content = from_text("Det blev drøftet med Steno Diabetes Center Odense (SDCO) i går.\n", "da")
    assert [(o.name, o.aliases) for o in content.organizations] == [
        ("Steno Diabetes Center Odense", ["SDCO"])
    ]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Prof. Emma Gallagher of Trinity College Dublin offered to review it.", "Trinity College Dublin"),
        ("Kristin Halvorsen, Director of the Norwegian Cancer Society, agreed.", "Norwegian Cancer Society"),
        ("Minutes of the Board of the Nordic Genome Society", "Nordic Genome Society"),
        ("Hans Ehrencrona, Uppsala läns landsting, till nästa möte.", "Uppsala läns landsting"),
        ("Vi talte med Steno Diabetes Center Aarhus om det.", "Steno Diabetes Center Aarhus"),
        ("THE NORDIC PRECISION HEALTH FOUNDATION", "Nordic Precision Health Foundation"),
    ],
)
def test_organisation_names_in_running_text(sentence: str, name: str) -> None:
    assert [o.name for o in from_text(sentence + "\n", "en").organizations] == [name]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Chief Executive thanked the Chair of the Board.",
        "Dr Lunde is stepping down from the Board in January.",
        "The Board Members Present agreed.",
    ],
)
def test_positions_and_generic_bodies_are_not_organisations(sentence: str) -> None:
    assert from_text(sentence + "\n", "en").organizations == []


def test_a_next_meeting_heading_and_its_sentence_are_one_meeting() -> None:
    content = from_text(
        "3. Date of next meeting\nThe next meeting will be held on 11 June 2024 at 10:00.\n", "en"
    )
    assert [(d.kind, d.date, d.start_time) for d in content.deadlines] == [
        ("next_meeting", "2024-06-11", "10:00")
    ]


def test_an_item_number_in_brackets_is_not_a_figure() -> None:
    assert from_text("Dr Conor Walsh, Head of Genomic Medicine (item 4 only)\n", "en").facts == []


def test_an_mou_without_a_counterparty_is_not_an_agreement() -> None:
    assert from_text("NGC har underskrevet en aftale.", "da").agreements == []


PIECES = [
    "NGC",
    " deltager i ",
    "1+MG",
    " (",
    ")",
    ". ",
    "\n",
    "\n\n",
    "• ",
    "- ",
    "14.505",
    " genomer",
    "MoU",
    " med ",
    "Frankrig",
    "senest d. ",
    "5. juli",
    " 2023",
    "Næste møde",
    " kl. 14-16",
    ",",
    " at ",
    "præmis for ",
    "Novo Nordisk Fondens",
    " donation",
    "Region",
    " Sjælland",
    "Institut",
    " for ",
    "X",
    "Ø",
    "’s",
    "12,5",
    " mio. kr",
    "funded by ",
    "Board",
    ":",
    "2017-2022",
    "a@b.dk",
    "Steno Diabetes Center",
    " (SDC)",
    "\t",
    "—",
    "”",
    "%",
    "€",
    "0",
    "999999999999999999999",
    "samarbejde med ",
    "Estonian Biobank",
    "Next meeting",
    "Næste generalforsamling",
    "Foreningen",
    " we ",
    "The board of ",
    "DKK 2.5 million",
    "€1.2m",
    "85 000 kronor",
    "Dansk Forening for Genetisk Rådgivning",
]


def provenances(value: Any) -> list[Provenance]:
    if isinstance(value, Provenance):
        return [value]
    if isinstance(value, list):
        return [p for item in value for p in provenances(item)]
    if isinstance(value, msgspec.Struct):
        return [p for f in value.__struct_fields__ for p in provenances(getattr(value, f))]
    return []


@settings(max_examples=150, deadline=None)
@given(
    pieces=st.lists(st.sampled_from(PIECES), max_size=50),
    language=st.sampled_from(["da", "en", "no", "sv", "und"]),
    date=st.sampled_from([None, "2023-06-14"]),
    body=st.sampled_from([None, SOCIETY]),
)
def test_any_text_gives_content_whose_quotes_are_the_text_at_their_spans(
    pieces: list[str], language: str, date: str | None, body: Organization | None
) -> None:
    text = "".join(pieces)
    content = from_text(text, language, date, body=body)
    for prov in provenances(content):
        assert 0 <= prov.start <= prov.end <= len(text)
        assert text[prov.start : prov.end] == prov.quote


@pytest.mark.parametrize(
    ("text", "language", "funder", "recipient", "condition"),
    [
        (
            "NGC har modtaget en bevilling på 5 mio. kr. fra Lundbeckfonden til udvikling af en biobank.",
            "da",
            "org:lundbeckfonden",
            "org:ngc",
            None,
        ),
        (
            "Novo Nordisk Fonden har givet en bevilling på 120 mio. kr. til Nationalt Genom Center under "
            "forudsætning af, at regionerne selv finansierer driften.",
            "da",
            "org:novo-nordisk-fonden",
            "org:ngc",
            "regionerne selv finansierer driften",
        ),
        ("The project received £3m from the Medical Research Council.", "en", "org:mrc", None, None),
        ("Projektet finansieras av Vetenskapsrådet.", "sv", "org:vetenskapsradet", None, None),
        (
            "NGC deltager i Genome of Europe og modtager EU4Health-midler.",
            "da",
            "init:eu4health",
            "org:ngc",
            None,
        ),
    ],
)
def test_one_funding_per_grant_with_funder_recipient_and_condition(
    text: str, language: str, funder: str, recipient: str | None, condition: str | None
) -> None:
    """A receiving verb puts the funder after "fra"/"from"; a cue inside the condition is no second grant."""
    (funding,) = from_text(text, language, "2024-01-10").fundings
    assert (funding.funder, funding.recipient, funding.condition) == (funder, recipient, condition)


@pytest.mark.parametrize(
    ("text", "language", "pairs"),
    [
        (
            "Sweden and Norway participate in the B1MG project and the GDI project.",
            "en",
            [
                ("country:se", "init:b1mg"),
                ("country:se", "init:gdi"),
                ("country:no", "init:b1mg"),
                ("country:no", "init:gdi"),
            ],
        ),
        ("The UK does not participate in the 1+ Million Genomes Initiative.", "en", []),
        ("NGC deltager i Genome of Europe og modtager EU4Health-midler.", "da", [("org:ngc", "init:goe")]),
        (
            "Helse Vest deltar i GDI-prosjektet og i B1MG.",
            "no",
            [("org:helse-vest", "init:gdi"), ("org:helse-vest", "init:b1mg")],
        ),
        ("Danmark har desuden tilsluttet sig 1+MG-erklæringen.", "da", [("country:dk", "init:1mg")]),
        ("Ireland signed the 1+MG declaration in 2023.", "en", [("country:ie", "init:1mg")]),
        ("NGC har underskrevet et MoU med Frankrig.", "da", []),
        # adverbs inside the phrase; a negation there denies it
        ("Genomics England deltager også i Genome of Europe.", "da", [("org:genomics-england", "init:goe")]),
        ("NGC is also actively involved in the GDI project.", "en", [("org:ngc", "init:gdi")]),
        ("Helse Vest deltar fortsatt i B1MG.", "no", [("org:helse-vest", "init:b1mg")]),
        ("Danmark deltager ikke i GDI.", "da", []),
    ],
)
def test_participations_list_actors_and_initiatives_and_respect_a_denial(
    text: str, language: str, pairs: list[tuple[str, str]]
) -> None:
    content = from_text(text, language, "2024-01-10")
    assert [(p.organization, p.initiative) for p in content.participations] == pairs


@pytest.mark.parametrize(
    ("text", "found", "not_found"),
    [
        (
            "The board signed a Memorandum of Understanding with the University of Edinburgh.",
            ["University of Edinburgh"],
            ["Memorandum of Understanding", "Understanding with the University of Edinburgh"],
        ),
        ("Public trust in genomics is high.", [], ["Public trust"]),
        ("Nettverket drøftet saken med Hjerteavdelingen.", ["Hjerteavdelingen"], ["Nettverket"]),
        (
            "The meeting was held at the Royal College of Physicians of Ireland.",
            ["Royal College of Physicians of Ireland"],
            ["Irland"],
        ),
        ("Prøverne analyseres på Afdeling for Klinisk Genetik.", ["Afdeling for Klinisk Genetik"], []),
        (
            "Torsdag Center for Sjældne Sygdomme holdt møde.",
            ["Center for Sjældne Sygdomme"],
            ["Torsdag Center"],
        ),
        ("AGENDA ITEM 4: FINANCE COMMITTEE REPORT", ["Finance Committee"], ["Finance Committee Report"]),
        ("Oslo kommune og Københavns Kommune deltog.", ["Oslo kommune", "Københavns Kommune"], []),
        ("Status på genomområdet v/ Hans Holm", [], ["genomområdet"]),
        ("Sundhedsområdet er i udvikling.", [], ["Sundhedsområdet"]),
        ("2. Drøftelse af styregruppen for personlig medicin", [], ["Drøftelse af styregruppen"]),
    ],
)
def test_organisation_names_by_pattern_and_their_traps(
    text: str, found: list[str], not_found: list[str]
) -> None:
    names = [o.name for o in from_text(text, "und").organizations]
    assert set(found) <= set(names)
    assert not set(not_found) & set(names)


def test_lettered_and_o_bullets_are_discussion_points() -> None:
    text = (
        "The board discussed:\n"
        "a) Common data models are needed before data can be pooled across borders.\n"
        "b) Ethical review of cross-border studies should be coordinated.\n"
        "o Genetic counselling capacity is too small for the expected demand.\n"
    )
    themes = from_text(text, "en").themes
    assert [t.label.split()[0] for t in themes] == ["Common", "Ethical", "Genetic"]
    assert all(t.concepts for t in themes)


def test_every_organisation_of_a_joined_list_is_a_party() -> None:
    (collaboration,) = from_text(
        "Hjerteforeningen og Diabetesforeningen samarbejder med Danske Regioner.", "da"
    ).agreements
    assert collaboration.parties == ["org:hjerteforeningen", "org:diabetesforeningen", "org:danske-regioner"]


@pytest.mark.parametrize(
    ("text", "language", "date", "contact"),
    [
        ("Synpunkter lämnas senast den 10 juni 2024 till Eva Berg.", "sv", "2024-06-10", "person:eva-berg"),
        (
            "Frist for innspill er 10. juni til Eva Berg (eva@helse.no).",
            "no",
            "2024-06-10",
            "person:eva-berg",
        ),
        ("Actions: Eva Berg to circulate the draft by 30 November.", "en", "2023-11-30", "person:eva-berg"),
    ],
)
def test_a_deadline_has_its_contact_before_or_after_the_date(
    text: str, language: str, date: str, contact: str
) -> None:
    (deadline,) = from_text(text, language, "2023-11-16", ("Eva Berg",)).deadlines
    assert (deadline.date, deadline.contact) == (date, contact)


@pytest.mark.parametrize(
    ("text", "initiatives"),
    [
        (
            "The board welcomed the Nordic Precision Medicine Initiative and the Genomic Medicine Programme.",
            ["Nordic Precision Medicine Initiative", "Genomic Medicine Programme"],
        ),
        ("Regionen deltager i Det Nationale Genomprogram.", ["Nationale Genomprogram"]),
        ("Work Programme\nThe Work Programme was approved.", []),
        ("The Project was approved. Joint Action was discussed.", []),
    ],
)
def test_unknown_initiatives_by_their_head_word(text: str, initiatives: list[str]) -> None:
    assert [i.name for i in from_text(text, "und").initiatives] == initiatives


@pytest.mark.parametrize(
    ("text", "language", "date"),
    [
        ("Næste generalforsamling afholdes den 24. september 2024 kl. 19.00 i Odense.", "da", "2024-09-24"),
        ("Næste ordinære repræsentantskabsmøde: 3. december 2024.", "da", "2024-12-03"),
        ("The next Annual General Meeting will be held on 12 October 2024.", "en", "2024-10-12"),
        ("The next AGM is on 12 October 2024.", "en", "2024-10-12"),
        ("Neste årsmøte holdes 14. mars 2025 i Bergen.", "no", "2025-03-14"),
        ("Neste styremøte blir 2. september.", "no", "2024-09-02"),
        ("Nästa ordinarie föreningsstämma hålls den 20 mars 2025.", "sv", "2025-03-20"),
        ("Den 24. september 2024 afholdes næste generalforsamling i Odense.", "da", "2024-09-24"),
    ],
)
def test_the_next_meeting_of_any_kind(text: str, language: str, date: str) -> None:
    assert [(d.kind, d.date) for d in from_text(text, language, "2024-06-11").deadlines] == [
        ("next_meeting", date)
    ]


def test_a_next_step_is_no_next_meeting() -> None:
    text = (
        "The next step is a meeting with NGC on 5 May 2024. Næste punkt var mødet den 3. maj 2024. "
        "Referatet fra mødet 2. april 2024 blev godkendt; næste møde aftales senere."
    )
    assert from_text(text, "en", "2024-04-10").deadlines == []


@pytest.mark.parametrize(
    ("text", "language", "parties"),
    [
        (
            "Foreningen har indgået en samarbejdsaftale med Sjældne Diagnoser.",
            "da",
            [["org:society", "org:sjaeldne-diagnoser"]],
        ),
        (
            "The partnership signed a Memorandum of Understanding with the University of Edinburgh.",
            "en",
            [["org:society", "org:edinburgh"]],
        ),
        ("We signed an agreement with NGC in May.", "en", [["org:society", "org:ngc"]]),
        ("Vi har också ett avtal med Karolinska Institutet.", "sv", [["org:society", "org:karolinska"]]),
        (
            "Styret har inngått en samarbeidsavtale med Kreftforeningen.",
            "no",
            [["org:society", "org:kreftforeningen"]],
        ),
        # the board of another body is that body's, and "US" is no "us"
        ("The US signed an agreement with NGC.", "en", []),
        (
            "The board of Danske Regioner signed an agreement with NGC.",
            "en",
            [["org:danske-regioner", "org:ngc"]],
        ),
    ],
)
def test_the_body_that_met_is_a_party_when_the_minutes_call_it_we_or_the_board(
    text: str, language: str, parties: list[list[str]]
) -> None:
    content = from_text(text, language, "2024-06-11", body=SOCIETY)
    assert [a.parties for a in content.agreements] == parties
    assert [a.parties for a in from_text(text, language, "2024-06-11").agreements] == [
        p for p in parties if "org:society" not in p
    ]  # without a body, "we" is nobody


def test_the_body_takes_part_and_receives_under_its_own_name_and_as_we() -> None:
    text = (
        "Dansk Forening for Genetisk Rådgivning deltager i GDI. "
        "Foreningen har modtaget 2,5 mio. kr. fra Lundbeckfonden til rådgivning."
    )
    content = from_text(text, "da", body=SOCIETY)
    assert [(p.organization, p.initiative) for p in content.participations] == [("org:society", "init:gdi")]
    assert [(f.funder, f.recipient, f.amount) for f in content.fundings] == [
        ("org:lundbeckfonden", "org:society", "2,5 mio. kr.")
    ]
    assert [o.id for o in content.organizations] == ["org:lundbeckfonden", "org:society"]
    assert content.facts == []  # the grant's sum is its amount, not a figure as well


@pytest.mark.parametrize(
    ("text", "language", "value", "unit", "quote"),
    [
        ("Budgettet er på 3,5 mio. kr. for 2025.", "da", 3_500_000, "kr", "3,5 mio. kr."),
        ("Budgettet er på 500.000 kr.", "da", 500_000, "kr", "500.000 kr."),
        ("Reserverne udgør DKK 2.5 million.", "da", 2_500_000, "DKK", "DKK 2.5 million"),
        ("Reserves of €1.2m were noted.", "en", 1_200_000, "€", "€1.2m"),
        ("The reserves stand at £250,000 after the pilot.", "en", 250_000, "£", "£250,000"),
        ("Årsbudsjettet er på NOK 1,2 millioner.", "no", 1_200_000, "NOK", "NOK 1,2 millioner"),
        ("Medlemsavgifterna gav 85 000 kronor.", "sv", 85_000, "kronor", "85 000 kronor"),
    ],
)
def test_a_sum_of_money_is_one_figure_in_its_currency(
    text: str, language: str, value: float, unit: str, quote: str
) -> None:
    (fact,) = from_text(text, language).facts
    assert (fact.value, fact.unit, fact.provenance[0].quote) == (value, unit, quote)


@pytest.mark.parametrize(
    ("heading", "name"),
    [
        ("IRISH SOCIETY OF HUMAN GENETICS\nCouncil Meeting", "Irish Society of Human Genetics"),
        (
            "Referat af bestyrelsesmøde\nLandsforeningen for Sjældne Arvelige Sygdomme",
            "Landsforeningen for Sjældne Arvelige Sygdomme",
        ),
        ("AGENDA ITEM 4: FINANCE COMMITTEE REPORT", "Finance Committee"),
    ],
)
def test_organisations_named_in_a_heading(heading: str, name: str) -> None:
    assert [o.name for o in organisations_named(heading)] == [name]


def test_a_generic_body_belongs_to_the_organisation_its_heading_names() -> None:
    """Not to the one the minutes name most often (here the funder)."""
    text = (
        "IRISH SOCIETY OF HUMAN GENETICS\nCouncil Meeting - Minutes\n\nDate: 21 November 2024\n\n"
        "Present: Dr Aoife Byrne (Chair), Dr Sean Doyle\n\n1. Funding\n"
        "The Health Research Board (HRB) funds the programme. HRB reported. HRB agreed.\n"
    )
    record = extract_text(text)
    assert record.meetings[0].body == "org:council-irish-society-of-human-genetics"


def test_a_grant_is_of_the_sum_after_its_cue_and_other_sums_stay_figures() -> None:
    content = from_text(
        "Of a total budget of DKK 10 million, the Lundbeck Foundation has granted DKK 4 million to NGC.", "en"
    )
    assert [(f.funder, f.recipient, f.amount) for f in content.fundings] == [
        ("org:lundbeckfonden", "org:ngc", "DKK 4 million")
    ]
    assert [(f.value, f.unit) for f in content.facts] == [(10_000_000, "DKK")]
