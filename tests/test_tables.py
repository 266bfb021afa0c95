"""Readable tables (ui/tables.py): every column gets a width, together no wider than the page at a common
laptop's width; short columns keep what they need, long ones share the rest and wrap."""

from __future__ import annotations

import pandas as pd

from pmkg.ui import tables

QUOTE = "Nationalt Genom Center og Genomics England underskrev en aftale om udveksling af erfaringer. " * 3


def agreements(rows: int = 2) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "agreement": ["Memorandum of Understanding (MoU): Nationalt Genom Center – Frankrig", "Aftale"],
            "kind": ["MoU", "samarbejde"],
            "parties": [["Nationalt Genom Center", "Genomics England"], []],
            "date": ["2023-06-14", None],
            "date inferred": [True, False],
            "quote": [QUOTE, None],
            "documents": [["5. møde i det nationale advisory board for forskning og infrastruktur"], []],
        }
    )
    return pd.concat([frame] * (rows // 2), ignore_index=True)


def test_wide_columns_share_what_the_short_ones_leave_and_wrap() -> None:
    frame = tables.as_text(agreements())
    layout = tables.plan(frame)
    assert sum(layout.widths.values()) <= tables.PAGE_PX  # every column on screen
    assert layout.widths["kind"] == max(tables.cell_px("samarbejde"), tables.header_px("kind"))
    assert layout.widths["date"] == max(tables.cell_px("2023-06-14"), tables.header_px("date"))
    assert layout.widths["date inferred"] == tables.header_px("date inferred")  # a yes/no: its heading
    cut = {c: w for c, w in layout.widths.items() if w < frame[c].map(tables.cell_px).max()}
    assert {"quote", "agreement", "parties", "documents"} <= set(cut)
    assert len({layout.widths[c] for c in ("quote", "documents")}) == 1  # the long ones share alike
    assert all(w >= tables.WRAP_MIN_PX for w in cut.values())
    assert layout.lines == tables.MAX_LINES  # the quote needs more than the rows show
    assert tables.row_height(layout) == tables.LINE_PX * tables.MAX_LINES + 8
    assert tables.height(2, layout) == tables.HEADER_PX + 2 * tables.row_height(layout) + 2  # both in view
    assert tables.height(40, layout) == tables.HEADER_PX + 10 * tables.row_height(layout) + 2


def test_a_table_beside_a_graph_fits_its_share() -> None:
    layout = tables.plan(tables.as_text(agreements()), share=0.5)
    assert sum(layout.widths.values()) <= tables.PAGE_PX // 2 + tables.MIN_PX * 7  # floors may not shrink
    assert min(layout.widths.values()) >= tables.MIN_PX


def test_a_table_of_short_cells_keeps_one_line_rows_at_the_width_it_needs() -> None:
    frame = pd.DataFrame({"person": ["Søren Brunak"], "status": ["present"], "roles": [["chair"]]})
    layout = tables.plan(tables.as_text(frame))
    assert layout.lines == 1 and tables.row_height(layout) is None and tables.height(1, layout) == "auto"
    assert layout.widths["person"] == tables.cell_px("Søren Brunak")
    assert tables.as_text(frame)["roles"][0] == "chair"  # a list reads as its items (wraps as text)
    assert tables.cell_length(["chair", "member"]) == len("chair, member")
    assert tables.cell_length(float("nan")) == tables.cell_length(None) == 0


def test_many_columns_cut_their_headings_rather_than_run_off_the_page() -> None:
    frame = pd.DataFrame({f"a long column heading {n}": ["x" * 80] for n in range(12)})
    layout = tables.plan(frame)
    assert sum(layout.widths.values()) <= tables.PAGE_PX
    assert tables.fair_widths({"a": 10, "b": 500}, {"a": 10, "b": 50}, 200) == {"a": 10, "b": 190}


def test_a_narrow_share_cuts_every_column_below_the_least_width_rather_than_overflow() -> None:
    frame = pd.DataFrame({f"heading {n}": ["x" * 40] for n in range(8)})
    layout = tables.plan(frame, share=0.4)  # a ranking beside its graph on a small laptop
    budget = int(tables.PAGE_PX * 0.4) - tables.COLUMN_GAP_PX
    assert budget < 8 * tables.MIN_PX  # the least width would not fit
    assert sum(layout.widths.values()) <= budget
    assert min(layout.widths.values()) == budget // 8
