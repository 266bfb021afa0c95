"""Briefing: a cited note on one person, organisation, initiative, agreement, theme or meeting, as of the
sidebar's date, read on screen and downloaded as DOCX, PDF or Markdown (graph/briefing.py, pmkg.reports)."""

from __future__ import annotations

import neo4j
import pandas as pd
import streamlit as st

from pmkg.graph import questions as qs
from pmkg.graph.briefing import Briefing, build_briefing
from pmkg.reports import briefing as report_of
from pmkg.reports.model import Report
from pmkg.reports.text import note_text
from pmkg.text import slug
from pmkg.ui import asof, links, tables
from pmkg.ui.downloads import document_buttons
from pmkg.ui.i18n import current_language, md_escape, t
from pmkg.ui.identity import current_user
from pmkg.ui.picker import entity_picker

ENTITY = qs.Param(name="entity", type="entity")


def _briefing(driver: neo4j.Driver, entity_id: str, as_of: str | None, contact: bool) -> Briefing:
    """One briefing per choice (a rerun for a download does not ask the graph again)."""
    key = (entity_id, as_of, contact)
    cached = st.session_state.get("brief_cache")
    if cached and cached[0] == key:
        return cached[1]
    with st.spinner(t("brief.working")):
        briefing = build_briefing(driver, entity_id, as_of, contact_details=contact)
    st.session_state.brief_cache = (key, briefing)
    return briefing


def show(report: Report) -> None:
    """The note on screen: sections as lists with note numbers, the figure, and the sources as a table."""
    st.subheader(md_escape(report.title))
    st.caption(md_escape(report.subtitle))
    for remark in report.remarks:
        st.caption(md_escape(remark))
    for section in report.sections:
        st.markdown(f"**{md_escape(section.heading)}**")
        if section.figure is not None:
            st.image(section.figure.png, caption=section.figure.caption, width=700)
        lines = [
            f"- {md_escape(item.text)} " + "".join(f"[{n}]" for n in item.notes) for item in section.items
        ]
        if lines:
            st.markdown("\n".join(lines))
        elif section.figure is None:
            st.caption(md_escape(section.empty))
    if report.notes:
        st.markdown(f"**{md_escape(report.notes_heading)}**")
        notes = pd.DataFrame(
            {
                "#": [n.number for n in report.notes],
                t("details.quote"): [note_text(n, report.lang) for n in report.notes],
            }
        )
        tables.show(notes)


def render(driver: neo4j.Driver) -> None:
    asof.caption()
    options = qs.choices(driver, ENTITY)
    names = {o["id"]: o["name"] for o in options}
    links.bind("brief_entity", "entity", choices=names)
    entity_id = entity_picker(driver, t("brief.entity"), names, "brief_entity")
    if not entity_id:
        st.info(t("brief.pick"))
        return
    lang = current_language()
    contact = current_user().can("contact")
    briefing = _briefing(driver, entity_id, asof.current(), contact)
    report = report_of.to_report(briefing, lang)
    document_buttons(lambda: report, f"brief-{slug(briefing.name)}", "brief", ("docx", "pdf", "md"))
    links.copy_link()
    show(report)
