"""The words minutes are written in (``knowledge/minutes.yaml``): lookups every parsing stage shares.

Headings, role words, titles, markers, months: the parser asks here whether a phrase is one of them,
so a new convention or language is taught in the data file, not in code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from pmkg import knowledge
from pmkg.knowledge.loader import KnowledgeError


@cache
def vocabulary() -> dict[str, Any]:
    """The vocabulary of minutes (``knowledge/minutes.yaml``, checked against its schema), with
    ``roles``: every role word of ``knowledge/roles.yaml`` (all languages) and the role it names."""
    return {**knowledge.load("minutes.yaml"), "roles": role_words()}


@cache
def role_words() -> dict[str, str]:
    """Each word of ``knowledge/roles.yaml`` and its role code ("formand" -> "chair"); a word given for
    two roles is refused with the file's one-line error."""
    found: dict[str, str] = {}
    for role, languages in knowledge.load("roles.yaml").items():
        for words in languages.values():
            for word in words:
                if found.setdefault(str(word).lower(), role) != role:
                    raise KnowledgeError(
                        "roles.yaml", None, f"'{word}' is given for {found[word]} and {role}"
                    )
    return found


def alternation(words: Iterable[object]) -> str:
    """A regex alternation of vocabulary phrases, longest first so the longest phrase wins."""
    return "|".join(re.escape(w) for w in sorted({str(w) for w in words}, key=len, reverse=True))


def lookup(key: str, phrase: str) -> object:
    return _table(key).get(re.sub(r"\s+", " ", phrase.strip()).lower())


@cache
def _table(key: str) -> dict[str, object]:
    """A vocabulary table by its phrases in lower case, built once (asked for every field and line)."""
    return {str(k).lower(): v for k, v in vocabulary()[key].items()}


@cache
def phrases(key: str) -> tuple[str, ...]:
    return tuple(sorted({str(p).lower() for p in vocabulary()[key]}, key=len, reverse=True))


@cache
def phrase_set(key: str) -> frozenset[str]:
    return frozenset(phrases(key))


@cache
def _role_map() -> dict[str, str]:
    return {str(k).lower(): v for k, v in vocabulary()["roles"].items()}


@cache
def _prefix_re(key: str) -> re.Pattern[str]:
    """Longest phrase of a vocabulary list at the start of a text, as a whole word."""
    words = "|".join(re.escape(p) for p in phrases(key))
    return re.compile(rf"^(?:{words})(?:(?<=\.)|(?!\w))\s*", re.IGNORECASE)


@cache
def _role_prefix_re() -> re.Pattern[str]:
    words = "|".join(re.escape(p) for p in sorted(_role_map(), key=len, reverse=True))
    return re.compile(rf"^(?:{words})(?!\w)\s*", re.IGNORECASE)


def role_of(phrase: str) -> str | None:
    """The role code of a role phrase (``Deputy Chair`` -> ``vice_chair``), or None."""
    return _role_map().get(re.sub(r"\s+", " ", phrase.strip(" .:;,")).lower())


def is_title(phrase: str) -> bool:
    """True when ``phrase`` is a title from the vocabulary (``Klinisk professor``, ``Dr.``)."""
    return re.sub(r"\s+", " ", phrase.strip(" ,;:")).lower() in phrase_set("titles")


def is_absent_marker(phrase: str) -> bool:
    return phrase.strip(" .:;,-–()").lower() in phrase_set("absent_markers")
