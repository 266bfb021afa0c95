"""The documents page (being built)."""

from __future__ import annotations

import neo4j
import streamlit as st

from ui.i18n import t


def render(driver: neo4j.Driver) -> None:
    st.info(t("page.documents.help"))
