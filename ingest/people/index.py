"""Who is who inside one document: the declared people and the references to them.

Minutes declare people once (attendance, presenters) and then refer to them loosely:
``Bettina understregede``, ``Christiane Karle`` for Christiane Saurbrey Karle. :class:`PeopleIndex`
is built from the declared people (add them first, so that their full names give the ids) and
resolves such references; a reference that fits more than one person resolves to nobody.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pmkg.ingest.parse.minutes import NameMention
from pmkg.ingest.people.names import name_runs
from pmkg.ingest.record import Person
from pmkg.text import slug


@dataclass
class _Known:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)

    @property
    def keys(self) -> list[str]:
        return slug(self.name).split("-")

    def slugs(self) -> set[str]:
        return {slug(s) for s in (self.name, *self.aliases)}


def _same(short: str, long: str) -> bool:
    """One name word fits another: equal, or an initial of it (``k`` fits ``karl``)."""
    return short == long or (len(short) == 1 and long.startswith(short))


def _is_variant(short: list[str], long: list[str]) -> bool:
    """``Christiane Karle`` and ``C. Karle`` are variants of ``Christiane Saurbrey Karle``: the same
    first word (or its initial) and last word, and every other word of the shorter name in the longer."""
    return (
        len(short) >= 2
        and len(short) <= len(long)
        and _same(short[0], long[0])
        and short[-1] == long[-1]
        and all(any(_same(word, other) for other in long[1:-1]) for word in short[1:-1])
    )


def _surname_keys(keys: list[str], name: str) -> list[list[str]]:
    """The ways a person can be called by surname alone: the last word, or a hyphenated last word."""
    last = name.split()[-1]
    return [keys[-len(slug(last).split("-")) :], keys[-1:]]


class PeopleIndex:
    """The people of one document, their spellings, and resolution of references to them."""

    def __init__(self) -> None:
        self._known: dict[str, _Known] = {}

    def add(self, mention: NameMention) -> str:
        """Register a person (or a new spelling of one already known) and return the person id."""
        name = " ".join(mention.name.split())
        if not name:
            raise ValueError("a person needs a name")
        pid = self._resolve_full(name, shorter_only=True) if " " in name else self.find(name)
        if pid is None:
            pid = "person:" + slug(name)
            self._known[pid] = _Known(pid, name)
        person = self._known[pid]
        if name != person.name and name not in person.aliases:
            if slug(name) == slug(person.name) and "-" in name and "-" not in person.name:
                person.aliases.append(person.name)  # a hyphen is lost in wrapping more often than invented
                person.name = name
            elif " " in name:
                person.aliases.append(name)
        if mention.initials and mention.initials not in person.aliases:
            person.aliases.append(mention.initials)  # "RB reported ...": the initials stand for the person
        for title in mention.titles:
            if title.lower() not in {t.lower() for t in person.titles}:
                person.titles.append(title)
        return pid

    def _resolve_full(self, name: str, *, shorter_only: bool = False) -> str | None:
        """A full name: the same spelling, or a shorter variant of one person's name. With
        ``shorter_only`` a longer name is a new person (``Anne Marie Hansen`` declared after
        ``Anne Hansen`` is somebody else), as the fullest form is declared first."""
        keys = slug(name).split("-")
        exact = [p.id for p in self._known.values() if slug(name) in p.slugs()]
        if exact:
            return exact[0]
        variants = [
            p.id
            for p in self._known.values()
            if _is_variant(keys, p.keys) or (not shorter_only and _is_variant(p.keys, keys))
        ]
        return variants[0] if len(variants) == 1 else None

    def find(self, name: str) -> str | None:
        """The id of the person ``name`` refers to: full name, variant, first name or surname alone;
        None when unknown or when it fits more than one person."""
        name = " ".join(name.split()).strip(" .,;:")
        if not name:
            return None
        if " " in name:
            return self._resolve_full(name)
        key = slug(name).split("-")
        for candidates in (
            [p.id for p in self._known.values() if name in p.aliases],  # initials: "RB"
            [p.id for p in self._known.values() if p.keys[: len(key)] == key],
            [p.id for p in self._known.values() if key in _surname_keys(p.keys, p.name)],
        ):
            if candidates:
                return candidates[0] if len(set(candidates)) == 1 else None
        return None

    def _find_word(self, word: str) -> str | None:
        """A one-word reference, also in the genitive (``Bettinas``, ``Brunak's``)."""
        found = self.find(word)
        if found is None and re.search(r"(?:'s|’s|s)$", word):
            found = self.find(re.sub(r"(?:'s|’s|s)$", "", word))
        return found

    def find_in_text(self, text: str) -> list[tuple[str, tuple[int, int]]]:
        """References to known people in running text, with their spans, longest match first."""
        found: list[tuple[str, tuple[int, int]]] = []
        for run in name_runs(text):
            i = 0
            while i < len(run):
                hit = self._longest(text, run[i : i + 5])
                if hit:
                    found.append((hit[0], hit[1]))
                    i += hit[2]
                else:
                    i += 1
        return found

    def _longest(self, text: str, words: list[re.Match[str]]) -> tuple[str, tuple[int, int], int] | None:
        for size in range(len(words), 0, -1):
            start, end = words[0].start(), words[size - 1].end()
            if size > 1:
                pid = self._resolve_full(text[start:end])
            elif re.match(r"\s*\d", text[end : end + 3]):
                pid = None  # "Jan 2012" is a month, not Jan Andersen
            else:
                pid = self._find_word(text[start:end])
            if pid:
                return pid, (start, end), size
        return None

    def people(self) -> list[Person]:
        """The people seen so far: id, full name, other spellings, titles (affiliations: the pipeline's)."""
        return [
            Person(id=p.id, name=p.name, aliases=list(p.aliases), titles=list(p.titles))
            for p in self._known.values()
        ]
