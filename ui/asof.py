"""The as-of date: one control in the sidebar that every page reads, kept in the URL (``?as_of=2023-07-01``)
so a link opens the graph, the questions and the briefings as they stood on that day."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from pmkg.ui import links
from pmkg.ui.i18n import t

PARAM = "as_of"


def _from_url() -> dt.date | None:
    """The opening link's date (the switch and the date are two widgets but one parameter)."""
    value, ok = links.seed_value(links.opening(PARAM) or "", links.DATE)
    return value if ok else None


def control() -> None:
    """The sidebar's switch and date; the URL follows them (and sets them on a fresh page)."""
    if "as_of_on" not in st.session_state or links.reading():  # a link read: Back, a language switch
        start = _from_url()
        st.session_state.as_of_on = start is not None
        st.session_state.as_of_date = start or dt.date.today()
    with st.sidebar:
        st.toggle(t("asof.toggle"), key="as_of_on", help=t("asof.help"))
        if st.session_state.as_of_on:
            st.date_input(t("asof.date"), key="as_of_date", format="YYYY-MM-DD")
    links.share(PARAM, current())


def current() -> str | None:
    """The chosen date (YYYY-MM-DD), or None when the graph is shown as it stands today."""
    if not st.session_state.get("as_of_on"):
        return None
    chosen = st.session_state.get("as_of_date")
    return chosen.isoformat() if isinstance(chosen, dt.date) else None


def caption() -> None:
    """A line under a page's title saying which date it shows, when one is chosen."""
    if current():
        st.info(t("asof.showing", date=current()), icon=":material/history:")
