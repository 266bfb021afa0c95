"""The theme taxonomy (``knowledge/themes.ttl``, SKOS) and which of its concepts a text is about.

Concepts match by their labels and keywords (``skos:prefLabel``, ``skos:altLabel``,
``skos:hiddenLabel``), indexed once per language so that matching is one pass over a text's
words (it runs on every discussion point of thousands of documents). Keywords match at
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

from pmkg import knowledge
from pmkg.errors import PmkgError
from pmkg.text import fold

# Which label languages apply to minutes in each language (English terms appear in all of them).
_LANGUAGES = {
    "da": ("da", "en"),
    "no": ("no", "da", "en"),
    "sv": ("sv", "da", "en"),
    "en": ("en",),
}
_ALL = ("da", "no", "sv", "en")
_SHORT_ENDINGS = ("", "s", "e", "en", "er", "es", "ene", "ens", "et", "ets")
_WORD = re.compile(r"\w+")


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and (word.isupper() or any(c.isupper() for c in word[1:]))


class _Matcher:
    """The keywords of one set of languages, indexed so one pass over a text's words finds them all."""

    def __init__(self) -> None:
        self.prefixes: dict[str, list[tuple[str, str]]] = {}  # first two letters -> (word start, concept)
        self.whole: dict[str, set[str]] = {}  # short words and their inflections
        self.inside: dict[str, set[str]] = {}  # compound parts ("-data")
        self.acronyms: dict[str, set[str]] = {}  # matched on the unfolded text
        self.phrases: dict[str, list[tuple[list[str], str]]] = {}  # first word -> (other words, concept)

    def add(self, keyword: str, concept: str) -> None:
        if _is_acronym(keyword):
            self.acronyms.setdefault(keyword, set()).add(concept)
            return
        parts = _WORD.findall(fold(keyword))
        key = " ".join(parts)
        if len(parts) > 1:  # "fælles indgang", "use-case": the last word may be inflected
            self.phrases.setdefault(parts[0], []).append((parts[1:], concept))
        elif keyword.startswith("-"):
            self.inside.setdefault(key, set()).add(concept)
        elif len(key) <= 3:  # "law", "lov": the word and its inflections, not "lawn"
            for ending in _SHORT_ENDINGS:
                self.whole.setdefault(key + ending, set()).add(concept)
        elif key:
            self.prefixes.setdefault(key[:2], []).append((key, concept))

    def find(self, text: str) -> set[str]:
        words = _WORD.findall(fold(text))
        found: set[str] = set()
        for word in set(words):
            found.update(self.whole.get(word, ()))
            found.update(c for key, c in self.prefixes.get(word[:2], ()) if word.startswith(key))
            for part, concepts in self.inside.items():
                if part in word:
                    found.update(concepts)
        for index, word in enumerate(words):
            for rest, concept in self.phrases.get(word, ()):
                following = words[index + 1 : index + 1 + len(rest)]
                if (
                    len(following) == len(rest)
                    and following[:-1] == rest[:-1]
                    and following[-1].startswith(rest[-1])
                ):
                    found.add(concept)
        for word in set(_WORD.findall(text)) & self.acronyms.keys():
            found.update(self.acronyms[word])
        return found


class Taxonomy:
    """The concepts of one SKOS file; the leaves are what texts are matched to."""

    def __init__(self, graph: rdflib.Graph) -> None:
        self._ids: list[str] = []
        self._labels: dict[str, dict[str, str]] = {}
        self._matchers = {language: _Matcher() for language in [*_LANGUAGES, "und"]}
        for iri in sorted(set(graph.subjects(SKOS.inScheme, None))):
            concept_id = "theme:" + str(iri).rstrip("/").rsplit("/", 1)[-1]
            self._labels[concept_id] = {
                lit.language or "": str(lit) for lit in graph.objects(iri, SKOS.prefLabel)
            }
            if (iri, SKOS.narrower, None) in graph:
                continue  # a group: matched through its narrower concepts
            self._ids.append(concept_id)
            for prop in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel):
                for lit in graph.objects(iri, prop):
                    for language, matcher in self._matchers.items():
                        if (lit.language or "en") in _LANGUAGES.get(language, _ALL):
                            matcher.add(str(lit), concept_id)

    @classmethod
    def load(cls, path: Path | None = None) -> Taxonomy:
        """The taxonomy of ``knowledge/themes.ttl`` (or ``path``), parsed once per process."""
        return _load(str(path or knowledge.path("themes.ttl")))

    def concepts_for(self, text: str, language: str) -> list[str]:
        """Ids of the concepts whose labels or keywords occur in ``text``, in id order."""
        found = self._matchers[language if language in _LANGUAGES else "und"].find(text)
        return [concept for concept in self._ids if concept in found]

    def label(self, concept_id: str, language: str = "da") -> str:
        """The concept's preferred label in ``language`` (else English, else its id)."""
        labels = self._labels.get(concept_id, {})
        return labels.get(language) or labels.get("en") or concept_id

    def concepts(self) -> list[tuple[str, str, str]]:
        """Every concept that texts are matched to, as ``(id, label_da, label_en)``."""
        return [(c, self.label(c, "da"), self.label(c, "en")) for c in self._ids]


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
