"""What changed: two meetings of a body (the last two unless others are chosen) or two dates, and the
new, gone and changed people, roles, affiliations, initiatives, agreements and themes, each with its
quote; downloads as CSV, Excel and DOCX (graph/changes.py, reports/changes.py)."""

from __future__ import annotations

import datetime as dt

import neo4j
import streamlit as st

from pmkg.graph import changes as ch
from pmkg.reports import changes as report_of
from pmkg.ui import links, tables
from pmkg.ui.downloads import document_buttons, table_buttons
from pmkg.ui.i18n import current_language, md_escape, rows_caption, t

MODES = ("meetings", "dates")


def sides(driver: neo4j.Driver) -> tuple[str | None, str | None, str | None]:
    """The body and the two sides the controls choose (None, None for the body's last two meetings)."""
    links.bind("changes_mode", "mode", choices=MODES)
    mode = st.segmented_control(
        t("changes.mode"),
        MODES,
        default="meetings",
        format_func=lambda m: t(f"changes.mode.{m}"),
        key="changes_mode",
    )
    held = ch.bodies(driver)
    links.bind("changes_body", "body", choices=held)
    body = st.selectbox(
        t("changes.body"),
        list(held),
        index=None,
        format_func=held.__getitem__,
        placeholder=t("q.pick"),
        key="changes_body",
    )
    cols = st.columns(2)
    if mode == "dates":
        links.bind("changes_d1", "from", links.DATE, resend=False)
        links.bind("changes_d2", "to", links.DATE, resend=False)
        year_ago = dt.date.today() - dt.timedelta(days=365)
        first = cols[0].date_input(t("changes.from"), links.start("changes_d1", year_ago), key="changes_d1")
        second = cols[1].date_input(
            t("changes.to"), links.start("changes_d2", dt.date.today()), key="changes_d2"
        )
        return body, first.isoformat(), second.isoformat()
    if body is None:
        return None, None, None
    meetings = ch.body_meetings(driver, body)
    labels = {m["id"]: f"{m['date']} · {m['name']}" for m in meetings}
    if len(meetings) < 2:
        return body, None, None
    links.bind("changes_m1", "from", choices=labels)
    links.bind("changes_m2", "to", choices=labels)
    first = cols[0].selectbox(
        t("changes.from"), list(labels), index=1, format_func=labels.__getitem__, key="changes_m1"
    )
    second = cols[1].selectbox(
        t("changes.to"), list(labels), index=0, format_func=labels.__getitem__, key="changes_m2"
    )
    return body, first, second


def render(driver: neo4j.Driver) -> None:
    body, first, second = sides(driver)
    if body is None and first is None:
        st.info(t("changes.pick"))
        return
    found = ch.changes(driver, body, first, second)
    lang = current_language()
    st.markdown(
        t("changes.between", before=md_escape(found.before.label), after=md_escape(found.after.label))
    )
    if found.before.inferred or found.after.inferred:
        st.caption(t("changes.inferred"))
    table = report_of.readable(found.table, lang)
    st.caption(rows_caption(len(table)))
    links.copy_link()  # also when nothing changed: that is an answer too
    if table.empty:
        st.info(t("changes.none"))
        return
    shown = table.rename(columns={c: t(f"col.{c}") for c in table.columns})
    tables.show(shown)
    table_buttons(table, "changes", "changes")
    document_buttons(lambda: report_of.to_report(found, lang), "changes", "changes_doc", ("docx",))
