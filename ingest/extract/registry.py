"""The one registry of extraction rules: each has a stable name, and runs in the order registered.

A rule is a function of the document being read (:class:`~pmkg.ingest.extract.reading.Reading`) that adds
what it finds; every fact it makes carries its name in ``Provenance.rule``, so ``pmkg extract --explain``
can say which rule produced it and :func:`describe` can say what the rule does (its docstring). A rule
that makes two kinds of fact ("a ``Long Name (ACR)`` is an organisation or an initiative") names both.
Entity rules run first (they find the names every later rule relates), then the rules over sentences,
then those over the whole document; ``ingest/extract/__init__.py`` imports the rule modules in that order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pmkg.ingest.parse.rules import describe_parser_rule

RuleFunction = Callable[[Any], None]


@dataclass(frozen=True)
class Rule:
    name: str  # "organisations.acronym": the kind of fact, then how it was found
    function: RuleFunction  # what it does, given the reading of the document
    also: tuple[str, ...] = ()  # further names for the facts it makes ("initiatives.acronym")
    stage: str = "relations"  # "entities" (names) or "relations" (facts over the sentences)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.also)

    @property
    def summary(self) -> str:
        """The first sentence of the rule's docstring: what staff read in ``--explain``."""
        doc = " ".join((self.function.__doc__ or "").split())
        return doc.split(". ", 1)[0].rstrip(".") + "." if doc else self.name


_RULES: dict[str, Rule] = {}


def rule(name: str, *also: str, stage: str = "relations") -> Callable[[RuleFunction], RuleFunction]:
    """Register the decorated function as the rule ``name`` (and ``also``: the other names it gives);
    ``stage="entities"`` for a rule that finds names the relation rules then relate."""

    def register(run: RuleFunction) -> RuleFunction:
        for each in (name, *also):
            if any(each in known.names for known in _RULES.values()):
                raise ValueError(f"extraction rule {each!r} is registered twice")
        _RULES[name] = Rule(name, run, tuple(also), stage)
        return run

    return register


def rules(stage: str | None = None) -> list[Rule]:
    """Every rule (of one stage), in the order they run."""
    return [r for r in _RULES.values() if stage is None or r.stage == stage]


def describe(name: str) -> str | None:
    """What the rule that gives facts the name ``name`` does (an extraction rule, or one of the parser's:
    attendance, roles, affiliations, the meeting's heading), or None for an unknown name."""
    found = next((r for r in _RULES.values() if name in r.names), None)
    return found.summary if found else describe_parser_rule(name)
