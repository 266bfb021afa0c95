"""A known organisation followed by a unit or a post word: ``NorPGx Secretariat``, ``NPOC Office``,
``NPOC Programme Manager``, ``Biobank Sverige kansliet``.

The person is of the organisation the words before the unit name, when the document or the gazetteer
knows it (``NorPGx`` introduced as ``Nordic Pharmacogenomics Network (NorPGx)``); a secretariat word
(``knowledge/minutes.yaml`` ``roles``) also makes the person the secretariat.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

from pmkg.ingest.vocabulary import alternation, phrases, role_of, vocabulary
from pmkg.model.record import Organization
from pmkg.text import fold

if TYPE_CHECKING:  # the gazetteer imports the people package, which the parser (using this) is under
    from pmkg.ingest.gazetteer import Gazetteer


@cache
def _unit_re() -> re.Pattern[str]:
    """A unit word, a title or a role word closing a name, after at least one word."""
    words = [*phrases("unit_words"), *phrases("titles"), *vocabulary()["roles"]]
    return re.compile(rf"(?<=\S)\s+(?P<unit>{alternation(words)})\.?$", re.IGNORECASE)


def split_unit(written: str) -> tuple[str, str] | None:
    """``NorPGx Secretariat`` -> (``NorPGx``, ``Secretariat``): the last comma part of an affiliation
    cut before the unit or post word closing it; None when none closes it or nothing stands before it."""
    parts = [p.strip() for p in re.split(r"[,;]", written) if p.strip()]
    m = _unit_re().search(parts[-1]) if parts else None
    if m is None or not parts[-1][:1].isupper():
        return None
    return parts[-1][: m.start()].strip(), m["unit"]


def unit_role(segment: str) -> str | None:
    """The secretariat role a unit word closing a capitalised segment gives (``ICGMS Secretariat``,
    ``Biobank Sverige kansliet``), else None."""
    split = split_unit(segment)
    return "secretariat" if split and role_of(split[1]) == "secretariat" else None


def organisation_before_unit(
    written: str, organizations: Iterable[Organization], gazetteer: Gazetteer
) -> Organization | None:
    """The organisation named before a unit or post word, if the document or the gazetteer knows it."""
    split = split_unit(written)
    if split is None:
        return None
    head = " ".join(fold(split[0]).split())
    for org in organizations:
        if head in {" ".join(fold(n).split()) for n in [org.name, *org.aliases]}:
            return org
    entry = gazetteer.lookup(split[0])
    return entry.to_organization() if entry is not None else None


def written_organisation(
    written: str, rule: str | None, organizations: Iterable[Organization], gazetteer: Gazetteer
) -> tuple[Organization, str | None] | None:
    """The organisation an entry's affiliation text denotes and the rule that found it: a known one before
    a unit or post word (``affiliation.unit``), else the text if it reads as an organisation (the entry's
    own ``rule``); None for a role or a post alone (``Patient representative``)."""
    from pmkg.ingest.gazetteer import is_organization_name, organization_for  # see the import above

    unit = organisation_before_unit(written, organizations, gazetteer)
    if unit is not None:
        return unit, "affiliation.unit"
    if not written or not is_organization_name(written, gazetteer):
        return None
    return organization_for(written, gazetteer), rule
