"""Lists of people as minutes write them: one a line, numbered, bulleted, comma lists ending in
``og``/``and``/``och``, surname first (``Hansen, Lars``) or with the surname in capitals."""

from __future__ import annotations

import bisect
import re
from functools import cache, lru_cache

from pmkg.ingest.parse.entry import (
    CELL_GAPS,
    CONJUNCTION,
    LEADING_BULLET,
    parsed_entry,
    split_top_level,
    strip_prefixes,
)
from pmkg.ingest.parse.minutes import NameMention, Span
from pmkg.ingest.people.names import (
    could_be_surname,
    is_given_name,
    is_name_token,
    is_only_given_name,
    is_organisation_word,
    looks_like_person,
)
from pmkg.ingest.vocabulary import alternation, is_title, phrase_set, role_of, vocabulary


def _split_after_organisations(text: str) -> str:
    """A comma before a given name that follows an organisation word: entries that lost their line
    breaks (``..., Nationalt Genom Center Kasper Lindegaard-Hjulmann, ...``) come apart again."""
    words = list(re.finditer(r"\S+", text))
    cuts = [
        word.start()
        for before, word, after in zip(words, words[1:], words[2:], strict=False)
        if before.group()[0].isupper()
        and before.group().lower() in phrase_set("not_name_words")
        and is_given_name(word.group())
        and is_name_token(after.group())
    ]
    for cut in reversed(cuts):
        text = f"{text[:cut].rstrip()}, {text[cut:]}"
    return text


def split_name_list(line: str) -> list[str]:
    """The entries of a list of names: one a line, numbered or bulleted, or a comma list ending in
    ``og``/``and``/``och`` (``"A, B og C."`` -> ``["A", "B", "C"]``). Entries keep their own
    titles and parentheses; a closing parenthesis also separates two entries, as in
    ``Gillian Scott (Company Secretary) Heather Skirton (Board Moderator)``."""
    entries: list[str] = []
    for raw in line.splitlines():
        text = CELL_GAPS.sub(", ", LEADING_BULLET.sub("", raw).strip().rstrip(".;"))
        text = _split_after_organisations(re.sub(r"\)\s+(?=[A-ZÆØÅÄÖÜ])", "), ", text))
        for part in split_top_level(text):
            part = re.sub(r"^(?:og|and|och|samt|&)\s+", "", part, flags=re.IGNORECASE).strip()
            pieces = CONJUNCTION.split(part)
            if len(pieces) > 1 and all(_opens_with_name(p) for p in pieces if p.split()):
                entries.extend(p.strip() for p in pieces if p.strip())
            elif part:
                entries.append(part)
    return [e.rstrip(".;") for e in entries]


def _opens_with_name(piece: str) -> bool:
    """A piece of a list that starts with a name, maybe after titles or a role (``patientrepræsentant
    Birthe Nørby Schmidt``), so ``A og patientrepræsentant B`` is two entries."""
    words = strip_prefixes(piece.strip(), [], []).split()
    return bool(words) and is_name_token(words[0])


def _is_given(name: str) -> bool:
    return bool(name) and is_given_name(name.split()[0])


def names_person(mention: NameMention) -> bool:
    """A person's name, or a surname after a title in a list of people (``Lord Patel``, ``Dr Smith``)."""
    titled = any(is_title(t) for t in mention.titles)
    return looks_like_person(mention.name) or titled and could_be_surname(mention.name)


@lru_cache(maxsize=1 << 14)
def is_person_entry(entry: str) -> bool:
    """Whether an entry names a person (cached: a line is asked whether it lists people, then read)."""
    return names_person(parsed_entry(entry))


_MAX_NOTE_WORDS = 5  # "Peder Ahnfeldt-Mollerup deltager under punkt 19"


def entry_line(text: str) -> bool:
    """True when a line reads as attendance entries: its first entry names a person and goes on,
    if at all, with a short note, not a sentence ("Anne Hansen orienterede om arbejdet.")."""
    found = inverted_entries(text, 0) or entries(text, 0)
    if not found:
        return False
    first = found[0][0]
    mention = parsed_entry(first)  # only read
    name = mention.name
    if not names_person(mention):
        return False
    part = next((p for p in split_name_list(first) if name in p), first)
    head = re.split(r"[,(;]|\s[-–—]\s", part)[0]  # "Jane Smith – NHS England": a dash ends the name
    note = head[head.find(name) + len(name) :].split() if name in head else []
    short = len(note) <= _MAX_NOTE_WORDS and not text.rstrip().endswith(".")
    return not note or short or mention.replaces is not None  # "Kristin Eide møtte for Lars Hovde."


def entries(text: str, offset: int, known: frozenset[str] = frozenset()) -> list[tuple[str, Span]]:
    """Entries of one logical attendance line, with their spans. Comma parts that are not a person
    (titles, an organisation) belong to the person before them, so ``Søren Brunak, professor,
    Københavns Universitet`` is one entry and ``A, B og C`` three; a part that looks like a name
    starts a new entry when all parts are names, a semicolon or a conjunction (``og``, ``and``, ``och``)
    comes before it, its first word is a known given name, or it is one
    of the ``known`` names (lower case; those the document wrote with the surname in capitals).
    Parts before the first name are its titles (``Professor, overlæge, dr.med. Henrik Toft Sørensen``)."""
    return [(entry, (offset + start, offset + end)) for entry, (start, end) in _entries(text, known)]


@lru_cache(maxsize=1 << 12)
def _entries(text: str, known: frozenset[str]) -> tuple[tuple[str, Span], ...]:
    """:func:`entries` at offset 0, cached: whether a line lists people is asked before it is read."""
    parts, cursor = [], 0
    for part in split_name_list(text):
        at = text.find(part, cursor)
        at = at if at >= 0 else cursor
        cursor = at + len(part)
        parts.append((part, at, cursor))
    people = [is_person_entry(p) for p, _, _ in parts]
    all_names = len(parts) >= 3 and all(people)
    # "Gustav Ek, Region Stockholm; Parisa Moradi, VGR": a semicolon closes an entry, and
    # "Marit Ulvestad (Blodkreftforeningen) og Even Skjelbred (...)": so does a conjunction before a name
    between = [text[parts[i - 1][2] : at] if i else "" for i, (_, at, _) in enumerate(parts)]
    closed = [";" in gap or bool(CONJUNCTION.search(gap)) for gap in between]
    groups: list[list[tuple[str, int, int]]] = []
    for i, (part, is_person) in enumerate(zip(parts, people, strict=True)):
        name = parsed_entry(part[0]).name
        opens = all_names or closed[i] or _is_given(name) or name.lower() in known
        starts = is_person and any(people[:i]) and opens
        if not groups or starts:
            groups.append([part])
        else:
            groups[-1].append(part)
    found = []
    for group in groups:
        start, end = group[0][1], group[-1][2]
        entry = text[start:end] if len(group) > 1 else group[0][0]
        found.append((entry, (start, end)))
    return tuple(found)


def _continues(previous: str, line: str) -> bool:
    """A wrapped attendance line: the previous one ends in a comma, a conjunction or a preposition
    (``Sunniva Dahle fra`` / ``Norsk Helsenett SF``) or leaves a parenthesis open, or this one opens
    with a parenthesis or a lower-case word."""
    if not previous:
        return False
    open_paren = previous.count("(") > previous.count(")")
    ends = re.search(
        r"(?:,|\b(?:og|and|och|samt|&|fra|frå|från|from|ved|vid|hos|at|of|for|på|i|v/))$", previous
    )
    lettered = re.match(r"[a-z][.)]\s", line)  # "b) Dr Jane Smith": the next item of a lettered list
    return bool(open_paren or ends or line.startswith("(") or line[:1].islower() and not lettered)


def wraps(previous: str, line: str) -> bool:
    """A list wrapped across lines inside a name or an organisation (PDF text: ``Anders Bjerrum`` /
    ``Kaas (Vice-President), ...``, ``..., Universitetssykehuset`` / ``Nord-Norge``): the previous line
    is a list (a comma, semicolon or conjunction in it) that stops on a word, and this line does not
    open with a name of its own, a number or a bullet."""
    if not re.search(r"[,;]|\b(?:og|and|och)\b", previous) or not previous[-1:].isalpha():
        return False
    if LEADING_BULLET.match(line) or re.match(r"\s*\d", line):
        return False
    first = re.split(r"[,;(]|\s(?:og|and|och)\s", line)[0].strip()
    words = first.split()
    return bool(words) and len(words) <= 3 and not is_person_entry(first) and words[0][:1].isupper()


_NAME_WORD = r"[A-ZÆØÅÄÖÜ][\w'’-]*"


def uninverted(text: str) -> str | None:
    """``Hansen, Lars`` -> ``Lars Hansen`` (the order of exported lists; ``SMITH, Jane`` -> ``Jane
    Smith``), keeping what follows in parentheses; None when the part after the comma is no given
    name (a title, an organisation, an acronym, a second person: ``Jens Hansen, Bo Jensen``)."""
    m = _inverted_re().fullmatch(text.strip())
    if not m:
        return None
    surname = [w for w in m.group("surname").split() if w[0].isupper()]
    given = m.group("given").split()
    words = surname + given
    if any(is_title(w) or role_of(w) or is_organisation_word(w) for w in words):
        return None
    if any(len(w) > 1 and w.isupper() for w in given) or len(surname) == 2 and _is_given(surname[0]):
        return None
    family = " ".join(_title_cased(w) if w.isupper() else w for w in m.group("surname").split())
    return f"{m.group('given')} {family}{m.group('tail') or ''}"


@cache
def _inverted_re() -> re.Pattern[str]:
    """``Hansen, Lars``, ``van der Berg, Maria (chair)``: compiled once, as every comma part is tried."""
    particles = rf"(?:(?:{alternation(vocabulary()['name_particles'])})\s+)*"
    return re.compile(
        rf"(?P<surname>{particles}{_NAME_WORD}(?:\s+{_NAME_WORD})?)\s*,\s*"
        rf"(?P<given>{_NAME_WORD}(?:\s+{_NAME_WORD})?)(?P<tail>\s*\(.*\))?"
    )


def _title_cased(word: str) -> str:
    """``O'CONNOR`` -> ``O'Connor``, ``NIELSEN-HOLM`` -> ``Nielsen-Holm``; the same length."""
    cased = re.sub(r"[^\W\d_]+", lambda w: w.group(0)[0] + w.group(0)[1:].lower(), word)
    return cased if len(cased) == len(word) else word


def inverted_entries(text: str, offset: int) -> list[tuple[str, Span]] | None:
    """A list of names written surname first, ``Lindqvist, Anna (ordförande); Berg, Erik`` or
    ``Olsen, Kari, Berg, Nils``: each entry turned round, with the span of what was written. Only when
    every entry reads so, and, without semicolons, when the words after the commas are mostly known
    given names and those before them are none (``Hansen, Jens``, not ``Anne, Bo``)."""
    if ";" in text:
        parts = [(m.group(0), m.start()) for m in re.finditer(r"[^;]+", text) if m.group(0).strip()]
    else:
        commas = [m.span() for m in re.finditer(r"(?:[^,(]|\([^)]*\))+", text)]
        if len(commas) % 2:
            return None
        parts = [(text[a[0] : b[1]], a[0]) for a, b in zip(commas[::2], commas[1::2], strict=True)]
    turned = [uninverted(part) for part, _ in parts]
    if not parts or None in turned:
        return None
    if ";" not in text:
        given = sum(_is_given(str(name)) for name in turned)
        surname_first = (part.split(",")[0].split()[0] for part, _ in parts)
        if given * 2 <= len(turned) or any(is_only_given_name(word) for word in surname_first):
            return None
    found = []
    for (part, at), name in zip(parts, turned, strict=True):
        lead = len(part) - len(part.lstrip())
        found.append((str(name), (offset + at + lead, offset + at + len(part.rstrip()))))
    return found


_CAPITAL_SURNAME = re.compile(
    r"(?<![\w'’-])(?P<given>[A-ZÆØÅÄÖÜ][a-zæøåäöüéèáó]+(?:-[A-ZÆØÅÄÖÜ][a-zæøåäöüéèáó]+)?)[ ]+"
    r"(?P<caps>[A-ZÆØÅÄÖÜ][A-ZÆØÅÄÖÜ'’-]*[A-ZÆØÅÄÖÜ](?:[ ]+[A-ZÆØÅÄÖÜ][A-ZÆØÅÄÖÜ'’-]*[A-ZÆØÅÄÖÜ])?)"
    r"(?![\w'’-])"
)


_MIN_CAPITAL_SURNAMES = 3


@lru_cache(maxsize=1)  # the attendance reader and the parser both ask, of the same text
def recased_surnames(text: str) -> tuple[str, frozenset[str]]:
    """The text with surnames in capitals (``Kari NORDMANN``, ``Siobhan O'CONNOR``) written as names
    (``Kari Nordmann``), and those names in lower case, when the document follows that convention:
    three or more different words in capitals after a capitalised word, two of them after known given
    names. A word in capitals is a surname after a known given name, on the same line as one
    (``Lars JOHANSEN, Trude LIE``) or in a table row; ``Data Protection GDPR`` elsewhere is no name.
    Lengths are kept, so offsets stay true."""
    found = list(_CAPITAL_SURNAME.finditer(text))
    named = [m for m in found if _is_given(m.group("given"))]
    if (
        len({m.group("caps") for m in found}) < _MIN_CAPITAL_SURNAMES
        or len({m.group("caps") for m in named}) < 2
    ):
        return text, frozenset()
    breaks = [m.start() for m in re.finditer("\n", text)]
    named_lines = {bisect.bisect(breaks, m.start()) for m in named}

    def surname(m: re.Match[str]) -> bool:
        line = bisect.bisect(breaks, m.start())
        start, end = breaks[line - 1] + 1 if line else 0, breaks[line] if line < len(breaks) else len(text)
        return line in named_lines or " | " in text[start:end] or "\t" in text[start:end]

    chosen = [m for m in found if surname(m)]
    pieces, at = [], 0
    for m in chosen:
        pieces += [text[at : m.start("caps")], _title_cased(m.group("caps"))]
        at = m.end("caps")
    recased = "".join([*pieces, text[at:]])
    return recased, frozenset(" ".join(recased[m.start() : m.end()].split()).lower() for m in chosen)
