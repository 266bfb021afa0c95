"""The names of the theme taxonomy's concepts (``knowledge/themes.ttl``), as ``Theme`` nodes carry them.

A record names concepts by id (``theme:data-sharing``); the graph's ``Theme`` nodes carry their Danish
and English labels. Which concepts a text is about is extraction's business (``ingest.themes``).
"""

from __future__ import annotations

from functools import cache

import rdflib
from rdflib.namespace import SKOS

from pmkg import knowledge


@cache
def _labels() -> dict[str, dict[str, str]]:
    """concept id -> language -> preferred label."""
    graph = rdflib.Graph().parse(knowledge.path("themes.ttl"), format="turtle")
    return {
        "theme:" + str(iri).rstrip("/").rsplit("/", 1)[-1]: {
            label.language or "": str(label) for label in graph.objects(iri, SKOS.prefLabel)
        }
        for iri in set(graph.subjects(SKOS.inScheme, None))
    }


def concept_labels(concept: str) -> tuple[str, str]:
    """(Danish label, English label) of a concept: English when Danish is missing, its id when both are."""
    labels = _labels().get(concept, {})
    english = labels.get("en") or concept
    return labels.get("da") or english, english
