"""Does a phrase name a person? Name words, runs of them in running text, and known given names."""

from __future__ import annotations

import importlib
import pkgutil
import re
from functools import cache, lru_cache

import faker.providers.person as faker_person

from pmkg.ingest.vocabulary import is_title, phrase_set, phrases, role_of
from pmkg.knowledge import load
from pmkg.text import fold

_INITIAL = re.compile(r"^(?:[A-ZÆØÅÄÖÜ]\.)+-?(?:[A-ZÆØÅÄÖÜ]\.)*$")


NORDIC_LOCALES = ("da_DK", "no_NO", "sv_SE", "fi_FI", "is_IS")
FAMILIAR_LOCALES = (*NORDIC_LOCALES, "en_GB", "en_IE", "de_DE", "nl_NL")  # those these minutes mostly quote
_GIVEN = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")


@cache
def _faker_names(kind: str, locales: tuple[str, ...] = ()) -> frozenset[str]:
    """Given names (``kind="given"``) or surnames of Faker's person providers, lower case, as written
    and folded; of the ``locales`` named, or of all 86 (some 31,000 given names)."""
    names: set[str] = set()
    for module in pkgutil.iter_modules(faker_person.__path__):
        if locales and module.name not in locales:
            continue
        provider = importlib.import_module(f"{faker_person.__name__}.{module.name}").Provider
        for attr in _GIVEN if kind == "given" else ("last_names",):
            listed = getattr(provider, attr, ())
            if isinstance(listed, dict | list | tuple):  # dicts weigh each name by its frequency
                names.update(str(name).lower() for name in listed)
    return frozenset(names | {fold(name) for name in names})


@cache
def given_names() -> frozenset[str]:
    """Given names, lower case, as written and folded (``søren``, ``soren``): Faker's, and the few it
    lacks, kept in ``knowledge/given-names.yaml`` (Faroese, Sámi, Irish spellings ...)."""
    supplement = {name.lower() for names in load("given-names.yaml").values() for name in names}
    return _faker_names("given") | supplement | {fold(name) for name in supplement}


@cache
def familiar_given_names() -> frozenset[str]:
    """The given names of the locales these minutes mostly quote (Nordic, English, German, Dutch) and
    the file's: a safer test than all of Faker's where a given name rules a phrase out as an
    organisation (Faker's 86 locales also have "London" and "Berlin" as given names)."""
    supplement = {name.lower() for names in load("given-names.yaml").values() for name in names}
    return _faker_names("given", FAMILIAR_LOCALES) | supplement | {fold(name) for name in supplement}


def load_name_resources() -> None:
    """Load every list of given names and surnames now (about 0.3 CPU s and 10 MB, BENCHMARKS.md), as a
    warm process should before its first document: they are otherwise loaded by the first name asked."""
    given_names()
    familiar_given_names()
    _faker_names("surname")  # called as the tests of a word call them: the cache keys on the arguments
    _faker_names("given", NORDIC_LOCALES)
    _faker_names("surname", NORDIC_LOCALES)


def is_given_name(word: str) -> bool:
    """A given name, or a compound of them (``Nils-Erik``, ``Anne-Mette``)."""
    names = given_names()
    word = word.strip(".,;:").lower()
    return word in names or ("-" in word and all(part in names for part in word.split("-") if part))


def is_only_given_name(word: str) -> bool:
    """A given name and no surname (``Kari``, ``Anne``; not ``Berg``, ``Olsen``), where a word must tell
    the two apart (``Olsen, Kari``): the Nordic lists decide a Nordic name, all of Faker's the rest."""
    key = word.strip(".,;:").lower()
    nordic_given, nordic_surnames = (
        _faker_names("given", NORDIC_LOCALES),
        _faker_names("surname", NORDIC_LOCALES),
    )
    if key in nordic_given or key in nordic_surnames:
        return key in nordic_given and key not in nordic_surnames
    return is_given_name(key) and key not in _faker_names("surname")


@lru_cache(maxsize=1 << 16)
def is_name_token(token: str) -> bool:
    """A capitalised name word or initials (cached: every word of the text is asked, most many times)."""
    core = token.strip(".,;:'’")
    if not core:
        return False
    if _INITIAL.match(token):
        return True
    return core[0].isupper() and all(c.isalpha() or c in "-'’." for c in core)


def _particles_before_name(tokens: list[str], i: int) -> bool:
    """``van der`` in ``Maria van der Berg``: one or more particles, then a capitalised word."""
    particles = phrase_set("name_particles")
    while i < len(tokens) and tokens[i].islower() and tokens[i] in particles:  # "við Á": "Á" is the name
        i += 1
    return i < len(tokens) and is_name_token(tokens[i])


def name_tokens_end(tokens: list[str]) -> int:
    """How many leading tokens form a name: capitalised words, initials, and particles between them."""
    particles = phrase_set("name_particles")
    count = 0
    for i, token in enumerate(tokens):
        if is_name_token(token):
            count = i + 1
        elif token.lower() in particles and i > 0 and _particles_before_name(tokens, i):
            continue
        else:
            break
    return count


_WORD = re.compile(r"(?:[^\W\d_]\.)+(?![^\W\d_])|[^\W\d_][\w'’-]*")


_SPACES = re.compile(r"[ \t]+")


def name_runs(text: str) -> list[tuple[re.Match[str], ...]]:
    """Runs of capitalised words in running text that may be a name (``Søren Brunak``, ``Jan van
    Dijk``): words separated by spaces only, so a comma, full stop or line break ends a run."""
    particles = phrase_set("name_particles")
    runs: list[tuple[re.Match[str], ...]] = []
    current: list[re.Match[str]] = []

    def close() -> None:
        while current and current[-1].group(0).lower() in particles:
            current.pop()
        if current:
            runs.append(tuple(current))
        current.clear()

    for m in _WORD.finditer(text):
        if current and not _SPACES.fullmatch(text, current[-1].end(), m.start()):
            close()
        word = m.group(0)
        if is_name_token(word) or (current and word.lower() in particles):
            current.append(m)
        else:
            close()
    close()
    return runs


def is_organisation_word(token: str) -> bool:
    """``Universitet``, ``Region``, ``Sykehuset``, ``Universitetshospital``: a word that makes a
    capitalised phrase an organisation or a thing (a listed word, or a compound ending in one)."""
    word = token.strip(".,;:()").lower()
    endings = phrases("organisation_endings")
    return word in phrase_set("not_name_words") or (len(word) > 4 and word.endswith(endings))


def looks_like_person(text: str) -> bool:
    """True when ``text`` reads as a person's name: 2-5 capitalised words with no organisation word,
    or a single word that is a known given name."""
    tokens = text.split()
    if not tokens or name_tokens_end(tokens) != len(tokens):
        return False
    if any(t[0].isupper() and is_organisation_word(t) for t in tokens):
        return False
    if len(tokens) == 1:
        return is_given_name(tokens[0])
    if tokens[-1].isalpha() and len(tokens[-1]) > 3 and is_title(tokens[-1]):
        return False  # "Medical Officer", "Programme Manager"
    caps = [t for t in tokens if len(t) > 1 and t.isupper() and not _INITIAL.match(t)]
    return len(tokens) <= 5 and not caps


def could_be_surname(word: str) -> bool:
    """A lone capitalised word after a title ("Lord Darzi"): not a title, organisation word or acronym."""
    return (
        is_name_token(word)
        and not word.isupper()
        and word.lower() not in phrase_set("not_name_words")
        and not is_title(word)
        and role_of(word) is None
    )
