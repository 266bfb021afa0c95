"""Roles named in fields (``Referent: Karl``, ``Minutes taken by Jo Bloggs``) and in the signatures
that close the minutes (``Vid protokollet`` over a name over ``Sekreterare``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from pmkg.ingest.parse.entry import parse_name_entry
from pmkg.ingest.parse.lists import entries, inverted_entries
from pmkg.ingest.parse.minutes import NameMention, Span
from pmkg.ingest.people.names import is_given_name, looks_like_person
from pmkg.ingest.text.dates import find_dates
from pmkg.ingest.text.lines import Cell, Line
from pmkg.ingest.vocabulary import alternation, lookup, role_of, vocabulary

#: A person written by initials alone in a role field (``Referent: ET``, ``Minutes: GP``), resolved later.
_INITIALS = re.compile(r"[A-ZÆØÅÄÖÜ]{2,4}")


@cache
def role_field_re() -> re.Pattern[str]:
    """``Referent: Karl``, ``| Referent | Karl |`` (a table of labels and values), and without a colon
    after a field ending in a linking word followed by a name (``Minutes taken by Mary Walsh``,
    ``Referat ved Karen Holm``)."""
    words = alternation(vocabulary()["role_fields"])
    linked = r"(?<=\sby)|(?<=\sved)|(?<=\sv/)|(?<=\saf)|(?<=\sav)"
    return re.compile(
        rf"(?:^|(?<=[.;,|]\s))(?P<head>{words})(?:\s*:\s*|\s+\|\s+|(?:{linked})\s*(?=(?-i:[A-ZÆØÅÄÖÜ])))",
        re.IGNORECASE,
    )


def role_fields(line: Line) -> list[NameMention]:
    """``Ordstyrer: Jan. Referent: Karl.`` -> a mention per field, with the field's role."""
    starts = list(role_field_re().finditer(line.text))
    found = []
    for i, m in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(line.text)
        value = line.text[m.end() : end].strip().rstrip(".;,")
        role = lookup("role_fields", m.group("head"))
        offset = line.start + m.end()
        for part, (s, e) in inverted_entries(value, offset) or entries(value, offset):
            mention = parse_name_entry(part)
            name = mention.name
            if looks_like_person(name) or is_given_name(name) or _INITIALS.fullmatch(name):
                found.append(_signed(mention, (s, e), str(role), "field"))
    return found


def _signed(mention: NameMention, span: Span, role: str | None, how: str = "signature") -> NameMention:
    """A person named in a role field or a signature (``how``: "field" or "signature"): present, with
    that role first."""
    roles = list(dict.fromkeys(r for r in [role, *mention.roles] if r))
    rules = {role: f"roles.{how}", **mention.role_rules} if role else mention.role_rules
    return replace(
        mention, span=span, roles=roles, status="present", rule=f"attendance.{how}", role_rules=rules
    )


@cache
def signoff_re() -> re.Pattern[str]:
    words = alternation(vocabulary()["signoff_headings"])
    return re.compile(rf"^(?P<head>{words})(?!\w)\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)


@dataclass
class Signoff:
    """The signatures under a heading such as "Vid protokollet" or "Justeras:": name lines, each
    maybe followed by a line of the signers' roles in the same columns."""

    role: str | None
    pending: list[NameMention] = field(default_factory=list)
    done: list[NameMention] = field(default_factory=list)

    def close(self) -> None:
        self.done.extend(_signed(m, m.span, self.role) for m in self.pending)
        self.pending = []

    def take(self, cells: list[Cell]) -> bool:
        """Read one line of the block; False when it is no part of the signatures."""
        texts = [c for c, _ in cells if c]
        if not texts:
            return False
        roles = [role_of(c.strip(" ,.")) for c in texts]
        if self.pending and all(roles) and len(roles) in (1, len(self.pending)):
            for i, mention in enumerate(self.pending):
                self.done.append(_signed(mention, mention.span, roles[min(i, len(roles) - 1)]))
            self.pending = []
            return True
        if signoff_re().match(texts[0]) or role_field_re().match(texts[0]):
            return False  # the next heading ("Justeras: Anna Wedell, Allan Lund")
        people = [(parse_name_entry(c), at, c) for c, at in cells if c]
        if all(looks_like_person(m.name) for m, _, _ in people):
            self.close()
            self.pending = [replace(m, span=(at, at + len(c))) for m, at, c in people]
            return True
        return bool(re.fullmatch(r"[_.\-–—\s]+", " ".join(texts))) or bool(find_dates(" ".join(texts)))


def signatures_on(heading: re.Match[str], line: Line) -> list[NameMention] | None:
    """The people on a signature heading's own line (``Justeras: Anna Lindqvist, Erik Berg``); None
    when the rest of the line is no list of people (``Signed by the chair and circulated.``)."""
    rest = heading.group("rest").strip().rstrip(".")
    if not rest:
        return []
    offset = line.start + heading.start("rest")
    found = [(parse_name_entry(part), span) for part, span in entries(rest, offset)]
    if not found or not all(looks_like_person(m.name) for m, _ in found):
        return None
    return [replace(m, span=span) for m, span in found]
