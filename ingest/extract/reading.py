"""One document being read by the rules: its context, what the entity rules found, its sentences,
and the content the relation rules add to."""

from __future__ import annotations

from dataclasses import dataclass, field

from pmkg.ingest.extract.context import Context, Span
from pmkg.ingest.extract.entities import Entities
from pmkg.ingest.extract.sentences import Dating, Sentence
from pmkg.model.record import (
    Agreement,
    Deadline,
    Fact,
    Funding,
    Initiative,
    Mention,
    Organization,
    Participation,
    Provenance,
    Theme,
)


@dataclass
class Content:
    """The content of one document, in record types (spans in the normalised text)."""

    organizations: list[Organization] = field(default_factory=list)
    initiatives: list[Initiative] = field(default_factory=list)
    participations: list[Participation] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    fundings: list[Funding] = field(default_factory=list)
    themes: list[Theme] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Reading:
    """The state the rules share while reading one document."""

    context: Context
    entities: Entities
    content: Content = field(default_factory=Content)
    dating: Dating = field(default_factory=lambda: Dating(None, None))  # for dates without a year
    sentences: list[Sentence] = field(default_factory=list)  # made once the entities are known
    subjects: list[str | None] = field(default_factory=list)  # the organisation each sentence is about
    paid: dict[int, list[Span]] = field(default_factory=dict)  # per sentence: sums that are grants' amounts

    @property
    def text(self) -> str:
        return self.context.text


def provenance(text: str, start: int, end: int, rule: str) -> list[Provenance]:
    """The one provenance of a fact: the quote at ``start:end`` and the rule that found it."""
    return [Provenance(text[start:end], start, end, rule)]
