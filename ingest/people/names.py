"""Does a phrase name a person? Name words, runs of them in running text, and known given names."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml

from pmkg.ingest.vocabulary import is_title, phrase_set, phrases, role_of

_INITIAL = re.compile(r"^(?:[A-ZÆØÅÄÖÜ]\.)+-?(?:[A-ZÆØÅÄÖÜ]\.)*$")


@cache
def given_names() -> frozenset[str]:
    """Common given names (lower case) that make a capitalised word pair in running text a person."""
    data = yaml.safe_load(resources.files("pmkg.knowledge").joinpath("given-names.yaml").read_text("utf-8"))
    return frozenset(name.lower() for names in data.values() for name in names)


def is_name_token(token: str) -> bool:
    core = token.strip(".,;:'’")
    if not core:
        return False
    if _INITIAL.match(token):
        return True
    return core[0].isupper() and all(c.isalpha() or c in "-'’." for c in core)


def _particles_before_name(tokens: list[str], i: int) -> bool:
    """``van der`` in ``Maria van der Berg``: one or more particles, then a capitalised word."""
    particles = phrase_set("name_particles")
    while i < len(tokens) and tokens[i].lower() in particles:
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


def name_runs(text: str) -> list[list[re.Match[str]]]:
    """Runs of capitalised words in running text that may be a name (``Søren Brunak``, ``Jan van
    Dijk``): words separated by spaces only, so a comma, full stop or line break ends a run."""
    particles = phrase_set("name_particles")
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []

    def close() -> None:
        while current and current[-1].group(0).lower() in particles:
            current.pop()
        if current:
            runs.append(list(current))
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
        return tokens[0].strip(".").lower() in given_names()
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
