"""Numbers and sums of money as minutes write them: "14.505" (da) and "14,505" (en), "3,5 mio. kr.",
"£2.5 million", "EUR 3,5 mia."; the currencies and scale words are in ``knowledge/content.yaml``
(``currencies``, ``figure_scales``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pmkg import knowledge
from pmkg.text import fold

# a number in a sum of money: "500.000", "1,200,000", "85 000", "3,5", "2.5"
_MONEY_NUMBER = r"(?:\d{1,3}(?:[., \u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
_MONEY_NUMBER_RE = re.compile(_MONEY_NUMBER)
_SUM_WORD = re.compile(r"[^\W\d_]+|[£€$]")
NUMBER = re.compile(
    r"(?<![\w.,/:+-])(\d{1,3}(?:[., \u00a0\u202f]\d{3})+|\d+)(?:([.,])(\d+))?(?![\w/:-]|[.,]\d)"
)


@dataclass(frozen=True)
class MoneyWords:
    money: re.Pattern[str]  # a sum of money
    scales: dict[str, float]  # "mio" -> 1,000,000
    currencies: frozenset[str]
    money_abbreviations: frozenset[str]  # "kr.", "mio.": their full stop belongs to the sum


@cache
def money_words() -> MoneyWords:
    data = knowledge.load("content.yaml")
    return MoneyWords(
        money=_money_re(data["currencies"], list(data["figure_scales"])),
        scales={fold(k).rstrip("."): float(v) for k, v in data["figure_scales"].items()},
        currencies=frozenset(fold(w).rstrip(".") for w in data["currencies"]),
        money_abbreviations=frozenset(
            fold(w) for w in [*data["currencies"], *data["figure_scales"]] if str(w).endswith(".")
        ),
    )


def _money_re(currencies: list[str], scales: list[str]) -> re.Pattern[str]:
    """A sum of money: "kr. 5 mio.", "12 mill. kr", "£2.5 million", "EUR 3,5 mia."."""
    currency = "|".join(sorted((re.escape(c) for c in currencies), key=len, reverse=True))
    scale = "|".join(sorted((re.escape(s.rstrip(".")) for s in scales), key=len, reverse=True))
    return re.compile(
        rf"(?<!\w)(?:{currency})\s*{_MONEY_NUMBER}(?:\s*(?:{scale})\b\.?)?"
        rf"|(?<![\w.,]){_MONEY_NUMBER}\s*(?:(?:{scale})\b\.?\s*)?(?:{currency})(?!\w)",
        re.IGNORECASE,
    )


def number_value(whole: str, sep: str | None, frac: str | None, language: str) -> float | None:
    """``14.505`` -> 14505 (da), ``14,505`` -> 14505 (en), ``2,5`` -> 2.5 (da)."""
    thousands = "," if language == "en" else "."
    decimal = "." if language == "en" else ","
    if {c for c in whole if not c.isdigit()} - {thousands, " ", "\u00a0", "\u202f"}:
        return None
    value = float(re.sub(r"\D", "", whole))
    if sep and frac:
        if sep != decimal:
            return None
        value += float(f"0.{frac}")
    return value


def sum_value(money: re.Match[str], language: str) -> tuple[float, str] | None:
    """The value and currency of a sum of money: "3,5 mio. kr." -> (3500000, "kr"), "€1.2m" ->
    (1200000, "€"), "DKK 2.5 million" -> (2500000, "DKK"); a decimal point the language does not
    use is still one ("2.5" in Danish minutes)."""
    vocab = money_words()
    written = money.group()
    number = _MONEY_NUMBER_RE.search(written)
    parts = NUMBER.fullmatch(number.group()) if number else None
    if number is None or parts is None:
        return None
    value = number_value(*parts.groups(), language)
    if value is None:
        value = number_value(*parts.groups(), "da" if language == "en" else "en")
    words = _SUM_WORD.findall(written[: number.start()] + " " + written[number.end() :])
    scale = next((vocab.scales[fold(w)] for w in words if fold(w) in vocab.scales), 1.0)
    currency = next((w for w in words if fold(w) in vocab.currencies), None)
    if value is None or currency is None:
        return None
    return round(value * scale, 2), currency


def sum_end(money: re.Match[str]) -> int:
    """Where a sum of money ends: a full stop after "kr."/"mio." is part of it, after "million" the
    sentence's."""
    last = fold(money.group().split()[-1])
    keep = not last.endswith(".") or last in money_words().money_abbreviations
    return money.end() if keep else money.end() - 1
