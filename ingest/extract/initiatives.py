"""Initiatives known by the words around them, not by words of their own.

Project names are coined ("Solve-RD", "ProTarget", "H3Africa", "IMPRESS-Norway"), so they carry no
initiative word; the minutes introduce them with one: a noun before the name in Danish, Norwegian and
Swedish ("det europæiske projekt Solve-RD", "studien ProTarget", "nätverket X"), a noun after it in
English ("the H3Africa programme"), a compound ("FarGen-projektet", "PCM4EU-projekt"), or a cue of
taking part ("Sykehuset deltar i IMPRESS-Norway"). A single word is a name only when coined (two
capitals, or letters and digits: "the Danish project" names nothing); a name of several capitalised
words needs the noun right beside it ("the Genome of Europe project").
"""

from __future__ import annotations

import re
from functools import cache

from pmkg import knowledge
from pmkg.ingest.extract.entities import Entities
from pmkg.ingest.extract.names import is_acronym, lexicon
from pmkg.ingest.extract.reading import Reading
from pmkg.ingest.extract.registry import rule
from pmkg.ingest.extract.words import phrase_re, phrases
from pmkg.ingest.gazetteer import Gazetteer
from pmkg.model.record import Initiative
from pmkg.text import fold, slug

_TOKEN = r"[A-ZÀ-ÖØ-Þ0-9][\w+&'’-]*[\w+]|[A-ZÀ-ÖØ-Þ]"  # a capitalised or coined word
_CONNECTOR = r"(?:of|on|for|the|and|&)"  # inside an English name: "Genome of Europe"
_NAME = rf"(?:{_TOKEN})(?:[ \t]+(?:{_CONNECTOR}[ \t]+)?(?:{_TOKEN})){{0,3}}"
_COINED = re.compile(rf"[ \t]+((?:{_TOKEN}))(?![\w-])")
_NAME_AFTER = re.compile(rf"[ \t]+({_NAME})(?![\w-])")  # "projektet Solve-RD"
_NAME_BEFORE = re.compile(rf"(?<![\w-])({_NAME})[ \t]+$")  # "the H3Africa programme"
_COMPOUND = re.compile(rf"(?<![\w-])({_TOKEN})-$")  # "FarGen-projektet"
_WORD = re.compile(r"\S+")
_REACH = 120  # characters before a noun its name may stand in
_LONGEST = 5  # words of a name introduced by its noun


@cache
def _nouns() -> re.Pattern[str]:
    """An initiative noun with up to three letters of ending ("projektet", "programmes"), over folded
    text, from the initiative words of ``knowledge/content.yaml``."""
    nouns = phrases(knowledge.load("content.yaml")["initiative_words"])
    return re.compile(rf"(?<!\w)(?:{nouns})\w{{0,3}}(?![\w-])")


@cache
def _joining() -> re.Pattern[str]:
    """A cue of taking part ("deltar i", "participates in"), from ``knowledge/content.yaml``."""
    data = knowledge.load("content.yaml")
    adverbs = phrases(data["participation_adverbs"])
    return phrase_re(data["participation"], rf"\s+(?:(?:{adverbs})\s+)*")


def coined(word: str) -> bool:
    """A made-up name: two capitals or letters with digits ("InPreD", "H3Africa", "U-PGx", "ITHACA")."""
    return is_acronym(word) or (any(c.isdigit() for c in word) and any(c.isalpha() for c in word))


def _a_name(words: list[str]) -> bool:
    """A name an initiative noun introduces: one coined word, or capitalised words that are no
    determiners, function words, months, people's given names or generic words alone."""
    vocab = lexicon()
    if not words or len(words) > _LONGEST or not words[0][:1].isupper():
        return False
    first = fold(words[0])
    if len(words) == 1:
        return coined(words[0]) and first not in vocab.name_openers
    if first in vocab.name_openers or first in vocab.given or first in vocab.month_numbers:
        return False
    return sum(w[:1].isupper() for w in words) >= 2


def add_initiative(reading: Reading, found: Entities, span: tuple[int, int], rule_name: str) -> None:
    """The initiative the words at ``span`` name, unless taken, known to the gazetteer or a person."""
    name = " ".join(reading.text[span[0] : span[1]].split())
    if (
        found.taken(*span, by_country=False)
        or Gazetteer.load().lookup(name)
        or reading.context.people.find(name)
    ):
        return  # named already, known, or a person
    initiative = Initiative(id=f"init:{slug(name)}", name=name, type="initiative")
    found.add(initiative, "initiative", span, rule_name)


@rule("initiatives.introduced", stage="entities")
def introduced_initiatives(reading: Reading) -> None:
    """A name an initiative noun introduces: "det europæiske projekt Solve-RD", "det nationale studie
    ProTarget", "the H3Africa programme", "FarGen-projektet"."""
    text, found = reading.text, reading.entities
    for noun in _nouns().finditer(found.folded):
        start, end = noun.span()
        if not text[start:end].islower():
            continue  # "the Genomic Medicine Programme": a name's own word, for organisations.named
        if text[start - 1 : start] == "-":
            compound = _COMPOUND.search(text, max(0, start - _REACH), start)
            if compound and coined(compound[1]):
                add_initiative(reading, found, compound.span(1), "initiatives.introduced")
            continue
        after = _NAME_AFTER.match(text, end)
        if after:
            _name_in(reading, found, list(_WORD.finditer(text, *after.span(1))), from_noun=True)
        line_start = text.rfind("\n", max(0, start - _REACH), start) + 1
        before = _NAME_BEFORE.search(text, max(line_start, start - _REACH), start)
        if before:
            _name_in(reading, found, list(_WORD.finditer(text, *before.span(1))), from_noun=False)


def _name_in(reading: Reading, found: Entities, tokens: list[re.Match[str]], *, from_noun: bool) -> None:
    """The words of the name next to the noun: the longest run of them, from the noun outwards, that
    makes a name ("the contribution of the H3Africa programme" names H3Africa)."""
    for cut in range(len(tokens)):
        kept = tokens[: len(tokens) - cut] if from_noun else tokens[cut:]
        words = [t.group() for t in kept]
        if words[-1][:1].isupper() and _a_name(words):
            add_initiative(reading, found, (kept[0].start(), kept[-1].end()), "initiatives.introduced")
            return


@rule("initiatives.joined", stage="entities")
def joined_initiatives(reading: Reading) -> None:
    """A coined name someone takes part in: "Sykehuset deltar også i InPreD", "the hospital participates in
    IMPRESS-Norway"."""
    text, found = reading.text, reading.entities
    for cue in _joining().finditer(found.folded):
        m = _COINED.match(text, cue.end())
        if m and coined(m[1]):
            add_initiative(reading, found, m.span(1), "initiatives.joined")
