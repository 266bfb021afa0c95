"""Table rows and list items as the lines the parser reads (Word and web pages share this)."""

from __future__ import annotations

import re

BULLET = "• "

MAX_COLUMNS = 63
"""Word's limit on the columns of a table; a larger span in a file is damage or hostile."""


def cell_text(paragraphs: list[str]) -> str:
    """The lines of one table cell on one line: ``Eva Berg`` over ``overlæge`` reads "Eva Berg,
    overlæge"; a line that ends a sentence is followed by a space only."""
    text = ""
    for line in (" ".join(part.split()) for p in paragraphs for part in p.split("\n")):
        if line:
            text = f"{text}{' ' if text.endswith(tuple('.:;!?,')) else ', '}{line}" if text else line
    return text


_LEADING_CELL = re.compile(
    r"(?P<number>\d{1,3}[.)]?|\d{1,2}\s*/\s*\d{1,2})"
    r"|(?:kl\.?\s*)?\d{1,2}[.:]\d{2}(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?",
    re.IGNORECASE,
)


_ITEM_CELL = re.compile(r"(?:\d{1,3}[.)]|\d{1,2}\s*/\s*\d{1,2})\s+\S")  # "1. Velkomst" in one cell
_RUNNING_TEXT = re.compile(r"\w[.!?](?:\s|$)")  # a sentence ends in it


def row_text(cells: list[str]) -> str:
    """A table row as a line the parser reads.

    An agenda row keeps the minutes' own form: its leading number and time cells become a prefix
    and the other cells follow after commas (``1. 14.00 Velkommen, Søren Brunak``); cells of
    running text after it (a table laying out the whole minutes, the record of each item beside its
    title) follow on lines of their own. A label cell ending in a colon is a field (``Dato: 14.
    juni``). Any other row of several cells is a Markdown table row, empty cells kept so each value
    stays under its column heading (``| Eva Berg |  | Medlem |``); the row of a table of one column
    is a plain line."""
    cells = [" ".join(c.split()) for c in cells]
    filled = [c for c in cells if c]
    prefix: list[str] = []
    while len(filled) > 1 and (match := _LEADING_CELL.fullmatch(filled[0])):
        number = match.group("number")
        prefix.append(f"{number}." if number and number.isdigit() else filled[0])
        filled = filled[1:]
    item = bool(prefix) or bool(_ITEM_CELL.match(filled[0] if filled else ""))
    prose = [c for c in filled[1:] if _RUNNING_TEXT.search(c)] if item else []
    if prose:
        heading = [c for c in filled if c not in prose]
        return "\n".join([" ".join([*prefix, ", ".join(heading)]), *prose])
    if prefix:
        return " ".join([*prefix, ", ".join(filled)])
    if len(filled) == 2 and filled[0].endswith(":"):
        return " ".join(filled)
    if len(cells) <= 1 or not filled:
        return "".join(filled)
    while cells and not cells[-1]:
        cells.pop()
    return "| " + " | ".join(cells) + " |"
