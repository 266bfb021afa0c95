"""The theme taxonomy (``knowledge/themes.ttl``, SKOS) and which of its concepts a text is about.

Concepts match by their labels and keywords (``skos:prefLabel``, ``skos:altLabel``,
``skos:hiddenLabel``), compiled once into one regular expression per concept. Keywords match at
the start of a word (``genom`` finds ``genomer``), except words of three letters or fewer, which
match whole words with their inflections (``law``, ``laws``, not ``lawn``); a keyword written
``-data`` also matches inside a Danish compound (``sundhedsdata``); a keyword all in capitals or
with capitals after its first letter (``WGS``, ``AI``, ``EU``) is an acronym and must stand as a
whole word in capitals.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import rdflib
from rdflib.namespace import SKOS

from ingest.gazetteer import KNOWLEDGE_DIR, fold
from pmkg.errors import PmkgError

# Which label languages apply to minutes in each language (English terms appear in all of them).
_LANGUAGES = {
    "da": ("da", "en"),
    "no": ("no", "da", "en"),
    "sv": ("sv", "da", "en"),
    "en": ("en",),
}
_ALL = ("da", "no", "sv", "en")
_SHORT_ENDINGS = r"(?:s|e|en|er|es|ene|ens|et|ets)?"


def _keyword_pattern(word: str) -> str:
    """One keyword as a regular expression over folded text (acronyms are matched apart)."""
    inside = word.startswith("-")
    parts = [re.escape(fold(p)) for p in word.lstrip("-").split()]
    body = r"[\s-]+".join(parts)
    if inside:
        return body
    if len(word) <= 3:  # "law", "lov": the word and its inflections, not "lawn"
        return rf"(?<!\w){body}{_SHORT_ENDINGS}(?!\w)"
    return rf"(?<!\w){body}"


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and (word.isupper() or any(c.isupper() for c in word[1:]))


class _Concept:
    def __init__(self, concept_id: str, labels: dict[str, str], words: dict[str, list[str]]) -> None:
        self.id = concept_id
        self.labels = labels
        self.patterns: dict[str, re.Pattern[str] | None] = {}
        self.acronyms: dict[str, re.Pattern[str] | None] = {}
        for language, languages in {**_LANGUAGES, "und": _ALL}.items():
            chosen = [w for lang in languages for w in words.get(lang, [])]
            plain = sorted({_keyword_pattern(w) for w in chosen if not _is_acronym(w)}, key=len, reverse=True)
            acronyms = sorted({re.escape(w) for w in chosen if _is_acronym(w)})
            self.patterns[language] = re.compile("|".join(plain)) if plain else None
            self.acronyms[language] = (
                re.compile(rf"(?<!\w)(?:{'|'.join(acronyms)})(?!\w)") if acronyms else None
            )

    def occurs_in(self, text: str, folded: str, language: str) -> bool:
        plain, acronyms = self.patterns[language], self.acronyms[language]
        return bool((plain and plain.search(folded)) or (acronyms and acronyms.search(text)))


class Taxonomy:
    """The concepts of one SKOS file; the leaves are what texts are matched to."""

    def __init__(self, graph: rdflib.Graph) -> None:
        self._concepts: list[_Concept] = []
        self._labels: dict[str, dict[str, str]] = {}
        for iri in sorted(set(graph.subjects(SKOS.inScheme, None))):
            concept_id = "theme:" + str(iri).rstrip("/").rsplit("/", 1)[-1]
            labels = {lit.language or "": str(lit) for lit in graph.objects(iri, SKOS.prefLabel)}
            self._labels[concept_id] = labels
            if (iri, SKOS.narrower, None) in graph:
                continue  # a group: matched through its narrower concepts
            words: dict[str, list[str]] = {}
            for prop in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel):
                for lit in graph.objects(iri, prop):
                    words.setdefault(lit.language or "en", []).append(str(lit))
            self._concepts.append(_Concept(concept_id, labels, words))

    @classmethod
    def load(cls, path: Path | None = None) -> Taxonomy:
        """The taxonomy of ``knowledge/themes.ttl`` (or ``path``), parsed once per process."""
        return _load(str(path or KNOWLEDGE_DIR / "themes.ttl"))

    def concepts_for(self, text: str, language: str) -> list[str]:
        """Ids of the concepts whose labels or keywords occur in ``text``, in taxonomy order."""
        language = language if language in _LANGUAGES else "und"
        folded = fold(text)
        return [c.id for c in self._concepts if c.occurs_in(text, folded, language)]

    def label(self, concept_id: str, language: str = "da") -> str:
        """The concept's preferred label in ``language`` (else English, else its id)."""
        labels = self._labels.get(concept_id, {})
        return labels.get(language) or labels.get("en") or concept_id

    def concepts(self) -> list[tuple[str, str, str]]:
        """Every concept that texts are matched to, as ``(id, label_da, label_en)``."""
        return [(c.id, self.label(c.id, "da"), self.label(c.id, "en")) for c in self._concepts]


@cache
def _load(path: str) -> Taxonomy:
    graph = rdflib.Graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises many kinds of error on bad Turtle
        raise PmkgError(
            f"{path}: cannot read the theme taxonomy ({exc}); fix the Turtle or restore it"
        ) from exc
    return Taxonomy(graph)
