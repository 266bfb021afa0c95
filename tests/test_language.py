"""Language detection from stop words: the corpus, Norwegian and Swedish minutes, too-short text."""

from __future__ import annotations

import pytest

from pmkg.ingest.text.language import detect_language, language_knowledge, language_scores
from pmkg.ingest.text.normalise import normalise
from tests.documents import corpus_text

NORWEGIAN = (
    "Referat fra styremøte i Helse Sør-Øst. Til stede: Kari Nordmann, Ola Hansen. Forfall: Per Olsen. "
    "Sak 1: Godkjenning av innkalling og dagsorden. Styret ble orientert om status for arbeidet med "
    "persontilpasset medisin, og det ble diskutert hvordan data kan deles mellom sykehusene. "
    "Neste møte blir holdt etter sommeren."
)
SWEDISH = (
    "Protokoll från styrelsemöte i Genomic Medicine Sweden. Närvarande: Anna Svensson, Erik Johansson. "
    "Frånvarande: Lars Nilsson. Ordföranden hälsade alla välkomna och mötet förklarades öppnat. "
    "Styrelsen diskuterade hur data kan delas mellan regionerna och att arbetet ska fortsätta under hösten."
)
DANISH = (
    "Referat fra bestyrelsesmøde. Til stede: Anders Beich, Lise Dyhr. Afbud: Jette Kristensen. "
    "Bestyrelsen drøftede, hvordan data kan deles mellem regionerne, og det blev besluttet at arbejdet "
    "skal fortsætte efter sommerferien."
)


@pytest.mark.parametrize(
    ("name", "language"),
    [
        ("ngc-advisory-board-5.txt", "da"),
        ("region-nord-farmakogenetik-arbejdsgruppe-2023-09-20.txt", "da"),
        ("npoc-scientific-advisory-board-2024-06-11.txt", "en"),
        ("helse-vest-styringsgruppe-presisjonsmedisin-2024-09-24.txt", "no"),
        ("gms-styrgrupp-2023-06-14.txt", "sv"),
    ],
)
def test_corpus_languages(name: str, language: str) -> None:
    assert detect_language(normalise(corpus_text(name)).text) == language


@pytest.mark.parametrize(("text", "language"), [(NORWEGIAN, "no"), (SWEDISH, "sv"), (DANISH, "da")])
def test_scandinavian_minutes_are_told_apart(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_danish_and_norwegian_differ_by_their_own_words() -> None:
    danish, norwegian = language_scores("blev af efter nogen"), language_scores("ble av etter noen")
    assert danish["da"] > danish.get("no", 0) and norwegian["no"] > norwegian.get("da", 0)


@pytest.mark.parametrize(
    "text", ["", "Søren Brunak", "14.505 genomer", "Deltagere: Søren Brunak, Bettina Lundgren"]
)
def test_too_little_evidence_is_undetermined(text: str) -> None:
    assert detect_language(text) == "und"


def test_knowledge_lists_are_strings() -> None:
    """YAML reads a bare `no` or `on` as a boolean; every list entry must stay a word."""
    for language in language_knowledge()["languages"].values():
        for key, words in language.items():
            if isinstance(words, list):
                assert all(isinstance(w, str) and w for w in words), key
