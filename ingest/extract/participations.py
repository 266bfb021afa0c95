"""Participations: an organisation takes part in an initiative ("NGC deltager i 1+MG", "Sweden and
Norway participate in GDI"), with the words of ``knowledge/content.yaml`` (``participation``,
``participation_adverbs``, ``negations``, ``list_words``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pmkg import knowledge
from pmkg.ingest.extract.entities import Hit
from pmkg.ingest.extract.names import initiative_noun
from pmkg.ingest.extract.reading import Reading, provenance
from pmkg.ingest.extract.registry import rule
from pmkg.ingest.extract.sentences import Sentence, trailing_list
from pmkg.ingest.extract.words import CLAUSE_REACH, common, phrase_re, phrases
from pmkg.model.record import Participation
from pmkg.text import fold

_LIST_TOKEN = re.compile(r"-?[^\W\d_]+")


@dataclass(frozen=True)
class _Words:
    participation: re.Pattern[str]
    negation: re.Pattern[str]


@cache
def _words() -> _Words:
    data = knowledge.load("content.yaml")
    adverbs = phrases(data["participation_adverbs"])
    return _Words(
        participation=phrase_re(data["participation"], rf"\s+(?:(?:{adverbs})\s+)*"),
        negation=re.compile(rf"(?<!\w)(?:{phrases(data['negations'])})\s*$"),
    )


@rule("participations.cue")
def participations(reading: Reading) -> None:
    """An organisation (or a joined list of them: "Sverige og Norge deltar i") before a participation cue
    takes part in every initiative listed after it ("deltager i GoE og i B1MG"); a negation right before
    the cue ("does not participate in") gives none, and a sentence without an organisation of its own
    speaks of the one it is about."""
    seen: set[tuple[str, str]] = set()
    for sentence, subject in zip(reading.sentences, reading.subjects, strict=True):
        reading.content.participations += _in_sentence(reading.text, sentence, subject, seen)


def _in_sentence(
    text: str, sentence: Sentence, subject: str | None, seen: set[tuple[str, str]]
) -> list[Participation]:
    vocab = _words()
    folded = sentence.folded
    result = []
    for m in vocab.participation.finditer(folded):
        if vocab.negation.search(folded, max(0, m.start() - 20), m.start()):
            continue  # "does not participate in"
        before = sentence.orgs(m.start() - CLAUSE_REACH, m.start())  # or a country ("Norge deltar i 1+MG")
        actors = trailing_list(sentence, before)  # "Sweden and Norway participate in"
        limit = min(m.end() + CLAUSE_REACH, len(folded))
        end = common().list_end.search(folded, m.end(), limit)  # "..., der ligger forud for EHDS" stops
        stop = end.start() if end else limit
        targets = _listed(sentence, [h for h in sentence.named(m.end(), stop) if h.kind == "initiative"])
        named = [(a.entity, a.start) for a in actors] or [(subject, sentence.start + m.start())]
        for (actor, start), target in ((a, t) for a in named for t in targets):
            if actor and (actor, target.entity) not in seen:
                seen.add((actor, target.entity))
                result.append(
                    Participation(
                        actor, target.entity, provenance(text, start, target.end, "participations.cue")
                    )
                )
    return result


def _listed(sentence: Sentence, targets: list[Hit]) -> list[Hit]:
    """The first target and those listed after it: only list words, articles, initiative words and
    compound tails stand between them ("i GDI-prosjektet og i B1MG"); "deltager i GoE og modtager
    EU4Health-midler" lists GoE only."""
    shared = common()
    words = shared.connectors | shared.articles | shared.list_words
    kept = targets[:1]
    for target in targets[1:]:
        gap = fold(sentence.text[kept[-1].end - sentence.start : target.start - sentence.start])
        for token in _LIST_TOKEN.findall(gap):
            if not (token.startswith("-") or token in words or initiative_noun(token)):
                return kept
        kept.append(target)
    return kept
