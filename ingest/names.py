"""Names of people as minutes write them: one attendance entry, lists of names, ids.

An entry such as ``Søren Brunak, professor og research director, Københavns Universitet (Forperson)``
carries a name, titles, roles and an affiliation; these functions take it apart. The words that
mark titles, roles, party letters and absence come from ``knowledge/minutes.yaml`` and the given
names that make a capitalised pair a person come from ``knowledge/given-names.yaml``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import yaml

from pmkg.ingest.parsed import NameMention

_FOLD = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "Ae",
        "å": "aa",
        "Å": "Aa",
        "ß": "ss",
        "ð": "d",
        "þ": "th",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
    }
)
_BULLET = re.compile(r"^\s*(?:[-•*·▪◦–]|\(?\d{1,3}[.)](?!\d)|[a-z][.)](?=\s))\s*")
_COLUMNS = re.compile(r"\s*(?:\t+|\s\|\s)\s*|(?<=[^\s,;(])[ ]{3,}(?=[^\s(])")  # table cells and tab stops
_CONJ = re.compile(r"\s+(?:og|and|och|samt|&|og/eller)\s+", re.IGNORECASE)
_SPACES = re.compile(r"[ \t]+")
_INITIAL = re.compile(r"^(?:[A-ZÆØÅÄÖÜ]\.)+-?(?:[A-ZÆØÅÄÖÜ]\.)*$")


@cache
def vocabulary() -> dict[str, Any]:
    """The vocabulary of minutes (``knowledge/minutes.yaml``), loaded once."""
    return yaml.safe_load(resources.files("pmkg.knowledge").joinpath("minutes.yaml").read_text("utf-8"))


@cache
def given_names() -> frozenset[str]:
    """Common given names (lower case) that make a capitalised word pair in running text a person."""
    data = yaml.safe_load(resources.files("pmkg.knowledge").joinpath("given-names.yaml").read_text("utf-8"))
    return frozenset(name.lower() for names in data.values() for name in names)


def fold(text: str) -> str:
    """ASCII-fold for matching and ids: ``Søren Bøgsted`` -> ``Soren Bogsted``, ``Æ`` -> ``Ae``."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def slug(text: str) -> str:
    """The id part of a name: folded, lower case, hyphenated (``Søren Brunak`` -> ``soren-brunak``).

    Every id in the record (``person:``, ``org:``, ``meeting:``) is built with it.
    """
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")


@cache
def _phrases(key: str) -> tuple[str, ...]:
    return tuple(sorted({str(p).lower() for p in vocabulary()[key]}, key=len, reverse=True))


@cache
def _phrase_set(key: str) -> frozenset[str]:
    return frozenset(_phrases(key))


@cache
def _role_map() -> dict[str, str]:
    return {str(k).lower(): v for k, v in vocabulary()["roles"].items()}


@cache
def _prefix_re(key: str) -> re.Pattern[str]:
    """Longest phrase of a vocabulary list at the start of a text, as a whole word."""
    words = "|".join(re.escape(p) for p in _phrases(key))
    return re.compile(rf"^(?:{words})(?:(?<=\.)|(?!\w))\s*", re.IGNORECASE)


@cache
def _role_prefix_re() -> re.Pattern[str]:
    words = "|".join(re.escape(p) for p in sorted(_role_map(), key=len, reverse=True))
    return re.compile(rf"^(?:{words})(?!\w)\s*", re.IGNORECASE)


def role_of(phrase: str) -> str | None:
    """The role code of a role phrase (``Deputy Chair`` -> ``vice_chair``), or None."""
    return _role_map().get(re.sub(r"\s+", " ", phrase.strip(" .:;,")).lower())


def is_title(phrase: str) -> bool:
    """True when ``phrase`` is a title from the vocabulary (``Klinisk professor``, ``Dr.``)."""
    return re.sub(r"\s+", " ", phrase.strip(" ,;:")).lower() in _phrase_set("titles")


def is_absent_marker(phrase: str) -> bool:
    return phrase.strip(" .:;,-–()").lower() in _phrase_set("absent_markers")


def _is_name_token(token: str) -> bool:
    core = token.strip(".,;:'’")
    if not core:
        return False
    if _INITIAL.match(token):
        return True
    return core[0].isupper() and all(c.isalpha() or c in "-'’." for c in core)


def _particles_before_name(tokens: list[str], i: int) -> bool:
    """``van der`` in ``Maria van der Berg``: one or more particles, then a capitalised word."""
    particles = _phrase_set("name_particles")
    while i < len(tokens) and tokens[i].lower() in particles:
        i += 1
    return i < len(tokens) and _is_name_token(tokens[i])


def name_tokens_end(tokens: list[str]) -> int:
    """How many leading tokens form a name: capitalised words, initials, and particles between them."""
    particles = _phrase_set("name_particles")
    count = 0
    for i, token in enumerate(tokens):
        if _is_name_token(token):
            count = i + 1
        elif token.lower() in particles and i > 0 and _particles_before_name(tokens, i):
            continue
        else:
            break
    return count


_WORD = re.compile(r"(?:[^\W\d_]\.)+(?![^\W\d_])|[^\W\d_][\w'’-]*")


def name_runs(text: str) -> list[list[re.Match[str]]]:
    """Runs of capitalised words in running text that may be a name (``Søren Brunak``, ``Jan van
    Dijk``): words separated by spaces only, so a comma, full stop or line break ends a run."""
    particles = _phrase_set("name_particles")
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
        if _is_name_token(word) or (current and word.lower() in particles):
            current.append(m)
        else:
            close()
    close()
    return runs


def is_organisation_word(token: str) -> bool:
    """``Universitet``, ``Region``, ``Sykehuset``, ``Universitetshospital``: a word that makes a
    capitalised phrase an organisation or a thing (a listed word, or a compound ending in one)."""
    word = token.strip(".,;:()").lower()
    endings = _phrases("organisation_endings")
    return word in _phrase_set("not_name_words") or (len(word) > 4 and word.endswith(endings))


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
        _is_name_token(word)
        and not word.isupper()
        and word.lower() not in _phrase_set("not_name_words")
        and not is_title(word)
        and role_of(word) is None
    )


def _split_top_level(text: str, separators: str = ",;") -> list[str]:
    """Split at separators outside parentheses."""
    parts, depth, current = [], 0, []
    for char in text:
        depth += (char == "(") - (char == ")")
        if char in separators and depth <= 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def _split_after_organisations(text: str) -> str:
    """A comma before a given name that follows an organisation word: entries that lost their line
    breaks (``..., Nationalt Genom Center Kasper Lindegaard-Hjulmann, ...``) come apart again."""
    words = list(re.finditer(r"\S+", text))
    cuts = [
        word.start()
        for before, word, after in zip(words, words[1:], words[2:], strict=False)
        if before.group()[0].isupper()
        and before.group().lower() in _phrase_set("not_name_words")
        and word.group().lower() in given_names()
        and _is_name_token(after.group())
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
        text = _COLUMNS.sub(", ", _BULLET.sub("", raw).strip().rstrip(".;"))
        text = _split_after_organisations(re.sub(r"\)\s+(?=[A-ZÆØÅÄÖÜ])", "), ", text))
        for part in _split_top_level(text):
            part = re.sub(r"^(?:og|and|och|samt|&)\s+", "", part, flags=re.IGNORECASE).strip()
            pieces = _CONJ.split(part)
            if len(pieces) > 1 and all(_is_name_token(p.split()[0]) for p in pieces if p.split()):
                entries.extend(p.strip() for p in pieces if p.strip())
            elif part:
                entries.append(part)
    return [e.rstrip(".;") for e in entries]


def _strip_prefixes(text: str, titles: list[str], roles: list[str]) -> str:
    """Remove leading titles and role words ("Dr", "overlæge", "Formand"), collecting them."""
    while True:
        title = _prefix_re("titles").match(text)
        if title and title.end() < len(text):
            titles.append(title.group(0).strip())
            text = text[title.end() :]
            continue
        role = _role_prefix_re().match(text)
        if role and role.end() < len(text) and _is_name_token(text[role.end() :].split()[0]):
            roles.append(role_of(role.group(0)) or "member")
            text = text[role.end() :]
            continue
        return text


def _classify_piece(piece: str, parts: dict[str, list[str]]) -> bool:
    """Put one descriptor (role, title, "Director of X") into ``parts``; False if it is none of them."""
    piece = piece.strip(" .,;:-–—")
    if not piece:
        return True
    rep = _prefix_re("representation_words").match(piece)
    if rep and rep.end() < len(piece):
        parts["affiliation"].append(piece[rep.end() :])
        return True
    if role_of(piece):
        parts["roles"].append(role_of(piece) or "")
        return True
    if is_title(piece) or _ends_in_title(piece):
        parts["titles"].append(piece)
        return True
    if is_absent_marker(piece):
        parts["status"].append("absent")
        return True
    if piece.lower() in _phrase_set("present_markers"):
        parts["status"].append("present")
        return True
    for key in ("titles", "roles"):
        head = _prefix_re(key).match(piece) if key == "titles" else _role_prefix_re().match(piece)
        rest = piece[head.end() :] if head else ""
        link = re.match(r"(?:of|for|i|ved|at|hos|på|in|vid)\s+(?=\S)", rest, re.IGNORECASE)
        if head and link:
            word = head.group(0).strip()
            parts[key].append(word if key == "titles" else role_of(word) or "member")
            parts["affiliation"].append(rest[link.end() :])
            return True
    return False


def _ends_in_title(piece: str) -> bool:
    """``Non-Executive Director``, ``WP3 lead``: a short phrase ending in a title, no organisation word."""
    words = piece.split()
    stop = _phrase_set("not_name_words")
    return 1 < len(words) <= 3 and is_title(words[-1]) and not any(w.lower() in stop for w in words)


def _classify_segment(segment: str, parts: dict[str, list[str]], *, in_parens: bool = False) -> None:
    """One comma part or parenthesis after a name: roles, titles, status, party letter or organisation."""
    segment = segment.strip(" .,;:-–—")
    if not segment:
        return
    if in_parens and segment.lower() in _phrase_set("party_letters"):
        return
    pieces = _CONJ.split(segment)
    trial: dict[str, list[str]] = {k: [] for k in parts}
    if all(_classify_piece(p, trial) or p[:1].islower() and _short_title(p, trial) for p in pieces):
        for key, values in trial.items():
            parts[key].extend(values)
        return
    trial = {k: [] for k in parts}
    if _classify_piece(segment, trial):
        for key, values in trial.items():
            parts[key].extend(values)
    elif segment[:1].isupper() or segment[:1].isdigit():
        parts["affiliation"].append(segment)
    # anything else is a note ("deltager under punkt 19") and is not kept


def _short_title(piece: str, parts: dict[str, list[str]]) -> bool:
    """A short lower-case descriptor is a job title in Danish/Norwegian/Swedish minutes (centerleder),
    not a note with a number or opening with a preposition ("for item 3", "under punkt 19")."""
    words = piece.split()
    linked = words[0].lower() in _phrase_set("affiliation_words") | {"under", "until", "indtil", "til"}
    if len(words) <= 3 and not linked and not re.search(r"\d", piece):
        parts["titles"].append(piece.strip(" .,;:"))
        return True
    return False


def _organisation_like(text: str) -> bool:
    """``Region Syddanmark``, ``DTU`` before ``v/ Name``; not an agenda line (``1/5 Velkommen ... v/ Name``,
    ``1. Orientering om rådgivning v/ Name``): an organisation word or an acronym in it."""
    words = text.strip(" ,").split()
    return (
        bool(words)
        and _is_name_token(words[0])
        and not re.search(r"\d", text)
        and len(words) <= 8
        and any(is_organisation_word(w) or (len(w) > 1 and w.isupper()) for w in words)
    )


def _leading_descriptor(part: str, following: list[str], parts: dict[str, list[str]]) -> bool:
    """A comma part before the name that holds only a title or role (``Professor, overlæge, dr.med.
    Henrik Toft Sørensen``, ``Prodekan for forskning, professor Lise Bach``): kept in ``parts``."""
    part = part.strip()
    named = next((p for p in following if not is_title(p) and not role_of(p)), "")
    rest = _strip_prefixes(named.strip(), [], []).split()
    if not part or not rest or not _is_name_token(rest[0]):
        return False
    if role_of(part):
        parts["roles"].append(role_of(part) or "")
        return True
    title = _prefix_re("titles").match(part)
    after = part[title.end() :].split() if title else []
    if title and (not after or not _is_name_token(after[0])):
        parts["titles"].append(part.strip(" .,;:") if after else title.group(0).strip())
        return True
    return False


@cache
def _absent_marker_re() -> re.Pattern[str]:
    """A trailing absence marker: ``Name - afbud``, ``Name (apologies)``."""
    markers = "|".join(re.escape(w) for w in _phrases("absent_markers"))
    return re.compile(rf"[\s,]*[-–—:]?\s*\(?\b(?:{markers})\)?\.?\s*$", re.IGNORECASE)


@cache
def _affiliation_link_re() -> re.Pattern[str]:
    """``Name fra Organisation``, ``Name from Organisation``: the word that links a name to its body."""
    words = "|".join(re.escape(w) for w in _phrases("affiliation_words"))
    return re.compile(rf"\s+(?:{words})\s+(?=(?-i:[A-ZÆØÅÄÖÜ0-9]))", re.IGNORECASE)


def parse_name_entry(entry: str) -> NameMention:
    """Take one attendance entry apart into name, titles, roles, affiliation and status.

    The returned span covers the whole entry (offsets relative to ``entry``); the caller shifts it.
    """
    parsed = _parse_name_entry(entry)  # a fresh object: callers may change its lists
    return replace(parsed, titles=list(parsed.titles), roles=list(parsed.roles))


@lru_cache(maxsize=1 << 14)
def _parse_name_entry(entry: str) -> NameMention:
    """Cached: the attendance reader tries an entry more than once, and lists repeat between minutes."""
    parts: dict[str, list[str]] = {"titles": [], "roles": [], "affiliation": [], "status": []}
    text = _COLUMNS.sub(", ", _BULLET.sub("", entry).strip())
    absent = _absent_marker_re().search(text)
    if absent and absent.start() > 0:
        parts["status"].append("absent")
        text = text[: absent.start()]
    parens = re.findall(r"\(([^()]*)\)", text)
    text = re.sub(r"\s*\([^()]*\)", "", text).strip(" .;")
    via = re.search(r"\s*\bv/\s*|\s+(?:ved|c/o)\s+(?=[A-ZÆØÅÄÖÜ])", text)
    if (
        via
        and _organisation_like(text[: via.start()])
        and looks_like_person(_strip_prefixes(text[via.end() :].split(",")[0], [], []))
    ):
        parts["affiliation"].append(text[: via.start()].strip(" ,"))
        text = text[via.end() :]
    head, *rest = _split_top_level(text, ",") or [""]
    while rest and _leading_descriptor(head, rest, parts):
        head = rest.pop(0)
    head = _strip_prefixes(head.strip(), parts["titles"], parts["roles"])
    for segment in rest:
        _classify_segment(segment, parts)
    tokens = head.split()
    link = _affiliation_link_re().search(head)
    if link and looks_like_person(head[: link.start()]):
        parts["affiliation"].insert(0, head[link.end() :].strip())
        tokens = head[: link.start()].split()
    end = name_tokens_end(tokens)
    name = " ".join(tokens[:end]).strip(" .,;:")
    if end < len(tokens):
        _classify_segment(" ".join(tokens[end:]), parts)
    initials = None
    for segment in (seg for paren in parens for seg in _split_top_level(paren)):
        if _are_initials(segment, name) and segment.lower() not in _phrase_set("party_letters"):
            initials = segment
        else:
            _classify_segment(segment, parts, in_parens=True)
    cleaned = (re.sub(r"^the\s+", "", a.strip(" .,;:"), flags=re.IGNORECASE) for a in parts["affiliation"])
    affiliation = ", ".join(a for a in cleaned if a) or None
    return NameMention(
        name=name,
        span=(0, len(entry)),
        titles=_unique(parts["titles"]),
        roles=_unique(parts["roles"]),
        status=parts["status"][-1] if parts["status"] else "unknown",
        affiliation=affiliation,
        initials=initials,
    )


def _are_initials(text: str, name: str) -> bool:
    """``JS`` for Jane Smith, ``HvdM`` for Hans van der Meer: the first letters of the name's words."""
    words = name.split()
    capitals = [w for w in words if w[:1].isupper()]
    return (
        2 <= len(text) <= 6
        and text.isalpha()
        and sum(c.isupper() for c in text) >= 2
        and text.casefold() in {"".join(w[0] for w in ws).casefold() for ws in (words, capitals) if ws}
    )


def _unique(values: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for value in values:
        seen.setdefault(value.lower(), value)
    return list(seen.values())
