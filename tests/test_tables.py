"""Readable tables (ui/tables.py): long columns get a fixed width and wrap, so the columns after them
stay on screen."""

from __future__ import annotations

import pandas as pd

from pmkg.ui import tables

QUOTE = "Nationalt Genom Center og Genomics England underskrev en aftale om udveksling af erfaringer."


def test_long_text_and_lists_get_a_fixed_width_short_columns_size_to_content() -> None:
    frame = pd.DataFrame(
        {
            "agreement": ["MoU om genomdata", "Aftale"],
            "parties": [["Nationalt Genom Center", "Genomics England"], []],
            "date": ["2023-06-14", None],
            "quote": [QUOTE, None],
            "count": [3, 4],
        }
    )
    assert tables.widths(frame) == {"parties": "medium", "quote": "large"}
    config = tables.column_config(frame)
    assert set(config) == {"parties", "quote"}
    assert config["quote"]["width"] == "large" and config["quote"]["type_config"]["type"] == "text"
    assert config["parties"]["type_config"]["type"] == "list"  # a list stays a list
    assert tables.row_height(frame) == tables.LINE_PX * tables.WRAPPED_LINES + 8  # rows room to wrap
    assert tables.height(frame) == tables.HEADER_PX + 2 * tables.row_height(frame) + 2  # both rows in view
    assert tables.height(pd.concat([frame] * 20)) == tables.HEADER_PX + 10 * tables.row_height(frame) + 2


def test_a_table_of_short_cells_keeps_the_grids_own_rows() -> None:
    frame = pd.DataFrame({"person": ["Søren Brunak"], "status": ["present"], "roles": [["chair"]]})
    assert tables.widths(frame) == {} and tables.row_height(frame) is None and tables.height(frame) == "auto"
    assert tables.cell_length(["chair", "member"]) == len("chair, member")
    assert tables.cell_length(float("nan")) == tables.cell_length(None) == 0
