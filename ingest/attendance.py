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

from ingest.names import (
    could_be_surname,
    given_names,
    is_title,
    looks_like_person,
    parse_name_entry,
    split_name_list,
    vocabulary,
)
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
def role_field_re() -> re.Pattern[str]:
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
    nested: bool  # the heading stood alone, so group headings under it keep its status
    grouped: bool = False  # opened by a group heading ("Observatører:"), not a status heading
    listed: bool = False  # a status heading with names right under it ("Forfall:" / "Hilde Aarsland")


_LABEL = re.compile(r"^(?P<label>[^:]{2,60}?)\s*:\s*(?P<rest>\S.*)$")


@dataclass
class AttendanceFound:
    mentions: list[NameMention] = field(default_factory=list)
    role_fields: list[NameMention] = field(default_factory=list)
    lines: set[int] = field(default_factory=set)  # line indices of attendance blocks
    field_lines: set[int] = field(default_factory=set)  # lines of role fields ("Referent: Karl.")


def _is_given(name: str) -> bool:
    return bool(name) and name.split()[0].lower() in given_names()


def _names_person(mention: NameMention) -> bool:
    """A person's name, or a surname after a title in a list of people (``Lord Patel``, ``Dr Smith``)."""
    titled = any(is_title(t) for t in mention.titles)
    return looks_like_person(mention.name) or titled and could_be_surname(mention.name)


def entries(text: str, offset: int) -> list[tuple[str, Span]]:
    """Entries of one logical attendance line, with their spans. Comma parts that are not a person
    (titles, an organisation) belong to the person before them, so ``Søren Brunak, professor,
    Københavns Universitet`` is one entry and ``A, B og C`` three; a part that looks like a name
    starts a new entry when all parts are names or its first word is a known given name. Parts
    before the first name are its titles (``Professor, overlæge, dr.med. Henrik Toft Sørensen``)."""
    parts, cursor = [], 0
    for part in split_name_list(text):
        at = text.find(part, cursor)
        at = at if at >= 0 else cursor
        cursor = at + len(part)
        parts.append((part, at, cursor))
    people = [_names_person(parse_name_entry(p)) for p, _, _ in parts]
    all_names = len(parts) >= 3 and all(people)
    groups: list[list[tuple[str, int, int]]] = []
    for i, (part, is_person) in enumerate(zip(parts, people, strict=True)):
        starts = is_person and any(people[:i]) and (all_names or _is_given(parse_name_entry(part[0]).name))
        if not groups or starts:
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


_MAX_NOTE_WORDS = 5  # "Peder Ahnfeldt-Mollerup deltager under punkt 19"


def _entry_line(text: str) -> bool:
    """True when a line reads as attendance entries: its first entry names a person and goes on,
    if at all, with a short note, not a sentence ("Anne Hansen orienterede om arbejdet.")."""
    found = entries(text, 0)
    if not found:
        return False
    first = found[0][0]
    mention = parse_name_entry(first)
    name = mention.name
    if not _names_person(mention):
        return False
    part = next((p for p in split_name_list(first) if name in p), first)
    head = re.split(r"[,(;]|\s[-–—]\s", part)[0]  # "Jane Smith – NHS England": a dash ends the name
    note = head[head.find(name) + len(name) :].split() if name in head else []
    return not note or (len(note) <= _MAX_NOTE_WORDS and not text.rstrip().endswith("."))


def _role_fields(line: Line) -> list[NameMention]:
    """``Ordstyrer: Jan. Referent: Karl.`` -> a mention per field, with the field's role."""
    starts = list(role_field_re().finditer(line.text))
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


def _table_header(text: str) -> bool:
    """The heading row of an attendance table (``Navn | Organisation | Rolle``) or its rule line."""
    if re.fullmatch(r"[-|:+= ]{3,}", text):
        return True
    cells = [c.strip().lower() for c in re.split(r"\t|\s\|\s|\s{3,}|,", text) if c.strip()]
    headers = {str(h).lower() for h in vocabulary()["table_headers"]}
    return len(cells) >= 2 and all(c in headers for c in cells)


def _open_block(line: Line, block: _Block | None) -> tuple[_Block, str] | None:
    """The block a heading line opens and the names on the rest of the line, or None.

    A status heading (``Afbud:``) opens a block; a group heading (``Observatører:``) nests in a
    block whose heading stood alone (``Til stede:`` over ``Bestyrelsen:``, so it keeps that status)
    and otherwise, written with a colon, opens a block of present people (``Fra sekretariatet:``)."""
    status_head = _heading_re("attendance_headings").match(line.text)
    if status_head:
        spec = lookup("attendance_headings", status_head.group("head")) or {}
        qualifier = re.sub(
            r"^[\s(]*(?:(?:fra|from|af|of|i|in|til|for)\s+)?", "", status_head.group("qual") or ""
        )
        role = spec.get("role") or lookup("group_headings", qualifier.strip(" ()"))  # type: ignore[union-attr]
        rest = status_head.group("rest").strip()
        status = str(spec.get("status", "unknown"))  # type: ignore[union-attr]
        return _Block(status, role, status_head.group("head"), nested=not rest), rest  # type: ignore[arg-type]
    group_head = _heading_re("group_headings").match(line.text)
    if not group_head:
        return None
    role = str(lookup("group_headings", group_head.group("head")))
    rest = group_head.group("rest").strip()
    if block and block.nested and not block.listed:
        return _Block(block.status, role, group_head.group("head"), nested=True, grouped=True), rest
    if ":" in line.text or block and block.listed:  # observers after a list of absentees attended
        return _Block("present", role, group_head.group("head"), nested=False, grouped=True), rest
    return None


@cache
def _inline_heading_re() -> re.Pattern[str]:
    words = alternation([*vocabulary()["attendance_headings"], *vocabulary()["group_headings"]])
    return re.compile(rf"(?<=[.;])\s+(?=(?:{words})\s*:)", re.IGNORECASE)


def _inline_headings(line: Line) -> list[Line]:
    """``Til stede: A og B. Fraværende: C`` on one line: a line per heading."""
    cuts = [m.end() for m in _inline_heading_re().finditer(line.text)]
    bounds = list(zip([0, *cuts], [*cuts, len(line.text)], strict=True))
    return [
        Line(
            line.index, line.start + a, line.start + a + len(line.text[a:b].rstrip()), line.text[a:b].rstrip()
        )
        for a, b in bounds
    ]


def find_attendance(lines: list[Line], text: str) -> AttendanceFound:
    """Walk the lines once: headings open blocks, entry lines fill them (a line labelled with an
    organisation, ``Danske Regioner: Anne Hansen, Bo Jensen``, gives its people that affiliation),
    and the first line that is none of these closes the block."""
    result = AttendanceFound()
    block: _Block | None = None
    logical: list[Line] = []
    label: str | None = None

    def flush() -> None:
        if logical and block is not None:
            start, end = logical[0].start, logical[-1].end
            for part, span in entries(text[start:end].replace("\n", " "), start):
                mention = parse_name_entry(part)
                if not _names_person(mention):
                    continue  # "Afbud: Ingen", "Apologies: none", "N.N."
                roles = list(dict.fromkeys(r for r in [block.role, *mention.roles] if r))
                status = block.status if mention.status == "unknown" else mention.status
                affiliation = mention.affiliation or label
                result.mentions.append(
                    replace(
                        mention,
                        span=span,
                        roles=roles,
                        status=status,
                        group=block.group,
                        affiliation=affiliation,
                    )
                )
        logical.clear()

    for line in (part for whole in lines for part in _inline_headings(whole)):
        if line.blank:
            continue
        opened = _open_block(line, block)
        labelled = _LABEL.match(line.text) if block and not opened else None
        if opened:
            flush()
            block, rest = opened
            label = None
            result.lines.add(line.index)
            if rest:
                logical.append(Line(line.index, line.end - len(rest), line.end, rest))
        elif role_field_re().search(line.text) and (fields := _role_fields(line)):
            flush()
            result.role_fields.extend(fields)
            result.field_lines.add(line.index)
        elif block and _table_header(line.text):
            flush()
            result.lines.add(line.index)
        elif block and logical and _continues(logical[-1].text, line.text):
            logical.append(line)
            result.lines.add(line.index)
        elif labelled and _entry_line(labelled.group("rest")):
            flush()
            label = labelled.group("label").strip()
            rest = labelled.group("rest")
            logical.append(Line(line.index, line.end - len(rest), line.end, rest))
            result.lines.add(line.index)
        elif block and _entry_line(line.text):
            flush()
            block.listed = not block.grouped
            label = None
            logical.append(line)
            result.lines.add(line.index)
        else:
            flush()
            block = None
    flush()
    if sum(bool(m.initials) for m in result.mentions) * 2 <= len(result.mentions):
        result.mentions = _initials_as_organisations(result.mentions)
        result.role_fields = _initials_as_organisations(result.role_fields)
    return result


def _initials_as_organisations(mentions: list[NameMention]) -> list[NameMention]:
    """Initials after names (``Jane Smith (JS)``) are a convention of the whole list; where few
    entries have them, ``Kim Lund (KL)`` among ``Jens Hansen (Danske Regioner)`` names an organisation."""
    return [
        replace(m, initials=None, affiliation=m.affiliation or m.initials) if m.initials else m
        for m in mentions
    ]
