"""Strategies and plans named by their scope and subject: "National strategi for personlig medicin",
"Regional handlingsplan for persontilpasset medisin", "the National Strategy for Genomic Medicine".

Such a name carries no coined word and no initiative noun before it; what makes the phrase a name is its
scope word written with a capital inside a sentence ("den nye National strategi for ..."), where the
common phrase is written in lower case ("en ny national strategi"). The name runs on over its subject
until punctuation, a new paragraph, a capitalised word (unless the name is written in title case) or a
word that ends it (a conjunction, a verb, a relative pronoun), at most :data:`_SUBJECT_WORDS` words.
The words are in ``knowledge/content.yaml`` (``plans``).
"""

from __future__ import annotations

import re
from functools import cache

from pmkg import knowledge
from pmkg.ingest.extract.initiatives import add_initiative
from pmkg.ingest.extract.reading import Reading
from pmkg.ingest.extract.registry import rule
from pmkg.ingest.extract.words import folded_set, phrases
from pmkg.text import fold

_SUBJECT_WORDS = 5
_WORD = re.compile(r"[^\W\d_][\w-]*")


@cache
def _plans() -> tuple[re.Pattern[str], frozenset[str]]:
    words = knowledge.load("content.yaml")["plans"]
    head = re.compile(
        rf"(?<!\w)(?:{phrases(words['scope'])})\s+(?:{phrases(words['nouns'])})\s+"
        rf"(?:{phrases(words['subject'])})\s+"
    )
    return head, folded_set(words["stop"])


def _inside_a_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` follows other words of its sentence (its capital is then its own)."""
    before = text[:start].rstrip(" \t")
    return bool(before) and before[-1] not in '.!?:;\n"“(•-–*#|'


@rule("initiatives.plan", stage="entities")
def named_plans(reading: Reading) -> None:
    """A strategy or plan whose scope word is capitalised inside a sentence, with its subject: "høringssvar
    om den nye National strategi for personlig medicin"."""
    text, found = reading.text, reading.entities
    head, stop = _plans()
    for match in head.finditer(found.folded):
        start = match.start()
        if not text[start].isupper() or not _inside_a_sentence(text, start):
            continue
        titled = text[start : match.end()].split()[1][0].isupper()  # "National Strategy for Genomic ..."
        end, words = match.end(), 0
        for word in _WORD.finditer(text, match.end()):
            gap, name = text[end : word.start()], word.group()
            if words == _SUBJECT_WORDS or gap.strip() or gap.count("\n") > 1 or fold(name) in stop:
                break  # punctuation or a new paragraph ends it, as does a word that ends a clause
            if name[0].isupper() and not titled:
                break  # "Nasjonal plan for genpaneler Kjersti ...": a name of its own follows
            end, words = word.end(), words + 1
        if words:
            add_initiative(reading, found, (start, end), "initiatives.plan")
