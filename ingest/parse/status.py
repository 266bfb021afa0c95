"""What an attendance list's wording says of a person's status beyond its heading.

* ``Rasmus Ibsen deltog ikke i punkterne 2 – 11`` under ``Afbud``: away for some items only, so present;
* ``Mattias Sjölander för Ingrid Forsberg``: the first attended as a substitute, the second was absent;
* ``Til stede: Hele bestyrelsen`` over a ``Bestyrelsen`` list elsewhere: that list's people attended.

The words are those of ``knowledge/minutes.yaml`` (``item_prefixes``, ``substitute_words``) and
``knowledge/prose-attendance.yaml`` (``whole_body``, ``except``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from pmkg.ingest.parse.minutes import NameMention
from pmkg.ingest.people.names import is_given_name, looks_like_person, name_tokens_end
from pmkg.ingest.vocabulary import alternation, is_title, role_of, vocabulary


@cache
def item_note() -> re.Pattern[str]:
    """Where a text names agenda items: ``punkt 3``, ``item 4``, ``§ 5``, ``sak 13/24``."""
    prefixes = alternation(vocabulary()["item_prefixes"])
    return re.compile(rf"(?<!\w)(?:{prefixes})\w*\.?\s*\d", re.IGNORECASE)


def for_some_items(entry: str, name: str) -> bool:
    """True when an entry limits the person's presence or absence to some agenda items (``deltog ikke i
    punkterne 2 – 11``, ``for item 5``, ``under § 6``): the person attended the meeting."""
    at = entry.find(name)
    return at >= 0 and items_named_after(entry, at + len(name))


def items_named_after(text: str, at: int) -> bool:
    """True when agenda items are named in ``text`` after ``at`` (``i punkterne 2 – 11``, ``item 5``)."""
    return bool(item_note().search(text, at))


#: "with Cllr Owen Marsh attending as substitute", "med Bo Ek som suppleant": who came instead.
_INSTEAD = re.compile(
    r"^(?:with|med|og|and|och)\s+(?P<name>.+?)\s+(?:(?:attending|attended|møtte|mødte|deltog|deltok)\s+)?"
    r"(?:as|som)\s+(?:a\s+|an\s+)?(?P<word>[\w-]+(?:\s+member)?)\s*\.?$",
    re.IGNORECASE,
)


def came_instead(part: str) -> str | None:
    """The person a clause after an absent one names as attending in their place (``Apologies were received
    from Cllr Tessa Grange, with Cllr Owen Marsh attending as substitute``); None for any other part."""
    found = _INSTEAD.match(part.strip())
    return found.group("name") if found and role_of(found.group("word")) == "deputy" else None


@cache
def _deputy_bracket() -> re.Pattern[str]:
    words = alternation(vocabulary()["table_headers"]["deputy"])
    return re.compile(rf"\(\s*(?:{words})\s*:?\s+(?P<rest>[^()]+)\)", re.IGNORECASE)


def deputy_in_brackets(entry: str, offset: int) -> NameMention | None:
    """The deputy an absent entry names in brackets (``Kari Moe (vara Ola Dahl møtte)``, ``Jane Hill
    (substitute: Tom Ash)``, ``Eva Lund (ersättare Per Ek tjänstgjorde)``): named in the apologies, the
    deputy came in the member's place (rule ``attendance.substitute``); ``offset`` is where the entry is."""
    found = _deputy_bracket().search(entry)
    tokens = found["rest"].split() if found else []
    while tokens and is_title(tokens[0]):  # "(substitute: Dr Ola Dahl)"
        tokens.pop(0)
    name = " ".join(tokens[: name_tokens_end(tokens)])
    if found is None or len(name.split()) < 2 or not looks_like_person(name):
        return None
    at = offset + found.start("rest") + found["rest"].find(name)
    return NameMention(name=name, span=(at, at + len(name)), status="present", rule="attendance.substitute")


def split_instead(listed: str) -> tuple[str, tuple[str, int] | None]:
    """A list without its closing clause on who came instead, and that person with where the name
    starts (``Cllr Tessa Grange, with Cllr Owen Marsh attending as substitute``)."""
    for comma in re.finditer(r",\s*(?=(?:with|med|og|and|och)\s)", listed, re.IGNORECASE):
        clause = listed[comma.end() :]
        if (name := came_instead(clause)) is not None:
            return listed[: comma.start()], (name, comma.end() + clause.find(name))
    return listed, None


@cache
def _substitute_re() -> re.Pattern[str]:
    words = alternation(vocabulary()["substitute_words"])
    return re.compile(
        rf"(?:\s*,\s*|\s+|\s*\(\s*)(?P<role>(?-i:[a-zæøåäöü]\w*)\s+)?(?:{words})\s+(?=(?-i:[A-ZÆØÅÄÖÜ]))",
        re.IGNORECASE,
    )


def _post_before(before: str, other: str) -> bool:
    """``Clinical Lead for Rare Disease``: "for" after a post (capitalised words after the name's) and
    before words that are no given name is part of the post, not a substitution."""
    words = before.replace(",", " ").split()
    return len(words) > 3 and words[-1][:1].isupper() and not is_given_name(other.split()[0])


def substitute(entry: str) -> tuple[str, str | None, str | None] | None:
    """``Mattias Sjölander för Ingrid Forsberg``, ``Viktor Hansson, tjänstgörande för Petra Sundin``,
    ``Jo Bloggs (for Sam Smith)``: the entry without the clause, the name of the person stood in for, and
    a role word before the link (``ersättare för`` -> deputy); None when the words after the link are no
    person's name (``Kari Holm for Helse Nord`` is an affiliation)."""
    for link in _substitute_re().finditer(entry):
        after = entry[link.end() :]
        stop = re.search(r"[,;()]|\s[-–—]\s|$", after)
        tokens = after[: stop.start()].split()
        while tokens and is_title(tokens[0]):  # "Deputising for Dr Nadia Rahman": the name without the title
            tokens.pop(0)
        end = name_tokens_end(tokens)
        other = " ".join(tokens[:end]).rstrip(".")
        if end < 2 or not looks_like_person(other) or _post_before(entry[: link.start()], other):
            continue
        rest = (" ".join(tokens[end:]) + after[stop.start() :]).strip(" ,;.)")
        role = role_of(link.group("role").strip()) if link.group("role") else None
        return entry[: link.start()] + (f", {rest}" if rest else ""), other, role
    return None


def stood_in_for(mentions: list[NameMention], text: str) -> list[NameMention]:
    """Each substitute followed by an absent entry for the person it stood in for (rule
    ``attendance.substitute``), spanning that person's name in the entry."""
    out: list[NameMention] = []
    for mention in mentions:
        out.append(mention)
        if mention.replaces:
            at = text.find(mention.replaces, mention.span[0], max(mention.span[1], mention.span[0]))
            span = (at, at + len(mention.replaces)) if at >= 0 else mention.span
            out.append(
                NameMention(
                    name=mention.replaces,
                    span=span,
                    status="absent",
                    group=mention.group,
                    rule="attendance.substitute",
                )
            )
    return out


def with_status(mention: NameMention, status: str, rule: str) -> NameMention:
    """The mention with the status a whole-body phrase gives it and that phrase's rule."""
    return replace(mention, status=status, rule=rule)
