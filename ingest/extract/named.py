"""Organisations and initiatives named in running text by their words, not known beforehand.

A name is a run of capitalised words with short connectors, maybe with a lower-case head and the
place it serves ("Lunds universitet", "Regionalt cancercentrum Norr"); it names an organisation when an
organisation word heads it or, as Nordic and continental names are built, opens it before a proper name
("Patientforeningen GenHjerte", "Université Paris Cité"), and an initiative when an initiative word
ends it. A Nordic name may go on in lower case after "for"/"för" ("Myndigheten för delaktighet",
"Norsk forening for medisinsk genetikk"). The shapes are in :mod:`.names`; here they are applied to
the text, around whatever earlier rules have already named.
"""

from __future__ import annotations

import re
from functools import cache

from pmkg import knowledge
from pmkg.ingest.extract.entities import Entities
from pmkg.ingest.extract.names import (
    CAPWORD,
    LONGEST_NAME,
    NON_SPACE,
    ends_name,
    generic,
    head_at_end,
    is_initiative_name,
    is_organisation_name,
    lexicon,
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
from pmkg.ingest.gazetteer import Gazetteer, organization_for
from pmkg.model.record import Initiative
from pmkg.text import fold, slug

_LOWER = r"[a-zæøåäöüéð]"
_GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"  # words of a name's tail, maybe broken over a line


@cache
def _name_run() -> re.Pattern[str]:
    """Capitalised words with short connectors, maybe broken over a line after a connector ("University
    of" / "Turku"), and maybe a lower-case head and the place it serves ("Regionalt cancercentrum Norr")."""
    connectors = "|".join(re.escape(w) for w in knowledge.load("content.yaml")["name_connectors"])
    wrapped = rf"[ \t]+(?:{connectors})[ \t]*\n[ \t]*{CAPWORD}"  # tried first: "of" at a line's end
    return re.compile(
        rf"{CAPWORD}(?:{wrapped}|[ \t]+(?:{CAPWORD}|{_LOWER}{{1,4}}(?![\w-])|&))*"
        rf"(?:[ \t]+{_LOWER}+(?![\w-])(?:[ \t]+{CAPWORD})*)?"
    )


@cache
def _leading_word() -> re.Pattern[str]:
    """A word that opens a name only before its proper name ("Helse" of "Helse Fonna"), over folded text."""
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, sorted(lexicon().leading)))})(?!\w)")


@cache
def _tail() -> re.Pattern[str]:
    """A Nordic name's lower-case tail after "for"/"för": adjectives (known by their endings, maybe
    joined by "og"/"och", maybe a split compound "social- och") and one noun, which is no function word
    of any language ("for dette", "för att") and no month."""
    data = knowledge.load("content.yaml")["name_tails"]

    def alternation(words: set[str]) -> str:
        return "|".join(sorted(map(re.escape, words), key=len, reverse=True))

    endings = alternation({e for each in data["adjective_endings"].values() for e in each})
    joins = alternation({w for each in data["joining"].values() for w in each})
    connectors = alternation({w for each in data["connectors"].values() for w in each})
    languages = knowledge.load("languages.yaml")["languages"]
    function_words = {w for each in languages.values() for w in each["stopwords"]}
    months = {m for names in knowledge.load("minutes.yaml")["months"].values() for m in names}
    not_noun = alternation(function_words | months)
    adjective = rf"(?:{_LOWER}+(?:{endings})|{_LOWER}+-)"
    return re.compile(
        rf"[ \t]+(?:{connectors}){_GAP}(?:{adjective}{_GAP}(?:(?:{joins}){_GAP}{adjective}{_GAP})?)?"
        rf"(?!(?:{not_noun})(?![\w-])){_LOWER}{{3,}}(?![\w-])"
    )


def name_tail(text: str, end: int, language: str) -> int | None:
    """Where a name ending at ``end`` ends with its lower-case tail ("… for medisinsk genetikk"), if it has
    one; English minutes write a name's words with capitals, so there a lower-case word is no part of it."""
    if language == "en":
        return None
    m = _tail().match(text, end)
    return m.end() if m else None


@rule("organisations.named", "initiatives.named", stage="entities")
def organisation_word_names(reading: Reading) -> None:
    """Unknown organisations named with an organisation word: "Steno Diabetes Center", "Energistyrelsen",
    "Lunds universitet", "Patientforeningen GenHjerte", "Myndigheten för delaktighet"; "Board of the
    Nordic Genome Society" and "Director of the Norwegian Cancer Society" name the society; a capitalised
    name ending in an initiative word is an initiative."""
    text, found, vocab = reading.text, reading.entities, lexicon()
    for m in _name_run().finditer(text):
        worded = vocab.stem_word.search(found.folded, m.start(), m.end()) or vocab.initiative_head.search(
            found.folded, m.start(), m.end()
        )
        if not worded and not _leading_word().search(found.folded, m.start(), m.end()):
            continue  # no organisation or initiative word: a person's name, a heading, a place
        for free in _untaken(list(NON_SPACE.finditer(text, m.start(), m.end())), found):
            _read_run(reading, free)


def _untaken(tokens: list[re.Match[str]], found: Entities) -> list[list[re.Match[str]]]:
    """The stretches of a run that no earlier rule named: "Hjerteforeningen og [Sjældne Diagnoser]"
    leaves "Hjerteforeningen og"; a country may stand inside a longer name ("Biobank Sverige")."""
    stretches: list[list[re.Match[str]]] = [[]]
    for token in tokens:
        if found.taken(*token.span(), by_country=False):
            stretches.append([])
        else:
            stretches[-1].append(token)
    return [s for s in stretches if s]


def _read_run(reading: Reading, tokens: list[re.Match[str]]) -> None:
    """The names in one run of words no earlier rule named. A lower-case last word is kept only where it is
    the organisation word of a Nordic name ("Lunds universitet", "Helse- og omsorgsdepartementet"), not
    after a connector ("Drøftelse af styregruppen") nor an English one ("Public trust", "Linking biobank")."""
    vocab = lexicon()
    last = fold(tokens[-1].group())
    after_connector = len(tokens) > 1 and fold(tokens[-2].group()) in vocab.joining
    split_compound = len(tokens) > 2 and tokens[-3].group().endswith("-")  # "Helse- og omsorgsdepartementet"
    lower_head = last not in vocab.capitalised_heads and (not after_connector or split_compound)
    if tokens[-1].group().islower() and not (lower_head and head_at_end(last)):
        tokens = tokens[:-1]  # no organisation word ("Public trust", "Drøftelse af styregruppen")
    for segment in segments(tokens):
        _organisation_in_run(reading, segment)


def _organisation_in_run(reading: Reading, tokens: list[re.Match[str]]) -> None:
    """The organisation named in one capitalised run of words, if any; two when "og"/"and" joins two
    names ("Hjerteforeningen og Diabetesforeningen", not "Institut for Molekylærbiologi og Genetik")."""
    text, vocab = reading.text, lexicon()
    words = [t.group() for t in tokens]
    first = name_start(words)
    opens = opens_sentence(text, tokens[0].start())
    for i in range(first + 1, len(words) - 1):
        if fold(words[i]) not in vocab.list_words:
            continue
        left, right = trim_name(words[first:i]), trim_name(words[i + 1 :])
        if names_a_body(left, opens) and (names_a_body(right, False) or all(generic(w) for w in right)):
            _organisation_in_run(reading, tokens[:i])
            _organisation_in_run(reading, tokens[i + 1 :])
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
    at_start = opens and index == first
    kept, span = _without_genitive(kept, span)
    organisation = is_organisation_name(kept)
    tail = None if shouted else _tail_of(reading, kept, span, at_start)
    if tail is not None:
        span, organisation = (span[0], tail), True
    elif not organisation and not is_initiative_name(kept, at_start):
        return
    _name_found(reading, kept, span, organisation, shouted)


def _without_genitive(kept: list[str], span: tuple[int, int]) -> tuple[list[str], tuple[int, int]]:
    """A name in the genitive without its -s ("Kreftforeningens arbeid" names Kreftforeningen)."""
    last = fold(kept[-1])
    if last.endswith("s") and not head_at_end(last) and head_at_end(last[:-1]) and len(last) > 4:
        return [*kept[:-1], kept[-1][:-1]], (span[0], span[1] - 1)
    return kept, span


def _tail_of(reading: Reading, kept: list[str], span: tuple[int, int], at_start: bool) -> int | None:
    """The end of a Nordic name's lower-case tail, where its last word is an organisation word and it is a
    name: not one generic word opening a sentence ("Styregruppen for data besluttede")."""
    if not lexicon().stem_word.fullmatch(fold(kept[-1])) and not head_at_end(fold(kept[-1])):
        return None
    if at_start and all(generic(w) for w in kept):
        return None
    return name_tail(reading.text, span[1], reading.context.language)


def _name_found(
    reading: Reading, kept: list[str], span: tuple[int, int], organisation: bool, shouted: bool
) -> None:
    text, found, gazetteer = reading.text, reading.entities, Gazetteer.load()
    name = " ".join(text[span[0] : span[1]].split())
    if found.taken(*span, by_country=False) or gazetteer.lookup(name):
        return
    if shouted:
        name = " ".join(unshouted(w) for w in kept)  # a shouted heading
    if organisation:
        found.add(organization_for(name, gazetteer), "organization", span, "organisations.named")
    else:
        initiative = Initiative(id=f"init:{slug(name)}", name=name, type="initiative")
        found.add(initiative, "initiative", span, "initiatives.named")
