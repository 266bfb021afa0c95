"""The graph's codes in the reader's words: a kind (``mou``), an organisation type (``agency``), a role, a
status, a profile row's kind (``party``) and its field (``country``), a fixed choice (``quarter``), a country
code (``DK``), a document's language (``da``) are never shown as stored.

The words of the stored codes are the documents' own (``reports/strings.yaml``: ``vocab.*``, ``kind.*`` and
the "4 point(s)" counts, through ``reports.text``), so the app and the briefings say the same; the app's
choices, countries and languages are in ``ui/strings.yaml`` (``choice.<parameter>.<value>``,
``country.<code>``, ``language.<code>``).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from pmkg.reports.text import detail, has, tr
from pmkg.ui.i18n import has as ui_has
from pmkg.ui.i18n import translate

# Answer columns whose values are codes (or codes joined by ", "); other columns are names and text.
CODE_COLUMNS = ("kind", "type", "detail", "status", "role", "roles", "relation", "relations", "link")
IDENTITY = "identity"  # a profile's own facts: the row's name is the field ("country"), its detail the value
LANGUAGE = "language"  # the field of a document's language, a code ("da")


def code_words(value: Any, column: str, lang: str) -> Any:
    """One cell of a code column in ``lang`` (lists item by item); anything else as it is."""
    if isinstance(value, list):
        return [code_words(item, column, lang) for item in value]
    if not isinstance(value, str) or not value:
        return value
    if column == "kind" and has(f"kind.{value}") and tr(f"kind.{value}", lang):
        return tr(f"kind.{value}", lang)
    if column == "detail" and ui_has(f"country.{value}"):
        return translate(f"country.{value}", lang)
    return detail(value, lang)


def in_words(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``frame`` with its code columns (and a profile's identity fields) in ``lang``."""
    out = frame.copy()
    if "kind" in out.columns and "name" in out.columns:  # before "kind" itself is translated
        own = out["kind"] == IDENTITY
        if "detail" in out.columns:  # a document's language: "dansk (da)", not "da"
            spoken = own & (out["name"] == LANGUAGE)
            out.loc[spoken, "detail"] = out.loc[spoken, "detail"].map(lambda v: language_name(v, lang))
        out.loc[own, "name"] = out.loc[own, "name"].map(lambda v: code_words(v, "name", lang))
    for column in CODE_COLUMNS:
        if column in out.columns:
            out[column] = out[column].map(lambda v, c=column: code_words(v, c, lang))
    return out


def language_name(value: Any, lang: str) -> Any:
    """A language code as the reader says it ("da" -> "dansk (da)"); an unknown code as it is."""
    return translate(f"language.{value}", lang) if ui_has(f"language.{value}") else value


def choice_name(param: str, value: str, shown: str, lang: str) -> str:
    """A fixed choice or a country code as the reader says it ("quarter" -> "kvartal", "DK" -> "Danmark")."""
    for key in (f"choice.{param}.{value}", f"country.{value}" if param == "country" else ""):
        if key and ui_has(key):
            return translate(key, lang)
    return shown
