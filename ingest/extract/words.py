"""Words several rules share (connectors, articles, list words, months, clause ends), compiled once.

Every word comes from ``knowledge/`` (``content.yaml``, and the month and weekday names of
``minutes.yaml``); each rule module compiles the words only it uses next to its code. All patterns run
over folded text (:func:`pmkg.text.fold`: one character for one, so offsets hold).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from pmkg import knowledge
from pmkg.text import alternation, fold

CAPWORD = r"[A-ZÀ-ÖØ-Þ][\w&'’-]*"  # a capitalised word of a name ("Rigshospitalet", "O'Brien", "Helse-")
BULLET = r"(?:[•●▪◦‣∙·*–-]|o|\(?[a-h]\))"  # marks and lettered points: "o", "a)", "(b)"
CLAUSE_REACH = 300  # characters: the longest clause (a list of initiatives, a purpose, a figure's text)


def phrases(words: Iterable[str], gap: str = r"\s+") -> str:
    """Alternation of phrases over folded text, ``gap`` (any spacing) between words, longest first."""
    return alternation((fold(w) for w in words), gap)


def phrase_re(words: Iterable[str], gap: str = r"\s+") -> re.Pattern[str]:
    """The phrases as whole words."""
    return re.compile(rf"(?<!\w)(?:{phrases(words, gap)})(?!\w)")


def folded_set(words: Iterable[str]) -> frozenset[str]:
    return frozenset(fold(w) for w in words)


def by_language(words: dict[str, list[str]]) -> frozenset[str]:
    """The folded words of every language of a ``{language: words}`` entry."""
    return frozenset(fold(w) for each in words.values() for w in each)


@dataclass(frozen=True)
class Common:
    connectors: frozenset[str]  # lower-case words inside a name ("for", "of", "og")
    articles: frozenset[str]
    joining: frozenset[str]  # connectors and articles
    list_words: frozenset[str]  # "og", "and", "samt": words that join a list
    month_numbers: dict[str, int]  # folded month name -> number
    months: re.Pattern[str]  # a month with a preposition or a year ("i marts", "in May 2023")
    abbreviations: frozenset[str]  # "bl.a.", "kl.": a full stop that ends no sentence
    clause_end: re.Pattern[str]
    list_end: re.Pattern[str]
    document_words: frozenset[str]  # "referat", "minutes", "møde": a name never runs into them
    name_openers: frozenset[str]  # articles, determiners, function words, document words, weekdays


@cache
def common() -> Common:
    """The shared words of ``knowledge/content.yaml`` and ``knowledge/minutes.yaml``."""
    data = knowledge.load("content.yaml")
    minutes = knowledge.load("minutes.yaml")
    months = {fold(name): int(num) for num, names in minutes["months"].items() for name in names}
    month_alt = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))
    document_words = {
        fold(phrase) for phrase in minutes["document_words"] + minutes["meeting_words"] if " " not in phrase
    }
    weekdays = {fold(day).rstrip(".") for days in minutes["weekdays"].values() for day in days}
    relative = phrases(data["relative_pronouns"])
    return Common(
        connectors=folded_set(data["name_connectors"]),
        articles=folded_set(data["articles"]),
        joining=folded_set(data["name_connectors"] + data["articles"]),
        list_words=folded_set(data["list_words"]),
        month_numbers=months,
        months=re.compile(
            rf"(?<!\w)(?:(?P<prep>{phrases(data['month_prepositions'])})\s+)?(?P<month>{month_alt})"
            r"(?:\s+(?P<year>(?:19|20)\d\d))?(?!\w)"
        ),
        abbreviations=folded_set(data["abbreviations"]),
        clause_end=re.compile(
            rf",\s+(?:{phrases(data['clause_openers'])}|{relative})(?!\w)|[;:]|[.!?][\"”’)]*\s*$"
        ),
        list_end=re.compile(rf",\s+(?:{relative})(?!\w)|[;:]|[.!?][\"”’)]*\s*$"),
        document_words=frozenset(document_words),
        name_openers=frozenset(
            document_words
            | folded_set(data["articles"])
            | weekdays
            | by_language(data["determiners"])
            | function_words()
        ),
    )


def function_words() -> frozenset[str]:
    """The stop words of every language of ``knowledge/languages.yaml`` ("fra", "til", "for", "the"): a
    capitalised one opening a sentence is no part of a name ("Fra forskningsavdelingen møtte ...")."""
    languages = knowledge.load("languages.yaml")["languages"]
    return frozenset(fold(w) for each in languages.values() for w in each["stopwords"])


@dataclass(frozen=True)
class AgreementWords:
    agreement: re.Pattern[str]  # an agreement noun (group "noun") or a collaboration phrase ("collab")
    agreement_kinds: dict[str, str]  # folded noun -> kind ("mou", "agreement")
    party_words: re.Pattern[str]
    party_word_set: frozenset[str]
    party_after: re.Pattern[str]
    between_words: frozenset[str]


@cache
def agreement_words() -> AgreementWords:
    """The agreement words, compiled once (the counterparty rule reads them too)."""
    data = knowledge.load("content.yaml")
    kinds = {fold(w): kind for kind, words in data["agreements"].items() for w in words}
    return AgreementWords(
        agreement=re.compile(
            rf"(?<!\w)(?P<noun>{phrases(kinds)})(?!\w)|(?<!\w)(?P<collab>{phrases(data['collaboration'])})(?!\w)"
        ),
        agreement_kinds=kinds,
        party_words=phrase_re(data["party_words"]),
        party_word_set=folded_set(data["party_words"]),
        party_after=re.compile(rf"[\s)]+(?:{phrases(data['party_words'])})(?!\w)"),
        between_words=folded_set(data["between_words"]),
    )


def clause_end(folded: str, offset: int) -> int:
    """Where the clause starting at ``offset`` ends: ``, og``/``, and``, a relative clause, ``;``,
    or the sentence's final stop (full stops inside a sentence belong to abbreviations); a clause
    is taken to be at most ``CLAUSE_REACH`` characters long."""
    limit = min(offset + CLAUSE_REACH, len(folded))
    m = common().clause_end.search(folded, offset, limit)
    return m.start() if m else limit
