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
    state = st.session_state
    if "as_of_on" not in state or links.reading():  # a link read: Back, a language switch
        start = _from_url()
        state.as_of_on = start is not None
        state.as_of_date = start or dt.date.today()
    else:  # set again, as links.bind does: drawn with it even when the switch's code arrives late
        state.as_of_on = state.as_of_on
    with st.sidebar:
        st.toggle(t("asof.toggle"), key="as_of_on", help=t("asof.help"))
        if state.as_of_on:
            today = dt.date.today()
            st.date_input(
                t("asof.date"), links.start("as_of_date", today), key="as_of_date", format="YYYY-MM-DD"
            )
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
