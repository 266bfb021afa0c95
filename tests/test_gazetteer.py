"""The gazetteer finds the organisations, initiatives and countries minutes name, as they write them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from pmkg.errors import PmkgError
from pmkg.ingest.gazetteer import (
    Gazetteer,
    country_within,
    fold,
    is_organization_name,
    organisation_type,
    organization_for,
)
from pmkg.ingest.pipeline import extract_text

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def found(gaz: Gazetteer, text: str) -> list[tuple[str, str]]:
    return [(entry.id, text[s:e]) for entry, (s, e) in gaz.find_in_text(text)]


def test_every_entry_is_well_formed_and_ids_are_unique() -> None:
    data = yaml.safe_load((ROOT / "knowledge" / "gazetteer.yaml").read_text(encoding="utf-8"))
    ids = [e["id"] for e in data["entries"]]
    assert len(ids) == len(set(ids))
    for entry in data["entries"]:
        assert entry["kind"] in {"organization", "initiative", "country"}, entry["id"]
        assert re.fullmatch(r"(org|init|country):[a-z0-9-]+", entry["id"]), entry["id"]
        if entry.get("wikidata"):
            assert re.fullmatch(r"Q\d+", entry["wikidata"])
        if entry.get("ror"):
            assert re.fullmatch(r"0[a-z0-9]{6}\d\d", entry["ror"])
        if "country" in entry:
            assert re.fullmatch(r"[A-Z]{2}", entry["country"]), entry["id"]


def test_every_type_is_a_concept_of_the_ontology() -> None:
    ontology = (ROOT / "knowledge" / "ontology.ttl").read_text(encoding="utf-8")
    org_types = set(re.findall(r"otype:([\w-]+) a skos:Concept", ontology))
    initiative_types = set(re.findall(r"itype:([\w-]+) a skos:Concept", ontology))
    data = yaml.safe_load((ROOT / "knowledge" / "gazetteer.yaml").read_text(encoding="utf-8"))
    for entry in data["entries"]:
        assert entry["type"] in (initiative_types if entry["kind"] == "initiative" else org_types), entry[
            "id"
        ]
    content = yaml.safe_load((ROOT / "knowledge" / "content.yaml").read_text(encoding="utf-8"))
    assert {rule["type"] for rule in content["organisation_words"]} <= org_types


def test_no_written_form_names_two_entries(gaz: Gazetteer) -> None:
    owners: dict[str, str] = {}
    for entry in gaz.entries:
        for name in entry.names:
            key = " ".join(fold(name).split())
            assert owners.setdefault(key, entry.id) == entry.id, f"{name!r}: {owners[key]} and {entry.id}"


@pytest.mark.parametrize(
    ("written", "entry_id"),
    [
        ("Novo Nordisk Fondens", "org:novo-nordisk-fonden"),
        ("Novo Nordisk Foundation", "org:novo-nordisk-fonden"),
        ("NGC's", "org:ngc"),
        ("NGC’s", "org:ngc"),
        ("Indenrigs – og Sundhedsministeriet", "org:ism"),
        ("Indenrigs- og Sundhedsministeriet", "org:ism"),
        ("Kobenhavns universitet", "org:ku"),
        ("University of Copenhagen", "org:ku"),
        ("DTU", "org:dtu"),
        ("Frankrig", "country:fr"),
        ("France", "country:fr"),
        ("1+MG", "init:1mg"),
        ("B1MG", "init:b1mg"),
        ("European Health Data Space", "init:ehds"),
    ],
)
def test_lookup_ignores_case_accents_dashes_and_genitive(gaz: Gazetteer, written: str, entry_id: str) -> None:
    entry = gaz.lookup(written)
    assert entry is not None and entry.id == entry_id


def test_lookup_of_an_unknown_name_is_none(gaz: Gazetteer) -> None:
    assert gaz.lookup("Foreningen for Arvelig Kræft") is None
    assert gaz.lookup("") is None


def test_find_in_text_returns_spans_longest_name_first(gaz: Gazetteer) -> None:
    text = "NGC deltager i 1+ Million Genomes (1+MG) og samarbejder med Genomics England og NGC’s partnere."
    assert found(gaz, text) == [
        ("org:ngc", "NGC"),
        ("init:1mg", "1+ Million Genomes"),
        ("init:1mg", "1+MG"),
        ("org:genomics-england", "Genomics England"),
        ("org:ngc", "NGC"),
    ]


def test_find_in_text_spans_a_genitive_without_its_s(gaz: Gazetteer) -> None:
    assert found(gaz, "en præmis for Novo Nordisk Fondens donation") == [
        ("org:novo-nordisk-fonden", "Novo Nordisk Fonden")
    ]


def test_names_across_a_line_break_and_dash_variants(gaz: Gazetteer) -> None:
    text = "videreformidlet til Indenrigs – og\nSundhedsministeriet og Region\nSjælland"
    assert [i for i, _ in found(gaz, text)] == ["org:ism", "org:region-sjaelland"]


def test_acronyms_must_be_capitals_and_single_words_capitalised(gaz: Gazetteer) -> None:
    assert found(gaz, "a lap of the island; an elixir of gdi") == []
    assert found(gaz, "LAP holdt møde på Island med ELIXIR") == [
        ("org:lap", "LAP"),
        ("country:is", "Island"),
        ("init:elixir", "ELIXIR"),
    ]


def test_words_inside_other_words_are_not_names(gaz: Gazetteer) -> None:
    assert found(gaz, "NGCX and XNGC and DTUs") == [("org:dtu", "DTU")]


def test_corpus_organisations_are_found() -> None:
    gaz = Gazetteer.load()
    text = (ROOT / "examples" / "helse-vest-styringsgruppe-presisjonsmedisin-2024-09-24.txt").read_text(
        encoding="utf-8"
    )
    assert {i for i, _ in found(gaz, text)} == {
        "country:no",
        "init:ehds",
        "init:goe",
        "org:helse-bergen",
        "org:helse-vest",
        "org:helsedirektoratet",
        "org:kreftregisteret",
        "org:uib",
    }
    text = (ROOT / "examples" / "gms-styrgrupp-2023-06-14.txt").read_text(encoding="utf-8")
    assert {"org:gms", "org:karolinska", "org:socialstyrelsen", "org:vetenskapsradet", "init:b1mg"} <= {
        i for i, _ in found(gaz, text)
    }


@pytest.mark.parametrize(
    ("raw", "org_id", "org_type"),
    [
        ("Københavns Universitet", "org:ku", "university"),
        ("DTU", "org:dtu", "university"),
        ("Region Sjælland", "org:region-sjaelland", "region"),
        ("Nationalt Genom Center", "org:ngc", "agency"),
        ("Kræftens Bekæmpelse", "org:kraeftens-bekaempelse", "society"),
        ("Sjællandske Patienter", "org:sjaellandske-patienter", "organization"),
        ("Region Skåne", "org:region-skane", "region"),
        ("Region Kronoberg", "org:region-kronoberg", "region"),
        ("Afdeling for Klinisk Genetik", "org:afdeling-for-klinisk-genetik", "department"),
        ("Statens Institut for Folkesundhed", "org:statens-institut-for-folkesundhed", "institute"),
        ("Kreftforeningen", "org:kreftforeningen", "society"),
        ("Oslo universitetssykehus", "org:ous", "hospital"),
        ("Aalborg Universitetshospital", "org:aalborg-universitetshospital", "hospital"),
        ("Energistyrelsen", "org:energistyrelsen", "agency"),
        ("Beskæftigelsesministeriet", "org:beskaeftigelsesministeriet", "ministry"),
        ("Carlsbergfondet", "org:carlsbergfondet", "foundation"),
        ("Wellcome Trust", "org:wellcome-trust", "foundation"),
        ("Royal College of Physicians", "org:royal-college-of-physicians", "society"),
        ("Medical Research Council", "org:mrc", "council"),
        ("Economic and Social Research Council", "org:economic-and-social-research-council", "council"),
    ],
)
def test_organization_for_maps_or_guesses_a_type(raw: str, org_id: str, org_type: str) -> None:
    org = organization_for(raw, Gazetteer.load())
    assert (org.id, org.type) == (org_id, org_type)


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("det nationale advisory board for forskning", "Nationale advisory board for forskning"),
        ("styregruppen for data", "Styregruppen for data"),
        ("eHealth Network Nordic", "eHealth Network Nordic"),
    ],
)
def test_an_unknown_organisation_is_named_with_a_capital(raw: str, name: str) -> None:
    org = organization_for(raw, Gazetteer.load())
    assert org.name == name and org.id == f"org:{name.lower().replace(' ', '-')}"


def test_organization_for_takes_the_acronym_in_brackets_as_alias() -> None:
    org = organization_for("Steno Diabetes Center Aarhus (SDCA)", Gazetteer.load())
    assert (org.id, org.name, org.aliases, org.type) == (
        "org:steno-diabetes-center-aarhus",
        "Steno Diabetes Center Aarhus",
        ["SDCA"],
        "institute",
    )


def test_organization_from_the_gazetteer_carries_identifiers_and_both_languages() -> None:
    org = organization_for("University of Copenhagen", Gazetteer.load())
    assert org.name == "Københavns Universitet"
    assert "University of Copenhagen" in org.aliases
    assert (org.wikidata, org.ror) == ("Q186285", "035b05819")


def test_organisation_type_of_plain_words_is_none() -> None:
    assert organisation_type("Park Hotel") is None
    assert organisation_type("Det Regionale Koordinationsmøde") is None  # "region" only as a whole word
    assert organisation_type("Europas plan mot cancer") is None  # "län" only as a whole word, not "plan"


@pytest.mark.parametrize(
    ("raw", "org_id"),
    [
        ("Klinisk Genetisk Afdeling, Rigshospitalet", "org:rigshospitalet"),
        ("Institut for Klinisk Medicin, Aarhus Universitet", "org:au"),
        ("Nationalt Genom Center\n\nReferat", "org:ngc"),
        ("Klinisk Genetisk Afdeling\nReferat", "org:klinisk-genetisk-afdeling"),
        ("Nationalt Genom Center Referat", "org:ngc"),
        ("Helse Bergen HF", "org:helse-bergen"),
        ("Sykehuset Telemark HF", "org:sykehuset-telemark"),
        ("the Norwegian Cancer Society", "org:norwegian-cancer-society"),
        ("Steno Diabetes Center Dagsorden", "org:steno-diabetes-center"),
    ],
)
def test_organization_for_finds_the_known_body_of_a_department_or_a_messy_line(raw: str, org_id: str) -> None:
    assert organization_for(raw, Gazetteer.load()).id == org_id


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Københavns Universitet", True),
        ("NHS England", True),
        ("Kræftens Bekæmpelse", True),
        ("Klinisk Genetisk Afdeling, Rigshospitalet", True),
        ("the Regional Genetics Service", True),
        ("Patient representative", False),
        ("Chief Financial Officer", False),
        ("Society administrator", False),
        ("Non-Executive Director", False),
        ("the Board", False),
        ("the Norwegian Cancer Society", True),
        ("Deloitte", True),
        ("repræsentant for styregruppen for implementering af personlig medicin", False),
        ("independent member", False),
    ],
)
def test_is_organization_name_tells_bodies_from_roles(raw: str, expected: bool) -> None:
    assert is_organization_name(raw, Gazetteer.load()) is expected


# --- countries ------------------------------------------------------------------------------------

INTERNATIONAL_MINUTES = """Minutes of the meeting of the Genomics Steering Group

Date: 12 March 2024, 10:00-12:00
Place: Online

Present: Anne Hansen (Danish National Genome Center), John Smith (Genomics England)

1. International collaboration
The Danish National Genome Center participates in the Genome of Europe project. Genomics England
participates in the Genome of Europe project as well. The Royal College of Physicians of Ireland and the
European Medicines Agency sent letters; the WHO was not represented.
"""


def test_extracted_organisations_carry_the_country_of_their_seat() -> None:
    record = extract_text(INTERNATIONAL_MINUTES, "steering-group.txt")
    countries = {o.id: o.country for o in record.organizations}
    assert countries["org:ngc"] == "DK"
    assert countries["org:genomics-england"] == "GB"
    assert countries["org:ema"] == "EU"  # a body of the EU: the code ISO 3166-1 reserves for the EU
    assert countries["org:who"] is None  # international, no seat country
    assert countries["org:royal-college-of-physicians-of-ireland"] == "IE"  # unknown, names Ireland
    participants = {(p.organization, p.initiative) for p in record.participations}
    assert {("org:ngc", "init:goe"), ("org:genomics-england", "init:goe")} <= participants
    assert record.to_dict()["organizations"][0]["country"] == countries[record.organizations[0].id]


DANISH_GROUP = """Referat af møde i Styregruppen for genomdata

Dato: 3. april 2024 kl. 13-15

Deltagere: Anne Hansen (Region Hovedstaden), Peter Jensen (Aarhus Universitet), John Smith (Genomics England)

1. Status
Region Midtjylland og Københavns Universitet deltager i GDI. Genomics England orienterede.
"""

HEADED_GROUP = """GENOMICS ENGLAND
Ethics Advisory Committee

Date: 14 May 2024

Present: Anne Hansen (Region Hovedstaden), Peter Jensen (Aarhus Universitet)

1. Danish visit
Region Midtjylland presented its work with Aarhus Universitet.
"""


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (DANISH_GROUP, "DK"),  # four of the five known organisations it names are Danish
        (INTERNATIONAL_MINUTES, None),  # Danish, British and EU bodies: no majority
        (HEADED_GROUP, "GB"),  # the heading names its organisation, whatever the minutes discuss
    ],
)
def test_a_body_the_gazetteer_does_not_know_sits_where_its_minutes_point(
    text: str, country: str | None
) -> None:
    record = extract_text(text, "minutes.txt")
    (body,) = [o for o in record.organizations if o.id == record.meetings[0].body]
    assert body.country == country


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Royal College of Physicians of Ireland", "IE"),
        ("Bestyrelsen for DSAM", "DK"),  # a unit of a known body
        ("Helse Bergens forskningsavdeling", "NO"),
        ("Styregruppen for genomdata", None),  # names nothing known
        ("WHO-kontoret i Danmark", None),  # an international body and a country: no single seat
        ("Nordisk samarbejde mellem Sverige og Norge", None),  # two countries
        ("Genome of Europe Consortium", None),  # an initiative has no seat
    ],
)
def test_an_unknown_organisation_takes_the_country_its_name_contains(name: str, country: str | None) -> None:
    gaz = Gazetteer.load()
    assert country_within(name, gaz) == country
    assert organization_for(name, gaz).country == country


def test_an_unquoted_no_for_norway_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "gazetteer.yaml"
    path.write_text(
        "entries:\n  - {id: org:x, kind: organization, type: agency, name: X, country: NO}\n",
        encoding="utf-8",
    )
    with pytest.raises(
        PmkgError,
        match=r"gazetteer.yaml, line 2: entries\[0\] \(org:x\)\.country: .*got NO, which YAML reads as false"
        r".*\"NO\".*ISO 3166-1 alpha-2",
    ):
        Gazetteer.load(path)
