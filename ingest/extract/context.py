"""What the extraction rules may read of a document: a small frozen view, not the parser's objects.

The rules see the normalised text, its language, the agenda items (number, title, where each item's
minutes stand), the attendance blocks to leave alone, the people declared in the minutes, and the
meeting's ids and body. ``pipeline.extraction_context`` builds it from whatever the parser produces, so
a new parser changes that one adapter, never a rule. Spans are offsets in ``text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from pmkg.model.record import Organization

Span = tuple[int, int]


class People(Protocol):
    """The people of the minutes, as the rules may ask about them."""

    def find(self, name: str) -> str | None:
        """The person id a name (full, or a short form the minutes use) stands for, if exactly one."""
        ...

    def find_in_text(self, text: str) -> list[tuple[str, Span]]:
        """Every place in ``text`` where a declared person is named, with their id."""
        ...


class NoPeople:
    """Minutes that declare nobody (a text without an attendance list, a heading)."""

    def find(self, name: str) -> str | None:
        return None

    def find_in_text(self, text: str) -> list[tuple[str, Span]]:
        return []


@dataclass(frozen=True)
class Item:
    """One agenda item: its number, title, the span of its heading and of its minutes text."""

    number: str
    title: str
    span: Span
    text_span: Span | None = None


@dataclass(frozen=True)
class Context:
    """One document as the rules see it."""

    text: str  # the normalised text every span points into
    language: str  # "da", "en", "no", "sv" or "und"
    meeting_id: str = "meeting:m"
    doc_key: str = "k"  # the short key fact ids are made of ("agreement:<doc_key>-1")
    date: str | None = None  # the meeting's date (ISO), for dates written without a year
    body: Organization | None = None  # the body that met ("Bestyrelsen", "the partnership", "we")
    items: tuple[Item, ...] = ()
    header: tuple[int, ...] = ()  # where the title, body and date lines end: sentence boundaries
    skip: tuple[Span, ...] = ()  # attendance blocks: names there are people, not organisations
    names: tuple[str, ...] = ()  # the names the minutes declare (attendees, presenters, mentioned)
    people: People = field(default_factory=NoPeople)

    def item_at(self, offset: int) -> str | None:
        """The number of the agenda item whose minutes hold ``offset``."""
        for item in self.items:
            if item.text_span and item.text_span[0] <= offset < item.text_span[1]:
                return item.number
        return None
