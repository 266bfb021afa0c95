"""A post named instead of a name (``The Chair welcomed members``, ``Formanden bød velkommen``)
resolves to the one attendee holding it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from pmkg.ingest.parse.minutes import ParsedMinutes, Span
from pmkg.ingest.people.index import PeopleIndex, covered_by
from pmkg.ingest.vocabulary import role_of, vocabulary
from pmkg.knowledge import load as load_knowledge
from pmkg.text import fold


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
    phrases = [str(p) for p, code in vocabulary()["roles"].items() if code == role]
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
    skipped = covered_by(skip)
    found = []
    for m in pattern.finditer(fold(text)):
        role, sense = meaning[" ".join(m["ref"].split())]
        if skipped(m.start()) or not stands_alone(text, m.end(), post=True):
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


def role_holders(parsed: ParsedMinutes, people: PeopleIndex, text: str) -> RoleHolders:
    """Who holds which role at the meeting: a post by the entry or its label ("Mette Lund (formand)",
    "Secretary: Orla Nolan"), a role at this meeting only by a line of its own ("Ordstyrer: Jakob
    Storm") or elsewhere in the minutes (see :func:`ingest.people.holds_post`)."""
    posts: dict[str, set[str]] = {}
    lines: dict[str, set[str]] = {}
    for mention in parsed.attendance:
        person_id = people.find(mention.name)
        if person_id is None:
            continue
        start, end = mention.span
        label = re.search(r"([^\W\d_][^:\n]*?)\s*:\s*$", text[text.rfind("\n", 0, start) + 1 : start])
        for role in mention.roles:
            post = holds_post(text[start:end], label.group(1) if label else None, role)
            (posts if post else lines).setdefault(role, set()).add(person_id)
    return RoleHolders(
        posts={k: frozenset(v) for k, v in posts.items()}, lines={k: frozenset(v) for k, v in lines.items()}
    )


# right after the post: "Formanden (Henrik Dalsgaard)"
_NAMED = re.compile(r"[ \t]*\(\s*([^()\n]{2,80}?)\s*\)")


def named_posts(text: str, people: PeopleIndex, skip: Iterable[Span] = ()) -> list[tuple[str, str, Span]]:
    """Posts written with their holder's name in parentheses ("Formanden (Henrik Dalsgaard) bød
    velkommen", "The Chair (Dr Amy Hale) opened the meeting", "Ordföranden (Eva Berg)"): the person id,
    the role and the span, when the parentheses name one declared person. Gives the role to someone the
    attendance list named without it; none inside ``skip`` (the entries, which say their own roles)."""
    pattern, meaning = _role_words()
    skipped = covered_by(skip)
    found = []
    for m in pattern.finditer(fold(text)):
        named = _NAMED.match(text, m.end())
        if named is None or skipped(m.start()):
            continue
        person = people.find(named.group(1))
        if person:
            role, _ = meaning[" ".join(m["ref"].split())]
            found.append((person, role, (m.start(), named.end())))
    return found
