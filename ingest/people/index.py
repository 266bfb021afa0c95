"""Who is who inside one document: the declared people and the references to them.

Minutes declare people once (attendance, presenters) and then refer to them loosely:
``Bettina understregede``, ``Christiane Karle`` for Christiane Saurbrey Karle. :class:`PeopleIndex`
is built from the declared people (add them first, so that their full names give the ids) and
resolves such references; a reference that fits more than one person resolves to nobody.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from pmkg.ingest.parse.minutes import NameMention, Span
from pmkg.ingest.people.names import name_runs
from pmkg.model.record import Person
from pmkg.text import slug


@dataclass
class _Known:
    """A person of the document; ``keys`` and ``slugs`` are kept with the spellings, since every
    reference is compared with every person (renamed or given an alias only through the methods)."""

    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    keys: list[str] = field(init=False)
    slugs: set[str] = field(init=False)

    def __post_init__(self) -> None:
        self.keys = slug(self.name).split("-")
        self.slugs = {slug(s) for s in (self.name, *self.aliases)}

    def rename(self, name: str) -> None:
        self.aliases.append(self.name)
        self.name = name
        self.__post_init__()

    def alias(self, name: str) -> None:
        self.aliases.append(name)
        self.slugs.add(slug(name))


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


_GENITIVE = re.compile(r"(?:'s|’s|s)$")
_INITIALS = re.compile(r"[A-ZÆØÅÄÖÜ]{2,4}")


def _initials(name: str) -> set[str]:
    """The initials a person is called by: of every name word (``PMB`` for Palle Munk Bendixen, ``ZAH``
    for Zainab Al-Hakim), or of the first and last word (``PB``)."""
    words = [w for w in re.split(r"[\s-]+", name) if w[:1].isupper()]
    if len(words) < 2:
        return set()
    return {"".join(w[0] for w in words).upper(), (words[0][0] + words[-1][0]).upper()}


def covered_by(spans: Iterable[Span]) -> Callable[[int], bool]:
    """Whether an offset lies inside any of ``spans``: the spans joined where they overlap and found
    by bisection, so a long document's many spans cost a logarithm per question, not a scan."""
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(spans):
        if ends and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)

    def covered(offset: int) -> bool:
        at = bisect.bisect_right(starts, offset) - 1
        return at >= 0 and offset < ends[at]

    return covered


@dataclass(frozen=True)
class Reference:
    """A name written in the text and the people it can mean: one when resolved, several when not."""

    form: str  # as written, without a genitive ending: "Bettina", "Brinck Thyssen", "KN"
    span: Span
    candidates: tuple[str, ...]

    @property
    def person(self) -> str | None:
        """The one person meant, or None when the form fits several."""
        return self.candidates[0] if len(self.candidates) == 1 else None


def _surname_keys(keys: list[str], name: str) -> list[list[str]]:
    """The ways a person can be called by surname alone: the last word, or a hyphenated last word."""
    last = name.split()[-1]
    return [keys[-len(slug(last).split("-")) :], keys[-1:]]


class PeopleIndex:
    """The people of one document, their spellings, and resolution of references to them."""

    def __init__(self) -> None:
        self._known: dict[str, _Known] = {}
        # Buckets by the words a comparison needs equal, so a reference is compared with the few people
        # it can fit, not with everyone (minutes joined into one long document name thousands).
        self._by_first: dict[str, list[str]] = {}  # first name word
        self._by_last: dict[str, list[str]] = {}  # last name word
        # first letter and last word: all a variant needs equal (``C. Karle``, ``Christiane S. Karle``),
        # so a common surname of joined minutes is not compared with every bearer of it
        self._by_variant: dict[tuple[str, str], list[str]] = {}
        # the first two and the last two words: a run of a person's given names or surnames
        # ("Kari Anne", "Brinck Thyssen") shares one of them
        self._by_head: dict[tuple[str, ...], list[str]] = {}
        self._by_tail: dict[tuple[str, ...], list[str]] = {}
        self._by_slug: dict[str, list[str]] = {}  # every spelling, folded
        self._by_alias: dict[str, list[str]] = {}  # every other spelling as written ("RB")
        self._by_initials: dict[str, list[str]] = {}
        self._rank: dict[str, int] = {}  # each bucket is kept in this order, so a pool needs no sorting

    def _file(self, person: _Known) -> None:
        """Put ``person`` in the buckets of its current name and spellings (idempotent)."""
        entries = [
            (self._by_first, [person.keys[0]]),
            (self._by_last, [person.keys[-1]]),
            (self._by_variant, [(person.keys[0][:1], person.keys[-1])]),
            (self._by_head, [tuple(person.keys[:2])]),
            (self._by_tail, [tuple(person.keys[-2:])]),
            (self._by_slug, person.slugs),
            (self._by_alias, person.aliases),
            (self._by_initials, _initials(person.name)),
        ]
        rank = self._rank.__getitem__
        for bucket, words in entries:
            for word in words:
                ids = bucket.setdefault(word, [])
                at = bisect.bisect_left(ids, rank(person.id), key=rank)
                if at == len(ids) or ids[at] != person.id:
                    ids.insert(at, person.id)

    def _pool(self, *groups: list[str]) -> list[_Known]:
        """The people in any of ``groups``, in the order they were first declared."""
        if len(groups) == 1:  # a bucket is in that order already
            return [self._known[pid] for pid in groups[0]]
        ids = {pid for group in groups for pid in group}
        return [self._known[pid] for pid in sorted(ids, key=self._rank.__getitem__)]

    def add(self, mention: NameMention) -> str:
        """Register a person (or a new spelling of one already known) and return the person id."""
        name = " ".join(mention.name.split())
        if not name:
            raise ValueError("a person needs a name")
        pid = self._resolve_full(name, shorter_only=True) if " " in name else self.find(name)
        if pid is None:
            pid = "person:" + slug(name)
            self._known[pid] = _Known(pid, name)
            self._rank[pid] = len(self._rank)
        person = self._known[pid]
        if name != person.name and name not in person.aliases:
            if slug(name) == slug(person.name) and "-" in name and "-" not in person.name:
                person.rename(name)  # a hyphen is lost in wrapping more often than invented
            else:  # another spelling, or a short form declared with a title ("Prof. Raghunathan")
                person.alias(name)
        if mention.initials and mention.initials not in person.aliases:
            person.alias(mention.initials)  # "RB reported ...": the initials stand for the person
        for title in mention.titles:
            if title.lower() not in {t.lower() for t in person.titles}:
                person.titles.append(title)
        self._file(person)
        return pid

    def _resolve_full(self, name: str, *, shorter_only: bool = False) -> str | None:
        """A full name: the same spelling, or a shorter variant of one person's name. With
        ``shorter_only`` a longer name is a new person (``Anne Marie Hansen`` declared after
        ``Anne Hansen`` is somebody else), as the fullest form is declared first."""
        found = self._full_candidates(name, shorter_only=shorter_only)
        return found[0] if len(found) == 1 else None

    def _full_candidates(self, name: str, *, shorter_only: bool = False) -> list[str]:
        folded = slug(name)
        keys = folded.split("-")
        exact = self._by_slug.get(folded, [])
        if exact:
            return [min(exact, key=self._rank.__getitem__)]
        # a variant ends in the same word and starts with the same letter (a word or its initial)
        same_ends = self._pool(self._by_variant.get((keys[0][:1], keys[-1]), []))
        variants = [
            p.id
            for p in same_ends
            if _is_variant(keys, p.keys) or (not shorter_only and _is_variant(p.keys, keys))
        ]
        if variants:
            return variants
        # "Kari Anne" for Kari Anne Solbakk (the given names), "Brinck Thyssen" for Lotte Brinck Thyssen
        if len(keys) >= 2:
            pool = self._pool(self._by_head.get(tuple(keys[:2]), []), self._by_tail.get(tuple(keys[-2:]), []))
        else:
            pool = self._pool(self._by_first.get(keys[0], []), self._by_last.get(keys[-1], []))
        return [
            p.id
            for p in pool
            if len(keys) < len(p.keys) and keys in (p.keys[: len(keys)], p.keys[-len(keys) :])
        ]

    def candidates(self, name: str) -> list[str]:
        """Every person ``name`` can refer to: a full name or variant, some of the given names, the
        surname, initials (``KN`` for Kirsten Nørgaard); none when it fits nobody."""
        name = " ".join(name.split()).strip(" .,;:")
        if not name:
            return []
        if " " in name:
            return self._full_candidates(name)
        key = slug(name).split("-")
        tries: tuple[Callable[[], list[str]], ...] = (  # each asked only when those before found nobody
            lambda: [p.id for p in self._pool(self._by_alias.get(name, [])) if name in p.aliases],  # "RB"
            lambda: [p.id for p in self._pool(self._by_first.get(key[0], [])) if p.keys[: len(key)] == key],
            lambda: [
                p.id
                for p in self._pool(self._by_last.get(key[-1], []))
                if key in _surname_keys(p.keys, p.name)
            ],
            lambda: [
                p.id
                for p in self._pool(self._by_initials.get(name, []))
                if _INITIALS.fullmatch(name) and name in _initials(p.name)
            ],
        )
        for found in (attempt() for attempt in tries):
            if found:
                return list(dict.fromkeys(found))
        return []

    def find(self, name: str) -> str | None:
        """The id of the person ``name`` refers to: full name, variant, first name or surname alone;
        None when unknown or when it fits more than one person."""
        found = self.candidates(name)
        return found[0] if len(found) == 1 else None

    def find_in_text(self, text: str) -> list[tuple[str, Span]]:
        """Where ``text`` names one known person unambiguously, with their id (the extraction rules' view)."""
        return [(ref.person, ref.span) for ref in self.references(text) if ref.person]

    def references(
        self, text: str, *, not_initials: frozenset[str] = frozenset(), skip: Iterable[Span] = ()
    ) -> list[Reference]:
        """References to known people in running text, longest match first: resolved ones, and short
        forms that fit several people (kept for review, never guessed). ``not_initials`` are words in
        capitals that name something else (organisation acronyms), never a person's initials; nothing
        inside a ``skip`` span (where people are declared, not referred to) is a reference."""
        found: list[Reference] = []
        skipped = covered_by(skip)
        for run in name_runs(text):
            if skipped(run[0].start()):
                continue
            i = 0
            while i < len(run):
                hit = self._longest(text, run[i : i + 5], not_initials)
                if hit:
                    found.append(hit[0])
                    i += hit[1]
                else:
                    i += 1
        return found

    def _longest(
        self, text: str, words: Sequence[re.Match[str]], not_initials: frozenset[str]
    ) -> tuple[Reference, int] | None:
        for size in range(len(words), 0, -1):
            start, end = words[0].start(), words[size - 1].end()
            form = text[start:end]
            if size > 1:
                found = self._full_candidates(form)
            elif re.match(r"\s*\d", text[end : end + 3]) or form in not_initials:
                found = []  # "Jan 2012" is a month, not Jan Andersen; "NGC" is no one's initials
            else:
                form, found = self._word_candidates(form)
            if found:
                return Reference(" ".join(form.split()), (start, end), tuple(found)), size
        return None

    def _word_candidates(self, word: str) -> tuple[str, list[str]]:
        """A one-word reference and whom it fits, also in the genitive (``Bettinas``, ``Brunak's``)."""
        found = self.candidates(word)
        if not found and _GENITIVE.search(word):
            bare = _GENITIVE.sub("", word)
            return bare, self.candidates(bare)
        return word, found

    def people(self) -> list[Person]:
        """The people seen so far: id, full name, other spellings, titles (affiliations: the pipeline's)."""
        return [
            Person(id=p.id, name=p.name, aliases=list(p.aliases), titles=list(p.titles))
            for p in self._known.values()
        ]
