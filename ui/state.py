"""The app's connection to Neo4j and its per-session state.

The driver is cached for the whole server process (``st.cache_resource``) but checked on every
use, so a server that was restarted or stopped never leaves the app holding a dead driver:
a failed check drops the cached driver and the next rerun connects afresh.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st
from neo4j import Driver

from pmkg.errors import StoreUnavailable
from pmkg.graph import connection, netrefresh


@dataclass(frozen=True)
class StoreStatus:
    """What the sidebar shows: whether Neo4j answers, where it is expected, and why not."""

    ok: bool
    uri: str
    error: str = ""


def _alive(driver: Driver) -> bool:
    try:
        driver.verify_connectivity()
    except Exception:  # any failure means: reconnect on the next rerun
        driver.close()
        return False
    return True


@st.cache_resource(validate=_alive, show_spinner=False, hash_funcs={connection.Settings: repr})
def _cached_driver(settings: connection.Settings) -> Driver:
    """One driver per server address and user; StoreUnavailable is raised, never cached. The app's writes
    (a decision, an upload) measure the analytics' network on a thread of their own, not while the
    person who clicked waits (``graph.netrefresh``)."""
    driver = connection.driver(settings)
    netrefresh.in_background(driver)
    return driver


def store_status() -> tuple[StoreStatus, Driver | None]:
    """Connect (or reuse the cached driver) and report the outcome instead of raising."""
    try:
        settings = connection.settings()
    except StoreUnavailable as exc:
        return StoreStatus(ok=False, uri="NEO4J_URI ?", error=str(exc)), None
    try:
        return StoreStatus(ok=True, uri=settings.uri), _cached_driver(settings)
    except StoreUnavailable as exc:
        return StoreStatus(ok=False, uri=settings.uri, error=str(exc)), None


# What pages keep in the session from reading the graph (answers, views, the node shown beside them).
ANSWERS = (
    "q_answer",
    "q_node",
    "brief_cache",
    "stakeholder_answer",
    "sh_node",
    "explore_fetched",
    "q_edge",
    "sh_edge",
    "expert_edge",
    "expert_result",
    "expert_node",
    "export_result",
)
VERSION_KEY = "graph_version"


def forget_stale(version: tuple[object, ...]) -> None:
    """Drop what this session kept of the graph once its ``version`` (``graph.version.graph_version``)
    changed: a document stored or removed, a correction made or undone, here, in another session or by
    the CLI. Every page then reads the graph as it is now, without a restart."""
    if st.session_state.get(VERSION_KEY, version) != version:
        for key in ANSWERS:
            st.session_state.pop(key, None)
    st.session_state[VERSION_KEY] = version
