"""Funding: who funds whom and what ("Novo Nordisk Fonden har bevilget 3,5 mio. kr. til ...", "funded by
EU4Health", "NGC har modtaget en bevilling fra Lundbeckfonden"), with the words of ``funding`` in
``knowledge/content.yaml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pmkg import knowledge
from pmkg.ingest.extract.context import Span
from pmkg.ingest.extract.entities import Hit
from pmkg.ingest.extract.money import money_words, sum_end
from pmkg.ingest.extract.reading import Reading, provenance
from pmkg.ingest.extract.registry import rule
from pmkg.ingest.extract.sentences import Sentence
from pmkg.ingest.extract.words import CLAUSE_REACH, clause_end, folded_set, phrase_re, phrases
from pmkg.model.record import Funding


@dataclass(frozen=True)
class _Words:
    funder_before: re.Pattern[str]
    funder_after: re.Pattern[str]
    receiver_before: re.Pattern[str]
    funder_source: re.Pattern[str]
    funding_noun: re.Pattern[str]
    funding_types: frozenset[str]
    purpose_words: frozenset[str]
    condition: re.Pattern[str]
    condition_opener: re.Pattern[str]


@cache
def _words() -> _Words:
    funding = knowledge.load("content.yaml")["funding"]
    return _Words(
        funder_before=phrase_re(funding["funder_before_cue"]),
        funder_after=phrase_re(funding["funder_after_cue"]),
        receiver_before=phrase_re(funding["receiver_before_cue"]),
        funder_source=phrase_re(funding["source_words"]),
        funding_types=frozenset(funding["funder_types"]),
        funding_noun=re.compile(rf"-(?:{phrases(funding['funding_nouns'])})(?!\w)"),
        purpose_words=folded_set(funding["purpose_words"]),
        condition=phrase_re(funding["condition_cues"]),
        condition_opener=re.compile(rf",?\s+(?:{phrases(funding['condition_openers'])})\s+"),
    )


@dataclass(frozen=True)
class _Grant:
    """Where a funding is said: its cue (offsets in the sentence), the funder, and the recipient
    when the wording names it ("NGC har modtaget en bevilling fra X": NGC)."""

    start: int
    end: int
    funder: Hit
    receiver: Hit | None = None


def _grants(sentence: Sentence, folded: str, may_fund: frozenset[str]) -> list[_Grant]:
    """The funding cues of a sentence and their funders: organisations, and the funding programmes in
    ``may_fund`` ("funded by EU4Health", "EU4Health-midler"). A cue inside the condition of a grant
    ("..., at regionen selv finansierer driften") is part of that grant, and the noun after a receiving
    verb ("har modtaget en bevilling fra X") names no funder before it."""
    vocab = _words()

    def able(hits: list[Hit]) -> list[Hit]:
        return [h for h in hits if h.kind != "initiative" or h.entity in may_fund]

    condition = _condition_start(folded)
    grants: list[_Grant] = []
    received: list[Span] = []  # the clauses after a receiving verb
    for cue in vocab.receiver_before.finditer(folded):
        stop = clause_end(folded, cue.end())
        received.append((cue.end(), stop))
        source = vocab.funder_source.search(folded, cue.end(), stop)
        funder = able(sentence.named(source.end(), source.end() + 60))[:1] if source else []
        receiver = sentence.orgs(cue.start() - 80, cue.start())[-1:]
        if funder:
            grants.append(_Grant(cue.start(), cue.end(), funder[0], receiver[0] if receiver else None))
    for cue in vocab.funder_before.finditer(folded):
        if condition is not None and cue.start() >= condition:
            continue
        if any(start <= cue.start() < stop for start, stop in received):
            continue
        candidates = able(sentence.named(cue.start() - 80, cue.start()))
        source = vocab.funder_source.search(folded, cue.end(), clause_end(folded, cue.end()))
        if not candidates and source:  # "en bevilling på 5 mio. kr. fra Lundbeckfonden"
            candidates = able(sentence.named(source.end(), source.end() + 60))[:1]
        if candidates:
            grants.append(_Grant(cue.start(), cue.end(), candidates[-1]))
    for cue in vocab.funder_after.finditer(folded):
        candidates = able(sentence.named(cue.end(), cue.end() + 60))
        if candidates:
            grants.append(_Grant(cue.start(), cue.end(), candidates[0]))
    for hit in able(sentence.hits):
        noun = vocab.funding_noun.match(folded, hit.end - sentence.start)
        if noun:
            grants.append(_Grant(hit.start - sentence.start, noun.end(), hit))
    return sorted(grants, key=lambda g: g.start)


@rule("funding.cue")
def fundings(reading: Reading) -> None:
    """A funder next to a funding cue ("Novo Nordisk Fondens donation", "funded by X", "EU4Health-midler",
    "har modtaget en bevilling fra X"), the recipient, the purpose after "til"/"to", the condition and
    the sum; a sum that is a grant's amount is not also a figure (``reading.paid``)."""
    may_fund = frozenset(
        key for key, record in reading.entities.records.items() if record.type in _words().funding_types
    )
    for index, (sentence, subject) in enumerate(zip(reading.sentences, reading.subjects, strict=True)):
        found = _in_sentence(reading.text, sentence, subject, may_fund)
        reading.content.fundings += [funding for funding, _ in found]
        reading.paid[index] = [span for funding, span in found if span and funding.recipient]


def _in_sentence(
    text: str, sentence: Sentence, subject: str | None, may_fund: frozenset[str]
) -> list[tuple[Funding, Span | None]]:
    """Who funds whom and what, once per funder and sentence, each with the span (in the sentence) of
    the sum that is its amount."""
    folded = sentence.folded
    condition = _condition_start(folded)
    sums = list(money_words().money.finditer(sentence.text))
    result: list[tuple[Funding, Span | None]] = []
    funders: set[str] = set()
    for grant in _grants(sentence, folded, may_fund):
        funder = grant.funder
        if funder.entity in funders:
            continue
        funders.add(funder.entity)
        purpose, purpose_span = _purpose(sentence.text, folded, max(grant.end, funder.end - sentence.start))
        if grant.receiver:
            recipient: str | None = grant.receiver.entity
        elif purpose_span:
            inside = sentence.named(*purpose_span)
            recipient = inside[0].entity if inside else None
        else:  # not what the condition names ("..., on condition that the data are deposited in EGA")
            reach = min(grant.end + CLAUSE_REACH, condition or len(folded))
            nearby = sentence.named(grant.start - CLAUSE_REACH, reach)
            others = [h.entity for h in nearby if h.entity != funder.entity]
            recipient = others[0] if others else (subject if subject != funder.entity else None)
        money = _sum_of(sums, grant.start)
        amount = " ".join(sentence.text[money.start() : sum_end(money)].split()) if money else None
        funding = Funding(
            funder=funder.entity,
            recipient=recipient,
            purpose=purpose,
            condition=_condition(sentence.text, folded),
            amount=amount,
            provenance=provenance(text, sentence.start, sentence.end, "funding.cue"),
        )
        result.append((funding, money.span() if money else None))
    return result


def _sum_of(sums: list[re.Match[str]], cue: int) -> re.Match[str] | None:
    """The sum a grant is of: the first after its cue ("bevilget 3,5 mio. kr.", "funded ... with
    £2.5m"), else the last before it ("a £2m grant from X")."""
    after = [m for m in sums if m.start() >= cue]
    before = [m for m in sums if m.start() < cue]
    return after[0] if after else (before[-1] if before else None)


def _purpose(sentence: str, folded: str, offset: int) -> tuple[str | None, Span | None]:
    """``... midler til <purpose>``: the clause after a purpose word right after the cue."""
    offset = re.compile(r"\s*").match(folded, offset).end()  # type: ignore[union-attr]
    amount = money_words().money.match(folded, offset)
    m = re.compile(r"\s*(\w+)\s+").match(folded, amount.end() if amount else offset)
    if not m or m.group(1) not in _words().purpose_words:
        return None, None
    stop = clause_end(folded, m.end())
    comma = folded.find(",", m.end(), stop)
    stop = comma if comma >= 0 else stop
    purpose = " ".join(sentence[m.end() : stop].split())
    return (purpose, (m.end(), stop)) if purpose else (None, None)


def _condition_start(folded: str) -> int | None:
    """Where the condition of a grant starts: after the opener that follows the cue
    (``en præmis for ..., at <condition>``), else right after the cue."""
    vocab = _words()
    cue = vocab.condition.search(folded)
    if not cue:
        return None
    opener = vocab.condition_opener.search(folded, cue.start())
    return opener.end() if opener else cue.end()


def _condition(sentence: str, folded: str) -> str | None:
    """The condition clause of a sentence, to its end."""
    start = _condition_start(folded)
    condition = None if start is None else " ".join(sentence[start:].split()).rstrip(" .")
    return condition or None
