"""The shape of an organisation's or initiative's name in running text, in any of the four languages.

A name is a run of capitalised words with short connectors ("Institut for Menneskerettigheder",
"Royal College of Physicians of Ireland"), maybe with a lower-case head ("Lunds universitet"), whose
head is an organisation word ("... Council", "Lundbeckfonden") or an initiative word ("... Programme").
These functions decide where such a name starts and ends and what it names; the organisation and
initiative words are in ``knowledge/content.yaml`` (``organisation_words``, ``initiative_words``,
``capitalised_heads``, ``not_organisation_endings``, ``position_words``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pmkg import knowledge
from pmkg.ingest.extract.words import CAPWORD, Common, common, folded_set, phrases
from pmkg.ingest.gazetteer import name_words, organisation_type, stem_alternation
from pmkg.ingest.people.names import familiar_given_names, looks_like_person
from pmkg.text import fold

_PREVIOUS_WORD = re.compile(r"(\S+)[ \t]+$")  # on the same line
_NAME_WORD = re.compile(rf"{CAPWORD}|[a-zæøåäöü]{{1,4}}|&")  # used with fullmatch
ACRONYM_DEF = re.compile(r"\((?P<acr>[A-ZÆØÅ][A-Za-zÆØÅæøå0-9+&-]{1,11})\)")  # "(GDI)", "(1+MG)"
NON_SPACE = re.compile(r"\S+")
LONGEST_NAME = 12  # words; a longer capitalised run is a heading or a list, not a name


@dataclass(frozen=True)
class NameWords:
    common: Common
    stem_set: frozenset[str]  # organisation words ("universitet", "styrelsen", "council")
    stem_at_end: re.Pattern[str]  # an organisation word ending a word ("Lundbeck|fonden")
    stem_word: re.Pattern[str]
    capitalised_heads: frozenset[str]  # English heads only when capitalised ("Trust", not "trust")
    not_heads: tuple[str, ...]  # look-alike endings ("området" is no "rådet")
    leading: frozenset[str]  # words that open a name before its proper name only ("Helse Fonna")
    initiative_words: tuple[str, ...]
    initiative_head: re.Pattern[str]
    initiative_end: re.Pattern[str]  # an initiative word ending a word, maybe with an ending
    min_prefix: int
    positions: frozenset[str]  # "director", "formand": positions, not bodies
    given: frozenset[str]  # given names: "Emma Gallagher of X" names X

    def __getattr__(self, name: str) -> object:  # the shared words: connectors, articles ...
        return getattr(self.common, name)


@cache
def lexicon() -> NameWords:
    """The words names are read with (``knowledge/content.yaml``), compiled once."""
    data = knowledge.load("content.yaml")
    stems = [fold(s) for rule in data["organisation_words"] for s in rule["stems"]]
    initiative = phrases(data["initiative_words"])
    return NameWords(
        common=common(),
        stem_set=frozenset(stems),
        stem_at_end=re.compile(rf"(?:{stem_alternation(stems)})$"),
        stem_word=re.compile(rf"(?:{stem_alternation(stems)})"),
        capitalised_heads=folded_set(data["capitalised_heads"]),
        not_heads=tuple(fold(w) for w in data["not_organisation_endings"]),
        leading=frozenset(fold(w) for words in data["leading_words"].values() for w in words),
        initiative_words=tuple(fold(w) for w in data["initiative_words"]),
        initiative_head=re.compile(rf"(?:{initiative})"),
        initiative_end=re.compile(rf"(?:{initiative})\w{{0,3}}$"),
        min_prefix=int(data["min_compound_prefix"]),
        positions=name_words()["positions"],
        given=familiar_given_names(),
    )


def is_acronym(token: str) -> bool:
    """Two capitals at least: "GDI", "U-PGx", "1+MG", "NordForsk" (not "Genomics")."""
    return sum(c.isupper() for c in token) >= 2


def inside_a_name(text: str, start: int) -> bool:
    """Whether a capitalised word other than a connector stands right before ``start`` on its line."""
    m = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
    if not m or not m.group(1)[:1].isupper() or m.group(1)[-1] in ".,:;!?)":
        return False
    word = fold(m.group(1))
    return word not in lexicon().connectors and word not in lexicon().articles


def name_before(text: str, end: int) -> tuple[int, list[str]]:
    """The capitalised words right before ``end`` on the last line with text (at most twelve):
    "... status fra Nationalt Genom Center" -> (offset of "Nationalt", [Nationalt, Genom, Center])."""
    window_start = max(0, end - 200)
    before = text[window_start:end].rstrip()
    line_start = window_start + before.rfind("\n") + 1
    words = list(NON_SPACE.finditer(text, line_start, window_start + len(before)))
    run: list[re.Match[str]] = []
    for word in reversed(words[-LONGEST_NAME:]):
        if not _NAME_WORD.fullmatch(word.group()):
            break
        run.insert(0, word)
    kept = trim_name([w.group() for w in run])
    if not kept:
        return end, []
    first = next(w for w in run if w.group() == kept[0])
    return first.start(), kept


def trim_name(words: list[str]) -> list[str]:
    """A capitalised run without leading or trailing connectors and lower-case words, except a
    lower-case organisation word as its head ("Lunds universitet", "Uppsala läns landsting")."""
    vocab = lexicon()
    start, end = 0, len(words)
    while start < end and (fold(words[start]) in vocab.connectors or not words[start][:1].isupper()):
        start += 1
    while end > start and (fold(words[end - 1]) in vocab.connectors or not words[end - 1][:1].isupper()):
        if end - 1 > start and vocab.stem_at_end.search(fold(words[end - 1])):
            break
        end -= 1
    return words[start:end]


def segments(tokens: list[re.Match[str]]) -> list[list[re.Match[str]]]:
    """A capitalised run split at a short lower-case word that is no connector and stands before a
    name ("Memorandum of Understanding with the University of Edinburgh", "Aarhus Universitet med
    Region Midtjylland"); "Uppsala läns landsting" stays whole, and so does a lower-case organisation word
    before the place it serves ("Regionalt cancercentrum Norr"), but not before a person ("Lunds
    universitet Anna Berg")."""
    vocab = lexicon()
    segments: list[list[re.Match[str]]] = [[]]
    joining = vocab.joining
    for index, token in enumerate(tokens):
        word = token.group()
        following = tokens[index + 1].group() if index + 1 < len(tokens) else ""
        name_follows = following[:1].isupper() or fold(following) in joining
        if not (word.islower() and name_follows and fold(word) not in joining):
            segments[-1].append(token)
        elif not head_at_end(fold(word)):
            segments.append([])  # "with", "med": the word goes, a new name follows
        else:
            segments[-1].append(token)  # "cancercentrum Norr"; before a person the name ends here
            if fold(following) in vocab.given:
                segments.append([])
    return [segment for segment in segments if segment]


def unshouted(word: str) -> str:
    """A word of a shouted name as a name writes it: "SOCIETY" -> "Society", "OF" -> "of", "NHS" stays."""
    vocab = lexicon()
    if fold(word) in vocab.connectors:
        return word.lower()
    return word if len(word) <= 3 else word.capitalize()


def is_initiative_name(words: list[str], opens_sentence: bool) -> bool:
    """A capitalised name headed by an initiative word ("Nordic Precision Medicine Initiative",
    "Genomic Medicine Programme"), or with one before a connector ("European Platform on Rare Disease
    Registration"); at the start of a sentence two words are not enough ("Work Programme" may be a
    heading), and generic words alone ("The Project", "Joint Action") are none."""
    vocab = lexicon()
    if len(words) < (3 if opens_sentence else 2) or not words[-1][:1].isupper():
        return False
    folded = [fold(w) for w in words]
    head = vocab.initiative_end.search(folded[-1]) or any(
        i and words[i][:1].isupper() and initiative_noun(w) and folded[i + 1] in vocab.connectors
        for i, w in enumerate(folded[:-1])
    )
    return bool(head) and not all(generic(w) for w in words)


def names_a_body(words: list[str], opens_sentence: bool) -> bool:
    return bool(words) and (is_organisation_name(words) or is_initiative_name(words, opens_sentence))


def generic(word: str) -> bool:
    """A connector, an article, or an organisation or initiative word on its own ("Projektet")."""
    vocab = lexicon()
    folded = fold(word)
    return folded in vocab.joining or folded in vocab.stem_set or initiative_noun(folded)


def opens_sentence(text: str, start: int) -> bool:
    """Whether only spaces, a bullet or a sentence's end stand before ``start`` (on its line)."""
    before = text[max(0, start - 3) : start].rstrip(" \t")
    return not before or before[-1] in "\n.!?:•*-–"


def name_start(words: list[str]) -> int:
    """Where a name starts in a capitalised run: after articles, document words and weekdays, and
    after a position or a person's name with its connector ("Director of the X", "Emma Gallagher of X")."""
    vocab = lexicon()
    first = 0
    while first < len(words) and fold(words[first]) in vocab.name_openers and not is_acronym(words[first]):
        first += 1
    if first < len(words) and (fold(words[first]) in vocab.positions or fold(words[first]) in vocab.given):
        connector = next((i for i in range(first, len(words)) if fold(words[i]) in vocab.connectors), None)
        position = fold(words[first]) in vocab.positions
        if connector is not None and (position or looks_like_person(" ".join(words[first:connector]))):
            first = connector + 1
            while first < len(words) and fold(words[first]) in vocab.articles | vocab.connectors:
                first += 1
    return first


def ends_name(word: str, run: list[str]) -> bool:
    """A word a name cannot run into: a document word, a month, a shouted heading after plain words."""
    vocab = lexicon()
    folded = fold(word)
    return (
        folded in vocab.document_words
        or (folded in vocab.month_numbers and len(folded) > 3)
        or shouted(word, run)
    )


def unit_of(words: list[str]) -> list[str]:
    """The organisation named after a connector when what stands before it is no organisation of its
    own: "Board of the X Society", "Emma Gallagher of Trinity College Dublin" -> the second name;
    "University of Warwick" stays whole."""
    vocab = lexicon()
    relating = (
        vocab.connectors - vocab.list_words
    )  # "of", "for", "i"; not "og": "Herlev og Gentofte Hospital"
    connector = next((i for i, w in enumerate(words) if i and fold(w) in relating), None)
    if connector is None:
        return []
    before = [fold(w) for w in words[:connector]]
    rest = words[connector + 1 :]
    while rest and fold(rest[0]) in vocab.articles | vocab.connectors:
        rest = rest[1:]
    if not rest or not is_organisation_name(rest):
        return []
    own = any(vocab.stem_at_end.search(w) for w in before) and not all(w in vocab.stem_set for w in before)
    return [] if own else rest


def shouted(word: str, run: list[str]) -> bool:
    """A capitalised heading word ("ANNUAL") after ordinary words, not an acronym of the name."""
    return len(word) >= 4 and word.isupper() and not run[0].isupper()


def is_organisation_name(words: list[str]) -> bool:
    """The head is an organisation word ("... Council", "Lundbeckfonden"), or one of the last three
    words is and a place follows ("Trinity College Dublin"), or one stands before a connector
    ("University of ...", "Royal College of Physicians of Ireland"), or it opens a region's name
    ("Region Skåne"); names of generic words only ("Regionen og Fonden", "The Board") are not."""
    vocab = lexicon()
    folded = [fold(w).strip(".,'’") for w in words]
    if all(w in vocab.stem_set or w in vocab.connectors or w in vocab.articles for w in folded):
        return False
    head = head_at_end(folded[-1])
    if len(words) == 1:  # one word is a name when capitalised: "Energistyrelsen", not "genomområdet"
        return (
            bool(head)
            and head.start() >= vocab.min_prefix
            and words[0][:1].isupper()
            and not initiative_noun(folded[0])
        )
    if head or leads_name(words, folded):
        return True
    inner = [i for i, w in enumerate(folded[1:-1], 1) if vocab.stem_at_end.search(w)]
    if inner and inner[-1] >= len(words) - 3 and words[-1][:1].isupper():
        return True
    if any(
        (vocab.stem_word.fullmatch(w) or compound_head(w))
        and folded[i + 1] in vocab.connectors
        and not all(generic(rest) for rest in words[i + 2 :])
        for i, w in enumerate(folded[:-1])
    ):
        return True  # "University of ...", "Royal College of Physicians of Ireland"; not "Board of Network"
    return bool(vocab.stem_word.fullmatch(folded[0])) and organisation_type(words[0]) == "region"


def leads_name(words: list[str], folded: list[str]) -> bool:
    """An organisation word opening a name before the proper name it belongs to, as Nordic and continental
    names are built: "Patientforeningen GenHjerte", "Universitetssykehuset Nord-Norge", "Helse Fonna",
    "Université Paris Cité". English puts its organisation word last, so "Board Members", "Committee
    Room" name no body; nor does a body before a person ("Sekretariatet Anna Berg")."""
    vocab = lexicon()
    first = folded[0]
    if first in vocab.capitalised_heads:
        return False
    if not (vocab.stem_word.fullmatch(first) or compound_head(first) or first in vocab.leading):
        return False
    rest = [w for w, f in zip(words[1:], folded[1:], strict=True) if f not in vocab.joining]
    proper = all(w[:1].isupper() or w[:1].isdigit() for w in rest)
    return bool(rest) and proper and folded[1] not in vocab.given


def compound_head(folded: str) -> bool:
    """A compound ending in an organisation word with a word of its own before it ("landsforeningen")."""
    vocab = lexicon()
    head = head_at_end(folded)
    return head is not None and head.start() >= vocab.min_prefix


def head_at_end(folded: str) -> re.Match[str] | None:
    """The organisation word ending a word, unless the word ends in a look-alike ("sundhedsområdet"
    ends with "rådet" but means the health area)."""
    vocab = lexicon()
    if folded.endswith(vocab.not_heads):
        return None
    return vocab.stem_at_end.search(folded)


def initiative_noun(word: str) -> bool:
    """An initiative word with at most a definite ending: "Nettverket", "Projektet" name no body."""
    vocab = lexicon()
    return any(word.startswith(w) and len(word) - len(w) <= 3 for w in vocab.initiative_words)
