"""Figures: numbers with a unit word and sums of money (``figure_not_after``, ``figure_not_units``,
``figure_scales`` and ``currencies`` in ``knowledge/content.yaml``). Danish, Norwegian and Swedish
minutes write "14.505" and "2,5"; English "14,505" and "2.5"."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache

from pmkg import knowledge
from pmkg.ingest.extract.context import Span
from pmkg.ingest.extract.money import NUMBER, money_words, number_value, sum_end, sum_value
from pmkg.ingest.extract.reading import Reading, provenance
from pmkg.ingest.extract.registry import rule
from pmkg.ingest.extract.sentences import Sentence
from pmkg.ingest.extract.words import CLAUSE_REACH, clause_end, common
from pmkg.model.record import Fact
from pmkg.text import fold

_WORD_BEFORE = re.compile(r"(\S+)\s*$")
_UNIT = re.compile(r"\s*(%|[^\W\d_][\w-]*)\.?(?:\s+([^\W\d_][\w-]*))?")


@dataclass(frozen=True)
class _Words:
    not_after: frozenset[str]  # "kl.", "punkt", "side": the number after them is no figure
    not_units: frozenset[str]  # function and time words: never a unit


@cache
def _words() -> _Words:
    data = knowledge.load("content.yaml")
    return _Words(
        not_after=frozenset(fold(w).rstrip(".") for w in data["figure_not_after"]),
        not_units=frozenset(fold(w).rstrip(".") for w in data["figure_not_units"]),
    )


@rule("figures.number")
def figures(reading: Reading) -> None:
    """A number with a unit word ("14.505 genomer", "alle 17 patientgrupper") or a sum of money ("12 mill.
    kr"); not dates, clock times, years, ranges, ordinals or numbers of items and pages, and not a sum
    that is a grant's amount."""
    context = reading.context
    for index, (sentence, subject) in enumerate(zip(reading.sentences, reading.subjects, strict=True)):
        reading.content.facts += _in_sentence(
            reading.text,
            sentence,
            subject,
            context.language,
            context.doc_key,
            context.date,
            len(reading.content.facts),
            paid=reading.paid.get(index, ()),
        )


def _in_sentence(
    text: str,
    sentence: Sentence,
    subject: str | None,
    language: str,
    doc_key: str,
    date: str | None,
    count: int,
    *,
    paid: Collection[Span] = (),
) -> list[Fact]:
    """Numbers with a unit word, and sums of money (unit: the currency as written); not dates, times,
    years, ranges, ordinals or numbers of things such as items and pages (``figure_not_after``).

    A sum that is the amount of a funding with a recipient (``paid``, spans in the sentence) is not a
    figure as well; a funding without a recipient is not stored in the graph (graph/triples.py), so
    its sum stays a figure, recorded once there too."""
    money = money_words()
    said = sentence.text
    named = [h for h in sentence.hits if h.kind != "country"]
    about = named[0].entity if named else subject
    sums = list(money.money.finditer(said))
    found = [
        (m.start(), sum_end(m), *value)
        for m in sums
        if m.span() not in paid and (value := sum_value(m, language))
    ]
    inside_a_sum = [m.span() for m in sums]
    date_starts = [d.span[0] for d in sentence.dates]
    for m in NUMBER.finditer(said):
        if any(start <= m.start() < end for start, end in inside_a_sum):
            continue
        before = bisect_right(date_starts, m.start()) - 1
        if before >= 0 and m.start() < sentence.dates[before].span[1]:
            continue  # part of a date
        figure = _figure(said, m, language)
        if figure is not None:
            found.append((m.start(), *figure))
    result = []
    for start, end, value, unit in sorted(found):
        clause_start = said.rfind(", ", max(0, start - CLAUSE_REACH), start) + 1
        clause_start = clause_start or max(0, start - CLAUSE_REACH)
        result.append(
            Fact(
                id=f"fact:{doc_key}-{count + len(result) + 1}",
                subject=about,
                value=value,
                unit=unit,
                text=" ".join(said[clause_start : clause_end(said, end)].split()),
                date=date,
                provenance=provenance(text, sentence.start + start, sentence.start + end, "figures.number"),
            )
        )
    return result


def _figure(said: str, m: re.Match[str], language: str) -> tuple[int, float, str] | None:
    """A number of the sentence with its unit word: (end of the unit, value, unit), or None."""
    vocab, scales = _words(), money_words().scales
    previous = _WORD_BEFORE.search(said, max(0, m.start() - 40), m.start())
    word = fold(previous.group(1)).strip("([") if previous else ""
    if word.rstrip(".:") in vocab.not_after or word.rstrip(".") in common().month_numbers:
        return None
    if said.startswith(".", m.end()) and not said[m.end() + 1 : m.end() + 2].isdigit():
        return None  # an ordinal or a number ending a sentence ("5. møde", "punkt 2.")
    value = number_value(m.group(1), m.group(2), m.group(3), language)
    unit_match = _UNIT.match(said, m.end())
    if value is None or not unit_match:
        return None
    unit, unit_end = unit_match.group(1), unit_match.end(1)
    scale = scales.get(fold(unit).rstrip("."))
    if scale and unit_match.group(2):
        value, unit, unit_end = value * scale, unit_match.group(2), unit_match.end(2)
    folded_unit = fold(unit)
    if unit != "%":
        if folded_unit in vocab.not_units or not unit[:1].islower() or folded_unit in common().month_numbers:
            return None
        if m.group(1).isdigit() and len(m.group(1)) == 4 and 1900 <= value <= 2100:
            return None  # a year
    return unit_end, value, unit
