"""Affiliations written in running text: ``professor Bengt Ahlqvist vid Karolinska Institutet``,
``overlæge Jens Kamp fra Rigshospitalet``, ``Dr. Grace Mensah of the World Health Organization``,
``Kasper Hedegaard, Aalborg Universitetshospital, gennemgik ...``.

A person named in the minutes and, right after the name, a linking word (``knowledge/minutes.yaml``
``affiliation_words``) or a comma or bracket, then the name of an organisation the document names:
that person is of that organisation. Only organisations found elsewhere are matched, so a capitalised
word after ``at`` or ``i`` is never taken for a body.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from pmkg.ingest.parse.minutes import NameMention, Span
from pmkg.ingest.people.index import PeopleIndex, Reference
from pmkg.ingest.vocabulary import phrases
from pmkg.model.record import Organization, Provenance


@dataclass(frozen=True)
class WrittenAffiliation:
    """One person written with their organisation in running text, and where the organisation stands."""

    person: str
    organization: str
    span: Span

    def provenance(self, text: str) -> Provenance:
        """Where the organisation is written, under the rule ``affiliation.prose``."""
        return Provenance(text[self.span[0] : self.span[1]], *self.span, rule="affiliation.prose")


def written_affiliations(
    text: str,
    index: PeopleIndex,
    references: Iterable[Reference],
    mentioned: Iterable[NameMention],
    organizations: Iterable[Organization],
) -> list[WrittenAffiliation]:
    """Each person named in running text (a reference, or the mention that first named them) followed
    at once by a link word (or a comma or bracket closing around it) and a name of one of
    ``organizations``."""
    names = {name: org.id for org in organizations for name in [org.name, *org.aliases] if len(name) > 2}
    if not names:
        return []
    longest_first = sorted(names, key=len, reverse=True)
    named = [(ref.person, ref.span[1]) for ref in references if ref.person]
    named += [(person, m.span[1]) for m in mentioned if (person := index.find(m.name))]
    found = []
    for person, end in named:
        span = _linked(text, end, longest_first) or _set_off(text, end, longest_first)
        if span is not None:
            found.append(WrittenAffiliation(person, names[text[span[0] : span[1]]], span))
    return found


def _linked(text: str, end: int, names: list[str]) -> Span | None:
    """``… vid Karolinska Institutet``: a link word, then a whole organisation name."""
    lead = _link_re().match(text, end)
    if lead is None:
        return None
    at = lead.end()
    for name in names:
        after = at + len(name)
        if text.startswith(name, at) and not _WORD_GOES_ON.match(text, after):
            return at, after
    return None


def _set_off(text: str, end: int, names: list[str]) -> Span | None:
    """``…, Aalborg Universitetshospital, …`` or ``… (Rigshospitalet)``: the name between a comma or
    an opening bracket and its match."""
    lead = _OPEN.match(text, end)
    if lead is None:
        return None
    at = lead.end()
    for name in names:
        close = _CLOSE.match(text, at + len(name)) if text.startswith(name, at) else None
        if close is not None and (lead["open"] == "(") == (close["close"] == ")"):
            return at, at + len(name)
    return None


_WORD_GOES_ON = re.compile(r"[\w-]")
_OPEN = re.compile(r"[ \t]*(?P<open>[,(])[ \t]*")
_CLOSE = re.compile(r"[ \t]*(?P<close>[,)])")


@cache
def _link_re() -> re.Pattern[str]:
    """A link word between a name and an organisation (compiled once: the names differ per document)."""
    links = "|".join(re.escape(w) for w in phrases("affiliation_words"))
    return re.compile(rf"[ \t]+(?i:{links})[ \t]+(?:(?i:the)[ \t]+)?")
