"""Attendance blocks: who was there, who sent apologies, and in which capacity.

Minutes list people under headings (``Deltagere``, ``Til stede:`` with ``Bestyrelsen:`` and
``Observatører:`` groups, ``Afbud:``, ``Present:``, ``Apologies:``, ``Forfall:``, ``Närvarande:``),
one a line, numbered, or as comma lists, or in tables. One walk over the lines opens a block at each
heading and hands its lines to the list, table and signature readers. All the words come from
``knowledge/minutes.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial

from pmkg.ingest.parse.blocks import AttendanceBlock
from pmkg.ingest.parse.entry import parse_name_entry
from pmkg.ingest.parse.groups import group_label, table_heading
from pmkg.ingest.parse.headings import heading_of, inline_heading_re
from pmkg.ingest.parse.lists import (
    _continues,
    entries,
    entry_line,
    inverted_entries,
    names_person,
    recased_surnames,
    wraps,
)
from pmkg.ingest.parse.minutes import NameMention
from pmkg.ingest.parse.prose import (
    agenda_line,
    opens_list,
    preamble_end,
    prose_paragraphs,
    read_paragraph,
    whole_body,
)
from pmkg.ingest.parse.shared import heading_affiliation, leading_organisation, shared_across_conjunction
from pmkg.ingest.parse.signatures import Signoff, role_field_re, role_fields, signatures_on, signoff_re
from pmkg.ingest.parse.status import deputy_in_brackets, for_some_items, split_instead, stood_in_for
from pmkg.ingest.parse.tables import (
    _Column,
    _comma_header,
    _continued,
    _header_columns,
    _headerless_row,
    _table_row,
    _wrapped_cell,
)
from pmkg.ingest.people.names import is_organisation_word
from pmkg.ingest.text.lines import Line, is_row, is_table_rule, raw_line, row_cells, split_lines
from pmkg.ingest.vocabulary import lookup

_NEXT_SENTENCE = re.compile(r"(?<=[.;])\s+(?=[A-ZÆØÅÄÖÜ])")
_LABEL = re.compile(r"^(?P<label>[^:]{2,60}?)\s*:\s*(?P<rest>\S.*)$")


@dataclass
class AttendanceFound:
    mentions: list[NameMention] = field(default_factory=list)
    role_fields: list[NameMention] = field(default_factory=list)
    lines: set[int] = field(default_factory=set)  # line indices of attendance blocks
    field_lines: set[int] = field(default_factory=set)  # lines of role fields ("Referent: Karl.")
    named: list[NameMention] = field(default_factory=list)  # only named: a deputy a table lists unmarked


def _person_label(label: str) -> bool:
    """Whether the words before a colon on an entry line are a person's name (``Siri Lunde Fjeld:
    overlege``), not an organisation's label over its people (``St. Olavs hospital: Kåre Hallan``)."""
    return names_person(parse_name_entry(label)) and not any(is_organisation_word(w) for w in label.split())


def _open_block(
    line: Line, block: AttendanceBlock | None, *, roster: Callable[[], bool] | None = None
) -> tuple[AttendanceBlock, str] | None:
    """The block a heading line opens and the names on the rest of the line, or None.

    A status heading (``Afbud:``) opens a block; a group heading (``Observatører:``) nests in a
    block whose heading stood alone (``Til stede:`` over ``Bestyrelsen:``, so it keeps that status)
    and otherwise, written with a colon, opens a block of present people (``Fra sekretariatet:``), as does
    a member heading alone on its line right over names (``roster``, asked last since reading the next
    line as entries is the costly part: the body's list, ``Bestyrelsen``)."""
    heading = heading_of(line.text)
    if heading is None:  # "Fra Region Midtjylland:", "Universities:" over names: a group, the block's status
        inside = block is not None and (block.nested and not block.listed or block.grouped)
        label = group_label(line.text) if block and inside else None
        if block is None or label is None or roster is None or not roster():
            return None
        return AttendanceBlock(block.status, None, label, nested=False, grouped=True), ""
    rest = line.text[heading.rest :].strip()
    if heading.status:
        return AttendanceBlock(heading.status, heading.role, heading.text, nested=not rest), rest
    if block and block.nested and not block.listed:
        return AttendanceBlock(block.status, heading.role, heading.text, nested=True, grouped=True), rest
    if block and block.grouped:  # "Ersättare" / ... / "Adjungerade": a sibling group keeps the status
        return AttendanceBlock(block.status, heading.role, heading.text, nested=False, grouped=True), rest
    # observers after a list of absentees attended; a body's roster under its name alone ("Bestyrelsen")
    alone = (
        roster is not None
        and not rest
        and heading.role == "member"
        and re.fullmatch(r"[\w ’'-]+", line.text.strip())
        and roster()
    )
    if ":" in line.text or block and block.listed or alone:
        return AttendanceBlock("present", heading.role, heading.text, nested=False, grouped=True), rest
    return None


def _shared_affiliation(label: str | None, line: str, heading: str | None) -> tuple[str | None, str | None]:
    """The organisation every name on a line shares, with its rule: the line's label (``Danske
    Regioner: A, B``), the organisation before ``v/`` (``Helse Nord v/ A og B``) or the one its group
    heading names (``Fra sekretariatet i Helse Vest RHF:``)."""
    if label:
        return label, "affiliation.label"
    if organisation := leading_organisation(line):
        return organisation, "affiliation.org_first"
    if organisation := heading_affiliation(heading):
        return organisation, "affiliation.heading"
    return None, None


def _inline_headings(line: Line) -> list[Line]:
    """``Til stede: A og B. Fraværende: C`` on one line: a line per heading, and one per sentence that
    opens its own list (``Deltagare: A, B. Från GMS deltog C under punkt 4.``); a line without a full
    stop or semicolon, as most are, is whole."""
    if "." not in line.text and ";" not in line.text:
        return [line]
    cuts = [m.end() for m in inline_heading_re().finditer(line.text)]
    for end in (m.end() for m in _NEXT_SENTENCE.finditer(line.text)):
        cuts += [end] if opens_list(line.text[end:]) or _stands_in(line.text[end:]) else []
    cuts = sorted(set(cuts))
    bounds = list(zip([0, *cuts], [*cuts, len(line.text)], strict=True))
    return [
        Line(
            line.index, line.start + a, line.start + a + len(line.text[a:b].rstrip()), line.text[a:b].rstrip()
        )
        for a, b in bounds
    ]


def _stands_in(text: str) -> bool:
    """Whether a sentence after a list says who came in someone's place (``Forfall: Lars Hovde. Kristin
    Eide møtte for Lars Hovde.``), so that the list ends before it and the sentence is an entry of its own."""
    sentence = re.split(r"(?<=\.)\s", text, maxsplit=1)[0]
    return parse_name_entry(sentence).replaces is not None and entry_line(sentence)


def find_attendance(lines: list[Line], text: str) -> AttendanceFound:
    """Walk the lines once: headings open blocks, entry lines fill them (a line labelled with an
    organisation, ``Danske Regioner: Anne Hansen, Bo Jensen``, gives its people that affiliation),
    a table's header row says how to read the rows under it, signatures name the minute taker and
    the chair, and the first line that is none of these closes the block."""
    recased, known = recased_surnames(text)
    if recased != text:
        text, lines = recased, split_lines(recased)
    result = AttendanceFound()
    block: AttendanceBlock | None = None
    logical: list[Line] = []
    label: str | None = None
    columns: list[_Column] | None = None  # the columns of the table being read
    signoff: Signoff | None = None
    gap_row: int | None = None  # the last row of a table whose cells are set apart by gaps (a PDF's)
    preamble = preamble_end(lines)

    def flush() -> None:
        if logical and block is not None:
            start, end = logical[0].start, logical[-1].end
            chunk = text[start:end].replace("\n", " ")
            if block.status and (named := whole_body(chunk, start, block.status)) is not None:
                result.mentions.extend(named)  # "Til stede: Hele bestyrelsen. Desuden deltog X."
                logical.clear()
                return
            chunk, instead = split_instead(chunk)  # "Afbud: A, med B som suppleant": B came
            if instead is not None and names_person(came := parse_name_entry(instead[0])):
                at = start + instead[1]
                result.mentions.append(
                    replace(came, span=(at, at + len(instead[0])), status="present", rule="attendance.list")
                )
            shared, shared_rule = _shared_affiliation(label, chunk, block.group)
            listed = len(result.mentions)
            for part, span in inverted_entries(chunk, start) or entries(chunk, start, known):
                mention = parse_name_entry(part)
                if not names_person(mention):
                    continue  # "Afbud: Ingen", "Apologies: none", "N.N."
                roles = list(dict.fromkeys(r for r in [block.role, *mention.roles] if r))
                status = block.status if mention.status == "unknown" else mention.status
                if mention.replaces and mention.status == "unknown":
                    status = "present"  # "Forfall: A. B møtte for A": who stood in for someone came
                if status == "absent" and for_some_items(part, mention.name):
                    status = "present"  # "Afbud: ... X deltog ikke i punkterne 2 – 11": away for some items
                if status == "absent" and (came := deputy_in_brackets(part, span[0])):
                    result.mentions.append(replace(came, group=block.group))  # "Forfall: A (vara B møtte)"
                affiliation = mention.affiliation or shared
                result.mentions.append(
                    replace(
                        mention,
                        span=span,
                        roles=roles,
                        status=status,
                        group=block.group,
                        affiliation=affiliation,
                        rule="attendance.list",
                        role_rules=heading_role_rules(mention, block.role),
                        affiliation_rule=mention.affiliation_rule if mention.affiliation else shared_rule,
                    )
                )
                if shared and affiliation != shared and shared_rule == "affiliation.heading":  # both written
                    named = replace(result.mentions[-1], status="unknown", roles=[], role_rules={})
                    result.named.append(replace(named, affiliation=shared, affiliation_rule=shared_rule))
            result.mentions[listed:] = shared_across_conjunction(
                result.mentions[listed:], text
            )  # "A og B fra X"
        logical.clear()

    by_index = {line.index: line for line in lines}

    def over_names(index: int) -> bool:
        """Whether the line after ``index`` reads as entries (asked only under a lone member heading)."""
        after = by_index.get(index + 1)
        return after is not None and not after.blank and entry_line(after.text)

    paragraphs = prose_paragraphs(lines, text, preamble)
    for line in (
        part
        for whole in lines
        for part in ([whole] if whole.index in paragraphs else _inline_headings(whole))
    ):
        if line.blank:
            continue
        if line.index in paragraphs:
            flush()
            block, columns = None, None
            result.mentions.extend(paragraphs[line.index])
            result.lines.add(line.index)
            continue
        cells = row_cells(text, line)
        if signoff is not None:
            if signoff.take(cells):
                result.lines.add(line.index)
                continue
            signoff.close()
            result.role_fields.extend(signoff.done)
            signoff = None
        header = _header_columns(cells, under_heading=block is not None)
        in_row = columns is not None and sum(bool(c) for c, _ in cells) > 1  # a row is no heading
        roster = partial(over_names, line.index)
        opened = None if header or in_row else _open_block(line, block, roster=roster)
        labelled = _LABEL.match(line.text) if block and not opened else None
        if labelled and _person_label(labelled.group("label")):
            labelled = None  # "Siri Lunde Fjeld: overlege, Ålesund sjukehus": a person's entry, no label
        signing = signoff_re().match(line.text)
        if header:
            flush()
            columns = header
            block = (
                block
                or table_heading(lines, line.index)
                or AttendanceBlock("present", None, None, nested=False)
            )
            result.lines.add(line.index)
        elif columns and block and is_table_rule(line.text):
            result.lines.add(line.index)
        elif (
            columns
            and block
            and not opened
            and is_row(text, line, cells)
            and (row := _table_row(cells, columns, block))
        ):
            result.mentions.extend(m for m in row if m.status != "unknown")
            result.named.extend(m for m in row if m.status == "unknown")
            result.lines.add(line.index)
            gap_row = None if "|" in raw_line(text, line)[0] else line.index
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
        elif role_field_re().search(line.text) and (fields := role_fields(line)):
            flush()
            result.role_fields.extend(fields)
            result.field_lines.add(line.index)
        elif block and (row := _headerless_row(text, line, cells, block)):
            flush()
            result.mentions.append(row)
            result.lines.add(line.index)
        elif signing and (signers := signatures_on(signing, line)) is not None:
            flush()
            block, columns = None, None
            role = lookup("signoff_headings", signing.group("head"))
            signoff = Signoff(str(role) if role else None, pending=signers)
            result.lines.add(line.index)
        elif block and (is_table_rule(line.text) or _comma_header(line.text)):
            flush()
            result.lines.add(line.index)
        elif (
            block
            and logical
            and (
                _continues(logical[-1].text, line.text)
                or logical[-1].index == line.index - 1  # a wrap never crosses a blank line
                and wraps(logical[-1].text, line.text)
                and not agenda_line(line.text)
                and heading_of(line.text) is None
            )
        ):
            logical.append(line)
            result.lines.add(line.index)
        elif labelled and entry_line(labelled.group("rest")):
            flush()
            label = labelled.group("label").strip()
            rest = labelled.group("rest")
            logical.append(Line(line.index, line.end - len(rest), line.end, rest))
            result.lines.add(line.index)
        elif block and entry_line(line.text):
            flush()
            block.listed = not block.grouped
            label = None
            logical.append(line)
            result.lines.add(line.index)
        else:
            flush()
            block, columns = None, None
            if line.index < preamble and (prose := read_paragraph(line.text, line.start).mentions):
                result.mentions.extend(prose)
                result.lines.add(line.index)
    flush()
    if signoff is not None:
        signoff.close()
        result.role_fields.extend(signoff.done)
    for line in reversed(lines):  # role fields closing the minutes ("Referent: ...") are no item's text
        if line.blank:
            continue
        if line.index not in result.lines and line.index not in result.field_lines:
            break
        result.lines.add(line.index)
    result.mentions = stood_in_for(result.mentions, text)
    if sum(bool(m.initials) for m in result.mentions) * 2 <= len(result.mentions):
        result.mentions = _initials_as_organisations(result.mentions)
        result.role_fields = _initials_as_organisations(result.role_fields)
    return result


def heading_role_rules(mention: NameMention, role: str | None) -> dict[str, str]:
    """The rules of an entry's roles: the heading's role (``Observatører:``) first, then its own words."""
    return {role: "roles.heading", **mention.role_rules} if role else dict(mention.role_rules)


def _initials_as_organisations(mentions: list[NameMention]) -> list[NameMention]:
    """Initials after names (``Jane Smith (JS)``) are a convention of the whole list; where few
    entries have them, ``Kim Lund (KL)`` among ``Jens Hansen (Danske Regioner)`` names an organisation."""
    return [
        replace(
            m,
            initials=None,
            affiliation=m.affiliation or m.initials,
            affiliation_rule=m.affiliation_rule if m.affiliation else "affiliation.parenthesis",
        )
        if m.initials
        else m
        for m in mentions
    ]
