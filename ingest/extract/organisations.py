"""Organisations (and initiatives) named in running text: the entity rules, in the order they run.

The gazetteer's names first, then the body that met under its own name, then ``Long Name (ACR)``,
then names made with an organisation or initiative word, the counterparties of agreements, and the
words that stand for the body that met ("Foreningen", "we"). A place one rule named is taken for the
rules after it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from pmkg import knowledge
from pmkg.ingest.extract.entities import Entities
from pmkg.ingest.extract.names import (
    ACRONYM_DEF,
    CAPWORD,
    LONGEST_NAME,
    NON_SPACE,
    ends_name,
    generic,
    head_at_end,
    inside_a_name,
    is_initiative_name,
    is_organisation_name,
    lexicon,
    name_before,
    name_start,
    names_a_body,
    opens_sentence,
    segments,
    trim_name,
    unit_of,
    unshouted,
)
from pmkg.ingest.extract.reading import Reading
from pmkg.ingest.extract.registry import rule
from pmkg.ingest.extract.words import agreement_words
from pmkg.ingest.gazetteer import Gazetteer, organisation_type, organization_for
from pmkg.ingest.people.posts import reference_re, stands_alone
from pmkg.ingest.record import Initiative, Organization
from pmkg.text import fold, slug

KIND_PLURALS = {"organization": "organisations", "initiative": "initiatives", "country": "countries"}
# capitalised words with short connectors, and maybe a lower-case head ("Lunds universitet")
_NAME_RUN = re.compile(
    rf"{CAPWORD}(?:[ \t]+(?:{CAPWORD}|[a-zæøåäöü]{{1,4}}(?![\w-])|&))*(?:[ \t]+[a-zæøåäöü]+(?![\w-]))?"
)
_COUNTERPARTY = re.compile(rf"\s+({CAPWORD}(?:[ \t]+{CAPWORD}){{0,4}})")


@cache
def _self_reference() -> re.Pattern[str]:
    return reference_re(knowledge.load("content.yaml")["self_references"])


@rule("organisations.gazetteer", "initiatives.gazetteer", "countries.gazetteer", stage="entities")
def gazetteer_names(reading: Reading) -> None:
    """Every organisation, initiative and country of ``knowledge/gazetteer.yaml`` the text names, under any
    of its names, aliases or acronyms; a country inside a longer name ("NHS England") is part of it."""
    text, found = reading.text, reading.entities
    for entry, span in Gazetteer.load().find_in_text(text):
        if entry.kind == "country" and inside_a_name(text, span[0]):
            continue  # "NHS England", "Cancer Research UK": part of a longer name
        record = entry.to_initiative() if entry.kind == "initiative" else entry.to_organization()
        found.add(record, entry.kind, span, f"{KIND_PLURALS[entry.kind]}.gazetteer")


@rule("organisations.body", stage="entities")
def body_names(reading: Reading) -> None:
    """The body that met, wherever its own name is written, so no shorter name is read inside it
    ("Norsk forening" in "Norsk forening for medisinsk genetikk")."""
    body, found = reading.context.body, reading.entities
    if body is None:
        return
    for name in {body.name, *body.aliases}:
        for m in re.finditer(rf"(?<!\w){re.escape(fold(name))}(?!\w)", found.folded):
            if not found.taken(*m.span(), by_country=False):
                found.add(
                    replace(body, provenance=[], aliases=list(body.aliases)),
                    "organization",
                    m.span(),
                    "organisations.body",
                )


@rule("organisations.acronym", "initiatives.acronym", stage="entities")
def acronym_definitions(reading: Reading) -> None:
    """``Long Name (ACR)`` of an unknown organisation or initiative: the entity, its acronym as an alias,
    and every later use of the acronym ("Genomic Data Infrastructure (GDI)" ... "GDI")."""
    text, found, gazetteer, vocab = reading.text, reading.entities, Gazetteer.load(), lexicon()
    for m in ACRONYM_DEF.finditer(text):
        acronym = m["acr"]
        if sum(c.isupper() for c in acronym) < 2 or gazetteer.lookup(acronym):
            continue
        name_start, words = name_before(text, m.start())
        if not words:
            continue
        name = " ".join(words)
        span = (name_start, name_start + len(name))
        if text[span[0] : span[1]] != name:
            continue  # the name is broken over lines or spaced unevenly: no exact span for it
        if gazetteer.lookup(name) or found.taken(*span):
            continue
        folded = fold(name)
        if organisation_type(name):
            record: Organization | Initiative = organization_for(name, gazetteer)
            kind = "organization"
        elif any(w in folded for w in vocab.initiative_words):
            record = Initiative(id=f"init:{slug(name)}", name=name, type="initiative")
            kind = "initiative"
        else:
            continue  # a term ("Memorandum of Understanding (MoU)"), not an entity
        if acronym not in record.aliases:
            record.aliases.append(acronym)
        rule_name = "organisations.acronym" if kind == "organization" else "initiatives.acronym"
        found.add(record, kind, span, rule_name)
        for use in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w])", text):
            if not found.taken(*use.span()):
                found.add(record, kind, use.span(), rule_name)


@rule("organisations.named", "initiatives.named", stage="entities")
def organisation_word_names(reading: Reading) -> None:
    """Unknown organisations named with an organisation word: "Steno Diabetes Center", "Energistyrelsen",
    "Lunds universitet"; "Board of the Nordic Genome Society" and "Director of the Norwegian Cancer
    Society" name the society; a capitalised name ending in an initiative word is an initiative."""
    text, found, gazetteer, vocab = reading.text, reading.entities, Gazetteer.load(), lexicon()
    for m in _NAME_RUN.finditer(text):
        if not vocab.stem_word.search(found.folded, m.start(), m.end()) and not vocab.initiative_head.search(
            found.folded, m.start(), m.end()
        ):
            continue  # no organisation or initiative word: a person's name, a heading, a place
        tokens = list(NON_SPACE.finditer(text, m.start(), m.end()))
        last = fold(tokens[-1].group())
        after_connector = len(tokens) > 1 and fold(tokens[-2].group()) in vocab.joining
        lower_head = last not in vocab.capitalised_heads and not after_connector
        if tokens[-1].group().islower() and not (lower_head and head_at_end(last)):
            tokens = tokens[:-1]  # no organisation word ("Public trust", "Drøftelse af styregruppen")
        for segment in segments(tokens):
            _organisation_in_run(text, segment, gazetteer, found)


def _organisation_in_run(
    text: str, tokens: list[re.Match[str]], gazetteer: Gazetteer, found: Entities
) -> None:
    """The organisation named in one capitalised run of words, if any; two when "og"/"and" joins two
    names ("Hjerteforeningen og Diabetesforeningen", not "Institut for Molekylærbiologi og Genetik")."""
    vocab = lexicon()
    words = [t.group() for t in tokens]
    first = name_start(words)
    opens = opens_sentence(text, tokens[0].start())
    for i in range(first + 1, len(words) - 1):
        if fold(words[i]) not in vocab.list_words:
            continue
        left, right = trim_name(words[first:i]), trim_name(words[i + 1 :])
        if names_a_body(left, opens) and (names_a_body(right, False) or all(generic(w) for w in right)):
            _organisation_in_run(text, tokens[:i], gazetteer, found)
            _organisation_in_run(text, tokens[i + 1 :], gazetteer, found)
            return
    ends = [i for i in range(first, len(words)) if ends_name(words[i], words)]
    stop = next((i for i in ends if i > first), len(words))  # "... Society ANNUAL GENERAL MEETING"
    kept = trim_name(words[first:stop])
    kept = unit_of(kept) or kept
    shouted = all(w.isupper() for w in kept if len(w) > 3)
    heads = [i for i, w in enumerate(kept) if vocab.stem_at_end.search(fold(w))]
    if shouted and heads and fold(kept[min(heads[-1] + 1, len(kept) - 1)]) not in vocab.connectors:
        kept = kept[: heads[-1] + 1]  # "FINANCE COMMITTEE REPORT": a heading goes on after the name
    if not kept or len(kept) > LONGEST_NAME or any(fold(w) in vocab.positions for w in kept):
        return  # "Chief Executive", "Chair of the Board": a position
    index = next(i for i in range(first, len(words)) if words[i : i + len(kept)] == kept)
    span = (tokens[index].start(), tokens[index + len(kept) - 1].end())
    organisation = is_organisation_name(kept)
    if not organisation and not is_initiative_name(kept, opens and index == first):
        return
    name = " ".join(kept)
    written = " ".join(text[span[0] : span[1]].split())
    if written != name or found.taken(*span, by_country=False) or gazetteer.lookup(name):
        return
    if shouted:
        name = " ".join(unshouted(w) for w in kept)  # a shouted heading
    if organisation:
        found.add(organization_for(name, gazetteer), "organization", span, "organisations.named")
    else:
        initiative = Initiative(id=f"init:{slug(name)}", name=name, type="initiative")
        found.add(initiative, "initiative", span, "initiatives.named")


@rule("organisations.counterparty", stage="entities")
def counterparties(reading: Reading) -> None:
    """The proper name right after "samarbejde med", "MoU with" is an organisation ("FinnGen"),
    unless it is a person (declared in the minutes, or starting with a known given name)."""
    text, found, gazetteer, people = reading.text, reading.entities, Gazetteer.load(), reading.context.people
    vocab, cues = lexicon(), agreement_words()
    folded = found.folded
    for cue in cues.agreement.finditer(folded):
        if cue["noun"]:
            party = cues.party_after.match(folded, cue.end())
        else:
            party = cues.party_words.match(folded, cue.end() - len(cue.group().split()[-1]))
        name = _COUNTERPARTY.match(text, party.end()) if party else None
        if not name or found.taken(*name.span(1)):
            continue
        words = trim_name(name.group(1).split())
        if not words or any(fold(w) in vocab.month_numbers for w in words):
            continue
        written = " ".join(words)
        if people.find(written) or fold(words[0]) in vocab.given:
            continue
        span = (name.start(1), name.start(1) + len(written))
        found.add(organization_for(written, gazetteer), "organization", span, "organisations.counterparty")


@rule("organisations.self_reference", stage="entities")
def self_references(reading: Reading) -> None:
    """Words for the body that met ("the partnership", "Foreningen", "we", "vi"): the body, where
    they stand alone (see :func:`ingest.people.stands_alone`) and no name stands; such a word is no
    mention of the body, only a place where the relation rules find it."""
    text, body, found = reading.text, reading.context.body, reading.entities
    if body is None:
        return
    for m in _self_reference().finditer(found.folded):
        written = text[m.start() : m.end()]
        if written.isupper() and len(written) <= 3:
            continue  # an acronym: "the US", "OS", "Part VI"
        if not found.taken(*m.span()) and stands_alone(text, m.end()):
            found.refer(body.id, m.span())
