"""Plots where people would rather look than read: attendance over time per body, themes over time, and
an initiative's network growing meeting by meeting; each with its table (CSV, Excel) and a PNG."""

from __future__ import annotations

import altair as alt
import neo4j
import pandas as pd
import streamlit as st

from pmkg.graph import questions as qs
from pmkg.graph import timeseries as ts
from pmkg.reports.figure import SERIES_COLOURS, lines_png
from pmkg.ui import asof, links
from pmkg.ui.downloads import png_button, table_buttons
from pmkg.ui.i18n import current_language, t

PERIODS = ("month", "quarter", "year")
TABS = ("attendance", "themes", "growth")  # the tabs, by id (plots.<id> is the label)
CHART_PX = 340  # a chart's height, unless its legend needs more
LEGEND_ROW_PX, LEGEND_TITLE_PX = 26, 40  # one name in the legend (as Streamlit's theme draws it), its title


def series_colour(column: str, title: str) -> alt.Color:
    """Series coloured apart (:data:`SERIES_COLOURS`: 16 themes, 16 colours), the legend beside the chart
    with whole names (Vega-Lite cuts a label past 160 px; a legend under the chart takes the lines'
    height, which the chart's fixed height would squeeze)."""
    return alt.Color(
        f"{column}:N",
        title=title,
        scale=alt.Scale(range=list(SERIES_COLOURS)),
        legend=alt.Legend(orient="right", labelLimit=0, titleLimit=0),
    )


def lines(frame: pd.DataFrame, x: str, y: str, series: str, series_title: str) -> alt.Chart:
    """Lines of ``y`` over ``x``, one per ``series``; axes, legend and tooltips in the reader's words."""
    titles = {x: t(f"col.{x}"), y: t(f"plots.{y}"), series: series_title}
    return (
        alt.Chart(frame)
        .mark_line(point=True)
        .encode(
            x=alt.X(f"{x}:O", title=titles[x]),
            y=alt.Y(f"{y}:Q", title=titles[y]),
            color=series_colour(series, series_title),
            tooltip=[alt.Tooltip(column, title=title) for column, title in titles.items()],
        )
        .properties(height=chart_height(frame[series].nunique()))
    )


def chart_height(series: int) -> int:
    """Tall enough for the lines and for a legend of ``series`` names beside them (one name a row)."""
    return max(CHART_PX, LEGEND_TITLE_PX + LEGEND_ROW_PX * series)


def attendance(driver: neo4j.Driver) -> None:
    frame = ts.attendance(driver, asof.current())
    if frame.empty:
        st.info(t("graph.empty"))
        return
    st.altair_chart(lines(frame, "date", "present", "body", t("col.body")), width="stretch")
    table_buttons(frame, "attendance-over-time", "pl_att")
    picture = lines_png(frame, "date", "present", "body", ylabel=t("plots.present"), xlabel=t("col.date"))
    png_button(picture, "attendance", "pl_att")


def themes(driver: neo4j.Driver) -> None:
    links.bind("pl_per", "per", choices=PERIODS)
    per = st.segmented_control(
        t("plots.per"), PERIODS, default="quarter", format_func=lambda p: t(f"plots.per.{p}"), key="pl_per"
    )
    frame = ts.themes(driver, per or "quarter", asof.current())
    if frame.empty:
        st.info(t("graph.empty"))
        return
    series = "theme_en" if current_language() == "en" else "theme"
    frame = frame.rename(columns={"times": "points"})
    st.altair_chart(lines(frame, "period", "points", series, t("col.theme")), width="stretch")
    table_buttons(frame, "themes-over-time", "pl_th")
    picture = lines_png(frame, "period", "points", series, ylabel=t("plots.points"), xlabel=t("col.period"))
    png_button(picture, "themes", "pl_th")


def growth(driver: neo4j.Driver) -> None:
    options = qs.choices(driver, qs.Param(name="initiative", type="initiative"))
    names = {o["id"]: o["name"] for o in options}
    links.bind("pl_init", "initiative", choices=names)
    chosen = st.selectbox(
        t("plots.initiative"),
        list(names),
        index=None,
        format_func=names.__getitem__,
        placeholder=t("q.pick"),
        key="pl_init",
    )
    if not chosen:
        return
    frame = ts.initiative_growth(driver, chosen, asof.current())
    if frame.empty:
        st.info(t("graph.empty"))
        return
    long = ts.long_form(frame, "date", ["organisations", "people", "themes"], "series")
    long["series"] = long["series"].map(lambda s: t(f"plots.{s}"))
    st.altair_chart(lines(long, "date", "value", "series", t("col.series")), width="stretch")
    table_buttons(frame, "initiative-growth", "pl_gr")
    picture = lines_png(long, "date", "value", "series", ylabel=t("plots.value"), xlabel=t("col.date"))
    png_button(picture, "initiative-growth", "pl_gr")


def _tab_chosen(labels: dict[str, str]) -> None:
    """The tabs' callback: keep the chosen tab by its id (its label is in the reader's language)."""
    chosen = st.session_state.get("pl_tabs")
    st.session_state.pl_tab = next((tab for tab, label in labels.items() if label == chosen), TABS[0])


def render(driver: neo4j.Driver) -> None:
    asof.caption()
    labels = {tab: t(f"plots.{tab}") for tab in TABS}
    links.bind("pl_tab", "tab", choices=TABS)
    st.session_state.setdefault("pl_tab", TABS[0])
    # The tabs' own state is the label shown; it follows the id, so a link or a language switch opens it.
    st.session_state.pl_tabs = labels[st.session_state.pl_tab]
    tabs = st.tabs(list(labels.values()), key="pl_tabs", on_change=_tab_chosen, args=(labels,))
    with tabs[0]:
        attendance(driver)
    with tabs[1]:
        themes(driver)
    with tabs[2]:
        growth(driver)
    links.copy_link()  # below the tabs: each holds a picker of its own
