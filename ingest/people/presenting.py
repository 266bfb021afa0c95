"""Who presented: a person, or a post meaning one, as the subject of a presenting verb.

"Charlotte Bisgaard Lauridsen præsenterede et oplæg", "Kassereren gennemgik regnskabet", "Prof.
Raghunathan and Dr. Okonkwo-Bello presented a joint paper", "Rapporten ble lagt fram av Thomas". The
verbs are in ``knowledge/presenting.yaml``; a question or a comment makes nobody a presenter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from pmkg.ingest.parse.minutes import Span
from pmkg.ingest.vocabulary import vocabulary
from pmkg.knowledge import load

_APPOSITION = r"(?:\s*\([^()\n]{1,80}\)|\s*,[^,.\n]{1,60},)?"  # "(Sundhedsdatastyrelsen)", ", NGC,"
_AND = r"\s+(?:og|and|och|&)\s+"


@dataclass(frozen=True)
class _Patterns:
    after: re.Pattern[str]  # matched right after a person: apposition, adverbs, the verb
    before: re.Pattern[str]  # matched right before a person: "presented by "
    partner: re.Pattern[str]  # between two people presenting together: " and Dr. "


@cache
def _patterns() -> _Patterns:
    data = load("presenting.yaml").values()

    def alternation(key: str) -> str:
        words = {w for language in data for w in language[key]}
        return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))

    adverbs, chairing = alternation("adverbs"), alternation("chairing")
    return _Patterns(
        after=re.compile(
            rf"{_APPOSITION}(?:\s+(?:{adverbs}))*\s+(?:{alternation('after')})(?!\w)(?!\s+(?:{chairing})(?!\w))",
            re.I,
        ),
        before=re.compile(rf"(?<!\w)(?:{alternation('before')})\s*(?::\s*)?$", re.I),
        partner=re.compile(rf"{_AND}(?:(?:{_titles()})\.?\s+)*", re.I),
    )


def _titles() -> str:
    return "|".join(re.escape(t) for t in sorted(vocabulary()["titles"], key=len, reverse=True))


def presenters(text: str, subjects: Iterable[tuple[str, Span]]) -> list[tuple[str, Span]]:
    """The people who present, from the references to people and posts in ``text`` (person id and the
    span naming them), each with the span from the person to the end of the verb."""
    named = sorted(subjects, key=lambda found: found[1])
    patterns = _patterns()
    found: list[tuple[str, Span]] = []
    for i, (person, (start, end)) in enumerate(named):
        verb = patterns.after.match(text, end)
        partner = i + 1 < len(named) and patterns.partner.fullmatch(text, end, named[i + 1][1][0])
        if verb is None and partner:  # "A and B presented": B's verb makes A a presenter too
            verb = patterns.after.match(text, named[i + 1][1][1])
        if verb is not None:
            found.append((person, (start, verb.end())))
        elif patterns.before.search(text, max(0, start - 40), start):
            found.append((person, (start, end)))
    return found
