"""Tables on a PDF page, rebuilt from where the words stand.

A PDF's text layer has no tables: pdfium gives the words of a table cell by cell, and a cell whose
text wraps ("Radboud / University / Medical Center") comes out as lines of its own, so a row of an
attendance table falls apart. The positions put it back together: words on one height are a visual
line; a run of visual lines whose pieces start at the same few places across the page is a table,
its first line the header; a gap between lines wider than the table's line pitch starts a new row;
each word goes to the column it starts in. Everything here is pure geometry, so it is tested on word
boxes without a PDF.
"""

from __future__ import annotations

from dataclasses import dataclass

COLUMN_GAP = 1.5  # a gap wider than this many font sizes separates two cells, not two words
ALIGN = 1.0  # a piece starts in a column when it starts within this many font sizes of its left edge
ROW_GAP = 1.2  # two groups of gaps between a table's lines differ at least this much: lines and rows
END_GAP = 2.2  # a gap this many times the pitch ends the table (a heading or text follows)
MIN_ROWS = 2  # a table has a header and at least this many lines under it


@dataclass(frozen=True)
class Word:
    """A word on the page: its text, its box (x from the left, y from the bottom), font size, and the
    indices of its characters in the page's text."""

    text: str
    x0: float
    x1: float
    y: float
    size: float
    start: int
    end: int


@dataclass(frozen=True)
class Table:
    """A table found on a page: the characters of the page's text it covers, the words it holds (by
    the index of their first character), and its rows of cells."""

    start: int
    end: int
    words: frozenset[int]
    rows: list[list[str]]


def visual_lines(words: list[Word]) -> list[list[Word]]:
    """Words grouped by height, top of the page first, each line left to right."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (-w.y, w.x0)):
        if lines and abs(lines[-1][0].y - word.y) < 0.5 * max(word.size, 1.0):
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w.x0) for line in lines]


def pieces(line: list[Word]) -> list[list[Word]]:
    """A visual line cut where the gap between two words is wider than a word space."""
    cut: list[list[Word]] = [[line[0]]]
    for before, word in zip(line, line[1:], strict=False):
        if word.x0 - before.x1 > COLUMN_GAP * max(word.size, 1.0):
            cut.append([word])
        else:
            cut[-1].append(word)
    return cut


def _column_of(x: float, size: float, columns: list[float]) -> int | None:
    """The column whose left edge ``x`` is at, if any."""
    near = [i for i, left in enumerate(columns) if abs(x - left) <= ALIGN * max(size, 1.0)]
    return near[0] if near else None


def _aligned(line: list[Word], columns: list[float]) -> bool:
    """A line of the table: each piece starts at a column's left edge and no word runs across one
    (running text under a table starts at its first column too, but its words cross the others)."""
    if any(_column_of(piece[0].x0, piece[0].size, columns) is None for piece in pieces(line)):
        return False
    slack = ALIGN * max(line[0].size, 1.0)
    return not any(w.x0 < left - slack and w.x1 > left + slack for w in line for left in columns[1:])


def tables(words: list[Word]) -> list[Table]:
    """The tables on a page: a line of three or more pieces heads one when the lines under it start
    their pieces at its pieces' left edges (at least ``MIN_ROWS`` of them), up to a wide gap."""
    lines = visual_lines(words)
    found: list[Table] = []
    i = 0
    while i < len(lines):
        header = pieces(lines[i])
        columns = [piece[0].x0 for piece in header]
        end = i + 1
        while len(header) >= 3 and end < len(lines) and _aligned(lines[end], columns):
            gaps = [a[0].y - b[0].y for a, b in zip(lines[i:end], lines[i + 1 : end + 1], strict=True)]
            if len(gaps) > 1 and gaps[-1] > END_GAP * min(gaps):
                break
            end += 1
        if end - i > MIN_ROWS:
            found.append(_table(lines[i:end], columns))
            i = end
        else:
            i += 1
    return found


def _table(lines: list[list[Word]], columns: list[float]) -> Table:
    """The rows of a table's lines. Where the gaps between lines fall into two groups (the pitch of a
    wrapped cell's lines, and the wider gap between rows), a gap of the wider group starts a row;
    where they do not, each line is a row."""
    gaps = [above[0].y - below[0].y for above, below in zip(lines, lines[1:], strict=False)]
    threshold = _row_gap(gaps)
    rows: list[list[list[Word]]] = [[]]
    for line, gap in zip(lines, [0.0, *gaps], strict=True):
        if rows[-1] and (threshold is None or gap > threshold):
            rows.append([])
        rows[-1].append(line)
    cells = [_cells(row, columns) for row in rows]
    every = [w for line in lines for w in line]
    starts = frozenset(w.start for w in every)
    return Table(min(w.start for w in every), max(w.end for w in every), starts, cells)


def _row_gap(gaps: list[float]) -> float | None:
    """The gap above which a new row starts: midway across the widest relative jump between the
    sorted gaps, when it is wider than ``ROW_GAP`` (else the gaps are one group, and None)."""
    ordered = sorted(gaps)
    jumps = [(b / a, (a + b) / 2) for a, b in zip(ordered, ordered[1:], strict=False) if a > 0]
    ratio, middle = max(jumps, default=(1.0, 0.0))
    return middle if ratio >= ROW_GAP else None


def _cells(row: list[list[Word]], columns: list[float]) -> list[str]:
    """The text of each cell of one row, word by word into the column it starts in (a long name can
    leave only a word space before the next cell): its lines joined, a word broken at a hyphen mended."""
    texts = [""] * len(columns)
    for line in row:
        words_of: list[list[str]] = [[] for _ in columns]
        for word in line:
            column = max(
                (i for i, left in enumerate(columns) if word.x0 >= left - ALIGN * word.size), default=0
            )
            words_of[column].append(word.text)
        for column, words in enumerate(words_of):
            if not words:
                continue
            text, before = " ".join(words), texts[column]
            if before.endswith("-") and text[:1].islower():
                texts[column] = before[:-1] + text  # "Univer-" / "sity"
            else:
                texts[column] = f"{before} {text}".strip()
    return texts
