"""The words of pmkg's documents in Danish and English (``reports/strings.yaml``), and the graph's codes
(roles, statuses, types, "4 point(s)") in the reader's language."""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files
from typing import Any

import yaml

from pmkg.ingest.text.normalise import reading
from pmkg.reports.model import Note

LANGUAGES = ("da", "en")
_COUNT = re.compile(r"^(\d+) (point\(s\)|present)$")
_SEPARATORS = re.compile(r"(, | · |; | (?=\())")  # and before a bracket: "2023-06-14 (year inferred)"


@cache
def strings() -> dict[str, dict[str, str]]:
    text = files("pmkg.reports").joinpath("strings.yaml").read_text(encoding="utf-8")
    return {
        str(k): {str(lang): str(v) for lang, v in value.items()} for k, value in yaml.safe_load(text).items()
    }


def tr(key: str, lang: str, **values: Any) -> str:
    """The string ``key`` in ``lang`` with its placeholders filled; an unknown key is shown as itself."""
    entry = strings().get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry["da"]
    return text.format(**values) if values else text


def has(key: str) -> bool:
    return key in strings()


def code(value: str, lang: str) -> str:
    """A code the graph stores ("chair", "present", "agency", "4 point(s)") in ``lang``; other text as is."""
    counted = _COUNT.match(value)
    if counted:
        kind = "point" if counted.group(2).startswith("point") else "present"
        return tr(f"count.{kind}", lang, n=counted.group(1))
    return tr(f"vocab.{value}", lang) if has(f"vocab.{value}") else value


def detail(value: str, lang: str) -> str:
    """A detail made of codes joined by ', ', ' · ' or '; ' with each code in ``lang``."""
    return "".join(
        part if _SEPARATORS.fullmatch(part) else code(part, lang) for part in _SEPARATORS.split(value)
    )


def one_line(text: str) -> str:
    """A quote as it reads in a note: on one line, words a line end hyphenated joined again."""
    return reading(str(text))


def note_text(note: Note, lang: str) -> str:
    """A note as the reader sees it: the minutes, their date and the quote on one line."""
    date = note.date or tr("note.undated", lang)
    return tr("note.text", lang, document=note.document, date=date, quote=one_line(note.quote))
