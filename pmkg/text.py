"""Two keys for text that every stage shares: ``fold`` for matching, ``slug`` for ids; and the
patterns of things written the same way in every language (an e-mail address).

``fold`` maps one character to exactly one character, so an offset in folded text is the same offset
in the original: extraction scans folded text and quotes the original. ``slug`` makes the id part of
a name; it spells out the Nordic letters first (``Århus`` -> ``aarhus``, ``Bæk`` -> ``baek``) so ids
stay the readable ones earlier versions made, and it caps very long names with a hash of the whole
(Neo4j refuses index keys over about 8 kB, and a 10,000-character "name" must not make a document
unstorable).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

_SPECIAL = {  # letters NFKD leaves alone, and typographic marks, each to one plain character
    "ø": "o",
    "đ": "d",
    "ð": "d",
    "ł": "l",
    "’": "'",
    "‘": "'",
    "´": "'",
    "`": "'",
    "–": "-",
    "—": "-",
    "‐": "-",
    "‑": "-",
    "−": "-",
}
_SPELLED = str.maketrans(
    {"æ": "ae", "Æ": "ae", "å": "aa", "Å": "aa", "ß": "ss", "þ": "th", "Þ": "th", "œ": "oe", "Œ": "oe"}
)
_NOT_ID = re.compile(r"[^a-z0-9]+")
MAX_SLUG = 80  # characters of a readable id before its tail is replaced by a hash

# An e-mail address ("mast@sum.dk", "kari.nordmann+board@ous-hf.no"), whole: never the tail of a longer
# token. The pattern text, so a stage can put it inside its own ("(Name <address>)", address or URL).
EMAIL_PATTERN = r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
EMAIL = re.compile(EMAIL_PATTERN)


class _FoldTable(dict[int, str]):
    """``str.translate`` table filled on demand: each character folds to exactly one character."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        low = char.lower()
        if len(low) != 1:  # "İ".lower() is two characters
            low = char
        base = [c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c)]
        folded = base[0].lower() if len(base) == 1 else low
        folded = _SPECIAL.get(folded, folded)
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Lower case without diacritics, one character for one (``Søren Bøgsted`` -> ``soren bogsted``).

    ``len(fold(t)) == len(t)`` always holds. Letters with no one-letter plain form (æ, ß, þ) stay.
    """
    return text.lower() if text.isascii() else text.translate(_FOLD)


@lru_cache(maxsize=1 << 16)
def words(text: str) -> tuple[str, ...]:
    """The plain ASCII words of a text, Nordic letters spelled out: ``Århus Ø`` -> ``("aarhus", "o")``.

    Search terms and search keys are made of these, so nothing but letters and digits reaches a query.
    """
    return tuple(w for w in _NOT_ID.split(fold(text.translate(_SPELLED))) if w)


@lru_cache(maxsize=1 << 16)
def slug(text: str) -> str:
    """The id part of a name: ``Søren Brunak`` -> ``soren-brunak``, ``Århus`` -> ``aarhus``.

    Every id a record holds (``person:``, ``org:``, ``meeting:``) is built with it. Beyond
    ``MAX_SLUG`` characters the tail becomes 12 hex digits of a hash of the whole slug, so two long
    names that share a beginning keep different ids.
    """
    key = "-".join(words(text))
    if len(key) <= MAX_SLUG:
        return key
    digest = hashlib.sha256(key.encode("ascii")).hexdigest()[:12]
    return f"{key[: MAX_SLUG - 13].rstrip('-')}-{digest}"


def alternation(phrases: Iterable[str], gap: str = r"\s+") -> str:
    """One regular expression for many words or phrases, built as a trie ("hospital|hospitalet" becomes
    ``hospital(?:et)?``), with ``gap`` between a phrase's words. The same matches as the words joined
    longest first, but several times faster: Python's engine tries a plain alternation's words one by
    one at every position, and a trie's branches share their letters."""
    trie: dict[str, dict] = {}
    for phrase in phrases:
        node = trie
        for char in " ".join(phrase.split()):
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(trie, gap) if trie else "(?!)"


def _branches(node: dict[str, dict], gap: str) -> str:
    """The pattern of one trie node's continuations, longest first (greedy: a longer word wins)."""
    keys = [k for k in node if k]
    if not keys:
        return ""
    parts = [(gap if k == " " else re.escape(k)) + _branches(node[k], gap) for k in sorted(keys)]
    body = parts[0] if len(parts) == 1 and len(keys[0]) == 1 and "" not in node else f"(?:{'|'.join(parts)})"
    return f"{body}?" if "" in node else body


def digest_id(prefix: str, *parts: str) -> str:
    """A short, stable id for a node named by other ids and text (a review-queue entry by document and
    short form, a flag by relationship key): ``prefix:`` and 16 hex digits of their hash, so it stays
    within the length every id keeps however long the parts are (``tests/test_long_names.py``)."""
    key = "\x1f".join(parts)
    return f"{prefix}:{hashlib.sha256(key.encode('utf-8')).hexdigest()[:16]}"
