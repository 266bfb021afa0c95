"""What minutes say beyond attendance: organisations, initiatives and the facts that link them.

From the normalised text of one document this finds organisations and initiatives (the gazetteer,
``Long Name (ACR)`` and organisation words), participations ("NGC deltager i 1+MG"), agreements
and collaborations ("MoU med Frankrig", "samarbejde med Genomics England"), funding ("Novo Nordisk
Fondens donation", "EU har afsat midler til ..."), figures ("14.505 genomer"), next meetings and
deadlines, and the points of a discussion (bullets) linked to the theme taxonomy.

It works sentence by sentence. A sentence without an organisation of its own is about the one named
first in the latest sentence of the same agenda item that named one ("Aktuelt er der 14.505 genomer"
after "... status fra Nationalt Genom Center (NGC)"). All words come from ``knowledge/content.yaml``
(see docs/knowledge.md); spans are offsets in the text given.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from pmkg import knowledge
from pmkg.ingest.dates import DateMatch, find_dates, infer_year, parse_time_range
from pmkg.ingest.gazetteer import Gazetteer, name_words, organisation_type, organization_for
from pmkg.ingest.names import given_names
from pmkg.ingest.parsed import ParsedMinutes
from pmkg.ingest.people import PeopleIndex, reference_re, stands_alone
from pmkg.ingest.record import (
    Agreement,
    Deadline,
    Fact,
    Funding,
    Initiative,
    Mention,
    Organization,
    Participation,
    Provenance,
    Theme,
)
from pmkg.ingest.themes import Taxonomy
from pmkg.text import EMAIL, fold, slug

Span = tuple[int, int]

_BULLET = r"(?:[•●▪◦‣∙·*–-]|o|\(?[a-h]\))"  # marks and lettered points: "o", "a)", "(b)"


@dataclass
class Content:
    """The content of one document, in record types (spans in the normalised text)."""

    organizations: list[Organization] = field(default_factory=list)
    initiatives: list[Initiative] = field(default_factory=list)
    participations: list[Participation] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    fundings: list[Funding] = field(default_factory=list)
    themes: list[Theme] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


# --- vocabulary ---------------------------------------------------------------------------------------


def _phrases(words: Iterable[str], gap: str = r"\s+") -> str:
    """Alternation of phrases over folded text, ``gap`` (any spacing) between words, longest first."""
    parts = {gap.join(re.escape(fold(w)) for w in phrase.split()) for phrase in words}
    return "|".join(sorted(parts, key=len, reverse=True))


def _phrase_re(words: Iterable[str], gap: str = r"\s+") -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{_phrases(words, gap)})(?!\w)")


@dataclass(frozen=True)
class _Vocabulary:
    participation: re.Pattern[str]
    negation: re.Pattern[str]
    own_subject: re.Pattern[str]
    self_reference: re.Pattern[str]
    list_words: frozenset[str]
    agreement: re.Pattern[str]
    agreement_kinds: dict[str, str]
    party_words: re.Pattern[str]
    party_word_set: frozenset[str]
    party_after: re.Pattern[str]
    between_words: frozenset[str]
    clause_end: re.Pattern[str]
    list_end: re.Pattern[str]
    articles: frozenset[str]
    funder_before: re.Pattern[str]
    funder_after: re.Pattern[str]
    receiver_before: re.Pattern[str]
    funder_source: re.Pattern[str]
    funding_noun: re.Pattern[str]
    funding_types: frozenset[str]
    purpose_words: frozenset[str]
    condition: re.Pattern[str]
    condition_opener: re.Pattern[str]
    not_after: frozenset[str]
    not_units: frozenset[str]
    scales: dict[str, float]
    currencies: frozenset[str]
    money: re.Pattern[str]
    money_abbreviations: frozenset[str]  # "kr.", "mio.": their full stop belongs to the sum
    next_meeting: re.Pattern[str]
    deadline_cue: re.Pattern[str]
    deadline_word: re.Pattern[str]
    abbreviations: frozenset[str]
    connectors: frozenset[str]
    initiative_words: tuple[str, ...]
    min_prefix: int
    stem_set: frozenset[str]
    stem_at_end: re.Pattern[str]
    stem_word: re.Pattern[str]
    capitalised_heads: frozenset[str]
    not_heads: tuple[str, ...]
    initiative_head: re.Pattern[str]
    initiative_end: re.Pattern[str]  # an initiative word ending a word, maybe with an ending
    joining: frozenset[str]  # connectors and articles
    months: re.Pattern[str]
    month_numbers: dict[str, int]
    online_places: dict[str, str]
    place_prepositions: re.Pattern[str]
    document_words: frozenset[str]
    name_openers: frozenset[str]  # articles, document words and weekdays: words before a name


# a number in a sum of money: "500.000", "1,200,000", "85 000", "3,5", "2.5"
_MONEY_NUMBER = r"(?:\d{1,3}(?:[., \u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"


def _money_re(currencies: list[str], scales: list[str]) -> re.Pattern[str]:
    """A sum of money: "kr. 5 mio.", "12 mill. kr", "£2.5 million", "EUR 3,5 mia."."""
    currency = "|".join(sorted((re.escape(c) for c in currencies), key=len, reverse=True))
    scale = "|".join(sorted((re.escape(s.rstrip(".")) for s in scales), key=len, reverse=True))
    return re.compile(
        rf"(?<!\w)(?:{currency})\s*{_MONEY_NUMBER}(?:\s*(?:{scale})\b\.?)?"
        rf"|(?<![\w.,]){_MONEY_NUMBER}\s*(?:(?:{scale})\b\.?\s*)?(?:{currency})(?!\w)",
        re.IGNORECASE,
    )


def _next_meeting_re(words: dict[str, list[str]]) -> re.Pattern[str]:
    """A next meeting of any kind ("Næste generalforsamling", "The next Annual General Meeting",
    "Nästa ordinarie styrelsemöte"): a next word, at most two words, then a word ending in a meeting
    word; or a phrase of its own."""
    meeting = rf"[\w-]*(?:{_phrases(words['meeting_words'])})"
    return re.compile(
        rf"(?<!\w)(?:(?:{_phrases(words['next_words'])})\s+(?:[^\W\d_]+\s+){{0,2}}?{meeting}"
        rf"|{_phrases(words['phrases'])})(?!\w)"
    )


@cache
def vocabulary() -> _Vocabulary:
    """``knowledge/content.yaml`` (and the month names of minutes.yaml) compiled once."""
    data: dict[str, Any] = knowledge.load("content.yaml")
    minutes: dict[str, Any] = knowledge.load("minutes.yaml")
    kinds = {fold(w): kind for kind, words in data["agreements"].items() for w in words}
    collaboration = data["collaboration"]
    agreement = (
        rf"(?<!\w)(?P<noun>{_phrases(kinds)})(?!\w)|(?<!\w)(?P<collab>{_phrases(collaboration)})(?!\w)"
    )
    funding = data["funding"]
    months = {fold(name): int(num) for num, names in minutes["months"].items() for name in names}
    stems = [fold(s) for rule in data["organisation_words"] for s in rule["stems"]]
    document_words = {
        fold(phrase) for phrase in minutes["document_words"] + minutes["meeting_words"] if " " not in phrase
    }
    month_alt = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))
    return _Vocabulary(
        participation=_phrase_re(
            data["participation"], rf"\s+(?:(?:{_phrases(data['participation_adverbs'])})\s+)*"
        ),
        list_words=frozenset(fold(w) for w in data["list_words"]),
        self_reference=reference_re(data["self_references"]),
        own_subject=re.compile(rf"(?i:{_phrases(data['own_subject_articles'])})\s+[a-zæøåäöü]"),
        negation=re.compile(rf"(?<!\w)(?:{_phrases(data['negations'])})\s*$"),
        agreement=re.compile(agreement),
        agreement_kinds=kinds,
        party_words=_phrase_re(data["party_words"]),
        party_word_set=frozenset(fold(w) for w in data["party_words"]),
        party_after=re.compile(rf"[\s)]+(?:{_phrases(data['party_words'])})(?!\w)"),
        between_words=frozenset(fold(w) for w in data["between_words"]),
        clause_end=re.compile(
            rf",\s+(?:{_phrases(data['clause_openers'] + data['relative_pronouns'])})(?!\w)"
            r"|[;:]|[.!?][\"”’)]*\s*$"
        ),
        list_end=re.compile(rf",\s+(?:{_phrases(data['relative_pronouns'])})(?!\w)|[;:]|[.!?][\"”’)]*\s*$"),
        articles=frozenset(fold(w) for w in data["articles"]),
        funder_before=_phrase_re(funding["funder_before_cue"]),
        funder_after=_phrase_re(funding["funder_after_cue"]),
        receiver_before=_phrase_re(funding["receiver_before_cue"]),
        funder_source=_phrase_re(funding["source_words"]),
        funding_types=frozenset(funding["funder_types"]),
        funding_noun=re.compile(rf"-(?:{_phrases(funding['funding_nouns'])})(?!\w)"),
        purpose_words=frozenset(fold(w) for w in funding["purpose_words"]),
        condition=_phrase_re(funding["condition_cues"]),
        condition_opener=re.compile(rf",?\s+(?:{_phrases(funding['condition_openers'])})\s+"),
        not_after=frozenset(fold(w).rstrip(".") for w in data["figure_not_after"]),
        not_units=frozenset(fold(w).rstrip(".") for w in data["figure_not_units"]),
        scales={fold(k).rstrip("."): float(v) for k, v in data["figure_scales"].items()},
        currencies=frozenset(fold(w).rstrip(".") for w in data["currencies"]),
        money=_money_re(data["currencies"], list(data["figure_scales"])),
        money_abbreviations=frozenset(
            fold(w) for w in [*data["currencies"], *data["figure_scales"]] if str(w).endswith(".")
        ),
        next_meeting=_next_meeting_re(data["next_meeting"]),
        deadline_cue=re.compile(
            rf"(?<!\w)(?:{_phrases(data['deadline_cues'])})\s*(?:(?:d\.|den|the|on|:)\s*)?$"
        ),
        deadline_word=_phrase_re(data["deadline_words"]),
        abbreviations=frozenset(fold(w) for w in data["abbreviations"]),
        connectors=frozenset(fold(w) for w in data["name_connectors"]),
        initiative_words=tuple(fold(w) for w in data["initiative_words"]),
        min_prefix=int(data["min_compound_prefix"]),
        stem_set=frozenset(stems),
        stem_at_end=re.compile(rf"(?:{_phrases(stems)})$"),
        stem_word=re.compile(rf"(?:{_phrases(stems)})"),
        capitalised_heads=frozenset(fold(w) for w in data["capitalised_heads"]),
        not_heads=tuple(fold(w) for w in data["not_organisation_endings"]),
        initiative_head=re.compile(rf"(?:{_phrases(data['initiative_words'])})"),
        initiative_end=re.compile(rf"(?:{_phrases(data['initiative_words'])})\w{{0,3}}$"),
        joining=frozenset(fold(w) for w in data["name_connectors"] + data["articles"]),
        months=re.compile(
            rf"(?<!\w)(?:(?P<prep>{_phrases(data['month_prepositions'])})\s+)?(?P<month>{month_alt})"
            r"(?:\s+(?P<year>(?:19|20)\d\d))?(?!\w)"
        ),
        month_numbers=months,
        online_places={fold(k): v for k, v in minutes["online_places"].items()},
        place_prepositions=_phrase_re(minutes["place_prepositions"]),
        document_words=frozenset(document_words),
        name_openers=frozenset(
            document_words
            | {fold(w) for w in data["articles"]}
            | {fold(day).rstrip(".") for days in minutes["weekdays"].values() for day in days}
        ),
    )


# --- entities -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    """One mention of an organisation, country or initiative."""

    entity: str
    kind: str  # organization | country | initiative
    start: int
    end: int


class _Entities:
    """The organisations and initiatives of one document and every place they are named."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = fold(text)  # one character for one: offsets hold
        self.records: dict[str, Organization | Initiative] = {}
        self.kinds: dict[str, str] = {}
        self.hits: list[Hit] = []
        self._occupied = bytearray(len(text))  # 1 where a mention stands, 2 where a country does

    def add(self, record: Organization | Initiative, kind: str, span: Span) -> None:
        start, end = span
        if 2 in self._occupied[start:end]:
            self._drop_countries(start, end)  # "Royal College of Physicians of Ireland" names no country
        known = self.records.setdefault(record.id, record)
        self.kinds[record.id] = kind
        known.provenance.append(Provenance(self.text[start:end], start, end))
        self.hits.append(Hit(record.id, kind, start, end))
        self._occupied[start:end] = (b"\x02" if kind == "country" else b"\x01") * (end - start)

    def refer(self, entity: str, span: Span) -> None:
        """A word standing for a known organisation ("Foreningen", "we"): a hit for the relations,
        no mention of it."""
        self.hits.append(Hit(entity, "organization", *span))

    def taken(self, start: int, end: int, *, by_country: bool = True) -> bool:
        """Whether something is named there; with ``by_country=False`` a longer name may cover a country."""
        occupied = self._occupied[start:end]
        return 1 in occupied or (by_country and 2 in occupied)

    def _drop_countries(self, start: int, end: int) -> None:
        inside = [h for h in self.hits if h.kind == "country" and start <= h.start and h.end <= end]
        for hit in inside:
            self.hits.remove(hit)
            record = self.records[hit.entity]
            record.provenance = [p for p in record.provenance if (p.start, p.end) != (hit.start, hit.end)]
            if not record.provenance:
                del self.records[hit.entity], self.kinds[hit.entity]


def _find_entities(
    text: str, gazetteer: Gazetteer, people: PeopleIndex, body: Organization | None
) -> _Entities:
    found = _Entities(text)
    for entry, span in gazetteer.find_in_text(text):
        if entry.kind == "country" and _inside_a_name(text, span[0]):
            continue  # "NHS England", "Cancer Research UK": part of a longer name
        record = entry.to_initiative() if entry.kind == "initiative" else entry.to_organization()
        found.add(record, entry.kind, span)
    if body is not None:
        _body_names(text, body, found)
    _acronym_definitions(text, gazetteer, found)
    _organisation_word_names(text, gazetteer, found)
    _counterparties(text, gazetteer, people, found)
    if body is not None:
        _self_references(text, body.id, found)
    found.hits.sort(key=lambda h: h.start)
    return found


def _body_names(text: str, body: Organization, found: _Entities) -> None:
    """The body that met, wherever its own name is written, so no shorter name is read inside it
    ("Norsk forening" in "Norsk forening for medisinsk genetikk")."""
    for name in {body.name, *body.aliases}:
        for m in re.finditer(rf"(?<!\w){re.escape(fold(name))}(?!\w)", found.folded):
            if not found.taken(*m.span(), by_country=False):
                found.add(replace(body, provenance=[], aliases=list(body.aliases)), "organization", m.span())


def _self_references(text: str, body: str, found: _Entities) -> None:
    """Words for the body that met ("the partnership", "Foreningen", "we", "vi"): the body, where
    they stand alone (see :func:`ingest.people.stands_alone`) and no name stands."""
    for m in vocabulary().self_reference.finditer(found.folded):
        written = text[m.start() : m.end()]
        if written.isupper() and len(written) <= 3:
            continue  # an acronym: "the US", "OS", "Part VI"
        if not found.taken(*m.span()) and stands_alone(text, m.end()):
            found.refer(body, m.span())


_CAPWORD = r"[A-ZÆØÅÄÖÜÉ][\w&'’-]*"
_PREVIOUS_WORD = re.compile(r"(\S+)[ \t]+$")  # on the same line
_WORD_BEFORE = re.compile(r"(\S+)\s*$")
_CLAUSE_REACH = 300  # characters: the longest clause (a list of initiatives, a purpose, a figure's text)


def _inside_a_name(text: str, start: int) -> bool:
    """Whether a capitalised word other than a connector stands right before ``start`` on its line."""
    m = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
    if not m or not m.group(1)[:1].isupper() or m.group(1)[-1] in ".,:;!?)":
        return False
    word = fold(m.group(1))
    return word not in vocabulary().connectors and word not in vocabulary().articles


_ACRONYM_DEF = re.compile(r"\((?P<acr>[A-ZÆØÅ][A-Za-zÆØÅæøå0-9+&-]{1,11})\)")
_NAME_WORD = re.compile(rf"{_CAPWORD}|[a-zæøåäöü]{{1,4}}|&")  # used with fullmatch
_NON_SPACE = re.compile(r"\S+")
_LONGEST_SENTENCE = 1500  # characters; a longer run without full stops is cut at its line breaks
_LINE_BREAK = re.compile(r"\n")
_LONGEST_NAME = 12  # words; a longer capitalised run is a heading or a list, not a name


def _name_before(text: str, end: int) -> tuple[int, list[str]]:
    """The capitalised words right before ``end`` on the last line with text (at most twelve):
    "... status fra Nationalt Genom Center" -> (offset of "Nationalt", [Nationalt, Genom, Center])."""
    window_start = max(0, end - 200)
    before = text[window_start:end].rstrip()
    line_start = window_start + before.rfind("\n") + 1
    words = list(_NON_SPACE.finditer(text, line_start, window_start + len(before)))
    run: list[re.Match[str]] = []
    for word in reversed(words[-_LONGEST_NAME:]):
        if not _NAME_WORD.fullmatch(word.group()):
            break
        run.insert(0, word)
    kept = _trim_name([w.group() for w in run])
    if not kept:
        return end, []
    first = next(w for w in run if w.group() == kept[0])
    return first.start(), kept


def _trim_name(words: list[str]) -> list[str]:
    """A capitalised run without leading or trailing connectors and lower-case words, except a
    lower-case organisation word as its head ("Lunds universitet", "Uppsala läns landsting")."""
    vocab = vocabulary()
    start, end = 0, len(words)
    while start < end and (fold(words[start]) in vocab.connectors or not words[start][:1].isupper()):
        start += 1
    while end > start and (fold(words[end - 1]) in vocab.connectors or not words[end - 1][:1].isupper()):
        if end - 1 > start and vocab.stem_at_end.search(fold(words[end - 1])):
            break
        end -= 1
    return words[start:end]


def _acronym_definitions(text: str, gazetteer: Gazetteer, found: _Entities) -> None:
    """``Long Name (ACR)`` of an unknown organisation or initiative: the entity and its acronym."""
    vocab = vocabulary()
    for m in _ACRONYM_DEF.finditer(text):
        acronym = m["acr"]
        if sum(c.isupper() for c in acronym) < 2 or gazetteer.lookup(acronym):
            continue
        name_start, words = _name_before(text, m.start())
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
        found.add(record, kind, span)
        for use in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w])", text):
            if not found.taken(*use.span()):
                found.add(record, kind, use.span())


# capitalised words with short connectors, and maybe a lower-case head ("Lunds universitet")
_NAME_RUN = re.compile(
    rf"{_CAPWORD}(?:[ \t]+(?:{_CAPWORD}|[a-zæøåäöü]{{1,4}}(?![\w-])|&))*(?:[ \t]+[a-zæøåäöü]+(?![\w-]))?"
)


def _organisation_word_names(text: str, gazetteer: Gazetteer, found: _Entities) -> None:
    """Unknown organisations named with an organisation word: "Steno Diabetes Center", "Energistyrelsen",
    "Lunds universitet"; "Board of the Nordic Genome Society" and "Director of the Norwegian Cancer
    Society" name the society."""
    vocab = vocabulary()
    for m in _NAME_RUN.finditer(text):
        if not vocab.stem_word.search(found.folded, m.start(), m.end()) and not vocab.initiative_head.search(
            found.folded, m.start(), m.end()
        ):
            continue  # no organisation or initiative word: a person's name, a heading, a place
        tokens = list(_NON_SPACE.finditer(text, m.start(), m.end()))
        last = fold(tokens[-1].group())
        after_connector = len(tokens) > 1 and fold(tokens[-2].group()) in vocab.joining
        lower_head = last not in vocab.capitalised_heads and not after_connector
        if tokens[-1].group().islower() and not (lower_head and _head_at_end(last, vocab)):
            tokens = tokens[:-1]  # no organisation word ("Public trust", "Drøftelse af styregruppen")
        for segment in _segments(tokens, vocab):
            _organisation_in_run(text, segment, gazetteer, found, vocab)


def _segments(tokens: list[re.Match[str]], vocab: _Vocabulary) -> list[list[re.Match[str]]]:
    """A capitalised run split at a short lower-case word that is no connector and stands before a
    name ("Memorandum of Understanding with the University of Edinburgh", "Aarhus Universitet med
    Region Midtjylland"); "Uppsala läns landsting" stays whole."""
    segments: list[list[re.Match[str]]] = [[]]
    joining = vocab.joining
    for index, token in enumerate(tokens):
        word = token.group()
        following = tokens[index + 1].group() if index + 1 < len(tokens) else ""
        name_follows = following[:1].isupper() or fold(following) in joining
        if word.islower() and name_follows and fold(word) not in joining:
            segments.append([])
        else:
            segments[-1].append(token)
    return [segment for segment in segments if segment]


def _organisation_in_run(
    text: str, tokens: list[re.Match[str]], gazetteer: Gazetteer, found: _Entities, vocab: _Vocabulary
) -> None:
    """The organisation named in one capitalised run of words, if any; two when "og"/"and" joins two
    names ("Hjerteforeningen og Diabetesforeningen", not "Institut for Molekylærbiologi og Genetik")."""
    words = [t.group() for t in tokens]
    first = _name_start(words, vocab)
    opens = _opens_sentence(text, tokens[0].start())
    for i in range(first + 1, len(words) - 1):
        if fold(words[i]) not in vocab.list_words:
            continue
        left, right = _trim_name(words[first:i]), _trim_name(words[i + 1 :])
        if _names_a_body(left, opens, vocab) and (
            _names_a_body(right, False, vocab) or all(_generic(w, vocab) for w in right)
        ):
            _organisation_in_run(text, tokens[:i], gazetteer, found, vocab)
            _organisation_in_run(text, tokens[i + 1 :], gazetteer, found, vocab)
            return
    ends = [i for i in range(first, len(words)) if _ends_name(words[i], words, vocab)]
    stop = next((i for i in ends if i > first), len(words))  # "... Society ANNUAL GENERAL MEETING"
    kept = _trim_name(words[first:stop])
    kept = _unit_of(kept, vocab) or kept
    shouted = all(w.isupper() for w in kept if len(w) > 3)
    heads = [i for i, w in enumerate(kept) if vocab.stem_at_end.search(fold(w))]
    if shouted and heads and fold(kept[min(heads[-1] + 1, len(kept) - 1)]) not in vocab.connectors:
        kept = kept[: heads[-1] + 1]  # "FINANCE COMMITTEE REPORT": a heading goes on after the name
    if not kept or len(kept) > _LONGEST_NAME or any(fold(w) in name_words()["positions"] for w in kept):
        return  # "Chief Executive", "Chair of the Board": a position
    index = next(i for i in range(first, len(words)) if words[i : i + len(kept)] == kept)
    span = (tokens[index].start(), tokens[index + len(kept) - 1].end())
    organisation = _is_organisation_name(kept, vocab)
    if not organisation and not _is_initiative_name(kept, opens and index == first, vocab):
        return
    name = " ".join(kept)
    written = " ".join(text[span[0] : span[1]].split())
    if written != name or found.taken(*span, by_country=False) or gazetteer.lookup(name):
        return
    if shouted:
        name = " ".join(_unshouted(w, vocab) for w in kept)  # a shouted heading
    if organisation:
        found.add(organization_for(name, gazetteer), "organization", span)
    else:
        found.add(Initiative(id=f"init:{slug(name)}", name=name, type="initiative"), "initiative", span)


def _unshouted(word: str, vocab: _Vocabulary) -> str:
    """A word of a shouted name as a name writes it: "SOCIETY" -> "Society", "OF" -> "of", "NHS" stays."""
    if fold(word) in vocab.connectors:
        return word.lower()
    return word if len(word) <= 3 else word.capitalize()


def _is_initiative_name(words: list[str], opens_sentence: bool, vocab: _Vocabulary) -> bool:
    """A capitalised name headed by an initiative word ("Nordic Precision Medicine Initiative",
    "Genomic Medicine Programme"); at the start of a sentence two words are not enough ("Work
    Programme" may be a heading), and generic words alone ("The Project", "Joint Action") are none."""
    if len(words) < (3 if opens_sentence else 2) or not words[-1][:1].isupper():
        return False
    if not vocab.initiative_end.search(fold(words[-1])):
        return False
    return not all(_generic(w, vocab) for w in words)


def _names_a_body(words: list[str], opens_sentence: bool, vocab: _Vocabulary) -> bool:
    return bool(words) and (
        _is_organisation_name(words, vocab) or _is_initiative_name(words, opens_sentence, vocab)
    )


def _generic(word: str, vocab: _Vocabulary) -> bool:
    """A connector, an article, or an organisation or initiative word on its own ("Projektet")."""
    folded = fold(word)
    return folded in vocab.joining or folded in vocab.stem_set or _initiative_noun(folded, vocab)


def _opens_sentence(text: str, start: int) -> bool:
    """Whether only spaces, a bullet or a sentence's end stand before ``start`` (on its line)."""
    before = text[max(0, start - 3) : start].rstrip(" \t")
    return not before or before[-1] in "\n.!?:•*-–"


def _name_start(words: list[str], vocab: _Vocabulary) -> int:
    """Where a name starts in a capitalised run: after articles, document words and weekdays, and
    after a position or a person's name with its connector ("Director of the X", "Emma Gallagher of X")."""
    first = 0
    while first < len(words) and fold(words[first]) in vocab.name_openers:
        first += 1
    if first < len(words) and (
        fold(words[first]) in name_words()["positions"] or fold(words[first]) in given_names()
    ):
        connector = next((i for i in range(first, len(words)) if fold(words[i]) in vocab.connectors), None)
        if connector is not None:
            first = connector + 1
            while first < len(words) and fold(words[first]) in vocab.articles | vocab.connectors:
                first += 1
    return first


def _ends_name(word: str, run: list[str], vocab: _Vocabulary) -> bool:
    """A word a name cannot run into: a document word, a month, a shouted heading after plain words."""
    folded = fold(word)
    return (
        folded in vocab.document_words
        or (folded in vocab.month_numbers and len(folded) > 3)
        or _shouted(word, run)
    )


def _unit_of(words: list[str], vocab: _Vocabulary) -> list[str]:
    """The organisation named after a connector when what stands before it is no organisation of its
    own: "Board of the X Society", "Emma Gallagher of Trinity College Dublin" -> the second name;
    "University of Warwick" stays whole."""
    connector = next((i for i, w in enumerate(words) if i and fold(w) in vocab.connectors), None)
    if connector is None:
        return []
    before = [fold(w) for w in words[:connector]]
    rest = words[connector + 1 :]
    while rest and fold(rest[0]) in vocab.articles | vocab.connectors:
        rest = rest[1:]
    if not rest or not _is_organisation_name(rest, vocab):
        return []
    own = any(vocab.stem_at_end.search(w) for w in before) and not all(w in vocab.stem_set for w in before)
    return [] if own else rest


def _shouted(word: str, run: list[str]) -> bool:
    """A capitalised heading word ("ANNUAL") after ordinary words, not an acronym of the name."""
    return len(word) >= 4 and word.isupper() and not run[0].isupper()


_COUNTERPARTY = re.compile(rf"\s+({_CAPWORD}(?:[ \t]+{_CAPWORD}){{0,4}})")


def _counterparties(text: str, gazetteer: Gazetteer, people: PeopleIndex, found: _Entities) -> None:
    """The proper name right after "samarbejde med", "MoU with" is an organisation ("FinnGen"),
    unless it is a person (declared in the minutes, or starting with a known given name)."""
    vocab = vocabulary()
    folded = found.folded
    for cue in vocab.agreement.finditer(folded):
        if cue["noun"]:
            party = vocab.party_after.match(folded, cue.end())
        else:
            party = vocab.party_words.match(folded, cue.end() - len(cue.group().split()[-1]))
        name = _COUNTERPARTY.match(text, party.end()) if party else None
        if not name or found.taken(*name.span(1)):
            continue
        words = _trim_name(name.group(1).split())
        if not words or any(fold(w) in vocab.month_numbers for w in words):
            continue
        written = " ".join(words)
        if people.find(written) or fold(words[0]) in given_names():
            continue
        span = (name.start(1), name.start(1) + len(written))
        found.add(organization_for(written, gazetteer), "organization", span)


def _is_organisation_name(words: list[str], vocab: _Vocabulary) -> bool:
    """The head is an organisation word ("... Council", "Lundbeckfonden"), or one of the last three
    words is and a place follows ("Trinity College Dublin"), or one stands before a connector
    ("University of ...", "Royal College of Physicians of Ireland"), or it opens a region's name
    ("Region Skåne"); names of generic words only ("Regionen og Fonden", "The Board") are not."""
    folded = [fold(w).strip(".,'’") for w in words]
    if all(w in vocab.stem_set or w in vocab.connectors or w in vocab.articles for w in folded):
        return False
    head = _head_at_end(folded[-1], vocab)
    if len(words) == 1:  # one word is a name when capitalised: "Energistyrelsen", not "genomområdet"
        return (
            bool(head)
            and head.start() >= vocab.min_prefix
            and words[0][:1].isupper()
            and not _initiative_noun(folded[0], vocab)
        )
    if head:
        return True
    inner = [i for i, w in enumerate(folded[1:-1], 1) if vocab.stem_at_end.search(w)]
    if inner and inner[-1] >= len(words) - 3 and words[-1][:1].isupper():
        return True
    if any(
        (vocab.stem_word.fullmatch(w) or _compound_head(w, vocab)) and nxt in vocab.connectors
        for w, nxt in zip(folded, folded[1:], strict=False)
    ):
        return True  # "University of ...", "Royal College of Physicians of Ireland", "Landsforeningen for"
    return bool(vocab.stem_word.fullmatch(folded[0])) and organisation_type(words[0]) == "region"


def _compound_head(folded: str, vocab: _Vocabulary) -> bool:
    """A compound ending in an organisation word with a word of its own before it ("landsforeningen")."""
    head = _head_at_end(folded, vocab)
    return head is not None and head.start() >= vocab.min_prefix


def _head_at_end(folded: str, vocab: _Vocabulary) -> re.Match[str] | None:
    """The organisation word ending a word, unless the word ends in a look-alike ("sundhedsområdet"
    ends with "rådet" but means the health area)."""
    if folded.endswith(vocab.not_heads):
        return None
    return vocab.stem_at_end.search(folded)


def _initiative_noun(word: str, vocab: _Vocabulary) -> bool:
    """An initiative word with at most a definite ending: "Nettverket", "Projektet" name no body."""
    return any(word.startswith(w) and len(word) - len(w) <= 3 for w in vocab.initiative_words)


# --- sentences ------------------------------------------------------------------------------------------


@dataclass
class Sentence:
    """One sentence (or heading, or bullet) with the entities and dates named in it."""

    start: int
    end: int
    text: str
    folded: str  # the text folded (lower case, no accents), character for character
    item: str | None  # agenda item number
    hits: list[Hit]
    dates: list[DateMatch]  # spans relative to the sentence

    def named(self, start: int = 0, end: int | None = None) -> list[Hit]:
        """Everything named between two offsets of the sentence (relative to its start)."""
        stop = self.start + (len(self.text) if end is None else end)
        return _within(self.hits, self.start + max(0, start), stop, _hit_start)

    def orgs(self, start: int = 0, end: int | None = None) -> list[Hit]:
        """Organisations and countries named between two offsets of the sentence."""
        return [h for h in self.named(start, end) if h.kind != "initiative"]


def _sentence_spans(text: str, boundaries: Iterable[int] = ()) -> list[Span]:
    """Sentences: full stops before a capital or a blank line (not after abbreviations), bullets,
    short heading lines, and the given boundaries (where agenda items start and end)."""
    vocab = vocabulary()
    cuts = {0, len(text), *boundaries}
    for m in re.finditer(r"[.!?]+[\"”’)]*(?=\s+[\"“(]?[A-ZÆØÅÄÖÜ•]|[ \t]*\n[ \t]*\n)", text):
        token = fold(text[_word_start(text, m.start()) : m.start() + 1])
        if token in vocab.abbreviations or re.fullmatch(r"\(?[a-zæøå]\.", token):
            continue
        cuts.add(m.end())
    for m in re.finditer(rf"(?m)^[ \t]*{_BULLET}[ \t]", text):
        cuts.add(m.start())
    for m in re.finditer(r"(?m)^[^\S\n]*(\S[^\n]*)\n(?=\s*[A-ZÆØÅÄÖÜ\d])", text):
        line = m.group(1).rstrip()
        if len(line.split()) <= 6 and not re.search(r"[.!?,;:]$", line) and not _ends_in_connector(line):
            cuts.add(m.end())
    ordered = sorted(cuts)
    for start, end in zip(ordered, ordered[1:], strict=False):
        if end - start > _LONGEST_SENTENCE:  # a table or a list without full stops: one line each
            cuts.update(m.end() for m in _LINE_BREAK.finditer(text, start, end))
    ordered = sorted(cuts)
    spans = []
    for start, end in zip(ordered, ordered[1:], strict=False):
        chunk = text[start:end]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk.rstrip())
        if trail > lead:
            spans.append((start + lead, start + trail))
    return spans


def _word_start(text: str, end: int) -> int:
    """Where the whitespace-delimited word ending at ``end`` starts."""
    return max(text.rfind(c, 0, end) for c in " \t\n") + 1


def _ends_in_connector(line: str) -> bool:
    words = line.split()
    return bool(words) and fold(words[-1]) in vocabulary().connectors


def _item_at(parsed: ParsedMinutes, offset: int) -> str | None:
    for item in parsed.agenda:
        if item.text_span and item.text_span[0] <= offset < item.text_span[1]:
            return item.number
    return None


def _hit_start(hit: Hit) -> int:
    return hit.start


def _within(items: list[Any], start: int, end: int, at: Any) -> list[Any]:
    """The items (sorted by ``at``) whose offset lies in ``[start, end)``."""
    return items[bisect_left(items, start, key=at) : bisect_left(items, end, key=at)]


def _sentences(
    text: str, folded: str, parsed: ParsedMinutes, hits: list[Hit], dates: list[DateMatch]
) -> list[Sentence]:
    """The sentences of the text with the entities and dates in each (date spans made relative)."""
    header = [span[1] for span in (parsed.title_span, parsed.body_span, parsed.date_span) if span]
    boundaries = header + [b for item in parsed.agenda for b in (item.span[0], *(item.text_span or ()))]
    result = []
    for start, end in _sentence_spans(text, boundaries):
        inside = _within(hits, start, end, _hit_start)
        dated = [
            replace(d, span=(d.span[0] - start, d.span[1] - start))
            for d in _within(dates, start, end, lambda d: d.span[0])
        ]
        item = _item_at(parsed, start)
        result.append(Sentence(start, end, text[start:end], folded[start:end], item, inside, dated))
    return result


def _subjects(sentences: list[Sentence]) -> list[str | None]:
    """For each sentence, the organisation the text is about: the first one named in the latest
    sentence of the same agenda item that named one (sentences usually name their subject first);
    none when the sentence opens with a subject of its own ("The partnership signed ...")."""
    subjects: list[str | None] = []
    last: str | None = None
    item: str | None = None
    own = vocabulary().own_subject
    for sentence in sentences:
        if sentence.item != item:
            last, item = None, sentence.item
        subjects.append(None if own.match(sentence.text) else last)
        organisations = [h for h in sentence.hits if h.kind == "organization"]
        if organisations:
            last = organisations[0].entity
    return subjects


def _clause_end(folded: str, offset: int) -> int:
    """Where the clause starting at ``offset`` ends: ``, og``/``, and``, a relative clause, ``;``,
    or the sentence's final stop (full stops inside a sentence belong to abbreviations); a clause
    is taken to be at most ``_CLAUSE_REACH`` characters long."""
    limit = min(offset + _CLAUSE_REACH, len(folded))
    m = vocabulary().clause_end.search(folded, offset, limit)
    return m.start() if m else limit


# --- relations ------------------------------------------------------------------------------------------


def _provenance(text: str, start: int, end: int) -> list[Provenance]:
    return [Provenance(text[start:end], start, end)]


def _participations(
    text: str, sentence: Sentence, subject: str | None, seen: set[tuple[str, str]]
) -> list[Participation]:
    vocab = vocabulary()
    folded = sentence.folded
    result = []
    for m in vocab.participation.finditer(folded):
        if vocab.negation.search(folded, max(0, m.start() - 20), m.start()):
            continue  # "does not participate in"
        before = sentence.orgs(m.start() - _CLAUSE_REACH, m.start())  # or a country ("Norge deltar i 1+MG")
        actors = _trailing_list(sentence, before)  # "Sweden and Norway participate in"
        limit = min(m.end() + _CLAUSE_REACH, len(folded))
        end = vocab.list_end.search(folded, m.end(), limit)  # "..., der ligger forud for EHDS" stops
        stop = end.start() if end else limit
        targets = _listed(sentence, [h for h in sentence.named(m.end(), stop) if h.kind == "initiative"])
        named = [(a.entity, a.start) for a in actors] or [(subject, sentence.start + m.start())]
        for (actor, start), target in ((a, t) for a in named for t in targets):
            if actor and (actor, target.entity) not in seen:
                seen.add((actor, target.entity))
                result.append(Participation(actor, target.entity, _provenance(text, start, target.end)))
    return result


def _trailing_list(sentence: Sentence, hits: list[Hit]) -> list[Hit]:
    """The last hit and those joined to it by "og"/"and"/commas ("Sverige, Norge og Danmark")."""
    run = hits[-1:]
    for left in reversed(hits[:-1]):
        if not _joined(sentence, left, run[0]):
            break
        run.insert(0, left)
    return run


def _joined(sentence: Sentence, left: Hit, right: Hit) -> bool:
    """Whether only a comma or "og"/"and"/"och"/"&" stands between two names."""
    gap = fold(sentence.text[left.end - sentence.start : right.start - sentence.start]).strip(" ,")
    return gap in {"", "og", "and", "och", "&"}


_LIST_TOKEN = re.compile(r"-?[^\W\d_]+")


def _listed(sentence: Sentence, targets: list[Hit]) -> list[Hit]:
    """The first target and those listed after it: only list words, articles, initiative words and
    compound tails stand between them ("i GDI-prosjektet og i B1MG"); "deltager i GoE og modtager
    EU4Health-midler" lists GoE only."""
    vocab = vocabulary()
    words = vocab.connectors | vocab.articles | vocab.list_words
    kept = targets[:1]
    for target in targets[1:]:
        gap = fold(sentence.text[kept[-1].end - sentence.start : target.start - sentence.start])
        for token in _LIST_TOKEN.findall(gap):
            if not (token.startswith("-") or token in words or _initiative_noun(token, vocab)):
                return kept
        kept.append(target)
    return kept


@dataclass
class _Dating:
    """The year the document is written in and the meeting's month, for dates without a year."""

    year: int | None
    month: int | None

    def complete(self, match: DateMatch, *, future: bool) -> tuple[str | None, bool]:
        if not match.year_missing or not match.iso:
            return match.iso, False
        if self.year is None:
            return None, False
        year = self.year
        if self.month and future and (match.month or 0) < self.month:
            year += 1
        if self.month and not future and (match.month or 0) > self.month:
            year -= 1
        return match.with_year(year).iso, True


def _agreements(
    text: str,
    sentence: Sentence,
    subject: str | None,
    dating: _Dating,
    doc_key: str,
    names: dict[str, str],
    count: int,
) -> list[Agreement]:
    vocab = vocabulary()
    folded = sentence.folded
    cues = _agreement_cues(folded)
    result: list[Agreement] = []
    for index, (cue_start, cue_end, noun) in enumerate(cues):
        limit = cues[index + 1][0] if index + 1 < len(cues) else len(folded)
        stop = min(_clause_end(folded, cue_end), limit)
        party_word = vocab.party_words.search(folded, cue_end if noun else cue_start, stop)
        if party_word:
            after = [h.entity for h in sentence.orgs(cue_end, stop)]
            between = " ".join(party_word.group().split()) in vocab.between_words
            named = sentence.orgs(cue_start - 2 * _CLAUSE_REACH, stop)
            first = next((h.entity for h in named if h.entity not in after), None)
            joined = _trailing_list(sentence, sentence.orgs(cue_start - _CLAUSE_REACH, cue_start))
            leading = [h.entity for h in joined] if len(joined) > 1 else [first or subject]
            parties = after if between else [p for p in [*leading, *after] if p]  # "X og Y samarbejder med Z"
        elif noun:  # "NGC og Genomics England har underskrevet en aftale"
            clause = max(cues[index - 1][1] if index else 0, cue_start - _CLAUSE_REACH)
            parties = _joined_subjects(sentence, clause, cue_start)
        else:
            continue
        parties = list(dict.fromkeys(parties))
        if len(parties) < 2:
            continue
        kind = vocab.agreement_kinds[noun] if noun else "collaboration"
        date, inferred = _month_date(sentence.text[cue_start : stop + 1], dating)
        written = sentence.text[cue_start:cue_end].split()
        if not noun and fold(written[-1]) in vocab.party_word_set:
            written = written[:-1]
        label = " ".join(written)
        label = label[:1].upper() + label[1:] + ")" * (label.count("(") - label.count(")"))
        clause_start = cues[index - 1][1] if index else 0
        lead = [
            h.start
            for h in sentence.orgs(max(clause_start, cue_start - _CLAUSE_REACH), cue_start)
            if h.entity == parties[0]
        ]
        span = (min([sentence.start + cue_start, *lead[:1]]), sentence.start + max(stop, cue_end))
        result.append(
            Agreement(
                id=f"agreement:{doc_key}-{count + len(result) + 1}",
                kind=kind,
                name=f"{label}: {' – '.join(names.get(p, p) for p in parties)}",
                parties=parties,
                date=date,
                date_inferred=inferred,
                provenance=_provenance(text, *span),
            )
        )
    return result


def _joined_subjects(sentence: Sentence, start: int, end: int) -> list[str]:
    """Organisations named together before a cue: "X og Y", "X, Y and Z" (nothing else between)."""
    hits = sentence.orgs(start, end)
    if not all(_joined(sentence, left, right) for left, right in zip(hits, hits[1:], strict=False)):
        return []
    return [h.entity for h in hits] if len(hits) >= 2 else []


def _agreement_cues(folded: str) -> list[tuple[int, int, str | None]]:
    """Agreement nouns and collaboration phrases; "Memorandum of Understanding (MoU)" is one cue."""
    cues: list[tuple[int, int, str | None]] = []
    for m in vocabulary().agreement.finditer(folded):
        noun = " ".join(m["noun"].split()) if m["noun"] else None
        if noun and cues and cues[-1][2] and re.fullmatch(r"[\s()]*", folded[cues[-1][1] : m.start()]):
            cues[-1] = (cues[-1][0], m.end(), cues[-1][2])
            continue
        cues.append((m.start(), m.end(), noun))
    return cues


def _month_date(clause: str, dating: _Dating) -> tuple[str | None, bool]:
    """The date of an agreement: a full date, or a month ("i marts" -> 2023-03, year inferred)."""
    dates = find_dates(clause)
    if dates:
        return dating.complete(dates[0], future=False)
    vocab = vocabulary()
    m = next((m for m in vocab.months.finditer(fold(clause)) if m["prep"] or m["year"]), None)
    if not m:  # a bare "may", "mar" is a word, not a month
        return None, False
    month = vocab.month_numbers[m["month"]]
    if m["year"]:
        return f"{m['year']}-{month:02d}", False
    if dating.year is None:
        return None, False
    year = dating.year - 1 if dating.month and month > dating.month else dating.year
    return f"{year}-{month:02d}", True


@dataclass(frozen=True)
class _Grant:
    """Where a funding is said: its cue (offsets in the sentence), the funder, and the recipient
    when the wording names it ("NGC har modtaget en bevilling fra X": NGC)."""

    start: int
    end: int
    funder: Hit
    receiver: Hit | None = None


def _grants(sentence: Sentence, folded: str, may_fund: frozenset[str]) -> list[_Grant]:
    """The funding cues of a sentence and their funders: organisations, and the funding programmes in
    ``may_fund`` ("funded by EU4Health", "EU4Health-midler"). A cue inside the condition of a grant
    ("..., at regionen selv finansierer driften") is part of that grant, and the noun after a receiving
    verb ("har modtaget en bevilling fra X") names no funder before it."""
    vocab = vocabulary()

    def able(hits: list[Hit]) -> list[Hit]:
        return [h for h in hits if h.kind != "initiative" or h.entity in may_fund]

    condition = _condition_start(folded)
    grants: list[_Grant] = []
    received: list[Span] = []  # the clauses after a receiving verb
    for cue in vocab.receiver_before.finditer(folded):
        stop = _clause_end(folded, cue.end())
        received.append((cue.end(), stop))
        source = vocab.funder_source.search(folded, cue.end(), stop)
        funder = able(sentence.named(source.end(), source.end() + 60))[:1] if source else []
        receiver = sentence.orgs(cue.start() - 80, cue.start())[-1:]
        if funder:
            grants.append(_Grant(cue.start(), cue.end(), funder[0], receiver[0] if receiver else None))
    for cue in vocab.funder_before.finditer(folded):
        if condition is not None and cue.start() >= condition:
            continue
        if any(start <= cue.start() < stop for start, stop in received):
            continue
        candidates = able(sentence.named(cue.start() - 80, cue.start()))
        source = vocab.funder_source.search(folded, cue.end(), _clause_end(folded, cue.end()))
        if not candidates and source:  # "en bevilling på 5 mio. kr. fra Lundbeckfonden"
            candidates = able(sentence.named(source.end(), source.end() + 60))[:1]
        if candidates:
            grants.append(_Grant(cue.start(), cue.end(), candidates[-1]))
    for cue in vocab.funder_after.finditer(folded):
        candidates = able(sentence.named(cue.end(), cue.end() + 60))
        if candidates:
            grants.append(_Grant(cue.start(), cue.end(), candidates[0]))
    for hit in able(sentence.hits):
        noun = vocab.funding_noun.match(folded, hit.end - sentence.start)
        if noun:
            grants.append(_Grant(hit.start - sentence.start, noun.end(), hit))
    return sorted(grants, key=lambda g: g.start)


def _fundings(
    text: str, sentence: Sentence, subject: str | None, may_fund: frozenset[str]
) -> list[tuple[Funding, Span | None]]:
    """Who funds whom and what, once per funder and sentence, each with the span (in the sentence) of
    the sum that is its amount."""
    folded = sentence.folded
    condition = _condition_start(folded)
    sums = list(vocabulary().money.finditer(sentence.text))
    result: list[tuple[Funding, Span | None]] = []
    funders: set[str] = set()
    for grant in _grants(sentence, folded, may_fund):
        funder = grant.funder
        if funder.entity in funders:
            continue
        funders.add(funder.entity)
        purpose, purpose_span = _purpose(sentence.text, folded, max(grant.end, funder.end - sentence.start))
        if grant.receiver:
            recipient: str | None = grant.receiver.entity
        elif purpose_span:
            inside = sentence.named(*purpose_span)
            recipient = inside[0].entity if inside else None
        else:  # not what the condition names ("..., on condition that the data are deposited in EGA")
            reach = min(grant.end + _CLAUSE_REACH, condition or len(folded))
            nearby = sentence.named(grant.start - _CLAUSE_REACH, reach)
            others = [h.entity for h in nearby if h.entity != funder.entity]
            recipient = others[0] if others else (subject if subject != funder.entity else None)
        money = _sum_of(sums, grant.start)
        amount = " ".join(sentence.text[money.start() : _sum_end(money)].split()) if money else None
        funding = Funding(
            funder=funder.entity,
            recipient=recipient,
            purpose=purpose,
            condition=_condition(sentence.text, folded),
            amount=amount,
            provenance=_provenance(text, sentence.start, sentence.end),
        )
        result.append((funding, money.span() if money else None))
    return result


def _sum_of(sums: list[re.Match[str]], cue: int) -> re.Match[str] | None:
    """The sum a grant is of: the first after its cue ("bevilget 3,5 mio. kr.", "funded ... with
    £2.5m"), else the last before it ("a £2m grant from X")."""
    after = [m for m in sums if m.start() >= cue]
    before = [m for m in sums if m.start() < cue]
    return after[0] if after else (before[-1] if before else None)


def _purpose(sentence: str, folded: str, offset: int) -> tuple[str | None, Span | None]:
    """``... midler til <purpose>``: the clause after a purpose word right after the cue."""
    offset = re.compile(r"\s*").match(folded, offset).end()  # type: ignore[union-attr]
    amount = vocabulary().money.match(folded, offset)
    m = re.compile(r"\s*(\w+)\s+").match(folded, amount.end() if amount else offset)
    if not m or m.group(1) not in vocabulary().purpose_words:
        return None, None
    stop = _clause_end(folded, m.end())
    comma = folded.find(",", m.end(), stop)
    stop = comma if comma >= 0 else stop
    purpose = " ".join(sentence[m.end() : stop].split())
    return (purpose, (m.end(), stop)) if purpose else (None, None)


def _condition_start(folded: str) -> int | None:
    """Where the condition of a grant starts: after the opener that follows the cue
    (``en præmis for ..., at <condition>``), else right after the cue."""
    vocab = vocabulary()
    cue = vocab.condition.search(folded)
    if not cue:
        return None
    opener = vocab.condition_opener.search(folded, cue.start())
    return opener.end() if opener else cue.end()


def _condition(sentence: str, folded: str) -> str | None:
    """The condition clause of a sentence, to its end."""
    start = _condition_start(folded)
    condition = None if start is None else " ".join(sentence[start:].split()).rstrip(" .")
    return condition or None


def _sum_end(money: re.Match[str]) -> int:
    """Where a sum of money ends: a full stop after "kr."/"mio." is part of it, after "million" the
    sentence's."""
    last = fold(money.group().split()[-1])
    keep = not last.endswith(".") or last in vocabulary().money_abbreviations
    return money.end() if keep else money.end() - 1


# --- figures --------------------------------------------------------------------------------------------

_NUMBER = re.compile(
    r"(?<![\w.,/:+-])(\d{1,3}(?:[., \u00a0\u202f]\d{3})+|\d+)(?:([.,])(\d+))?(?![\w/:-]|[.,]\d)"
)


_UNIT = re.compile(r"\s*(%|[^\W\d_][\w-]*)\.?(?:\s+([^\W\d_][\w-]*))?")


def _number_value(whole: str, sep: str | None, frac: str | None, language: str) -> float | None:
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


def _facts(
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
    vocab = vocabulary()
    said = sentence.text
    named = [h for h in sentence.hits if h.kind != "country"]
    about = named[0].entity if named else subject
    sums = list(vocab.money.finditer(said))
    found = [
        (m.start(), _sum_end(m), *money)
        for m in sums
        if m.span() not in paid and (money := _sum(m, language))
    ]
    inside_a_sum = [m.span() for m in sums]
    date_starts = [d.span[0] for d in sentence.dates]
    for m in _NUMBER.finditer(said):
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
        clause_start = said.rfind(", ", max(0, start - _CLAUSE_REACH), start) + 1
        clause_start = clause_start or max(0, start - _CLAUSE_REACH)
        result.append(
            Fact(
                id=f"fact:{doc_key}-{count + len(result) + 1}",
                subject=about,
                value=value,
                unit=unit,
                text=" ".join(said[clause_start : _clause_end(said, end)].split()),
                date=date,
                provenance=_provenance(text, sentence.start + start, sentence.start + end),
            )
        )
    return result


def _figure(said: str, m: re.Match[str], language: str) -> tuple[int, float, str] | None:
    """A number of the sentence with its unit word: (end of the unit, value, unit), or None."""
    vocab = vocabulary()
    previous = _WORD_BEFORE.search(said, max(0, m.start() - 40), m.start())
    word = fold(previous.group(1)).strip("([") if previous else ""
    if word.rstrip(".:") in vocab.not_after or word.rstrip(".") in vocab.month_numbers:
        return None
    if said.startswith(".", m.end()) and not said[m.end() + 1 : m.end() + 2].isdigit():
        return None  # an ordinal or a number ending a sentence ("5. møde", "punkt 2.")
    value = _number_value(m.group(1), m.group(2), m.group(3), language)
    unit_match = _UNIT.match(said, m.end())
    if value is None or not unit_match:
        return None
    unit, unit_end = unit_match.group(1), unit_match.end(1)
    scale = vocab.scales.get(fold(unit).rstrip("."))
    if scale and unit_match.group(2):
        value, unit, unit_end = value * scale, unit_match.group(2), unit_match.end(2)
    folded_unit = fold(unit)
    if unit != "%":
        if folded_unit in vocab.not_units or not unit[:1].islower() or folded_unit in vocab.month_numbers:
            return None
        if m.group(1).isdigit() and len(m.group(1)) == 4 and 1900 <= value <= 2100:
            return None  # a year
    return unit_end, value, unit


_SUM_WORD = re.compile(r"[^\W\d_]+|[£€$]")
_MONEY_NUMBER_RE = re.compile(_MONEY_NUMBER)


def _sum(money: re.Match[str], language: str) -> tuple[float, str] | None:
    """The value and currency of a sum of money: "3,5 mio. kr." -> (3500000, "kr"), "€1.2m" ->
    (1200000, "€"), "DKK 2.5 million" -> (2500000, "DKK"); a decimal point the language does not
    use is still one ("2.5" in Danish minutes)."""
    vocab = vocabulary()
    written = money.group()
    number = _MONEY_NUMBER_RE.search(written)
    parts = _NUMBER.fullmatch(number.group()) if number else None
    if number is None or parts is None:
        return None
    value = _number_value(*parts.groups(), language)
    if value is None:
        value = _number_value(*parts.groups(), "da" if language == "en" else "en")
    words = _SUM_WORD.findall(written[: number.start()] + " " + written[number.end() :])
    scale = next((vocab.scales[fold(w)] for w in words if fold(w) in vocab.scales), 1.0)
    currency = next((w for w in words if fold(w) in vocab.currencies), None)
    if value is None or currency is None:
        return None
    return round(value * scale, 2), currency


# --- deadlines and next meetings ---------------------------------------------------------------------------


def _next_meeting(
    text: str,
    sentence: Sentence,
    following: Sentence | None,
    dating: _Dating,
    meeting_id: str,
    deadline_id: str,
    held: str | None = None,
) -> Deadline | None:
    """``Næste møde afholdes torsdag d. 9. november 2023 kl. 14-16 (over Teams)``; the date may stand
    in the next sentence when the cue is a heading of its own ("Next meeting" / "12 March 2024"), or
    before the cue ("Den 24. september afholdes næste generalforsamling"), but not before ``held``
    (the date of the meeting that set it)."""
    cue = vocabulary().next_meeting.search(sentence.folded)
    if not cue:
        return None
    source = sentence
    after = [d for d in sentence.dates if d.span[0] >= cue.end()]
    if not after and following and following.dates and len(sentence.text.split()) <= 4:
        source, after = following, following.dates
    if not after:  # "Den 24. september afholdes næste generalforsamling"
        after = [d for d in sentence.dates if d.span[1] <= cue.start()][-1:]
    if not after:
        return None
    first = after[0]
    iso, inferred = dating.complete(first, future=True)
    if iso and held and iso < held:
        return None  # a date gone by ("the minutes of 3 May; the next meeting is to be agreed")
    start_time, end_time = first.start_time, first.end_time
    if not start_time:
        start_time, end_time = parse_time_range(source.text[first.span[1] :])
    return Deadline(
        id=deadline_id,
        kind="next_meeting",
        date=iso,
        date_inferred=inferred,
        start_time=start_time,
        end_time=end_time,
        location=_location(source.text, source.folded, first.span[1]),
        description=" ".join(text[sentence.start : source.end].split()),
        meeting=meeting_id,
        provenance=_provenance(text, sentence.start, source.end),
    )


def _deadlines(
    text: str,
    sentence: Sentence,
    people: PeopleIndex,
    dating: _Dating,
    meeting_id: str,
    doc_key: str,
    count: int,
) -> list[Deadline]:
    """Dates right after a deadline cue ("senest d. 5. juli", "no later than 5 April"), or after a
    deadline word earlier in the sentence ("The deadline for comments is 5 July")."""
    vocab = vocabulary()
    folded = sentence.folded
    word = vocab.deadline_word.search(folded)
    result: list[Deadline] = []
    for index, match in enumerate(sentence.dates):
        start = match.span[0]
        cued = vocab.deadline_cue.search(folded[max(0, start - 40) : start])
        if not cued and (
            word is None or word.start() > start or index and sentence.dates[index - 1].span[0] > word.start()
        ):
            continue
        iso, inferred = dating.complete(match, future=True)
        email = EMAIL.search(sentence.text)
        result.append(
            Deadline(
                id=f"deadline:{doc_key}-{count + len(result) + 1}",
                kind="deadline",
                date=iso,
                date_inferred=inferred,
                description=" ".join(sentence.text.split()),
                contact=_contact(sentence.text, people, email.start() if email else start),
                email=email.group() if email else None,
                meeting=meeting_id,
                provenance=_provenance(text, sentence.start, sentence.end),
            )
        )
    return result


def _contact(sentence: str, people: PeopleIndex, before: int) -> str | None:
    """The person named last before the e-mail address (or the date), else the first one after it
    ("senast den 10 juni till Eva Berg")."""
    named = people.find_in_text(sentence)
    earlier = [person for person, (start, _) in named if start < before]
    later = [person for person, (start, _) in named if start >= before]
    return earlier[-1] if earlier else (later[0] if later else None)


def _location(sentence: str, folded: str, offset: int) -> str | None:
    """An online platform named in the sentence ("over Teams"), else "på/in <Place>" after the date."""
    vocab = vocabulary()
    for word, canonical in sorted(vocab.online_places.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", folded):
            return canonical
    for prep in vocab.place_prepositions.finditer(folded, offset):
        place = re.match(rf"\s+({_CAPWORD}(?:[ \t]+{_CAPWORD})*)", sentence[prep.end() :])
        if place and not vocab.months.fullmatch(fold(place.group(1))):
            return place.group(1)
    return None


# --- themes ----------------------------------------------------------------------------------------------


def _bullet_spans(text: str, regions: list[Span]) -> list[Span]:
    """Each bullet's text: from its marker to the next bullet or a paragraph that starts a new sentence."""
    spans = []
    for region_start, region_end in regions:
        starts = [m for m in re.finditer(rf"(?m)^[ \t]*{_BULLET}[ \t]+", text[region_start:region_end])]
        for index, m in enumerate(starts):
            start = region_start + m.end()
            limit = region_start + starts[index + 1].start() if index + 1 < len(starts) else region_end
            paragraph = re.compile(r"[.!?][\"”’)]*[ \t]*\n\s*(?=[A-ZÆØÅÄÖÜ])").search(text, start, limit)
            end = paragraph.start() + 1 if paragraph else limit
            body = text[start:end].rstrip()
            if len(body.split()) >= 5:
                spans.append((start, start + len(body)))
    return spans


def _label(body: str) -> str:
    words = body.split()
    first = " ".join(words[:8])
    return first if len(words) <= 8 else first.rstrip(",.;:") + " …"


def _themes(
    text: str, parsed: ParsedMinutes, taxonomy: Taxonomy, meeting_id: str, doc_key: str, language: str
) -> list[Theme]:
    """One point per bullet of the minutes; minutes without bullets give one point per agenda item
    whose title and text concern a theme (procedural items such as "Velkommen" concern none)."""
    regions = [item.text_span for item in parsed.agenda if item.text_span] or [(0, len(text))]
    points = [
        (start, end, _label(" ".join(text[start:end].split())), _item_at(parsed, start))
        for start, end in _bullet_spans(text, sorted(set(regions)))
    ]
    from_items = not points
    if from_items:
        points = [
            (item.text_span[0], item.text_span[1], item.title, item.number)
            for item in parsed.agenda
            if item.text_span and item.text.strip()
        ]
    themes = []
    for start, end, label, item_number in points:
        body = " ".join(text[start:end].split())
        concepts = taxonomy.concepts_for(f"{label}\n{body}", language)
        if from_items and not concepts:
            continue  # an agenda item about no theme
        themes.append(
            Theme(
                id=f"point:{doc_key}-{len(themes) + 1}",
                label=label,
                text=body,
                concepts=concepts,
                meeting=meeting_id,
                agenda_item=item_number,
                provenance=_provenance(text, start, end),
            )
        )
    return themes


# --- the whole document ------------------------------------------------------------------------------------


def organisations_named(text: str) -> list[Organization]:
    """The organisations (not countries) a text names, in the order they are first named; for the
    heading of minutes, which names the organisation a generic body ("Bestyrelsen") belongs to."""
    found = _find_entities(text, Gazetteer.load(), PeopleIndex(), None)
    first = dict.fromkeys(h.entity for h in found.hits if h.kind == "organization")
    return [record for key in first if isinstance(record := found.records[key], Organization)]


def extract_content(
    text: str,
    parsed: ParsedMinutes,
    people: PeopleIndex,
    *,
    meeting_id: str,
    doc_key: str,
    language: str,
    body: Organization | None = None,
) -> Content:
    """Everything :mod:`ingest.content` finds in the normalised ``text`` of one document; ``body`` is
    the body that met, which the minutes also call "the board", "Foreningen" or "we"."""
    gazetteer = Gazetteer.load()
    entities = _find_entities(text, gazetteer, people, body)
    all_dates = find_dates(text)
    sentences = _sentences(text, entities.folded, parsed, entities.hits, all_dates)
    subjects = _subjects(sentences)
    year = int(parsed.date[:4]) if parsed.date else infer_year(all_dates)
    dating = _Dating(year, int(parsed.date[5:7]) if parsed.date else None)
    names = {key: record.name for key, record in entities.records.items()}
    if body is not None:
        names.setdefault(body.id, body.name)
    may_fund = frozenset(
        key for key, record in entities.records.items() if record.type in vocabulary().funding_types
    )

    content = Content()
    seen: set[tuple[str, str]] = set()
    for index, (sentence, subject) in enumerate(zip(sentences, subjects, strict=True)):
        content.participations += _participations(text, sentence, subject, seen)
        content.agreements += _agreements(
            text, sentence, subject, dating, doc_key, names, len(content.agreements)
        )
        fundings = _fundings(text, sentence, subject, may_fund)
        content.fundings += [funding for funding, _ in fundings]
        paid = [span for funding, span in fundings if span and funding.recipient]
        content.facts += _facts(
            text, sentence, subject, language, doc_key, parsed.date, len(content.facts), paid=paid
        )
        following = sentences[index + 1] if index + 1 < len(sentences) else None
        deadline_id = f"deadline:{doc_key}-{len(content.deadlines) + 1}"
        meeting = _next_meeting(text, sentence, following, dating, meeting_id, deadline_id, parsed.date)
        if meeting is None:
            content.deadlines += _deadlines(
                text, sentence, people, dating, meeting_id, doc_key, len(content.deadlines)
            )
        elif not any(d.kind == "next_meeting" and d.date == meeting.date for d in content.deadlines):
            content.deadlines.append(meeting)  # a heading "Næste møde" and its sentence: one meeting
    content.themes = _themes(text, parsed, Taxonomy.load(), meeting_id, doc_key, language)
    for key, record in entities.records.items():
        target = content.initiatives if entities.kinds[key] == "initiative" else content.organizations
        target.append(record)  # type: ignore[arg-type]
        content.mentions.append(
            Mention(key, [Provenance(p.quote, p.start, p.end) for p in record.provenance])
        )
    return content
