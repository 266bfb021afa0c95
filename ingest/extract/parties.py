"""The other parties of agreements, and the words that stand for the body that met: the last entity rules.

The proper name right after "samarbejde med", "MoU with" is an organisation even without an organisation
word ("FinnGen"); "the partnership", "Foreningen", "we" stand for the body that met wherever no name
stands, so the relation rules find it there.
"""

from __future__ import annotations

import re
from functools import cache

from pmkg import knowledge
from pmkg.ingest.extract.names import CAPWORD, lexicon, trim_name
from pmkg.ingest.extract.reading import Reading
from pmkg.ingest.extract.registry import rule
from pmkg.ingest.extract.words import agreement_words
from pmkg.ingest.gazetteer import Gazetteer, organization_for
from pmkg.ingest.people.posts import reference_re, stands_alone
from pmkg.text import fold

_COUNTERPARTY = re.compile(rf"\s+({CAPWORD}(?:[ \t]+{CAPWORD}){{0,4}})")


@cache
def _self_reference() -> re.Pattern[str]:
    return reference_re(knowledge.load("content.yaml")["self_references"])


@rule("organisations.counterparty", stage="entities")
def counterparties(reading: Reading) -> None:
    """The proper name right after "samarbejde med", "MoU with" is an organisation ("FinnGen"),
    unless it is a person (declared in the minutes, or starting with a known given name)."""
    text, found, gazetteer, people = reading.text, reading.entities, Gazetteer.load(), reading.context.people
    vocab, cues = lexicon(), agreement_words()
    folded = found.folded
    for cue in cues.agreement.finditer(folded):
        if cue["noun"]:
            party = cues.party_after.match(folded, cue.end())
        else:
            party = cues.party_words.match(folded, cue.end() - len(cue.group().split()[-1]))
        name = _COUNTERPARTY.match(text, party.end()) if party else None
        if not name or found.taken(*name.span(1)):
            continue
        words = trim_name(name.group(1).split())
        if not words or any(fold(w) in vocab.month_numbers for w in words):
            continue
        written = " ".join(words)
        if people.find(written) or fold(words[0]) in vocab.given:
            continue
        span = (name.start(1), name.start(1) + len(written))
        found.add(organization_for(written, gazetteer), "organization", span, "organisations.counterparty")


@rule("organisations.self_reference", stage="entities")
def self_references(reading: Reading) -> None:
    """Words for the body that met ("the partnership", "Foreningen", "we", "vi"): the body, where
    they stand alone (see :func:`ingest.people.posts.stands_alone`) and no name stands; such a word is no
    mention of the body, only a place where the relation rules find it."""
    text, body, found = reading.text, reading.context.body, reading.entities
    if body is None:
        return
    for m in _self_reference().finditer(found.folded):
        written = text[m.start() : m.end()]
        if written.isupper() and len(written) <= 3:
            continue  # an acronym: "the US", "OS", "Part VI"
        if not found.taken(*m.span()) and stands_alone(text, m.end()):
            found.refer(body.id, m.span())
