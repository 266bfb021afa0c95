"""Acronyms introduced with their names, in either order, and every later use of them.

``Genomic Data Infrastructure (GDI)``, ``Norsk forening for medisinsk genetikk (NFMG)``, ``the European
Society of Human`` / ``Genetics (ESHG)`` broken over two lines, and the other way round, ``PCM4EU
(Personalised Cancer Medicine for all EU citizens)``. Which words before the bracket are the name is
decided by the words' initials ("Svenska sällskapet för medicinsk genetik (SSMG)"), else as Schwartz
and Hearst's abbreviation algorithm does (2003): the shortest run of words whose letters spell the
acronym in order, its first letter opening the first word; where the letters do not spell it
("Ubiquitous Pharmacogenomics (U-PGx)") the capitalised words before the bracket are the name. The
noun next to it ("det europæiske projekt …", "… (U-PGx) study", "PCM4EU-projekt") or the name's words
say whether it is an initiative or an organisation; a term ("Memorandum of Understanding (MoU)") is
neither. The definitions are found in one pass and all their uses in one more, so the rule is linear
in the length of the document.
"""

from __future__ import annotations

import re

from pmkg.ingest.extract.entities import Entities
from pmkg.ingest.extract.names import LONGEST_NAME, initiative_noun, is_acronym, lexicon, name_before
from pmkg.ingest.extract.reading import Reading
from pmkg.ingest.extract.registry import rule
from pmkg.ingest.gazetteer import Gazetteer, organisation_type, organization_for
from pmkg.model.record import Initiative, Organization
from pmkg.text import fold, slug

_ACRONYM = r"[A-ZÆØÅ0-9][A-Za-zÆØÅæøå0-9+&-]{1,11}"
_DEFINED = re.compile(rf"\((?P<acr>{_ACRONYM})\)")  # "(GDI)", "(1+MG)", "(U-PGx)"
_NAMED_AFTER = re.compile(  # "PCM4EU (Personalised ...)", "PCM4EU-projekt (...)"
    rf"(?<![\w-])(?P<acr>{_ACRONYM})(?:-(?P<noun>\w+))?[ \t]+\((?P<name>[A-ZÆØÅÄÖ][^()\n]{{3,150}})\)"
)
_WINDOW = 240  # characters before the bracket the name may stand in (two lines of a narrow PDF)
_BREAK = re.compile(r"[.;:!?()\[\]•]|\n[ \t]*\n|\n[ \t]*(?:\d+[.)]|[-*–])[ \t]")  # a name never spans these
_WORD_BEFORE = re.compile(r"(\w+)\W*$")
_WORD_AFTER = re.compile(r"\W{0,3}(\w+)")
Record = Organization | Initiative


def spelled_by(acronym: str, words: str) -> int | None:
    """Where, in ``words``, the shortest tail whose letters spell ``acronym`` starts (Schwartz & Hearst):
    every letter of the acronym in order, the first one opening a word; None when they do not."""
    letters = [c.lower() for c in acronym if c.isalpha()]
    position = len(words) - 1
    for index in range(len(letters) - 1, -1, -1):
        while position >= 0 and (
            words[position].lower() != letters[index]
            or (index == 0 and position > 0 and words[position - 1].isalnum())
        ):
            position -= 1
        if position < 0:
            return None
        position -= 1
    return position + 1


def initials_start(acronym: str, words: str) -> int | None:
    """Where, in ``words``, the shortest tail starts whose words' initials are the acronym's letters, the
    connectors left out ("Svenska sällskapet för medicinsk genetik" for SSMG); None when none is."""
    letters = "".join(c.lower() for c in acronym if c.isalpha())
    joining = lexicon().joining
    initials = ""
    for word in reversed(list(re.finditer(r"\S+", words))):
        if word.group().islower() and fold(word.group()) in joining:
            continue
        initials = word.group()[0].lower() + initials
        if initials == letters:
            return word.start()
        if len(initials) >= len(letters):
            return None
    return None


def _window_start(text: str, end: int) -> int:
    """The start of the stretch before ``end`` a name may stand in: after the last stop, bracket, bullet or
    blank line, at most two lines back."""
    start = max(0, end - _WINDOW)
    lines = text.count("\n", start, end)
    if lines > 1:
        start = text.rfind("\n", start, text.rfind("\n", start, end)) + 1
    breaks = list(_BREAK.finditer(text, start, end))
    return breaks[-1].end() if breaks else start


def _spelled_name(text: str, acronym: str, end: int) -> tuple[int, int] | None:
    """The span of the words before ``end`` that spell ``acronym``, if they make a name: it starts with a
    capital and has no more words than the acronym can stand for."""
    start = _window_start(text, end)
    found = initials_start(acronym, text[start:end])
    found = spelled_by(acronym, text[start:end]) if found is None else found
    if found is None:
        return None
    begin = start + found
    stop = len(text[begin:end].rstrip()) + begin
    words = text[begin:stop].split()
    letters = sum(c.isalpha() for c in acronym)
    if not words or not words[0][:1].isupper() or len(words) > min(LONGEST_NAME, letters * 2 + 1):
        return None
    return begin, stop


def _named_kind(name: str, before: str, after: str) -> str | None:
    """An initiative by the noun before or after it ("projektet X (X)", "X (U-PGx) study"), else an
    organisation by its organisation word or an initiative by its initiative word; None for a term."""
    if any(initiative_noun(fold(word)) for word in (before, after) if word):
        return "initiative"  # "GENE2NORD-projektet (Genomics in the Nordic Region)" is no region
    if organisation_type(name):
        return "organization"
    folded = fold(name)
    return "initiative" if any(word in folded for word in lexicon().initiative_words) else None


def _record(name: str, kind: str, acronym: str, gazetteer: Gazetteer) -> Record:
    record: Record
    if kind == "organization":
        record = organization_for(name, gazetteer)
    else:
        record = Initiative(id=f"init:{slug(name)}", name=name, type="initiative")
    if acronym not in record.aliases:
        record.aliases.append(acronym)
    return record


def _add(found: Entities, record: Record, kind: str, span: tuple[int, int]) -> None:
    found.add(
        record, kind, span, "organisations.acronym" if kind == "organization" else "initiatives.acronym"
    )


@rule("organisations.acronym", "initiatives.acronym", stage="entities")
def acronym_definitions(reading: Reading) -> None:
    """``Long Name (ACR)`` or ``ACR (Long Name)`` of an unknown organisation or initiative: the entity,
    its acronym as an alias, and every later use of the acronym ("Genomic Data Infrastructure (GDI)" ...
    "GDI")."""
    text, found, gazetteer = reading.text, reading.entities, Gazetteer.load()
    defined: dict[str, tuple[Record, str]] = {}
    for m in _DEFINED.finditer(text):
        acronym = m["acr"]
        if not is_acronym(acronym) or acronym in defined or gazetteer.lookup(acronym):
            continue
        span = _spelled_name(text, acronym, m.start()) or _capitalised_name(text, m.start())
        if span is None or found.taken(*span, by_country=False):
            continue
        name = " ".join(text[span[0] : span[1]].split())
        before = _WORD_BEFORE.search(text, max(0, span[0] - 40), span[0])
        after = _WORD_AFTER.match(text, m.end())
        kind = _named_kind(name, before[1] if before else "", after[1] if after else "")
        if kind is None or gazetteer.lookup(name):
            continue
        defined[acronym] = (_record(name, kind, acronym, gazetteer), kind)
        _add(found, defined[acronym][0], kind, span)
    for m in _NAMED_AFTER.finditer(text):
        acronym, name = m["acr"], " ".join(m["name"].split())
        if not is_acronym(acronym) or acronym in defined or gazetteer.lookup(acronym):
            continue
        if spelled_by(acronym, name) != 0 or len(name.split()) > LONGEST_NAME:
            continue
        kind = _named_kind(name, "", m["noun"] or "")
        if kind is None or found.taken(*m.span("name"), by_country=False) or gazetteer.lookup(name):
            continue
        defined[acronym] = (_record(name, kind, acronym, gazetteer), kind)
        _add(found, defined[acronym][0], kind, m.span("name"))
    _uses(text, found, defined)


def _capitalised_name(text: str, end: int) -> tuple[int, int] | None:
    """The capitalised words right before ``end`` on its line, where no letters spell the acronym."""
    start, words = name_before(text, end)
    if not words:
        return None
    name = " ".join(words)
    return (start, start + len(name)) if text[start : start + len(name)] == name else None


def _uses(text: str, found: Entities, defined: dict[str, tuple[Record, str]]) -> None:
    """Every use of every defined acronym, in one pass over the text."""
    if not defined:
        return
    alternation = "|".join(re.escape(a) for a in sorted(defined, key=len, reverse=True))
    for use in re.finditer(rf"(?<![\w-])(?:{alternation})(?!\w)", text):
        if not found.taken(*use.span()):
            record, kind = defined[use.group()]
            _add(found, record, kind, use.span())
