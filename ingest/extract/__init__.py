"""Extraction of content: the organisations, initiatives and facts one document's minutes state.

``extract(context)`` runs every registered rule (:mod:`.registry`) in order over a
:class:`~.context.Context`: first the entity rules (:mod:`.organisations`: the gazetteer, the body that
met, ``Long Name (ACR)``, names with an organisation or initiative word, counterparties, self
references), then, over the document's sentences (:mod:`.sentences`), participations, agreements,
funding, figures, next meetings and deadlines, and last the discussion points and their themes. Each
fact's provenance names the rule that found it. Every word the rules use is in ``knowledge/``
(docs/knowledge.md).
"""

from __future__ import annotations

from importlib import import_module

from pmkg.ingest.extract.context import Context, Item, NoPeople, People
from pmkg.ingest.extract.entities import Entities
from pmkg.ingest.extract.reading import Content, Reading
from pmkg.ingest.extract.registry import describe, rules
from pmkg.ingest.extract.sentences import Dating, sentences, subjects
from pmkg.ingest.text.dates import find_dates, infer_year
from pmkg.model.record import Mention, Organization, Provenance

# The rule modules, in the order their rules run: importing one registers its rules. Funding runs
# before figures (a grant's sum is no figure), everything after the entity rules of organisations.
RULE_MODULES = (
    "organisations",
    "acronyms",
    "named",
    "initiatives",
    "plans",
    "parties",
    "participations",
    "agreements",
    "funding",
    "figures",
    "deadlines",
    "themes",
)
for _module in RULE_MODULES:
    import_module(f"{__name__}.{_module}")

__all__ = ["Content", "Context", "Item", "NoPeople", "People", "describe", "extract", "organisations_named"]


def extract(context: Context) -> Content:
    """Everything the registered rules find in the normalised text of one document."""
    reading = Reading(context, Entities(context.text))
    for each in rules("entities"):
        each.function(reading)
    entities = reading.entities
    entities.hits.sort(key=lambda h: h.start)
    all_dates = find_dates(context.text)
    reading.sentences = sentences(context, entities.folded, entities.hits, all_dates)
    reading.subjects = subjects(reading.sentences)
    year = int(context.date[:4]) if context.date else infer_year(all_dates)
    reading.dating = Dating(year, int(context.date[5:7]) if context.date else None)
    for each in rules("relations"):
        each.function(reading)
    content = reading.content
    for key, record in entities.records.items():
        target = content.initiatives if entities.kinds[key] == "initiative" else content.organizations
        target.append(record)  # type: ignore[arg-type]
        in_text_order = sorted(
            record.provenance, key=lambda p: (p.start, p.end)
        )  # as the rules ran, it varied
        content.mentions.append(
            Mention(key, [Provenance(p.quote, p.start, p.end, p.rule) for p in in_text_order])
        )
    return content


def organisations_named(text: str) -> list[Organization]:
    """The organisations (not countries) a text names, in the order they are first named; for the
    heading of minutes, which names the organisation a generic body ("Bestyrelsen") belongs to."""
    reading = Reading(Context(text=text, language="und"), Entities(text))
    for each in rules("entities"):
        each.function(reading)
    found = reading.entities
    found.hits.sort(key=lambda h: h.start)
    first = dict.fromkeys(h.entity for h in found.hits if h.kind == "organization")
    return [record for key in first if isinstance(record := found.records[key], Organization)]
