"""Who is who inside one document: the declared people and the references to them.

Minutes declare people once (attendance, presenters) and then refer to them loosely:
``Bettina understregede``, ``Christiane Karle`` for Christiane Saurbrey Karle, ``Jan Walford Moore``
for Jan Walford-Moore. :class:`PeopleIndex` is built from the declared people (add them first, so
that their full names give the ids) and resolves such references; a reference that fits more than
one person resolves to nobody. A post named instead of a name (``The Chair welcomed members``,
``Formanden bød velkommen``) resolves to the one attendee holding it (:func:`role_references`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from pmkg.ingest.names import name_runs, role_of, slug
from pmkg.ingest.names import vocabulary as minutes_vocabulary
from pmkg.ingest.parsed import NameMention, Span
from pmkg.ingest.record import Person
from pmkg.knowledge import load as load_knowledge
from pmkg.text import fold


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


# --- references by post ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RoleHolders:
    """Who holds each role (a role code) at one meeting: by a post written in their own entry
    ("Mette Lund (formand)"), or by a line of its own ("Ordstyrer: Jakob Storm")."""

    posts: dict[str, frozenset[str]]
    lines: dict[str, frozenset[str]]

    def holder(self, role: str, sense: str) -> str | None:
        """The one person a reference to ``role`` in ``sense`` means, if one (``post``: by a written
        post; ``meeting``: by a line of its own; any other sense: either)."""
        posts, lines = self.posts.get(role, frozenset()), self.lines.get(role, frozenset())
        found = {"post": posts, "meeting": lines}.get(sense, posts | lines)
        return next(iter(found)) if len(found) == 1 else None


def holds_post(entry: str, label: str | None, role: str) -> bool:
    """Whether an attendance entry gives ``role`` as a post in the body: written in the entry itself
    ("Mette Lund (formand)", "Henrik Ullum, Chair of the Board"; "næstformand" is no "formand") or
    by a label before it that names a post ("Secretary: Orla Nolan"), not a role at this meeting only
    ("Ordstyrer: Jakob Storm", or a role the minutes give elsewhere)."""
    if _role_word(role).search(fold(entry)):
        return True
    if not label or role_of(label) != role:
        return False
    return " ".join(fold(label).split()) not in _reference_words()["meeting_labels"]


@cache
def _role_word(role: str) -> re.Pattern[str]:
    """Any phrase of ``knowledge/minutes.yaml`` for a role code, as whole words over folded text."""
    phrases = [str(p) for p, code in minutes_vocabulary()["roles"].items() if code == role]
    alternation = "|".join(sorted((re.escape(fold(p)) for p in phrases), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation or '(?!)'})(?![\w-])")


def reference_re(phrases: Iterable[str]) -> re.Pattern[str]:
    """Phrases as whole words over folded text, any spacing, maybe in the genitive ("Formandens")."""
    parts = {r"\s+".join(re.escape(fold(w)) for w in phrase.split()) for phrase in phrases}
    endings = "|".join(re.escape(e) for e in _reference_words()["genitive_endings"])
    alternation = "|".join(sorted(parts, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?P<ref>{alternation})(?:{endings})?(?![\w-])")


def stands_alone(text: str, end: int, *, post: bool = False) -> bool:
    """Whether a body word (or with ``post`` a post) ending at ``end`` means the one of this meeting:
    not a label ("Chair:"), not followed by a name in apposition ("Ordföranden Anna Wedell", "the Board
    Members"), not tied to another body by a connector. A body word is tied only before a name or a
    body ("the board of Danske Regioner", "styret i Helse Vest"; "the partnership for the genomics
    pilot" is the partnership); a post before anything but a meeting ("the Chair of the working group",
    "lederen af sekretariatet"; "the chair of the meeting" chairs this one)."""
    after = text[end : end + 80].split("\n", 1)[0]
    words = re.match(r"[ \t]*([^\s.,;!?]*)((?:[ \t]+[^\s.,;!?]+)*)", after)
    first = words.group(1) if words else ""
    if not first:
        return True  # the end of a line, a clause or a sentence: "... sent to the Chair."
    if first.startswith(":") or first[:1].isupper():
        return False
    vocab = _reference_words()
    if fold(first) not in vocab["tied_by"]:
        return True
    rest = words.group(2).split() if words else []
    named = next((w for w in rest if fold(w) not in vocab["articles"]), "")
    if post:
        return _meeting_word().fullmatch(fold(named)) is not None
    return not (named[:1].isupper() or fold(named).endswith(tuple(vocab["body_stems"])))


@cache
def _meeting_word() -> re.Pattern[str]:
    """A word for a meeting, maybe a compound and with a definite ending ("mødet", "bestyrelsesmødet")."""
    words = load_knowledge("content.yaml")["next_meeting"]["meeting_words"]
    alternation = "|".join(re.escape(fold(w)) for w in words if " " not in w)
    return re.compile(rf"[\w-]*(?:{alternation})\w{{0,3}}")


@cache
def _reference_words() -> dict[str, frozenset[str]]:
    data = load_knowledge("content.yaml")
    return {
        "genitive_endings": frozenset(data["genitive_endings"]),
        "tied_by": frozenset(fold(w) for w in data["reference_tied_by"]),
        "articles": frozenset(fold(w) for w in data["articles"]),
        "list_words": frozenset(fold(w) for w in data["list_words"]),
        "meeting_labels": frozenset(" ".join(fold(w).split()) for w in data["meeting_role_labels"]),
        "body_stems": frozenset(fold(s) for rule in data["organisation_words"] for s in rule["stems"]),
    }


@cache
def _role_words() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """The pattern of every role word of ``knowledge/content.yaml`` and its (role, sense) by folded phrase."""
    meaning = {
        " ".join(fold(phrase).split()): (role, sense)
        for role, senses in load_knowledge("content.yaml")["role_references"].items()
        for sense, phrases in senses.items()
        for phrase in phrases
    }
    return reference_re(meaning), meaning


def role_references(text: str, holders: RoleHolders, skip: Iterable[Span] = ()) -> list[tuple[str, Span]]:
    """Posts named instead of people ("The Chair welcomed members", "Formandens beretning",
    "Styrelederen ønsket velkommen") resolved to the one attendee holding the post; none where
    nobody or several hold it, and none inside ``skip`` (the attendance entries themselves)."""
    pattern, meaning = _role_words()
    skipped = list(skip)
    found = []
    for m in pattern.finditer(fold(text)):
        role, sense = meaning[" ".join(m["ref"].split())]
        if any(start <= m.start() < end for start, end in skipped) or not stands_alone(
            text, m.end(), post=True
        ):
            continue
        if sense == "opening" and not _opens_a_clause(text, m.start(), m.end()):
            continue  # "valdes till ordförande", "Referent og ordstyrer": a bare title names the post
        person = holders.holder(role, sense)
        if person:
            found.append((person, m.span()))
    return found


def _opens_a_clause(text: str, start: int, end: int) -> bool:
    """Whether a bare title is the subject of a sentence: capitalised after only a line start, a bullet
    or item number, or a sentence's end, and followed on its line by a word that is no list word
    ("Ordförande förklarade", "Chair's report"; not a heading "Sekreterare" or "Referent og ordstyrer")."""
    line = text[text.rfind("\n", 0, start) + 1 : start]
    opens = re.fullmatch(r"[\s\d.)§*•–-]*", line) or re.search(r"[.!?][\"”’)]*\s+$", line)
    following = re.match(r"[ \t]+([^\W\d_]+)", text[end : end + 40])
    return bool(
        opens
        and text[start : start + 1].isupper()
        and following
        and following.group(1).islower()
        and fold(following.group(1)) not in _reference_words()["list_words"]
    )
