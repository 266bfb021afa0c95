"""Organisations, initiatives and countries known by name: the first entity rules.

The gazetteer's names first, then the body that met under its own name. The rules after them
(:mod:`.acronyms`, :mod:`.named`, :mod:`.initiatives`, :mod:`.parties`) find names nobody listed; a
place one rule named is taken for the rules after it.
"""

from __future__ import annotations

import re
from functools import cache

import msgspec

from pmkg import knowledge
from pmkg.ingest.extract.names import inside_a_name, is_acronym
from pmkg.ingest.extract.reading import Reading
from pmkg.ingest.extract.registry import rule
from pmkg.ingest.gazetteer import Gazetteer
from pmkg.model.record import Initiative
from pmkg.text import fold, slug

_MEMBER = re.compile(r"[ \t]+([A-Z0-9][A-Za-z0-9+&-]*[A-Za-z0-9])(?![\w-])")  # "ERN| GUARD-Heart"
KIND_PLURALS = {"organization": "organisations", "initiative": "initiatives", "country": "countries"}


@rule(
    "organisations.gazetteer",
    "initiatives.gazetteer",
    "countries.gazetteer",
    "initiatives.member",
    stage="entities",
)
def gazetteer_names(reading: Reading) -> None:
    """Every organisation, initiative and country of ``knowledge/gazetteer.yaml`` the text names, under any
    of its names, aliases or acronyms; a country inside a longer name ("NHS England") is part of it, and
    an initiative's acronym before a member's name in capitals names the member ("ERN GUARD-Heart")."""
    text, found, prefixes = reading.text, reading.entities, _member_prefixes()
    for entry, span in Gazetteer.load().find_in_text(text):
        if entry.kind == "country" and (inside_a_name(text, span[0]) or text[span[0] - 1 : span[0]] == "-"):
            continue  # "NHS England", "Cancer Research UK", "IMPRESS-Norway": part of a longer name
        member = _MEMBER.match(text, span[1]) if text[span[0] : span[1]] in prefixes else None
        if member and is_acronym(member[1]):
            name = f"{text[span[0] : span[1]]} {member[1]}"
            initiative = Initiative(id=f"init:{slug(name)}", name=name, type=entry.type)
            found.add(initiative, "initiative", (span[0], member.end()), "initiatives.member")
            continue
        record = entry.to_initiative() if entry.kind == "initiative" else entry.to_organization()
        found.add(record, entry.kind, span, f"{KIND_PLURALS[entry.kind]}.gazetteer")


@cache
def _member_prefixes() -> frozenset[str]:
    return frozenset(knowledge.load("content.yaml")["member_prefixes"])


@rule("organisations.body", stage="entities")
def body_names(reading: Reading) -> None:
    """The body that met, wherever its own name is written, so no shorter name is read inside it
    ("Norsk forening" in "Norsk forening for medisinsk genetikk")."""
    body, found = reading.context.body, reading.entities
    if body is None:
        return
    aliases = [a for a in body.aliases if len(a.split()) > 1 or is_acronym(a)]  # not "Genomics" alone
    for name in {body.name, *aliases}:
        for m in re.finditer(rf"(?<!\w){re.escape(fold(name))}(?!\w)", found.folded):
            if not found.taken(*m.span(), by_country=False):
                found.add(
                    msgspec.structs.replace(body, provenance=[], aliases=list(body.aliases)),
                    "organization",
                    m.span(),
                    "organisations.body",
                )
