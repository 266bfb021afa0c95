"""Discussion points and their themes: each bullet of an item's minutes (or, in minutes without
bullets, each agenda item) linked to the concepts of the theme taxonomy it speaks of."""

from __future__ import annotations

import re

from pmkg.ingest.extract.context import Span
from pmkg.ingest.extract.reading import Reading, provenance
from pmkg.ingest.extract.registry import rule
from pmkg.ingest.extract.words import BULLET
from pmkg.ingest.themes import Taxonomy
from pmkg.model.record import Theme


@rule("themes.bullet", "themes.agenda_item")
def themes(reading: Reading) -> None:
    """One point per bullet of the minutes; minutes without bullets give one point per agenda item
    whose title and text concern a theme (procedural items such as "Velkommen" concern none); each linked
    to the concepts of the SKOS taxonomy (``knowledge/themes.ttl``) whose words it uses."""
    context = reading.context
    text, taxonomy, language, doc_key = context.text, Taxonomy.load(), context.language, context.doc_key
    regions = [item.text_span for item in context.items if item.text_span] or [(0, len(text))]
    points = [
        (start, end, _label(" ".join(text[start:end].split())), context.item_at(start))
        for start, end in _bullet_spans(text, sorted(set(regions)))
    ]
    from_items = not points
    if from_items:
        points = [
            (item.text_span[0], item.text_span[1], item.title, item.number)
            for item in context.items
            if item.text_span and text[item.text_span[0] : item.text_span[1]].strip()
        ]
    themes = []
    for start, end, label, item_number in points:
        body = " ".join(text[start:end].split())
        concepts = taxonomy.concepts_for(f"{label}\n{body}", language)
        rule_name = "themes.agenda_item" if from_items else "themes.bullet"
        if from_items and not concepts:
            continue  # an agenda item about no theme
        themes.append(
            Theme(
                id=f"point:{doc_key}-{len(themes) + 1}",
                label=label,
                text=body,
                concepts=concepts,
                meeting=context.meeting_id,
                agenda_item=item_number,
                provenance=provenance(text, start, end, rule_name),
            )
        )
    reading.content.themes = themes


def _bullet_spans(text: str, regions: list[Span]) -> list[Span]:
    """Each bullet's text: from its marker to the next bullet or a paragraph that starts a new sentence."""
    spans = []
    for region_start, region_end in regions:
        starts = [m for m in re.finditer(rf"(?m)^[ \t]*{BULLET}[ \t]+", text[region_start:region_end])]
        for index, m in enumerate(starts):
            start = region_start + m.end()
            limit = region_start + starts[index + 1].start() if index + 1 < len(starts) else region_end
            paragraph = re.compile(r"[.!?][\"”’)]*[ \t]*\n\s*(?=[A-ZÆØÅÄÖÜ])").search(text, start, limit)
            end = paragraph.start() + 1 if paragraph else limit
            body = text[start:end].rstrip()
            if len(body.split()) >= 5:
                spans.append((start, start + len(body)))
    return spans


def _label(body: str) -> str:
    words = body.split()
    first = " ".join(words[:8])
    return first if len(words) <= 8 else first.rstrip(",.;:") + " …"
