"""Groups inside an attendance block that its headings alone do not make.

* a label over some of the names, saying where they come from (``Fra Region Midtjylland:``,
  ``Representanter för Region Skåne``, ``Universities:``, ``NHS bodies:``): the block's status goes on,
  and an organisation the label names is everyone's under it;
* a group heading alone right over a table (``Styrelsen``, ``Observatører``): the role of its rows.
"""

from __future__ import annotations

import re

from pmkg.ingest.parse.blocks import AttendanceBlock
from pmkg.ingest.parse.entry import parse_name_entry
from pmkg.ingest.parse.headings import heading_of
from pmkg.ingest.parse.lists import names_person
from pmkg.ingest.parse.shared import heading_affiliation
from pmkg.ingest.parse.signatures import role_field_re, signoff_re
from pmkg.ingest.text.lines import Line

MAX_LABEL_WORDS = 6  # "Representatives of the University of Kent"


def group_label(line: str) -> str | None:
    """The label a short line gives the names under it, or None: ends with a colon, or names an
    organisation after a linking word; never a role field (``Referent:``), a signature heading or a
    person's own entry (``Eva-Lotta Strand från Region Dalarna``)."""
    text = line.strip(" *_")
    label = text.removesuffix(":").strip()
    if (
        not label[:1].isupper()
        or len(label.split()) > MAX_LABEL_WORDS
        or re.search(r"[\d.;,:()]", label)
        or role_field_re().match(text)
        or signoff_re().match(text)
        or names_person(parse_name_entry(label))
    ):
        return None
    return label if text.endswith(":") or heading_affiliation(label) else None


def table_heading(lines: list[Line], index: int) -> AttendanceBlock | None:
    """The block a group heading alone on the line above a table's header opens (``Styrelsen``): every
    row has its role, whatever office the row's own cells add; None for any other line above."""
    above = next((line for line in reversed(lines[:index]) if not line.blank), None)
    heading = heading_of(above.text) if above else None
    if above is None or heading is None or heading.status or not heading.role:
        return None
    if above.text[heading.rest :].strip():
        return None
    return AttendanceBlock("present", heading.role, heading.text, nested=False, grouped=True)
