"""A document as pmkg writes it, before any format: titled sections of cited items, tables and figures,
and the numbered notes they cite. Every format module renders this and nothing else."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Note:
    """A numbered citation: the minutes (title), their date, and the quote exactly as they say it."""

    number: int
    document: str
    date: str | None
    quote: str


@dataclass(frozen=True)
class Item:
    """One statement (a bullet) and the notes that cite it."""

    text: str
    notes: tuple[int, ...] = ()


@dataclass(frozen=True)
class Table:
    """Columns and rows of text; each row may cite notes (shown after its last cell)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    notes: tuple[tuple[int, ...], ...] = ()

    def row_notes(self, index: int) -> tuple[int, ...]:
        return self.notes[index] if index < len(self.notes) else ()


@dataclass(frozen=True)
class Figure:
    """A picture (PNG bytes) with its caption."""

    png: bytes
    caption: str


@dataclass(frozen=True)
class Section:
    heading: str
    items: tuple[Item, ...] = ()
    table: Table | None = None
    figure: Figure | None = None
    empty: str = ""  # what to say when the section has nothing


@dataclass(frozen=True)
class Report:
    title: str
    subtitle: str
    lang: str
    sections: tuple[Section, ...]
    notes: tuple[Note, ...] = ()
    notes_heading: str = "Sources"
    remarks: tuple[str, ...] = field(default_factory=tuple)  # paragraphs after the subtitle
