"""Attendance tables: the header row says what each column holds (name, organisation, role, title,
present, absent), and each row is read by its columns; a grid has a column per status."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import NamedTuple

from pmkg.ingest.parse.blocks import AttendanceBlock
from pmkg.ingest.parse.entry import organisation_of, parse_name_entry
from pmkg.ingest.parse.headings import classify
from pmkg.ingest.parse.lists import entries, inverted_entries, names_person, uninverted
from pmkg.ingest.parse.minutes import NameMention
from pmkg.ingest.people.names import is_organisation_word, looks_like_person
from pmkg.ingest.people.units import unit_role
from pmkg.ingest.text.lines import Cell, Line, raw_line
from pmkg.ingest.vocabulary import is_absent_marker, role_of, vocabulary


def _comma_header(text: str) -> bool:
    """A header row written as a comma list (``Navn, Organisation, Rolle``), as plain text exports do."""
    cells = [c.strip() for c in text.split(",")]
    return len(cells) >= 2 and all(_column_kind(c) for c in cells)


def _column_kind(heading: str) -> str | None:
    """What a table column holds, from its heading: name, organisation, role, title, present, absent.

    A heading of several words is read by its last word, the head of the phrase ("Member institution
    (country)" holds institutions, "Navn på deltager" names); what stands in brackets only qualifies it."""
    cleaned = re.sub(r"\s+", " ", re.sub(r"\([^)]*\)", " ", heading).strip(" *_:.")).lower()
    words = _column_words().items()
    exact = next((kind for kind, listed in words if cleaned in listed), None)
    if exact or " " not in cleaned:
        return exact
    head = cleaned.split()[-1]  # "Region Midtjylland" in a row ends in no heading word: a value
    found = next((kind for kind, listed in words if head in listed), None)
    qualified = _QUALIFIED.match(cleaned)  # "Rolle i mødet", "Role at the meeting": the word before
    if found or not qualified:
        return found
    return next((kind for kind, listed in words if qualified.group(1) in listed), None)


#: A heading whose head word is qualified by a phrase about the meeting ("Rolle i mødet", "Roll på mötet").
_QUALIFIED = re.compile(r"^(\w+) (?:i|in|på|at|on|ved|vid|under|during)(?: the)? (?:\w+)$")


@cache
def _column_words() -> dict[str, frozenset[str]]:
    return {
        kind: frozenset(str(w).lower() for w in words)
        for kind, words in vocabulary()["table_headers"].items()
    }


class _Column(NamedTuple):
    kind: str | None  # see _column_kind, or "grid" (a column of names by role); None when not read
    heading: str
    role: str | None = None  # the role a grid column's heading names ("Næstformand", "Medlemmer")


def _role_column(heading: str) -> str | None:
    """The role a column heading names in a grid of names by role (``| Formand | Næstformand |
    Medlemmer |``, ``| Chair | Members | Officers |``): a role word, or a group word with no status."""
    cleaned = heading.strip(" *_:.")
    group = classify(cleaned)
    return role_of(cleaned) or (group[1] if group and not group[0] else None)


_STATUS_KINDS = frozenset({"present", "absent"})


def _header_columns(cells: list[Cell], *, under_heading: bool) -> list[_Column] | None:
    """The columns of a table's header row: at least two known headings, most headings known, and a
    name column, or only status columns (``Til stede | Afbud``: a grid of names under each). Under no
    attendance heading the table must say more of its people than a name (``| Navn | E-mail |`` in
    an appendix lists contacts, not attendees). A line of one cell, as most lines are, is no header:
    answered before its words are looked up."""
    if sum(1 for c, _ in cells if c) < 2:
        return None
    roles = [_role_column(c) for c, _ in cells if c]
    if (
        under_heading and len(roles) >= 2 and all(roles)
    ):  # a grid of names by role, under an attendance heading
        return [_Column("grid" if c else None, c, _role_column(c) if c else None) for c, _ in cells]
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
            # the status word a cell opens with: "Apologies – substitute: Dr X", "Present (substitute)"
            value = re.split(r"\s*[-–—(:;,]\s*|\s+[-–—]\s+", cell.strip(" .").lower())[0] or cell.lower()
            if is_absent_marker(value) or value in _column_words()["absent"]:
                return "absent"
            if value in present or value in _column_words()["present"]:
                return "present"
            if value in marks["checked"] or value in marks["unchecked"]:
                return "present" if (value in marks["checked"]) == (kind == "present") else "absent"
    return None


def _table_row(cells: list[Cell], columns: list[_Column], block: AttendanceBlock) -> list[NameMention]:
    """The people in one row of an attendance table, read by its columns."""
    if all(col.kind in _STATUS_KINDS or col.kind == "grid" for col in columns if col.heading):
        return _grid_row(cells, columns, block)
    mention = _person_row(cells, [col.kind for col in columns], block)
    if (
        mention
        and _gives_membership(columns)
        and "deputy" not in mention.roles
        and not _substitute(cells, columns)
    ):
        mention = replace(
            mention,
            roles=[*mention.roles, "member"] if "member" not in mention.roles else mention.roles,
            role_rules={"member": "roles.column", **mention.role_rules},
        )
    return ([mention] if mention else []) + _deputies(cells, columns, block, mention)


def _gives_membership(columns: list[_Column]) -> bool:
    """A table of a body's members (``| Member | Representing | Attendance |``, ``| Organisasjon |
    Medlem | Varamedlem |``): its name column is headed by a member word and no column gives roles."""
    words = {str(w).lower() for w in vocabulary()["member_columns"]}
    kinds = {col.kind for col in columns}
    return "role" not in kinds and any(
        col.kind == "name" and col.heading.strip(" *_:.").lower() in words for col in columns
    )


def _substitute(cells: list[Cell], columns: list[_Column]) -> bool:
    """A status cell saying, in brackets, that the row's person came as a substitute (``Present
    (substitute)``; not ``Apologies – substitute: Dr Rachel Kimber``, which names someone else)."""
    deputy = _column_words()["deputy"]
    return any(
        col.kind in _STATUS_KINDS
        and (m := re.search(r"\(([^()]*)\)\s*$", cell))
        and m[1].strip().lower() in deputy
        for (cell, _), col in zip(cells, columns, strict=False)
    )


def _deputies(
    cells: list[Cell], columns: list[_Column], block: AttendanceBlock, member: NameMention | None
) -> list[NameMention]:
    """The people in a deputy column (``Varamedlem``, ``Deputy``, ``Ersättare``): role deputy, the row's
    organisation, and the status their own cell writes (``(møtte)``, ``(forfall)``); a deputy with no
    mark is only named (status ``unknown``): a deputy attends in a member's place, and the minutes say so."""
    found = []
    for (cell, at), col in zip(cells, columns, strict=False):
        if col.kind != "deputy" or not cell.strip():
            continue
        mention = parse_name_entry(uninverted(cell) or cell)
        if not names_person(mention):
            continue
        organisation = (
            member.affiliation if member and member.affiliation_rule == "affiliation.column" else None
        )
        found.append(
            replace(
                mention,
                span=(at, at + len(cell)),
                roles=list(dict.fromkeys(["deputy", *mention.roles])),
                group=col.heading,
                affiliation=organisation or mention.affiliation,
                rule="attendance.table",
                role_rules={"deputy": "roles.column", **mention.role_rules},
                affiliation_rule="affiliation.column" if organisation else mention.affiliation_rule,
            )
        )
    return found


def _person_row(cells: list[Cell], kinds: list[str | None], block: AttendanceBlock) -> NameMention | None:
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
        ", ".join([uninverted(names[0]) or names[0], *values.get("title", []), *values.get("role", [])])
    )
    if not names_person(mention):
        return None
    filled = [(c, at) for c, at in cells if c]
    status = _cell_status(values) or (mention.status if mention.status != "unknown" else block.status)
    organisation = organisation_of(", ".join(values.get("organisation", [])))
    unit = unit_role(organisation or "")  # "| Committee secretariat |": of the secretariat
    return replace(
        mention,
        span=(filled[0][1], filled[-1][1] + len(filled[-1][0])),
        roles=list(dict.fromkeys(r for r in [block.role, *mention.roles, unit] if r)),
        status=status,
        group=block.group,
        affiliation=organisation or mention.affiliation,
        rule="attendance.table",
        role_rules={block.role: "roles.heading", **mention.role_rules} if block.role else mention.role_rules,
        affiliation_rule="affiliation.column" if organisation else mention.affiliation_rule,
    )


_MAX_WRAPPED_WORDS = 4


def _wrapped_cell(text: str, cells: list[Cell]) -> bool:
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


def _headerless_row(text: str, line: Line, cells: list[Cell], block: AttendanceBlock) -> NameMention | None:
    """A row of a table under a heading but without a header row (``| Henrik Lund |  | Board member |``):
    the first filled cell names the person and the others describe them, as a comma list would."""
    filled = [(c, at) for c, at in cells if c]
    if len(filled) < 2 or "|" not in raw_line(text, line)[0]:
        return None
    return _person_row(filled, ["name"] + ["title"] * (len(filled) - 1), block)


def _grid_row(cells: list[Cell], columns: list[_Column], block: AttendanceBlock) -> list[NameMention]:
    """A row of a grid with a column per status (``| Anders Holm (formand) | Mette Bak |``) or per role
    (``| Anne Holm | Bo Ek |`` under ``| Formand | Næstformand |``): each cell's people have its column's
    status, else the block's, and role, and stand under its heading."""
    found = []
    for (cell, at), col in zip(cells, columns, strict=False):
        for part, span in inverted_entries(cell, at) or entries(cell, at):
            mention = parse_name_entry(part)
            if names_person(mention):
                role = col.role or block.role
                roles = list(dict.fromkeys(r for r in [role, *mention.roles] if r))
                role_rules = (
                    {role: "roles.column" if col.role else "roles.heading", **mention.role_rules}
                    if role
                    else None
                )
                found.append(
                    replace(
                        mention,
                        span=span,
                        roles=roles,
                        status=block.status if col.kind == "grid" else str(col.kind),
                        group=col.heading,
                        rule="attendance.grid",
                        role_rules=role_rules or mention.role_rules,
                    )
                )
    return found
