"""The gazetteer: known organisations, initiatives and countries, and how to find them in text.

Names live in ``knowledge/gazetteer.yaml`` (edited by staff, see ``docs/knowledge.md``); this
module only compiles them into a token-sequence index once, so matching one document is a single
pass over its tokens with dictionary look-ups (it runs on thousands of documents).

Matching ignores case, accents, spacing and dash style, so ``Indenrigs – og Sundhedsministeriet``
finds ``Indenrigs- og Sundhedsministeriet``; an alias written in capitals (an acronym such as ``NGC``)
must appear in capitals, and a one-word name must start with a capital, so ``lap`` or ``island`` in
running text are not the organisations LAP and Island (Iceland). A genitive ``-s``/``'s`` is understood.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pmkg import knowledge
from pmkg.ingest.people.names import given_names, looks_like_person
from pmkg.ingest.vocabulary import role_words
from pmkg.model.record import Initiative, Organization, Provenance
from pmkg.text import alternation, fold, slug

KINDS = ("organization", "initiative", "country")

_TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True)
class Entry:
    """One gazetteer entity; ``name`` is its name in its own language, ``name_en`` the English one."""

    id: str
    name: str
    aliases: tuple[str, ...]
    kind: str  # organization | initiative | country
    type: str
    wikidata: str | None = None
    ror: str | None = None
    name_en: str | None = None
    name_da: str | None = None
    country: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """Every written form, primary name first."""
        extra = [n for n in (self.name_en, self.name_da) if n]
        return tuple(dict.fromkeys([self.name, *extra, *self.aliases]))

    def to_organization(self, provenance: list[Provenance] | None = None) -> Organization:
        """As a record organisation (countries are organisations of type country)."""
        return Organization(
            id=self.id,
            name=self.name,
            aliases=[n for n in self.names if n != self.name],
            type=self.type,
            wikidata=self.wikidata,
            ror=self.ror,
            country=self.country,
            provenance=list(provenance or []),
        )

    def to_initiative(self, provenance: list[Provenance] | None = None) -> Initiative:
        """As a record initiative."""
        return Initiative(
            id=self.id,
            name=self.name,
            aliases=[n for n in self.names if n != self.name],
            type=self.type,
            wikidata=self.wikidata,
            provenance=list(provenance or []),
        )


@dataclass(frozen=True)
class _Alias:
    entry: Entry
    exact: tuple[str | None, ...]  # per token: the capitals that must match exactly, or None
    needs_capital: bool  # a one-word name must be written with a capital


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _is_acronym(token: str) -> bool:
    """``NGC``, ``1+MG``'s ``MG``, ``GoE``, ``EU4Health``: any capital after the first character."""
    return any(c.isupper() for c in token[1:])


def _alias(entry: Entry, written: str) -> tuple[tuple[str, ...], _Alias]:
    tokens = _tokens(written)
    exact = tuple(t if _is_acronym(t) else None for t in tokens)
    key = tuple(fold(t) for t in tokens)
    return key, _Alias(entry, exact, needs_capital=len(tokens) == 1 and exact[0] is None)


def _entry(raw: dict[str, Any]) -> Entry:
    """One entry of the file (its form already checked by the schema in ``knowledge/schemas.py``)."""
    return Entry(
        id=raw["id"],
        name=raw["name"],
        aliases=tuple(raw.get("aliases") or ()),
        kind=raw["kind"],
        type=raw["type"],
        wikidata=raw.get("wikidata"),
        ror=raw.get("ror"),
        name_en=raw.get("name_en"),
        name_da=raw.get("name_da"),
        country=raw.get("country"),
    )


class Gazetteer:
    """Look-up by name and fast search in text over the entries of one gazetteer file."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self._by_id = {e.id: e for e in entries}
        self._index: dict[tuple[str, ...], list[_Alias]] = {}
        for entry in entries:
            for written in entry.names:
                key, alias = _alias(entry, written)
                if key:
                    self._index.setdefault(key, []).append(alias)
        lengths: dict[str, set[int]] = {}
        for key in self._index:
            lengths.setdefault(key[0], set()).add(len(key))
        self._first = set(lengths)
        self._lengths = {first: sorted(found, reverse=True) for first, found in lengths.items()}
        # the last text read and what it names: the rules, the body's host and its country all ask
        # about the same whole text (one tuple, so a thread reads a text with its own answer)
        self._last: tuple[str, list[tuple[Entry, tuple[int, int]]]] | None = None

    @classmethod
    def load(cls, path: Path | None = None) -> Gazetteer:
        """The gazetteer of ``knowledge/gazetteer.yaml`` (or ``path``), built once per process."""
        return _load(str(path) if path else None)

    def get(self, entry_id: str) -> Entry | None:
        """The entry with this id (``org:ngc``), if the gazetteer has it."""
        return self._by_id.get(entry_id)

    def lookup(self, name: str) -> Entry | None:
        """The entry a whole name denotes, ignoring case and accents; genitive forms too."""
        tokens = [fold(t) for t in _tokens(name.strip())]
        if len(tokens) >= 2 and tokens[-2:] == ["'", "s"]:
            tokens = tokens[:-2]
        for key in _genitive_variants(tuple(tokens)):
            aliases = self._index.get(key)
            if aliases:
                return aliases[0].entry
        return None

    def find_in_text(self, text: str) -> list[tuple[Entry, tuple[int, int]]]:
        """Every mention in ``text`` in reading order; at each place the longest name wins."""
        last = self._last
        if last is not None and last[0] == text:
            return list(last[1])
        found = self._find_in_text(text)
        self._last = (text, found)
        return list(found)

    def _find_in_text(self, text: str) -> list[tuple[Entry, tuple[int, int]]]:
        folded_text = fold(text)  # one character for one: the token offsets hold
        folded = _TOKEN.findall(folded_text)
        spans = [m.span() for m in _TOKEN.finditer(folded_text)]
        found: list[tuple[Entry, tuple[int, int]]] = []
        i = 0
        first = self._first
        while i < len(folded):
            token = folded[i]
            starts = token in first or (token[-1:] == "s" and token[:-1] in first)
            hit = self._match_at(text, spans, folded, i) if starts else None
            if hit is None:
                i += 1
                continue
            entry, length, end = hit
            found.append((entry, (spans[i][0], end)))
            i += length
        return found

    def _match_at(
        self, text: str, spans: list[tuple[int, int]], folded: list[str], i: int
    ) -> tuple[Entry, int, int] | None:
        token = folded[i]
        lengths = self._lengths.get(token, [])
        if token.endswith("s") and 1 not in lengths and token[:-1] in self._lengths:
            lengths = [*lengths, 1]  # a one-word name in the genitive ("Lundbeckfondens")
        for length in lengths:
            if length > len(spans) - i:
                continue
            written = [text[s:e] for s, e in spans[i : i + length]]
            key = tuple(folded[i : i + length])
            end = spans[i + length - 1][1]
            for candidate, trimmed in ((key, 0), (_strip_genitive(key), 1)):
                if candidate is None:
                    continue
                for alias in self._index.get(candidate, ()):
                    if _written_as(alias, written, trimmed):
                        return alias.entry, length, end - trimmed
        return None


def _strip_genitive(key: tuple[str, ...]) -> tuple[str, ...] | None:
    last = key[-1]
    if len(last) > 3 and last.endswith("s"):
        return (*key[:-1], last[:-1])
    return None


def _genitive_variants(key: tuple[str, ...]) -> list[tuple[str, ...]]:
    if not key:
        return []
    stripped = _strip_genitive(key)
    return [key, stripped] if stripped else [key]


def _written_as(alias: _Alias, written: list[str], trimmed: int) -> bool:
    """The text respects the alias's capitals (acronyms) and a one-word name's initial capital."""
    if trimmed:
        written = [*written[:-1], written[-1][:-trimmed]]
    if alias.needs_capital and not written[0][:1].isupper():
        return False
    return all(exact is None or exact == tok for exact, tok in zip(alias.exact, written, strict=True))


@cache
def _load(path: str | None) -> Gazetteer:
    if path is None:
        data = knowledge.load("gazetteer.yaml")
    else:
        data = knowledge.load_file(Path(path), "gazetteer.yaml")
    return Gazetteer([_entry(raw) for raw in data["entries"]])


SHORT_STEM = 3  # letters: an organisation word this short is a word of its own, never a word's end


def stem_alternation(stems: list[str]) -> str:
    """Organisation words as one alternation over folded text, longest first: a word of three letters or
    fewer ("hf", "län", "ltd") only as a whole word, so "plan" does not end with "län" once accents are
    ignored."""
    folded = {fold(s) for s in stems}
    short = "|".join(re.escape(s) for s in sorted(folded) if len(s) <= SHORT_STEM)
    long = alternation(s for s in folded if len(s) > SHORT_STEM)
    return rf"(?<![\w-])(?:{short})(?!\w)|{long}" if short else long


@cache
def _type_rules() -> list[tuple[str, re.Pattern[str]]]:
    """Per type, the organisation words of content.yaml as one pattern: a word or a word's end, maybe
    with a genitive or plural -s ("Sundhedsstyrelsens", "Institutes")."""
    content = knowledge.load("content.yaml")
    rules = [
        (str(rule["type"]), re.compile(rf"(?:{stem_alternation(rule['stems'])})s?(?!\w)"))
        for rule in content["organisation_words"]
    ]
    for kind, words in content["leading_words"].items():  # "Helse Fonna": only before a proper name
        rules.append((kind, re.compile(rf"^(?:{stem_alternation(words)})\s+\w")))
    return rules


def organisation_type(name: str) -> str | None:
    """The type an organisation word in ``name`` implies (``Region X`` -> region,
    ``Sundhedsstyrelsen`` -> agency); words match whole or as the end of a compound."""
    folded = fold(name)
    return next((kind for kind, pattern in _type_rules() if pattern.search(folded)), None)


@cache
def _section_words() -> frozenset[str]:
    minutes = knowledge.load("minutes.yaml")
    words = minutes["section_headings"] + minutes["document_words"]
    return frozenset(fold(w) for w in words if " " not in w)


_ACRONYM_SUFFIX = re.compile(r"^(?P<name>.+?)\s*\((?P<acr>[A-ZÆØÅ][\w+&-]{1,11})\)\s*$")


def is_organization_name(raw: str, gazetteer: Gazetteer) -> bool:
    """Whether an affiliation reads as an organisation: a known one, one with an organisation word,
    or a proper name (every word but connectors capitalised): "NHS England" is, "Patient
    representative" and "repræsentant for styregruppen" are not."""
    org = organization_for(raw, gazetteer)
    if gazetteer.get(org.id):
        return True
    words = [w for w in _tokens(org.name) if w[:1].isalnum()]
    folded = [fold(w) for w in words]
    words_of = name_words()
    if not any(w[:1].isupper() for w in words) or any(w in words_of["positions"] for w in folded):
        return False  # "Chief Financial Officer", "Non-Executive Director"
    if all(w in words_of["generic"] for w in folded):
        return False  # "the Board", "Bestyrelsen"
    if org.type != "organization":
        return True
    if len(words) <= 3 and folded[0] in given_names() and looks_like_person(org.name):
        return False  # a person ("Ilse Sigurðardóttir")
    generic = words_of["generic"]
    return all(w[:1].isupper() or w[:1].isdigit() or f in generic for w, f in zip(words, folded, strict=True))


@cache
def name_words() -> dict[str, frozenset[str]]:
    """Words about organisation names: positions people hold ("director", "chair", from minutes.yaml
    and content.yaml), generic words (organisation words, connectors, articles) and the articles alone."""
    content = knowledge.load("content.yaml")
    minutes = knowledge.load("minutes.yaml")
    positions = [
        *content["position_words"],
        *role_words(),
        *(t for t in minutes["titles"] if " " not in t),
    ]
    generic = [
        *content["name_connectors"],
        *content["articles"],
        *(stem for rule in content["organisation_words"] for stem in rule["stems"]),
    ]
    return {
        "positions": frozenset(fold(w).rstrip(".") for w in positions),
        "generic": frozenset(fold(w) for w in generic),
        "legal": frozenset(fold(w).strip(".") for w in content["legal_forms"]),
        "articles": frozenset(fold(w) for w in content["articles"]),
    }


def organization_for(raw: str, gazetteer: Gazetteer) -> Organization:
    """The organisation a raw affiliation denotes: a gazetteer entry, or a new one named as written.

    ``Department, Known Body`` and a body on a line of its own are the known body; ``Long Name (ACR)``
    gives the alias ACR; the type of an unknown organisation is guessed from its organisation word
    (Universitet, Region, Styrelsen, Fonden ...), else ``organization``.
    """
    lines = [line for line in raw.splitlines() if line.strip()] or [raw]
    words = lines[0].split()
    while len(words) > 1 and fold(words[-1]) in _section_words():
        words = words[:-1]  # "Nationalt Genom Center Referat": a heading caught with the line
    while len(words) > 1 and fold(words[0]) in name_words()["articles"] and words[0].islower():
        words = words[1:]  # "the Norwegian Cancer Society"; "styregruppen for data" keeps its "styregruppen"
    legal_form = ""
    if len(words) > 1 and fold(words[-1]).strip(".") in name_words()["legal"]:
        legal_form, words = " ".join(words), words[:-1]  # "Helse Bergen HF" is Helse Bergen
    text = " ".join(words).strip(" ,.;:")
    parts = [p.strip() for p in re.split(r"[,;\n]", raw) if p.strip()]
    entry = gazetteer.lookup(text) or next(
        (found for found in map(gazetteer.lookup, reversed(parts)) if found), None
    )
    aliases: list[str] = [legal_form] if legal_form else []
    match = _ACRONYM_SUFFIX.match(text)
    if entry is None and match:
        text, aliases = match["name"], [*aliases, match["acr"]]
        entry = gazetteer.lookup(text) or gazetteer.lookup(match["acr"])
    if entry is not None:
        return entry.to_organization()
    return Organization(
        id=f"org:{slug(text)}",
        name=_with_capital(text),
        aliases=aliases,
        type=organisation_type(text) or "organization",
        country=country_within(text, gazetteer),
    )


def _with_capital(text: str) -> str:
    """A name begins with a capital: "nationale advisory board for ..." (of "møde i det nationale
    advisory board for ...") is listed as "Nationale advisory board for ..."; "eHealth" stays."""
    first = text.split(maxsplit=1)[:1]
    return text[:1].upper() + text[1:] if first and first[0].islower() else text


def country_within(name: str, gazetteer: Gazetteer) -> str | None:
    """The country of an unknown organisation, from the known bodies and countries its name contains:
    "Royal College of Physicians of Ireland" is in IE, "Bestyrelsen for DSAM" in DK. None when they
    name none, or disagree, or one of them has no country (an international body)."""
    codes = {entry.country for entry, _ in gazetteer.find_in_text(name) if entry.kind != "initiative"}
    return next(iter(codes)) if len(codes) == 1 else None
