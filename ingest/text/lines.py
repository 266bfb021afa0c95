"""Lines and table cells of the normalised text, each with its offsets, so every later step can quote."""

from __future__ import annotations

import re
from dataclasses import dataclass

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


Cell = tuple[str, int]  # a cell's stripped text and its offset in the text


def raw_line(text: str, line: Line) -> tuple[str, int]:
    """The whole line ``line`` stands on, Markdown marks and all, and its offset."""
    start = text.rfind("\n", 0, line.start) + 1
    end = text.find("\n", line.end)
    return text[start : len(text) if end < 0 else end], start


def row_cells(text: str, line: Line) -> list[Cell]:
    """The cells of a table row: between pipes (``| Eva Berg |  | Medlem |``, empty cells kept so
    values stay under their headings), else between tabs or wide gaps (``Jane Smith   Chair``)."""
    raw, start = raw_line(text, line)
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


def is_row(text: str, line: Line, cells: list[Cell]) -> bool:
    """A line of several cells, or one written between pipes (``| Per Olsen | |``)."""
    return len(cells) >= 2 or "|" in raw_line(text, line)[0]


def is_table_rule(text: str) -> bool:
    """The rule under a Markdown table's header row (``|---|---|``)."""
    return bool(re.fullmatch(r"[-|:+= ]{3,}", text))
