"""Attendance blocks: who was there, who sent apologies, and in which capacity.

Minutes list people under headings (``Deltagere``, ``Til stede:`` with ``Bestyrelsen:`` and
``Observatører:`` groups, ``Afbud:``, ``Present:``, ``Apologies:``, ``Forfall:``, ``Närvarande:``),
one a line, numbered, or as comma lists, or in tables whose header row says what each column holds
(``| Navn | Organisation | Rolle |``, ``| Til stede | Afbud |``; the reader writes Word and web tables
as such rows). Names may come surname first (``Hansen, Jens``) or with the surname in capitals
(``Kari NORDMANN``). Single roles are named in fields (``Ordstyrer: Jan.``, ``Minutes taken by
Jo Bloggs``) and in the signatures closing the minutes (``Vid protokollet`` / name / ``Sekreterare``).
All these words come from ``knowledge/minutes.yaml``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from typing import NamedTuple

from pmkg.ingest.names import (
    could_be_surname,
    given_names,
    is_absent_marker,
    is_organisation_word,
    is_title,
    looks_like_person,
    parse_name_entry,
    role_of,
    split_name_list,
    vocabulary,
)
from pmkg.ingest.parsed import NameMention, Span
from pmkg.ingest.text.dates import find_dates

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
    """``Referent: Karl``, ``| Referent | Karl |`` (a table of labels and values), and without a colon
    after a field ending in a linking word followed by a name (``Minutes taken by Mary Walsh``,
    ``Referat ved Karen Holm``)."""
    words = alternation(vocabulary()["role_fields"])
    linked = r"(?<=\sby)|(?<=\sved)|(?<=\sv/)|(?<=\saf)|(?<=\sav)"
    return re.compile(
        rf"(?:^|(?<=[.;,|]\s))(?P<head>{words})(?:\s*:\s*|\s+\|\s+|(?:{linked})\s*(?=(?-i:[A-ZÆØÅÄÖÜ])))",
        re.IGNORECASE,
    )


def lookup(key: str, phrase: str) -> object:
    table = {str(k).lower(): v for k, v in vocabulary()[key].items()}
    return table.get(re.sub(r"\s+", " ", phrase.strip()).lower())


@dataclass
class _Block:
    status: str
    role: str | None
    group: str | None  # None for a table standing under no heading
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


def entries(text: str, offset: int, known: frozenset[str] = frozenset()) -> list[tuple[str, Span]]:
    """Entries of one logical attendance line, with their spans. Comma parts that are not a person
    (titles, an organisation) belong to the person before them, so ``Søren Brunak, professor,
    Københavns Universitet`` is one entry and ``A, B og C`` three; a part that looks like a name
    starts a new entry when all parts are names, its first word is a known given name, or it is one
    of the ``known`` names (lower case; those the document wrote with the surname in capitals).
    Parts before the first name are its titles (``Professor, overlæge, dr.med. Henrik Toft Sørensen``)."""
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
        name = parse_name_entry(part[0]).name
        starts = is_person and any(people[:i]) and (all_names or _is_given(name) or name.lower() in known)
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
    found = _inverted_entries(text, 0) or entries(text, 0)
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
        offset = line.start + m.end()
        for part, (s, e) in _inverted_entries(value, offset) or entries(value, offset):
            mention = parse_name_entry(part)
            if looks_like_person(mention.name) or mention.name.lower() in given_names():
                found.append(_signed(mention, (s, e), str(role)))
    return found


def _signed(mention: NameMention, span: Span, role: str | None) -> NameMention:
    """A person named in a role field or a signature: present, with that role first."""
    roles = list(dict.fromkeys(r for r in [role, *mention.roles] if r))
    return replace(mention, span=span, roles=roles, status="present")


def _table_rule(text: str) -> bool:
    """The rule under a Markdown table's header row (``|---|---|``)."""
    return bool(re.fullmatch(r"[-|:+= ]{3,}", text))


def _comma_header(text: str) -> bool:
    """A header row written as a comma list (``Navn, Organisation, Rolle``), as plain text exports do."""
    cells = [c.strip() for c in text.split(",")]
    return len(cells) >= 2 and all(_column_kind(c) for c in cells)


def _column_kind(heading: str) -> str | None:
    """What a table column holds, from its heading: name, organisation, role, title, present, absent."""
    cleaned = re.sub(r"\s+", " ", heading.strip(" *_:.")).lower()
    return next((kind for kind, words in _column_words().items() if cleaned in words), None)


@cache
def _column_words() -> dict[str, frozenset[str]]:
    return {
        kind: frozenset(str(w).lower() for w in words)
        for kind, words in vocabulary()["table_headers"].items()
    }


_Cell = tuple[str, int]  # a cell's stripped text and its offset in the text


def _raw_line(text: str, line: Line) -> tuple[str, int]:
    """The whole line ``line`` stands on, Markdown marks and all, and its offset."""
    start = text.rfind("\n", 0, line.start) + 1
    end = text.find("\n", line.end)
    return text[start : len(text) if end < 0 else end], start


def _cells(text: str, line: Line) -> list[_Cell]:
    """The cells of a table row: between pipes (``| Eva Berg |  | Medlem |``, empty cells kept so
    values stay under their headings), else between tabs or wide gaps (``Jane Smith   Chair``)."""
    raw, start = _raw_line(text, line)
    piped = "|" in raw
    bounds, pos = [], 0
    for m in re.finditer(r"\|" if piped else r"\t+|[ ]{3,}", raw):
        bounds.append((pos, m.start()))
        pos = m.end()
    bounds.append((pos, len(raw)))
    if piped and not raw[: bounds[0][1]].strip():
        bounds = bounds[1:]  # before the opening pipe
    if piped and bounds and not raw[bounds[-1][0] :].strip():
        bounds = bounds[:-1]  # after the closing pipe
    if not piped:
        bounds = [(a, b) for a, b in bounds if raw[a:b].strip()]
    return [(raw[a:b].strip(), start + a + len(raw[a:b]) - len(raw[a:b].lstrip())) for a, b in bounds]


def _is_row(text: str, line: Line, cells: list[_Cell]) -> bool:
    """A line of several cells, or one written between pipes (``| Per Olsen | |``)."""
    return len(cells) >= 2 or "|" in _raw_line(text, line)[0]


class _Column(NamedTuple):
    kind: str | None  # see _column_kind; None for a column the parser does not read
    heading: str


_STATUS_KINDS = frozenset({"present", "absent"})


def _header_columns(cells: list[_Cell], *, under_heading: bool) -> list[_Column] | None:
    """The columns of a table's header row: at least two known headings, most headings known, and a
    name column, or only status columns (``Til stede | Afbud``: a grid of names under each). Under no
    attendance heading the table must say more of its people than a name (``| Navn | E-mail |`` in
    an appendix lists contacts, not attendees)."""
    columns = [_Column(_column_kind(c) if c else None, c) for c, _ in cells]
    kinds = [col.kind for col in columns if col.heading]
    known = [k for k in kinds if k]
    if len(known) < 2 or len(known) * 2 <= len(kinds):
        return None
    if not under_heading and not set(known) - {"name", "other"}:
        return None
    return columns if "name" in known or set(kinds) <= _STATUS_KINDS else None


def _cell_status(values: dict[str, list[str]]) -> str | None:
    """The status a row's present/absent cells give: a status word, or a mark (``x`` under "Afbud")."""
    marks = {kind: {str(w).lower() for w in words} for kind, words in vocabulary()["table_marks"].items()}
    present = {str(w).lower() for w in vocabulary()["present_markers"]}
    for kind in ("present", "absent"):
        for cell in values.get(kind, []):
            value = cell.strip(" .").lower()
            if is_absent_marker(value) or value in _column_words()["absent"]:
                return "absent"
            if value in present or value in _column_words()["present"]:
                return "present"
            if value in marks["checked"] or value in marks["unchecked"]:
                return "present" if (value in marks["checked"]) == (kind == "present") else "absent"
    return None


def _table_row(cells: list[_Cell], columns: list[_Column], block: _Block) -> list[NameMention]:
    """The people in one row of an attendance table, read by its columns."""
    if all(col.kind in _STATUS_KINDS for col in columns if col.heading):
        return _grid_row(cells, columns, block)
    mention = _person_row(cells, [col.kind for col in columns], block)
    return [mention] if mention else []


def _person_row(cells: list[_Cell], kinds: list[str | None], block: _Block) -> NameMention | None:
    """A row about one person: the name (``Hansen, Lars`` turned round), titles and roles from their
    cells, the organisation as the affiliation, the status from a present/absent column or else the
    block's."""
    values: dict[str, list[str]] = {}
    for (cell, _), kind in zip(cells, kinds, strict=False):
        if cell and kind:
            values.setdefault(kind, []).append(cell)
    names = values.get("name", [])
    if not names:
        return None
    mention = parse_name_entry(
        ", ".join([_uninverted(names[0]) or names[0], *values.get("title", []), *values.get("role", [])])
    )
    if not _names_person(mention):
        return None
    filled = [(c, at) for c, at in cells if c]
    status = _cell_status(values) or (mention.status if mention.status != "unknown" else block.status)
    return replace(
        mention,
        span=(filled[0][1], filled[-1][1] + len(filled[-1][0])),
        roles=list(dict.fromkeys(r for r in [block.role, *mention.roles] if r)),
        status=status,
        group=block.group,
        affiliation=", ".join(values.get("organisation", [])) or mention.affiliation,
    )


_MAX_WRAPPED_WORDS = 4


def _wrapped_cell(text: str, cells: list[_Cell]) -> bool:
    """The rest of a cell that wrapped onto a line of its own in a PDF table (``Universitetshospital``
    under ``Aarhus``): a few words in lower case or naming an organisation, no person, no item."""
    words = text.split()
    sections = {str(w).lower() for w in vocabulary()["section_headings"]}
    return (
        len(cells) == 1
        and text.strip(" :").lower() not in sections
        and 0 < len(words) <= _MAX_WRAPPED_WORDS
        and not text[0].isdigit()
        and not text.endswith((".", ":"))
        and (text[0].islower() or any(is_organisation_word(w) for w in words))
        and not looks_like_person(text)
    )


def _continued(mention: NameMention, line: Line) -> NameMention:
    """The row's person with the wrapped words: an organisation's name goes on in the affiliation."""
    organisation = not line.text[0].islower() and mention.affiliation
    affiliation = f"{mention.affiliation} {line.text}" if organisation else mention.affiliation
    return replace(mention, affiliation=affiliation, span=(mention.span[0], line.end))


def _headerless_row(text: str, line: Line, cells: list[_Cell], block: _Block) -> NameMention | None:
    """A row of a table under a heading but without a header row (``| Henrik Lund |  | Board member |``):
    the first filled cell names the person and the others describe them, as a comma list would."""
    filled = [(c, at) for c, at in cells if c]
    if len(filled) < 2 or "|" not in _raw_line(text, line)[0]:
        return None
    return _person_row(filled, ["name"] + ["title"] * (len(filled) - 1), block)


def _grid_row(cells: list[_Cell], columns: list[_Column], block: _Block) -> list[NameMention]:
    """A row of a grid with a column per status (``| Anders Holm (formand) | Mette Bak |``): each
    cell's people have its column's status and stand under its heading."""
    found = []
    for (cell, at), col in zip(cells, columns, strict=False):
        for part, span in _inverted_entries(cell, at) or entries(cell, at):
            mention = parse_name_entry(part)
            if _names_person(mention):
                roles = list(dict.fromkeys(r for r in [block.role, *mention.roles] if r))
                found.append(
                    replace(mention, span=span, roles=roles, status=str(col.kind), group=col.heading)
                )
    return found


# --- names written surname first or in capitals ------------------------------------------------

_NAME_WORD = r"[A-ZÆØÅÄÖÜ][\w'’-]*"


def _uninverted(text: str) -> str | None:
    """``Hansen, Lars`` -> ``Lars Hansen`` (the order of exported lists; ``SMITH, Jane`` -> ``Jane
    Smith``), keeping what follows in parentheses; None when the part after the comma is no given
    name (a title, an organisation, an acronym, a second person: ``Jens Hansen, Bo Jensen``)."""
    particles = rf"(?:(?:{alternation(vocabulary()['name_particles'])})\s+)*"
    m = re.fullmatch(
        rf"(?P<surname>{particles}{_NAME_WORD}(?:\s+{_NAME_WORD})?)\s*,\s*"
        rf"(?P<given>{_NAME_WORD}(?:\s+{_NAME_WORD})?)(?P<tail>\s*\(.*\))?",
        text.strip(),
    )
    if not m:
        return None
    surname = [w for w in m.group("surname").split() if w[0].isupper()]
    given = m.group("given").split()
    words = surname + given
    if any(is_title(w) or role_of(w) or is_organisation_word(w) for w in words):
        return None
    if any(len(w) > 1 and w.isupper() for w in given) or len(surname) == 2 and _is_given(surname[0]):
        return None
    family = " ".join(_title_cased(w) if w.isupper() else w for w in m.group("surname").split())
    return f"{m.group('given')} {family}{m.group('tail') or ''}"


def _title_cased(word: str) -> str:
    """``O'CONNOR`` -> ``O'Connor``, ``NIELSEN-HOLM`` -> ``Nielsen-Holm``; the same length."""
    cased = re.sub(r"[^\W\d_]+", lambda w: w.group(0)[0] + w.group(0)[1:].lower(), word)
    return cased if len(cased) == len(word) else word


def _inverted_entries(text: str, offset: int) -> list[tuple[str, Span]] | None:
    """A list of names written surname first, ``Lindqvist, Anna (ordförande); Berg, Erik`` or
    ``Olsen, Kari, Berg, Nils``: each entry turned round, with the span of what was written. Only when
    every entry reads so, and, without semicolons, when the words after the commas are mostly known
    given names and those before them are none (``Hansen, Jens``, not ``Anne, Bo``)."""
    if ";" in text:
        parts = [(m.group(0), m.start()) for m in re.finditer(r"[^;]+", text) if m.group(0).strip()]
    else:
        commas = [m.span() for m in re.finditer(r"(?:[^,(]|\([^)]*\))+", text)]
        if len(commas) % 2:
            return None
        parts = [(text[a[0] : b[1]], a[0]) for a, b in zip(commas[::2], commas[1::2], strict=True)]
    turned = [_uninverted(part) for part, _ in parts]
    if not parts or None in turned:
        return None
    if ";" not in text:
        given = sum(_is_given(str(name)) for name in turned)
        if given * 2 <= len(turned) or any(_is_given(part.split(",")[0].strip()) for part, _ in parts):
            return None
    found = []
    for (part, at), name in zip(parts, turned, strict=True):
        lead = len(part) - len(part.lstrip())
        found.append((str(name), (offset + at + lead, offset + at + len(part.rstrip()))))
    return found


_CAPITAL_SURNAME = re.compile(
    r"(?<![\w'’-])(?P<given>[A-ZÆØÅÄÖÜ][a-zæøåäöüéèáó]+(?:-[A-ZÆØÅÄÖÜ][a-zæøåäöüéèáó]+)?)[ ]+"
    r"(?P<caps>[A-ZÆØÅÄÖÜ][A-ZÆØÅÄÖÜ'’-]*[A-ZÆØÅÄÖÜ](?:[ ]+[A-ZÆØÅÄÖÜ][A-ZÆØÅÄÖÜ'’-]*[A-ZÆØÅÄÖÜ])?)"
    r"(?![\w'’-])"
)
_MIN_CAPITAL_SURNAMES = 3


def recased_surnames(text: str) -> tuple[str, frozenset[str]]:
    """The text with surnames in capitals (``Kari NORDMANN``, ``Siobhan O'CONNOR``) written as names
    (``Kari Nordmann``), and those names in lower case, when the document follows that convention:
    three or more different words in capitals after a capitalised word, two of them after known given
    names. A word in capitals is a surname after a known given name, on the same line as one
    (``Lars JOHANSEN, Trude LIE``) or in a table row; ``Data Protection GDPR`` elsewhere is no name.
    Lengths are kept, so offsets stay true."""
    found = list(_CAPITAL_SURNAME.finditer(text))
    named = [m for m in found if _is_given(m.group("given"))]
    if (
        len({m.group("caps") for m in found}) < _MIN_CAPITAL_SURNAMES
        or len({m.group("caps") for m in named}) < 2
    ):
        return text, frozenset()
    breaks = [m.start() for m in re.finditer("\n", text)]
    named_lines = {bisect.bisect(breaks, m.start()) for m in named}

    def surname(m: re.Match[str]) -> bool:
        line = bisect.bisect(breaks, m.start())
        start, end = breaks[line - 1] + 1 if line else 0, breaks[line] if line < len(breaks) else len(text)
        return line in named_lines or " | " in text[start:end] or "\t" in text[start:end]

    chosen = [m for m in found if surname(m)]
    pieces, at = [], 0
    for m in chosen:
        pieces += [text[at : m.start("caps")], _title_cased(m.group("caps"))]
        at = m.end("caps")
    recased = "".join([*pieces, text[at:]])
    return recased, frozenset(" ".join(recased[m.start() : m.end()].split()).lower() for m in chosen)


# --- signatures ------------------------------------------------------------------------------


@cache
def _signoff_re() -> re.Pattern[str]:
    words = alternation(vocabulary()["signoff_headings"])
    return re.compile(rf"^(?P<head>{words})(?!\w)\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)


@dataclass
class _Signoff:
    """The signatures under a heading such as "Vid protokollet" or "Justeras:": name lines, each
    maybe followed by a line of the signers' roles in the same columns."""

    role: str | None
    pending: list[NameMention] = field(default_factory=list)
    done: list[NameMention] = field(default_factory=list)

    def close(self) -> None:
        self.done.extend(_signed(m, m.span, self.role) for m in self.pending)
        self.pending = []

    def take(self, cells: list[_Cell]) -> bool:
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
        if _signoff_re().match(texts[0]) or role_field_re().match(texts[0]):
            return False  # the next heading ("Justeras: Anna Wedell, Allan Lund")
        people = [(parse_name_entry(c), at, c) for c, at in cells if c]
        if all(looks_like_person(m.name) for m, _, _ in people):
            self.close()
            self.pending = [replace(m, span=(at, at + len(c))) for m, at, c in people]
            return True
        return bool(re.fullmatch(r"[_.\-–—\s]+", " ".join(texts))) or bool(find_dates(" ".join(texts)))


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
    a table's header row says how to read the rows under it, signatures name the minute taker and
    the chair, and the first line that is none of these closes the block."""
    recased, known = recased_surnames(text)
    if recased != text:
        text, lines = recased, split_lines(recased)
    result = AttendanceFound()
    block: _Block | None = None
    logical: list[Line] = []
    label: str | None = None
    columns: list[_Column] | None = None  # the columns of the table being read
    signoff: _Signoff | None = None
    gap_row: int | None = None  # the last row of a table whose cells are set apart by gaps (a PDF's)

    def flush() -> None:
        if logical and block is not None:
            start, end = logical[0].start, logical[-1].end
            chunk = text[start:end].replace("\n", " ")
            for part, span in _inverted_entries(chunk, start) or entries(chunk, start, known):
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
        cells = _cells(text, line)
        if signoff is not None:
            if signoff.take(cells):
                result.lines.add(line.index)
                continue
            signoff.close()
            result.role_fields.extend(signoff.done)
            signoff = None
        header = _header_columns(cells, under_heading=block is not None)
        opened = None if header else _open_block(line, block)
        labelled = _LABEL.match(line.text) if block and not opened else None
        signing = _signoff_re().match(line.text)
        if header:
            flush()
            columns = header
            block = block or _Block("present", None, None, nested=False)
            result.lines.add(line.index)
        elif columns and block and _table_rule(line.text):
            result.lines.add(line.index)
        elif (
            columns
            and block
            and not opened
            and _is_row(text, line, cells)
            and (row := _table_row(cells, columns, block))
        ):
            result.mentions.extend(row)
            result.lines.add(line.index)
            gap_row = None if "|" in _raw_line(text, line)[0] else line.index
        elif gap_row == line.index - 1 and not opened and result.mentions and _wrapped_cell(line.text, cells):
            result.mentions[-1] = _continued(result.mentions[-1], line)
            result.lines.add(line.index)
            gap_row = line.index
        elif opened:
            flush()
            block, rest = opened
            columns = columns if block.grouped else None  # a group heading row inside a table
            label = None
            result.lines.add(line.index)
            if rest:
                logical.append(Line(line.index, line.end - len(rest), line.end, rest))
        elif role_field_re().search(line.text) and (fields := _role_fields(line)):
            flush()
            result.role_fields.extend(fields)
            result.field_lines.add(line.index)
        elif block and (row := _headerless_row(text, line, cells, block)):
            flush()
            result.mentions.append(row)
            result.lines.add(line.index)
        elif signing and (signers := _signers(signing, line)) is not None:
            flush()
            block, columns = None, None
            role = lookup("signoff_headings", signing.group("head"))
            signoff = _Signoff(str(role) if role else None, pending=signers)
            result.lines.add(line.index)
        elif block and (_table_rule(line.text) or _comma_header(line.text)):
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
            block, columns = None, None
    flush()
    if signoff is not None:
        signoff.close()
        result.role_fields.extend(signoff.done)
    for line in reversed(lines):  # role fields closing the minutes ("Referent: ...") are no item's text
        if line.blank:
            continue
        if line.index not in result.lines | result.field_lines:
            break
        result.lines.add(line.index)
    if sum(bool(m.initials) for m in result.mentions) * 2 <= len(result.mentions):
        result.mentions = _initials_as_organisations(result.mentions)
        result.role_fields = _initials_as_organisations(result.role_fields)
    return result


def _signers(heading: re.Match[str], line: Line) -> list[NameMention] | None:
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


def _initials_as_organisations(mentions: list[NameMention]) -> list[NameMention]:
    """Initials after names (``Jane Smith (JS)``) are a convention of the whole list; where few
    entries have them, ``Kim Lund (KL)`` among ``Jens Hansen (Danske Regioner)`` names an organisation."""
    return [
        replace(m, initials=None, affiliation=m.affiliation or m.initials) if m.initials else m
        for m in mentions
    ]
