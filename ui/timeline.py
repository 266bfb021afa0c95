"""Timeline: meetings over time, who attended and which themes were raised."""

from __future__ import annotations

import altair as alt
import neo4j
import pandas as pd
import streamlit as st

from pmkg.ui import data, links, tables
from pmkg.ui.correct import details_to_correct
from pmkg.ui.i18n import current_language, t


def meetings_frame(rows: list[dict], language: str) -> pd.DataFrame:
    """One row per meeting, with the themes in the reader's language; undated meetings last."""
    frame = pd.DataFrame(
        {
            "id": [r["id"] for r in rows],
            t("timeline.date"): [r["date"] or "" for r in rows],
            t("timeline.meeting"): [r["title"] or "" for r in rows],
            t("timeline.count"): [len(r["attendees"]) for r in rows],
            t("timeline.themes"): [", ".join(sorted(set(r[f"themes_{language}"]))) for r in rows],
            t("timeline.attendees"): [", ".join(sorted(r["attendees"])) for r in rows],
            t("timeline.body"): [r["body"] or "" for r in rows],
            t("timeline.place"): [r["location"] or "" for r in rows],
        }
    )
    return frame


def chart(frame: pd.DataFrame) -> alt.Chart:
    date_col, body_col, count_col = t("timeline.date"), t("timeline.body"), t("timeline.count")
    dated = frame[frame[date_col].str.len() >= 4].copy()
    dated[date_col] = pd.to_datetime(dated[date_col].str.slice(0, 10), errors="coerce", format="mixed")
    return (
        alt.Chart(dated.dropna(subset=[date_col]))
        .mark_circle(opacity=0.8)
        .encode(
            x=alt.X(f"{date_col}:T", title=date_col),
            y=alt.Y(f"{body_col}:N", title=body_col),
            size=alt.Size(f"{count_col}:Q", title=count_col),
            color=alt.Color(f"{body_col}:N", legend=None),
            tooltip=[date_col, t("timeline.meeting"), body_col, count_col],
        )
        .properties(height=260)
    )


def render(driver: neo4j.Driver) -> None:
    rows = data.meetings(driver)
    if not rows:
        st.info(t("timeline.none"))
        return
    frame = meetings_frame(rows, current_language())
    st.altair_chart(chart(frame), width="stretch")
    st.caption(t("timeline.pick"))
    picked = tables.show(
        frame.drop(columns="id").iloc[::-1],
        on_select="rerun",
        selection_mode="single-row",
        key="timeline_rows",
    )
    newest_first = list(frame["id"].iloc[::-1])
    links.bind("timeline_meeting", "meeting", choices=newest_first)
    rows_chosen = list(picked.selection.rows) if picked else []
    if rows_chosen and rows_chosen != st.session_state.get("timeline_seen"):  # a row just selected
        st.session_state.timeline_meeting = str(newest_first[rows_chosen[0]])
    elif not rows_chosen and st.session_state.get("timeline_seen"):  # the row unselected
        st.session_state.timeline_meeting = None
    st.session_state.timeline_seen = rows_chosen
    links.copy_link()
    if st.session_state.get("timeline_meeting"):  # by id: a link still names it when meetings are added
        st.divider()
        details_to_correct(driver, st.session_state.timeline_meeting)
