"""People named in the running text who were not declared in the attendance: a name counts when a
title or role word introduces it, a speech verb follows it, or an organisation follows it."""

from __future__ import annotations

import re
from functools import cache

from pmkg.ingest.parse.minutes import NameMention, Span
from pmkg.ingest.people.index import PeopleIndex, covered_by
from pmkg.ingest.people.names import (
    could_be_surname,
    is_given_name,
    is_organisation_word,
    looks_like_person,
    name_runs,
)
from pmkg.ingest.vocabulary import alternation, is_title, role_of, vocabulary
from pmkg.text import fold


@cache
def _person_verbs_re() -> re.Pattern[str]:
    return re.compile(rf"^[\s,]*(?:{alternation(vocabulary()['person_verbs'])})\b", re.IGNORECASE)


def _introducer(before: str) -> list[str]:
    """A title or role word right before a name on the same line ("peger på overlæge", "Dr."),
    not one ending the sentence or line before it ("... a board member. Updates ...")."""
    if "\n" in before[len(before.rstrip()) :]:
        return []
    words = before.split()[-3:]
    for size in range(len(words), 0, -1):
        phrase = " ".join(words[-size:])
        end = phrase[-1]
        if (end.isalpha() or end == ".") and is_title(phrase) or end.isalpha() and role_of(phrase):
            return [phrase]
    return []


def _continues_organisation(text: str, start: int) -> bool:
    """``Afdeling for Klinisk Genetik``, ``Institute of Cancer Research``: the words after an
    organisation word and a linking word belong to the organisation's name."""
    window = text[max(0, start - 60) : start]
    words = window.split()  # "... Afdeling for ": a word, a linking word, then the name
    if len(words) < 2 or not window[-1:].isspace() or not _LINK.fullmatch(words[-1]):
        return False
    return words[-2][:1].isupper() and is_organisation_word(words[-2])


_LINK = re.compile(r"for|of|i|af|på|ved|til|för|on", re.IGNORECASE)


def _initials(tokens: list[re.Match[str]]) -> bool:
    """``J. K. Larsen``: initials, then a surname."""
    words = [t.group(0) for t in tokens]
    return len(words) >= 2 and bool(_INITIALS.fullmatch(words[0])) and not _INITIALS.fullmatch(words[-1])


_INITIALS = re.compile(r"(?:[A-ZÆØÅÄÖÜ]\.)+")


_EMAIL_AFTER = re.compile(r"\s*[(<]\s*[\w.+-]+@[\w-]+\.[\w.-]+\s*[)>]")  # "Maja Steffensen (mast@sum.dk)"


@cache
def _before_re() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternation(vocabulary()['person_before_words'])})\s+$", re.IGNORECASE)


def _introduced_before(text: str, start: int) -> bool:
    """``kontakte Jes Olsen``, ``invite Mark Walport``: a verb right before the name makes it a person."""
    return bool(_before_re().search(text[max(0, start - 30) : start]))


def _organisation_follows(text: str, end: int) -> bool:
    """``Hans Ehrencrona, Lunds universitet``: a name set off by a comma before an organisation."""
    after = re.match(r",\s*([^,.;:()\n]{2,60})", text[end : end + 62])
    words = after.group(1).split() if after else []
    return bool(words) and words[0][:1].isupper() and any(is_organisation_word(w) for w in words[:5])


def mentioned_people(text: str, skip: list[Span], index: PeopleIndex) -> list[NameMention]:
    """People named in the running text who were not declared: a name counts when a title or role
    word introduces it, a speech verb follows it, its first word is a known given name or an
    initial, or an organisation follows it after a comma (``Name, Region Midtjylland``)."""
    found: dict[str, NameMention] = {}
    skipped = covered_by(skip)
    for run in name_runs(text):
        if skipped(run[0].start()) or _continues_organisation(text, run[0].start()):
            continue
        titles = _introducer(text[max(0, run[0].start() - 40) : run[0].start()])
        tokens = run[:6]
        while len(tokens) > 2 and (is_title(tokens[0].group(0)) or role_of(tokens[0].group(0))):
            titles.append(tokens[0].group(0))
            tokens = tokens[1:]
        pair = re.sub(r"['’]s$", "", " ".join(t.group(0) for t in tokens[:2]))
        if len(tokens) == 2 and is_title(pair):
            continue  # "Chief Executive's report": a title of two words, no name
        titled = bool(titles) if len(tokens) == 1 else len(tokens) == 2 and is_title(tokens[0].group(0))
        if titled and is_title(tokens[0].group(0)):  # "Lord Darzi", "Dr Smith": a surname after a title
            titles.append(tokens[0].group(0))
            tokens = tokens[1:]
        start, end = tokens[0].start(), tokens[-1].end()
        name = text[start:end]
        introduced = bool(titles) or bool(_person_verbs_re().match(text[end : end + 40]))
        introduced = introduced or is_given_name(tokens[0].group(0)) or _initials(tokens)
        introduced = introduced or (len(tokens) >= 2 and _organisation_follows(text, end))
        introduced = introduced or (len(tokens) >= 2 and _introduced_before(text, start))
        introduced = introduced or (len(tokens) >= 2 and bool(_EMAIL_AFTER.match(text, end)))
        plausible = looks_like_person(name) if len(tokens) >= 2 else titled and could_be_surname(name)
        if introduced and plausible and index.find(name) is None:
            found.setdefault(fold(name).lower(), NameMention(name, (start, end), titles=titles))
    return list(found.values())
