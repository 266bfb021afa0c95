"""The SKOS theme taxonomy: well-formed, bilingual, and matched in Danish compounds and English terms."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import RDF, SKOS

from pmkg.errors import PmkgError
from pmkg.ingest.themes import Taxonomy

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return Taxonomy.load()


def test_every_concept_has_danish_and_english_labels_in_one_scheme() -> None:
    graph = rdflib.Graph().parse(ROOT / "knowledge" / "themes.ttl")
    schemes = set(graph.subjects(RDF.type, SKOS.ConceptScheme))
    assert len(schemes) == 1
    concepts = set(graph.subjects(RDF.type, SKOS.Concept))
    assert 20 <= len(concepts) <= 30
    for concept in concepts:
        languages = sorted(lit.language for lit in graph.objects(concept, SKOS.prefLabel))
        assert languages == ["da", "en"], concept
        assert set(graph.objects(concept, SKOS.inScheme)) == schemes


def test_concepts_lists_the_matchable_leaves(taxonomy: Taxonomy) -> None:
    concepts = {c[0]: c for c in taxonomy.concepts()}
    assert len(concepts) == 21
    assert concepts["theme:health-data"] == (
        "theme:health-data",
        "Sundhedsdata og infrastruktur",
        "Health data and infrastructure",
    )
    assert "theme:data" not in concepts  # a group, matched through its narrower concepts


@pytest.mark.parametrize(
    ("text", "language", "concept"),
    [
        ("bedre brug af sundhedsdata", "da", "theme:health-data"),
        ("udnyttelse af (valideret) forskningsdata", "da", "theme:health-data"),
        ("genetiske data skal kunne tilgås", "da", "theme:data-access"),
        ("lovmæssige udfordringer", "da", "theme:legislation"),
        ("samtykkeblanketten revurderes", "da", "theme:consent"),
        ("et nyt dansk referencegenom", "da", "theme:reference-genome"),
        ("inden for farmako-genetik", "da", "theme:pharmacogenomics"),
        ("relevante ”use-cases”", "da", "theme:pharmacogenomics"),
        ("mere follow-up forskning", "da", "theme:research"),
        ("uanset bopæl", "da", "theme:equal-access"),
        ("helgenomsekventering i klinikken", "da", "theme:clinical-implementation"),
        ("WGS i sundhedsvæsenet", "da", "theme:clinical-implementation"),
        ("Sjeldne sykdommer og kreftbehandling", "no", "theme:cancer"),
        ("Sharing of data under the GDPR", "en", "theme:legislation"),
        ("machine learning on whole genomes", "en", "theme:ai-analytics"),
    ],
)
def test_keywords_match_word_starts_compounds_and_acronyms(
    taxonomy: Taxonomy, text: str, language: str, concept: str
) -> None:
    assert concept in taxonomy.concepts_for(text, language)


def test_acronyms_and_prefixes_do_not_match_inside_other_words(taxonomy: Taxonomy) -> None:
    assert taxonomy.concepts_for("We aim to maintain the lawn", "en") == []
    assert "theme:ai-analytics" not in taxonomy.concepts_for("the aim of the chair", "en")


def test_danish_keywords_are_not_used_for_english_text(taxonomy: Taxonomy) -> None:
    assert taxonomy.concepts_for("the lov story", "en") == []
    assert taxonomy.concepts_for("Lov om sundhedsdata", "da") == ["theme:health-data", "theme:legislation"]


def test_label_falls_back_to_english_then_id(taxonomy: Taxonomy) -> None:
    assert taxonomy.label("theme:cancer") == "Kræft"
    assert taxonomy.label("theme:cancer", "en") == "Cancer"
    assert taxonomy.label("theme:cancer", "sv") == "Cancer"
    assert taxonomy.label("theme:unknown") == "theme:unknown"


def test_a_broken_taxonomy_file_is_a_one_line_error(tmp_path: Path) -> None:
    broken = tmp_path / "themes.ttl"
    broken.write_text(
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n<a> skos:prefLabel", encoding="utf-8"
    )
    with pytest.raises(PmkgError, match="cannot read the theme taxonomy"):
        Taxonomy.load(broken)
