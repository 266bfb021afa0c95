"""The charts over time (ui/plots.py, and a chart question's in ui/questions.py) as the reader sees them:
every theme its own colour, whole names in the legend, axes and tooltips in the reader's language. The
chart's Vega-Lite spec is read as Streamlit sends it to the browser (AppTest over the example minutes)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import neo4j
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from pmkg.graph import matrix as mx
from pmkg.graph import timeseries as ts
from pmkg.reports.figure import SERIES_COLOURS, lines_figure, lines_png
from pmkg.ui import plots
from pmkg.ui.i18n import translate
from tests import test_app

# the example minutes in the test Neo4j, and a page of the app over them (tests/test_app.py)
example_records, loaded, open_page = test_app.example_records, test_app.loaded, test_app.open_page


def specs(at: AppTest) -> list[dict[str, Any]]:
    return [json.loads(chart.proto.spec) for chart in at.get("vega_lite_chart")]


def titles(spec: dict[str, Any]) -> dict[str, str]:
    """Each encoding channel's title, and the tooltips' titles by field."""
    encoding = spec["encoding"]
    found = {channel: encoding[channel]["title"] for channel in ("x", "y", "color") if channel in encoding}
    found.update({f"tooltip.{tip['field']}": tip["title"] for tip in encoding["tooltip"]})
    return found


def test_the_series_palette_never_repeats_a_colour_for_the_taxonomys_themes() -> None:
    themes = [c for c in mx.taxonomy().values() if c.id != c.group]
    assert len(SERIES_COLOURS) == len(set(SERIES_COLOURS)) >= len(themes) >= 16


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("da", {"x": "Periode", "y": "Punkter", "color": "Tema", "tooltip.period": "Periode"}),
        ("en", {"x": "Period", "y": "Points", "color": "Theme", "tooltip.theme_en": "Theme"}),
    ],
)
def test_the_themes_chart_colours_each_theme_apart_with_whole_names_in_the_readers_words(
    open_page: Callable[..., AppTest], loaded: neo4j.Driver, lang: str, expected: dict[str, str]
) -> None:
    at = open_page("plots", lang)
    themes_chart = next(s for s in specs(at) if s["encoding"]["x"]["field"] == "period")
    colour = themes_chart["encoding"]["color"]
    assert colour["field"] == ("theme_en" if lang == "en" else "theme")
    assert colour["scale"]["range"] == list(SERIES_COLOURS)  # 26 colours, none twice
    assert colour["legend"]["labelLimit"] == 0 and colour["legend"]["orient"] == "right"  # names not cut
    shown = titles(themes_chart)
    assert expected.items() <= shown.items()
    assert not {"period", "points", "theme", "theme_en"} & set(shown.values())  # no column's own name
    raised = ts.themes(loaded, "quarter", None)[colour["field"]].nunique()  # the chart's series
    assert 2 <= raised <= len(SERIES_COLOURS)  # each theme a colour of its own
    assert themes_chart["height"] >= plots.LEGEND_ROW_PX * raised  # room for every name in the legend


def test_a_chart_question_titles_its_axes_legend_and_tooltips(open_page: Callable[..., AppTest]) -> None:
    at = open_page("questions", "da")
    at.selectbox(key="q_name").set_value("themes_over_time").run()
    (spec,) = specs(at)
    shown = titles(spec)
    period, times, theme = (translate(f"col.{c}", "da") for c in ("period", "times", "theme"))
    assert {"x": period, "y": times, "color": theme, "tooltip.theme": theme}.items() <= shown.items()
    assert spec["encoding"]["color"]["scale"]["range"] == list(SERIES_COLOURS)


def test_the_png_gives_sixteen_themes_sixteen_colours_whole_names_and_titled_axes() -> None:
    names = [f"Tema {n}: et langt navn om data, genomer og patienter i sundhedsvæsenet" for n in range(16)]
    frame = pd.DataFrame({"period": ["2024-Q1"] * 16, "points": range(16), "theme": names})
    figure = lines_figure(frame, "period", "points", "theme", ylabel="Punkter", xlabel="Periode")
    axes = figure.axes[0]
    assert len({line.get_color() for line in axes.get_lines()}) == 16
    legend = [text.get_text().replace("\n", " ") for text in axes.get_legend().get_texts()]
    assert sorted(legend) == sorted(names)  # wrapped, not cut
    assert (axes.get_xlabel(), axes.get_ylabel()) == ("Periode", "Punkter")
    assert lines_png(frame, "period", "points", "theme").startswith(b"\x89PNG")
