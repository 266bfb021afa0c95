"""Organisations several names share: the one a line opens with (``Helse Nord v/ Kari Holm og Ola
Nilsen``), the one a group heading names (``Fra sekretariatet i Helse Vest RHF``), and the one written
after the last of names a conjunction joins (``Elif Korkmaz og Jan Vidar Hoff fra Norsk Helsenett SF``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from pmkg.ingest.parse.entry import (
    LEADING_BULLET,
    VIA,
    affiliation_link_re,
    organisation_like,
    strip_prefixes,
)
from pmkg.ingest.parse.minutes import NameMention
from pmkg.ingest.people.names import is_organisation_word, looks_like_person
from pmkg.ingest.vocabulary import phrase_set

_JOINED = re.compile(r"\s+(?:og|and|och|samt|&)\s+", re.IGNORECASE)  # the whole gap between two names


def leading_organisation(line: str) -> str | None:
    """The organisation a line of entries opens with before ``v/`` (``Helse Nord v/ Kari Holm og Ola
    Nilsen``): it speaks for every name on the line, not only the first."""
    text = LEADING_BULLET.sub("", line).strip()
    via = VIA.search(text)
    if via is None or not organisation_like(text[: via.start()]):
        return None
    first = re.split(r"[,;(]|\s+(?:og|and|och|samt|&)\s+", text[via.end() :])[0]
    return text[: via.start()].strip(" ,") if looks_like_person(strip_prefixes(first, [], [])) else None


def heading_affiliation(heading: str | None) -> str | None:
    """The organisation a group heading names after its role word (``Fra sekretariatet i Helse Vest
    RHF``, ``Secretariat of the Nordic Council``): the affiliation of everyone listed under it."""
    if not heading:
        return None
    heading = " " + re.sub(r"\bthe\s+", "", heading, flags=re.IGNORECASE)  # "Från GMS" links at the start too
    connectors = phrase_set("affiliation_words") | phrase_set("name_particles") | {"og", "and", "och", "&"}
    for link in affiliation_link_re().finditer(heading):  # the first a name follows: "University of Kent"
        words = (rest := heading[link.end() :].strip(" :")).split()
        named = words[0][:1].isupper() and words[0].lower() not in phrase_set("body_words")  # "of the Board"
        tail = (w[:1].isupper() or w.lower() in connectors or is_organisation_word(w) for w in words)
        if named and all(tail):  # "Lunds universitet": a Nordic name's lower-case tail
            return rest if organisation_like(rest) else None
    return None


def shared_across_conjunction(mentions: list[NameMention], text: str) -> list[NameMention]:
    """``mentions`` (in the order of ``text``, the document their spans point into) where a bare name and
    the next, with only a conjunction between them, end in ``fra Org`` / ``from Org``: the first shares it."""
    shared = list(mentions)
    for i in range(len(shared) - 2, -1, -1):
        first, second = shared[i], shared[i + 1]
        gap = text[first.span[1] : second.span[0]]
        if (
            not first.affiliation
            and second.affiliation
            and second.affiliation_rule == "affiliation.from"
            and _JOINED.fullmatch(gap)
        ):
            shared[i] = replace(first, affiliation=second.affiliation, affiliation_rule="affiliation.shared")
    return shared
