"""Entity pickers that forgive as the search box does: "Soren" finds Søren Brunak, "ngc" the Nationalt
Genom Center, an alias its entity.

A select box filters its options in the browser, by letters as written, so "Soren" never reaches
"Søren". Each picker therefore has a find field above it that asks the search box's own search
(``graph.schema.search``: the full-text index over names and aliases, folded and fuzzy); the select box
then offers only the entities found, the best first and already chosen. No second normaliser: the
folding is the index's and ``pmkg.text``'s.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import neo4j
import streamlit as st

from pmkg.graph.schema import search
from pmkg.ui.i18n import t

SEARCH_LIMIT = 50  # hits asked of the index: a picker shows the few that fit, not every fuzzy neighbour


def matches(
    driver: neo4j.Driver, text: str, ids: Iterable[str | None], limit: int = SEARCH_LIMIT
) -> list[str]:
    """The ids among ``ids`` that the search box would find for ``text``, best first."""
    offered = {i for i in ids if i is not None}
    found = [str(hit["id"]) for hit in search(driver, text, limit=limit)]
    return [i for i in dict.fromkeys(found) if i in offered]


def _find_changed(driver: neo4j.Driver, key: str, ids: list[str | None]) -> None:
    """Callback of the find field (runs before the rerun draws): choose the best match in the picker."""
    text = str(st.session_state.get(f"{key}_find") or "").strip()
    if text:
        found = matches(driver, text, ids)
        st.session_state[key] = found[0] if found else None


def entity_picker(
    driver: neo4j.Driver,
    label: str,
    options: Mapping[Any, str],
    key: str,
    *,
    index: int | None = None,
    placeholder: str | None = None,
) -> Any:
    """A find field and a select box of ``options`` (id -> name shown; ``None`` may be an option, as
    Explore's overview is); returns the chosen id.

    While the find field holds text, the select box offers only the options the search finds, best first
    (the best chosen as the text is entered); empty, it offers them all with ``index`` chosen.
    """
    ids = list(options)
    find = st.text_input(
        t("pick.find", label=label),
        key=f"{key}_find",
        placeholder=t("pick.placeholder"),
        on_change=_find_changed,
        args=(driver, key, ids),
    ).strip()
    shown = dict(options)
    if find:
        shown = {i: options[i] for i in matches(driver, find, ids)}
        if not shown:
            st.caption(t("pick.none", text=find))
        index = 0 if shown else None
        if st.session_state.get(key) not in shown:
            st.session_state.pop(key, None)
    elif key in st.session_state:
        index = None  # the session holds the choice (a default given as well would be overridden)
    return st.selectbox(
        label,
        list(shown),
        index=index,
        format_func=shown.__getitem__,
        placeholder=placeholder or t("q.pick"),
        key=key,
    )
