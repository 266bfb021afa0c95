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
from pmkg.ingest.record import Initiative
from pmkg.text import fold, slug

_TOKEN = r"[A-ZÀ-ÖØ-Þ0-9][\w+&'’-]*[\w+]|[A-ZÀ-ÖØ-Þ]"  # a capitalised or coined word
_CONNECTOR = r"(?:of|on|for|the|and|&)"  # inside an English name: "Genome of Europe"
_NAME = rf"(?:{_TOKEN})(?:[ \t]+(?:{_CONNECTOR}[ \t]+)?(?:{_TOKEN})){{0,3}}"
_COINED = re.compile(rf"[ \t]+((?:{_TOKEN}))(?![\w-])")
_LONGEST = 5  # words of a name introduced by its noun


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The noun before a name, the noun after one, and a compound "X-projektet", from the initiative words
    of ``knowledge/content.yaml`` with up to three letters of ending ("projektet", "programmes")."""
    nouns = rf"(?i:{phrases(knowledge.load('content.yaml')['initiative_words'])})\w{{0,3}}"
    before = re.compile(rf"(?<![\w-])(?P<noun>{nouns})[ \t]+(?P<name>{_NAME})(?![\w-])")
    after = re.compile(rf"(?<![\w-])(?P<name>{_NAME})[ \t]+(?P<noun>{nouns})(?![\w-])")
    compound = re.compile(rf"(?<![\w-])(?P<name>{_TOKEN})-(?P<noun>{nouns})(?![\w-])")
    return before, after, compound


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


def _add(reading: Reading, found: Entities, span: tuple[int, int], rule_name: str) -> None:
    name = " ".join(reading.text[span[0] : span[1]].split())
    if found.taken(*span) or Gazetteer.load().lookup(name) or reading.context.people.find(name):
        return
    found.add(
        Initiative(id=f"init:{slug(name)}", name=name, type="initiative"), "initiative", span, rule_name
    )


@rule("initiatives.introduced", stage="entities")
def introduced_initiatives(reading: Reading) -> None:
    """A name an initiative noun introduces: "det europæiske projekt Solve-RD", "det nationale studie
    ProTarget", "the H3Africa programme", "FarGen-projektet"."""
    text, found = reading.text, reading.entities
    before, after, compound = _patterns()
    for m in before.finditer(text):
        if m["noun"].islower():
            _name_in(reading, found, m, keep_from_start=True)
    for m in after.finditer(text):
        if m["noun"].islower():
            _name_in(reading, found, m, keep_from_start=False)
    for m in compound.finditer(text):
        if coined(m["name"]):
            _add(reading, found, m.span("name"), "initiatives.introduced")


def _name_in(reading: Reading, found: Entities, m: re.Match[str], *, keep_from_start: bool) -> None:
    """The words of the name next to the noun: the longest run of them, from the noun outwards, that
    makes a name ("the contribution of the H3Africa programme" names H3Africa)."""
    tokens = list(re.finditer(r"\S+", m["name"]))
    offset = m.start("name")
    for cut in range(len(tokens)):
        kept = tokens[: len(tokens) - cut] if keep_from_start else tokens[cut:]
        words = [t.group() for t in kept]
        if words[-1][:1].isupper() and _a_name(words):
            _add(
                reading, found, (offset + kept[0].start(), offset + kept[-1].end()), "initiatives.introduced"
            )
            return


@rule("initiatives.joined", stage="entities")
def joined_initiatives(reading: Reading) -> None:
    """A coined name someone takes part in: "Sykehuset deltar også i InPreD", "the hospital participates in
    IMPRESS-Norway"."""
    text, found = reading.text, reading.entities
    for cue in _joining().finditer(found.folded):
        m = _COINED.match(text, cue.end())
        if m and coined(m[1]):
            _add(reading, found, m.span(1), "initiatives.joined")
