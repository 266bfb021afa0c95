"""Tell the language of a minutes text (da, en, no, sv) from its function words.

Minutes are short and full of names, so a statistical model trained on prose is overkill and
brittle; counting stop words from ``knowledge/languages.yaml`` is transparent and easy to extend.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Any

import yaml

from pmkg import knowledge

UNDETERMINED = "und"
MIN_SCORE = 3.0  # below this many stop words the text is too short to tell
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def language_knowledge() -> dict[str, Any]:
    """The parsed ``knowledge/languages.yaml`` (shared with the normaliser)."""
    return yaml.safe_load(knowledge.path("languages.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _weights() -> dict[str, dict[str, float]]:
    """Per word, its weight for each language: 1 / the number of languages that use it."""
    stopwords = {
        code: {w.lower() for w in lang["stopwords"]}
        for code, lang in language_knowledge()["languages"].items()
    }
    users = Counter(word for words in stopwords.values() for word in words)
    weights: dict[str, dict[str, float]] = {}
    for code, words in stopwords.items():
        for word in words:
            weights.setdefault(word, {})[code] = 1.0 / users[word]
    return weights


def language_scores(text: str) -> dict[str, float]:
    """Stop-word evidence per language code (for tests and diagnostics)."""
    weights = _weights()
    scores: Counter[str] = Counter()
    for word, count in Counter(m.group().lower() for m in _WORD.finditer(text)).items():
        for code, weight in weights.get(word, {}).items():
            scores[code] += weight * count
    return dict(scores)


def detect_language(text: str) -> str:
    """The code of the best-scoring language, or "und" when the text gives too little evidence."""
    scores = language_scores(text)
    if not scores:
        return UNDETERMINED
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    best, score = ranked[0]
    if score < MIN_SCORE or (len(ranked) > 1 and ranked[1][1] == score):
        return UNDETERMINED
    return best
