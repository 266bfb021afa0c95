"""The people of one document: who is declared, and every reference to them by name, short form or post.

This is the stage after parsing: the index is built from the declared people (attendees first, as
they carry the fullest names, then presenters, then people the text introduces), then the text is
read once for references to them and once for posts named instead of names ("The Chair").
"""

from __future__ import annotations

from dataclasses import dataclass

from pmkg.ingest.parse.minutes import NameMention, ParsedMinutes, Span
from pmkg.ingest.people.index import PeopleIndex, Reference
from pmkg.ingest.people.posts import named_posts, role_holders, role_references
from pmkg.ingest.people.presenting import presenters


@dataclass(frozen=True)
class People:
    """The people of one document and where the text refers to them."""

    index: PeopleIndex
    references: list[Reference]  # by name or short form; one that fits several people is unresolved
    posts: list[tuple[str, Span]]  # person id, and the span of the post that meant them
    presenters: list[tuple[str, Span]]  # person id, and the span from them to their presenting verb
    named_posts: list[tuple[str, str, Span]]  # person id, role, span: "Formanden (Henrik Dalsgaard)"


def declared_people(parsed: ParsedMinutes) -> list[NameMention]:
    """Attendees first (they carry the fullest names), then presenters, then people mentioned."""
    presenters = [m for item in parsed.agenda for m in item.presenters]
    # the fullest names first, so "Pieter Van der Veken" gives the id that "Van der Veken" then joins
    mentioned = sorted(parsed.mentioned, key=lambda m: -len(m.name.split()))
    return [*parsed.attendance, *presenters, *mentioned]


def resolve_people(parsed: ParsedMinutes, text: str, *, not_initials: frozenset[str]) -> People:
    """Index the declared people, then find every reference to them in ``text``."""
    index = PeopleIndex()
    for mention in declared_people(parsed):
        index.add(mention)
    declared = [m.span for m in declared_people(parsed)]
    references = index.references(text, not_initials=not_initials, skip=declared)
    posts = role_references(text, role_holders(parsed, index, text), (m.span for m in parsed.attendance))
    named = [(ref.person, ref.span) for ref in references if ref.person]
    entries = [m.span for m in parsed.attendance]
    return People(
        index, references, posts, presenters(text, named + posts), named_posts(text, index, entries)
    )
