"""The app's shell: sidebar and page dispatch (``streamlit run app.py`` or ``pmkg app`` runs it).

A thin shell: the sidebar (language, navigation, Neo4j status) and a dispatch to the page
modules in ``ui/``. When Neo4j cannot be reached every page is replaced by a status page that
says what to do; the next rerun reconnects, so the app recovers once the server is back.
"""

from __future__ import annotations

import logging
from pathlib import Path

import streamlit as st

from pmkg.ui import asof, links, pages, signin, state
from pmkg.ui.i18n import LANGUAGES, t
from pmkg.ui.identity import User

# The tab's icon is the app's own file: a ":material/...:" page icon is fetched from fonts.gstatic.com.
ICON = Path(__file__).with_name("icon.png")
# The server's query notifications (e.g. "property does not exist yet" on a young graph) are not news.
logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)


def sidebar(user: User) -> str:
    """Language and page pickers (in the URL: ``?lang=en&page=search``); returns the page.

    Only the pages ``user`` may open are offered (the Expert console is for admins)."""
    with st.sidebar:
        links.bind("lang", "lang", choices=LANGUAGES)
        links.bind("page", "page", choices=pages.PAGES)
    st.session_state.setdefault("lang", LANGUAGES[0])
    st.session_state.setdefault("page", pages.DEFAULT)
    with st.sidebar:
        st.title(t("app.title"))
        st.caption(t("app.subtitle"))
        st.radio(
            t("app.language"),
            LANGUAGES,
            key="lang",
            format_func={"da": "Dansk", "en": "English"}.__getitem__,
            horizontal=True,
        )
        titles = {page: t(f"page.{page}") for page in pages.PAGES if pages.allowed(page, user)}
        if st.session_state.page not in titles:
            st.session_state.page = pages.DEFAULT
        st.radio(t("app.pages"), list(titles), key="page", format_func=titles.__getitem__)
    asof.control()
    return st.session_state.page


def main() -> None:
    st.set_page_config(page_title="pmkg", page_icon=str(ICON), layout="wide")
    user = signin.gate()  # with sign-in on, nothing below runs for anyone not signed in
    links.begin()
    page = sidebar(user)
    status, driver = state.store_status()
    pages.render_status(status)
    if driver is None:
        pages.render_unavailable(status)
        return
    pages.render(page, driver)
    links.sync()  # only after a page was drawn: a link opened while Neo4j is down keeps its view


if __name__ == "__main__":  # how Streamlit runs a script
    main()
