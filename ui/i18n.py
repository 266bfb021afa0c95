"""Danish and English interface strings for the app.

The strings live in ``ui/strings.yaml`` (one entry per key with ``da`` and ``en``) so a
policy person can reword the interface without touching code. Danish is the default.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

LANGUAGES: tuple[str, ...] = ("da", "en")
DEFAULT_LANGUAGE = "da"
STRINGS_FILE = Path(__file__).with_name("strings.yaml")


@cache
def strings() -> dict[str, dict[str, str]]:
    """All interface strings, keyed by string id and then by language."""
    with STRINGS_FILE.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    return {str(key): {str(k): str(v) for k, v in value.items()} for key, value in data.items()}


def translate(key: str, language: str, **values: Any) -> str:
    """The string ``key`` in ``language``, with ``{name}`` placeholders filled in.

    A missing key is shown as the key itself, so a gap is visible instead of crashing a page.
    """
    entry = strings().get(key)
    if entry is None:
        return key
    text = entry.get(language) or entry.get(DEFAULT_LANGUAGE) or key
    return text.format(**values) if values else text


def has(key: str) -> bool:
    """Whether strings.yaml has an entry for ``key`` (optional labels, e.g. column names)."""
    return key in strings()


def current_language() -> str:
    """The language chosen in the sidebar (session state), Danish until changed."""
    import streamlit as st

    language = st.session_state.get("lang", DEFAULT_LANGUAGE)
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, **values: Any) -> str:
    """The string ``key`` in the current session's language."""
    return translate(key, current_language(), **values)


_MARKDOWN_SPECIALS = "\\`*_{}[]()<>#+-.!|~$&:"


def md_escape(text: str) -> str:
    """Data made safe for a Markdown-rendering element: every special character is escaped.

    Prefer ``st.text``/``st.dataframe`` for data; use this only where a heading or a label
    needs a name inside it.
    """
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIALS else ch for ch in str(text))


def rows_caption(n: int) -> str:
    """How many rows an answer has, in the singular for one ("1 række", never "1 rows")."""
    return t("q.rows.one" if n == 1 else "q.rows", n=n)
