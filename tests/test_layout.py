"""PDF tables rebuilt from word positions: wrapped cells, rows told apart by their gaps, the text after."""

from __future__ import annotations

from pmkg.ingest.read.layout import Word, tables

SIZE = 9.0
COLUMNS = (66.0, 191.0, 315.0, 375.0)


def words(lines: list[tuple[float, list[tuple[int, str]]]]) -> list[Word]:
    """Word boxes from (height, [(column, text)]) lines; each word 5 points wide per letter."""
    found, at = [], 0
    for y, cells in lines:
        for column, text in cells:
            x = COLUMNS[column] if column >= 0 else 68.0
            for word in text.split():
                found.append(Word(word, x, x + 5 * len(word), y, SIZE, at, at + len(word)))
                x += 5 * len(word) + 3
                at += len(word) + 1
    return found


def test_wrapped_cells_join_their_row_and_a_wider_gap_starts_the_next() -> None:
    page = words(
        [
            (700, [(0, "Name"), (1, "Organisation"), (2, "Country"), (3, "Role")]),
            (683, [(0, "Liisa Mäkinen-Rautio"), (1, "Finnish Institute for"), (2, "Finland"), (3, "Chair")]),
            (672, [(1, "Health and Welfare")]),  # the cell wraps: 11 points below, the line pitch
            (655, [(0, "Erlend Vik Solheim"), (1, "Folkehelse-"), (2, "Norway"), (3, "Member")]),
            (644, [(1, "instituttet")]),
            (627, [(0, "Sanna Heikkilä"), (1, "THL"), (2, "Finland"), (3, "Secretariat")]),
            (616, [(3, "(minutes)")]),
            (580, [(-1, "1. Opening")]),  # a gap far wider than the rows': the table has ended
            (
                564,
                [(-1, "The Chair opened the meeting and welcomed the members of the committee to Helsinki.")],
            ),
        ]
    )
    (table,) = tables(page)
    assert table.rows == [
        ["Name", "Organisation", "Country", "Role"],
        ["Liisa Mäkinen-Rautio", "Finnish Institute for Health and Welfare", "Finland", "Chair"],
        ["Erlend Vik Solheim", "Folkehelseinstituttet", "Norway", "Member"],
        ["Sanna Heikkilä", "THL", "Finland", "Secretariat (minutes)"],
    ]
    assert table.end <= page[-2].start  # the text after the table is no part of it


def test_a_name_filling_its_column_leaves_the_next_cell_its_own() -> None:
    page = words(
        [
            (700, [(0, "Name"), (1, "Organisation"), (2, "Country"), (3, "Role")]),
            (
                683,
                [
                    (0, "Mette Lykkegaard Vinding"),
                    (1, "Sundhedsdatastyrelsen"),
                    (2, "Denmark"),
                    (3, "Member"),
                ],
            ),
            (666, [(0, "Ole Berg"), (1, "DTU"), (2, "Denmark"), (3, "Member")]),
        ]
    )
    for word in page:  # the name runs right up to the organisation: only a word space between
        if word.text == "Vinding":
            assert COLUMNS[1] - word.x1 < 1.5 * SIZE
    (table,) = tables(page)
    assert table.rows[1] == ["Mette Lykkegaard Vinding", "Sundhedsdatastyrelsen", "Denmark", "Member"]


def test_running_text_is_no_table() -> None:
    page = words(
        [
            (700, [(-1, "Erlend Vik Solheim reported that all four national nodes can now answer queries")]),
            (685, [(-1, "using the Beacon standard of the Global Alliance for Genomics and Health.")]),
            (670, [(-1, "The Icelandic node went live in September.")]),
        ]
    )
    assert tables(page) == []
