"""Attendance blocks: who was there, who sent apologies, and in which capacity.

Minutes list people under headings (``Deltagere``, ``Til stede:`` with ``Bestyrelsen:`` and
``Observatører:`` groups, ``Afbud:``, ``Present:``, ``Apologies:``, ``Forfall:``, ``Närvarande:``),
one a line, numbered, or as comma lists, and name single roles in fields (``Ordstyrer: Jan.``,
``Minutes taken by: Jo Bloggs``). All these words come from ``knowledge/minutes.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache

from ingest.names import given_names, looks_like_person, parse_name_entry, split_name_list, vocabulary
from ingest.parsed import NameMention, Span

_MARKUP = " \t\r#*_>|"  # whitespace and Markdown emphasis/heading/table marks around a line


@dataclass(frozen=True)
class Line:
    """One line of the text, stripped, with the offsets of its content."""

    index: int
    start: int  # offset of the first non-blank character
    end: int  # offset after the last non-blank character
    text: str  # the stripped line

    @property
    def blank(self) -> bool:
        return not self.text


def split_lines(text: str) -> list[Line]:
    """The lines of ``text`` with offsets, so every later step can report spans."""
    lines, offset = [], 0
    for i, raw in enumerate(text.split("\n")):
        stripped = raw.strip(_MARKUP)
        lead = len(raw) - len(raw.lstrip(_MARKUP))
        lines.append(Line(i, offset + lead, offset + lead + len(stripped), stripped))
        offset += len(raw) + 1
    return lines


def alternation(words: Iterable[object]) -> str:
    """A regex alternation of vocabulary phrases, longest first so the longest phrase wins."""
    return "|".join(re.escape(w) for w in sorted({str(w) for w in words}, key=len, reverse=True))


@cache
def _heading_re(key: str) -> re.Pattern[str]:
    """A heading at the start of a line, ended by a colon or the line end, or (after fra/from) by a
    name; a qualifier may come between (``Afbud fra bestyrelsen:``, ``Present (Board):``)."""
    words = alternation(vocabulary()[key])
    qualifier = r"(?P<qual>\s+(?:fra|from|af|of|i|in|til|for)\s+[^:\n]{1,40}?|\s*\([^):\n]{1,40}\))?"
    return re.compile(
        rf"^(?P<head>{words}){qualifier}(?:[*_]*\s*:[*_]*\s*|\s*$|(?:(?<=\bfra)|(?<=\bfrom)|(?<=\bby))\s+"
        rf"(?=(?-i:[A-ZÆØÅÄÖÜ])))(?P<rest>.*)$",
        re.IGNORECASE,
    )


@cache
def _role_field_re() -> re.Pattern[str]:
    words = alternation(vocabulary()["role_fields"])
    return re.compile(rf"(?:^|(?<=[.;,]\s))(?P<head>{words})\s*:\s*", re.IGNORECASE)


def lookup(key: str, phrase: str) -> object:
    table = {str(k).lower(): v for k, v in vocabulary()[key].items()}
    return table.get(re.sub(r"\s+", " ", phrase.strip()).lower())


@dataclass
class _Block:
    status: str
    role: str | None
    group: str


@dataclass
class AttendanceFound:
    mentions: list[NameMention] = field(default_factory=list)
    role_fields: list[NameMention] = field(default_factory=list)
    lines: set[int] = field(default_factory=set)  # line indices of attendance blocks
    field_lines: set[int] = field(default_factory=set)  # lines of role fields ("Referent: Karl.")


def _is_given(name: str) -> bool:
    return bool(name) and name.split()[0].lower() in given_names()


def entries(text: str, offset: int) -> list[tuple[str, Span]]:
    """Entries of one logical attendance line, with their spans. Comma parts that are not a person
    (titles, an organisation) belong to the person before them, so ``Søren Brunak, professor,
    Københavns Universitet`` is one entry and ``A, B og C`` three; a part that looks like a name
    starts a new entry when all parts are names or its first word is a known given name."""
    parts, cursor = [], 0
    for part in split_name_list(text):
        at = text.find(part, cursor)
        at = at if at >= 0 else cursor
        cursor = at + len(part)
        parts.append((part, at, cursor))
    people = [looks_like_person(parse_name_entry(p).name) for p, _, _ in parts]
    all_names = len(parts) >= 3 and all(people)
    groups: list[list[tuple[str, int, int]]] = []
    for part, is_person in zip(parts, people, strict=True):
        if not groups or (is_person and (all_names or _is_given(parse_name_entry(part[0]).name))):
            groups.append([part])
        else:
            groups[-1].append(part)
    found = []
    for group in groups:
        start, end = group[0][1], group[-1][2]
        entry = text[start:end] if len(group) > 1 else group[0][0]
        found.append((entry, (offset + start, offset + end)))
    return found


def _continues(previous: str, line: str) -> bool:
    """A wrapped attendance line: the previous one ends in a comma or conjunction or leaves a
    parenthesis open, or this one opens with a parenthesis or a lower-case word."""
    if not previous:
        return False
    open_paren = previous.count("(") > previous.count(")")
    ends = re.search(r"(?:,|\b(?:og|and|och|samt|&))$", previous)
    return bool(open_paren or ends or line.startswith("(") or line[:1].islower())


def _entry_line(text: str) -> bool:
    """True when a line reads as attendance entries (its first entry names a person)."""
    parts = split_name_list(text)
    return bool(parts) and looks_like_person(parse_name_entry(parts[0]).name)


def _role_fields(line: Line) -> list[NameMention]:
    """``Ordstyrer: Jan. Referent: Karl.`` -> a mention per field, with the field's role."""
    starts = list(_role_field_re().finditer(line.text))
    found = []
    for i, m in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(line.text)
        value = line.text[m.end() : end].strip().rstrip(".;,")
        role = lookup("role_fields", m.group("head"))
        for part, (s, e) in entries(value, line.start + m.end()):
            mention = parse_name_entry(part)
            if looks_like_person(mention.name) or mention.name.lower() in given_names():
                roles = [str(role)] + [r for r in mention.roles if r != role]
                found.append(replace(mention, span=(s, e), roles=roles, status="present"))
    return found


def find_attendance(lines: list[Line], text: str) -> AttendanceFound:
    """Walk the lines once: status headings open a block, group headings nest in it, entry lines
    fill it, and the first line that is none of these closes it."""
    result = AttendanceFound()
    block: _Block | None = None
    logical: list[Line] = []

    def flush() -> None:
        if not logical or block is None:
            logical.clear()
            return
        start, end = logical[0].start, logical[-1].end
        flat = text[start:end].replace("\n", " ")
        for part, span in entries(flat, start):
            mention = parse_name_entry(part)
            if not looks_like_person(mention.name):
                continue  # "Afbud: Ingen", "Apologies: none", "N.N."
            roles = [r for r in [block.role, *mention.roles] if r]
            status = "absent" if mention.status == "absent" else block.status
            result.mentions.append(
                replace(
                    mention, span=span, roles=list(dict.fromkeys(roles)), status=status, group=block.group
                )
            )
        logical.clear()

    for line in lines:
        if line.blank:
            continue
        status_head = _heading_re("attendance_headings").match(line.text)
        group_head = _heading_re("group_headings").match(line.text) if block else None
        fields = _role_fields(line) if _role_field_re().search(line.text) else []
        if status_head or group_head:
            flush()
            head = status_head or group_head
            assert head is not None
            word = head.group("head")
            if status_head:
                spec = lookup("attendance_headings", word) or {}
                qualifier = re.sub(
                    r"^[\s(]*(?:(?:fra|from|af|of|i|in|til|for)\s+)?", "", head.group("qual") or ""
                )
                qual = lookup("group_headings", qualifier.strip(" ()"))
                role = spec.get("role") or qual  # type: ignore[union-attr]
                block = _Block(spec.get("status", "unknown"), role, word)  # type: ignore[union-attr]
            else:
                assert block is not None
                block = _Block(block.status, str(lookup("group_headings", word)), word)
            result.lines.add(line.index)
            rest = head.group("rest").strip()
            if rest:
                logical.append(Line(line.index, line.end - len(rest), line.end, rest))
        elif fields:
            flush()
            result.role_fields.extend(fields)
            result.field_lines.add(line.index)
        elif block and logical and _continues(logical[-1].text, line.text):
            logical.append(line)
            result.lines.add(line.index)
        elif block and _entry_line(line.text):
            flush()
            logical.append(line)
            result.lines.add(line.index)
        else:
            flush()
            block = None
    flush()
    return result
