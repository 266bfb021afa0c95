"""Start / Forside: the default page, where policy staff begin.

The search box and the "start here" actions come first and need no query, so they are on screen at
once; then what the graph holds (one constant-time count per kind), the newest meetings and the latest
uploads (``graph.overview``), and last the most connected stakeholders, the one slow part (the
Stakeholders question's ranking, ``graph.analytics``, kept until the graph changes). Every meeting and
stakeholder links to its page by the same query parameters a shared link uses (``ui.links``).
"""

from __future__ import annotations

from pathlib import Path

import neo4j
import streamlit as st

from pmkg.graph import analytics, overview
from pmkg.ui import links
from pmkg.ui.i18n import current_language, md_escape, t
from pmkg.ui.identity import current_user
from pmkg.ui.widgets import type_name

SHOWN = 5  # newest meetings, latest uploads and top stakeholders: each list's length


def page_link(page: str, **params: str) -> str:
    """A relative link to another page's view (``?page=timeline&meeting=…``), in the reader's language."""
    return "?" + links.query_string({"page": page, "lang": current_language(), **params})


def _go(page: str) -> None:
    """Button callback: open ``page`` (runs before the next run draws the sidebar)."""
    st.session_state.page = page


def _search() -> None:
    """The home box's callback: the text goes to the Search page's box, which then opens."""
    st.session_state.search_q = st.session_state.home_q
    st.session_state.home_q = ""
    _go("search")


def _start_here() -> None:
    st.text_input(t("home.search"), key="home_q", placeholder=t("search.placeholder"), on_change=_search)
    actions = [("questions", "home.ask", ":material/help:")]
    if current_user().can("edit"):  # a courtesy: storing an upload calls identity.require itself
        actions.append(("documents", "home.upload", ":material/upload_file:"))
    for column, (page, label, icon) in zip(st.columns(len(actions) + 2), actions, strict=False):
        column.button(t(label), icon=icon, on_click=_go, args=(page,), key=f"home_to_{page}")


def _counts(driver: neo4j.Driver) -> None:
    for column, (label, n) in zip(
        st.columns(len(overview.COUNTED)), overview.counts(driver).items(), strict=True
    ):
        column.metric(t(f"home.count.{label}"), n)


def _meetings(driver: neo4j.Driver) -> None:
    st.subheader(t("home.meetings"))
    rows = overview.newest_meetings(driver, SHOWN)
    if not rows:
        st.info(t("home.none"))
    for row in rows:
        title = md_escape(row["title"] or row["id"])
        timeline = page_link("timeline", meeting=row["id"])
        brief = page_link("brief", entity=row["id"])
        body = md_escape(row["body"] or "")
        st.markdown(f"[{title}]({timeline}) · {body} · {row['date']} · [{t('home.brief')}]({brief})")


def _uploads(driver: neo4j.Driver) -> None:
    st.subheader(t("home.uploads"))
    rows = overview.recent_uploads(driver, SHOWN)
    if not rows:
        st.info(t("home.none"))
    for row in rows:
        name = md_escape(Path(row["source"] or "").name)
        title = md_escape(row["title"] or "")
        stored = str(row["ingested_at"] or "")[:16].replace("T", " ")
        st.markdown(f"**{name}** · {title} · {t('home.stored_at', at=stored)}")


def _stakeholders(driver: neo4j.Driver) -> None:
    st.subheader(t("home.stakeholders"))
    with st.spinner(t("q.running")):
        frame, _ = analytics.ANALYTICS["stakeholders"](driver, {"top": SHOWN})
    if frame.empty:
        st.info(t("sh.none"))
        return
    for row in frame.itertuples():
        name = md_escape(str(row.name))
        brief = page_link("brief", entity=str(row.id))
        st.markdown(
            f"{row.rank}. [{name}]({brief}) · {type_name(str(row.label))} · "
            f"{t('home.connections', n=row.connections)}"
        )
    st.markdown(f"[{t('home.all_stakeholders')}]({page_link('stakeholders')})")


def render(driver: neo4j.Driver) -> None:
    _start_here()
    _counts(driver)
    left, right = st.columns(2, gap="large")
    with left:
        _meetings(driver)
    with right:
        _uploads(driver)
    _stakeholders(driver)
