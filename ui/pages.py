"""The page registry: page id → module in ``ui/`` with a ``render(driver)`` function."""

from __future__ import annotations

import importlib

import streamlit as st
from neo4j import Driver

from pmkg.errors import PmkgError
from pmkg.graph.version import graph_version
from pmkg.ui import identity, state
from pmkg.ui.i18n import md_escape, t
from pmkg.ui.identity import NotAllowed, User

PAGES: dict[str, str] = {
    "home": "pmkg.ui.home",
    "search": "pmkg.ui.search",
    "questions": "pmkg.ui.questions",
    "explore": "pmkg.ui.explore",
    "stakeholders": "pmkg.ui.stakeholders",
    "timeline": "pmkg.ui.timeline",
    "brief": "pmkg.ui.brief",
    "changes": "pmkg.ui.changes",
    "matrix": "pmkg.ui.matrix",
    "plots": "pmkg.ui.plots",
    "documents": "pmkg.ui.documents",
    "review": "pmkg.ui.review",
    "history": "pmkg.ui.history",
    "export": "pmkg.ui.export",
    "expert": "pmkg.ui.expert",
}
DEFAULT = "home"
# The action a page needs beyond viewing: the Expert console (raw Cypher) is for admins.
NEEDS: dict[str, str] = {"expert": "admin"}


def allowed(page: str, user: User) -> bool:
    """Whether ``user`` may open ``page`` (the sidebar offers only these; :func:`render` checks again)."""
    return user.can(NEEDS.get(page, "view"))


def render(page: str, driver: Driver) -> None:
    """Draw one page; a user-facing error becomes a one-line message, never a traceback."""
    st.header(t(f"page.{page}"))
    st.caption(t(f"page.{page}.help"))
    try:
        identity.require(identity.current_user(), NEEDS.get(page, "view"))  # also for a page named in a link
        state.forget_stale(graph_version(driver))
        importlib.import_module(PAGES[page]).render(driver)
    except NotAllowed as exc:
        role = t("signin.role.admin" if exc.action == "admin" else "signin.role.editor")
        st.error(t("auth.not_allowed", name=md_escape(exc.user), action=t(f"auth.{exc.action}"), role=role))
    except PmkgError as exc:
        st.error(str(exc))


def render_status(status: state.StoreStatus) -> None:
    """The Neo4j connection line at the bottom of the sidebar."""
    with st.sidebar:
        st.divider()
        if status.ok:
            st.success(t("status.ok"), icon=":material/check_circle:")
        else:
            st.error(t("status.down"), icon=":material/error:")
        st.text(status.uri)


def render_unavailable(status: state.StoreStatus) -> None:
    """The page shown instead of any other while Neo4j cannot be reached."""
    st.header(t("down.title"))
    st.error(t("down.lead"))
    st.markdown(t("down.start"))
    st.code("pmkg neo4j start", language="bash")
    st.markdown(t("down.uri"))
    st.code(f"NEO4J_URI={status.uri}", language="bash")
    with st.expander(t("down.details")):
        st.text(status.error)
    st.button(t("down.retry"), type="primary", icon=":material/refresh:")
