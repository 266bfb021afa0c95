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
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    links = "|".join(re.escape(w) for w in phrases("affiliation_words"))
    pattern = re.compile(
        rf"(?:[ \t]+(?i:{links})[ \t]+(?:(?i:the)[ \t]+)?(?P<linked>{alternation})(?![\w-])"
        rf"|[ \t]*(?P<open>[,(])[ \t]*(?P<set>{alternation})[ \t]*(?P<close>[,)]))"
    )
    named = [(ref.person, ref.span[1]) for ref in references if ref.person]
    named += [(person, m.span[1]) for m in mentioned if (person := index.find(m.name))]
    found = []
    for person, end in named:
        m = pattern.match(text, end)
        if m is None or m["set"] and (m["open"] == "(") != (m["close"] == ")"):
            continue
        group = "linked" if m["linked"] else "set"
        found.append(WrittenAffiliation(person, names[m[group]], m.span(group)))
    return found
