"""One attendance entry taken apart: the name, and around it titles, roles, the organisation, a status.

``Søren Brunak, professor, Københavns Universitet (Forperson)``, ``Region Syddanmark v/ Eva Holm``,
``Dr. Ana Silva (Karolinska Institutet) - afbud``: everything but the name is classified with the
words of ``knowledge/minutes.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache, lru_cache

from pmkg.ingest.extract.names import is_organisation_name
from pmkg.ingest.parse.minutes import NameMention
from pmkg.ingest.parse.status import substitute
from pmkg.ingest.people.names import (
    is_given_name,
    is_name_token,
    is_organisation_word,
    looks_like_person,
    name_tokens_end,
)
from pmkg.ingest.people.units import unit_role
from pmkg.ingest.vocabulary import (
    _prefix_re,
    _role_prefix_re,
    is_absent_marker,
    is_title,
    phrase_set,
    phrases,
    role_of,
)

LEADING_BULLET = re.compile(r"^\s*(?:[-•*·▪◦–]|\(?\d{1,3}[.)](?!\d)|[a-z][.)](?=\s))\s*")

CELL_GAPS = re.compile(r"\s*(?:\t+|\s\|\s)\s*|(?<=[^\s,;(])[ ]{3,}(?=[^\s(])")  # table cells and tab stops

CONJUNCTION = re.compile(r"\s+(?:og|and|och|samt|&|og/eller)\s+", re.IGNORECASE)


def split_top_level(text: str, separators: str = ",;") -> list[str]:
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


def strip_prefixes(text: str, titles: list[str], roles: list[str]) -> str:
    """Remove leading titles and role words ("Dr", "overlæge", "Formand"), collecting them."""
    while True:
        title = _prefix_re("titles").match(text)
        if title and title.end() < len(text):
            titles.append(title.group(0).strip())
            if role := role_of(title.group(0).strip()):  # "patientrepræsentant Birthe Nørby Schmidt"
                roles.append(role)
            text = text[title.end() :]
            continue
        role = _role_prefix_re().match(text)
        if role and role.end() < len(text) and is_name_token(text[role.end() :].split()[0]):
            roles.append(role_of(role.group(0)) or "member")
            text = text[role.end() :]
            continue
        post = _UNLISTED_POST.match(text)
        if post and is_given_name(post.group("given")):  # "forskningssjef Marte Lien Sandvik"
            titles.append(post.group("post"))
            text = text[post.end("post") :].lstrip()
            continue
        return text


# The capacity someone came in, after their name and organisation (what follows it, "under sak 8", goes).
_CAPACITY = re.compile(r"\s+(?:som|as)\s+(?:an?\s+)?(?P<role>[^\W\d_]+)(?=[\s,.;]|$)")

# A post no list names, written in lower case before a name as Nordic minutes write posts: one word long
# enough to be no name particle ("van", "af", "della"), then a given name.
_UNLISTED_POST = re.compile(r"(?P<post>[a-zæøåäöü][a-zæøåäöüé-]{4,})\s+(?P<given>[A-ZÆØÅÄÖÜ][\w-]+)\s+\S")


def _classify_piece(piece: str, parts: dict[str, list[str]]) -> bool:
    """Put one descriptor (role, title, "Director of X") into ``parts``; False if it is none of them."""
    piece = piece.strip(" .,;:-–—")
    if not piece:
        return True
    rep = _prefix_re("representation_words").match(piece)
    if rep and rep.end() < len(piece):
        parts["affiliation"].append(piece[rep.end() :])
        parts["how"].append("affiliation.representing")
        return True
    if role_of(piece):
        parts["roles"].append(role_of(piece) or "")
        return True
    if is_title(piece) or _ends_in_title(piece) or piece.lower() in phrase_set("post_nominals"):
        parts["titles"].append(piece)
        return True
    if is_absent_marker(piece):
        parts["status"].append("absent")
        return True
    if piece.lower() in phrase_set("present_markers"):
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
            parts["how"].append("affiliation.of")
            return True
    return False


def _ends_in_title(piece: str) -> bool:
    """``Non-Executive Director``, ``WP3 lead``: a short phrase ending in a title, no organisation word."""
    words = piece.split()
    stop = phrase_set("not_name_words")
    return 1 < len(words) <= 3 and is_title(words[-1]) and not any(w.lower() in stop for w in words)


def _classify_segment(segment: str, parts: dict[str, list[str]], *, in_parens: bool = False) -> None:
    """One comma part or parenthesis after a name: roles, titles, status, party letter or organisation."""
    segment = segment.strip(" .,;:-–—")
    if not segment:
        return
    linked = _leading_link_re().match(segment)
    if linked and not looks_like_person(segment[linked.end() :]):  # ", på vegne af X", ", representing the X"
        parts["affiliation"].append(segment[linked.end() :])
        parts["how"].append("affiliation.from")
        return
    if in_parens and segment.lower() in phrase_set("party_letters"):
        return
    pieces = CONJUNCTION.split(segment)
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
        parts["how"].append("affiliation.parenthesis" if in_parens else "affiliation.comma")
        if role := unit_role(segment):  # "ICGMS Secretariat": of the organisation, and its secretariat
            parts["roles"].append(role)
            parts["unit_roles"].append(role)


def _short_title(piece: str, parts: dict[str, list[str]]) -> bool:
    """A short lower-case descriptor is a job title in Danish/Norwegian/Swedish minutes (centerleder),
    not a note with a number or opening with a preposition ("for item 3", "under punkt 19")."""
    words = piece.split()
    linked = words[0].lower() in phrase_set("affiliation_words") | {"under", "until", "indtil", "til"}
    if len(words) <= 3 and not linked and not re.search(r"\d", piece):
        parts["titles"].append(piece.strip(" .,;:"))
        return True
    return False


def organisation_like(text: str) -> bool:
    """``Region Syddanmark``, ``DTU`` before ``v/ Name``; not an agenda line (``1/5 Velkommen ... v/ Name``,
    ``1. Orientering om rådgivning v/ Name``): an organisation word or an acronym in it."""
    words = text.strip(" ,").split()
    return (
        bool(words)
        and is_name_token(words[0])
        and not re.search(r"\d", text)
        and len(words) <= 8
        and any(is_organisation_word(w) or (len(w) > 1 and w.isupper()) for w in words)
    )


def _leading_descriptor(part: str, following: list[str], parts: dict[str, list[str]]) -> bool:
    """A comma part before the name that holds only a title or role (``Professor, overlæge, dr.med.
    Henrik Toft Sørensen``, ``Prodekan for forskning, professor Lise Bach``): kept in ``parts``."""
    part = part.strip()
    named = next((p for p in following if not is_title(p) and not role_of(p)), "")
    rest = strip_prefixes(named.strip(), [], []).split()
    if not part or not rest or not is_name_token(rest[0]):
        return False
    if role_of(part):
        parts["roles"].append(role_of(part) or "")
        return True
    title = _prefix_re("titles").match(part)
    after = part[title.end() :].split() if title else []
    if title and (not after or not is_name_token(after[0])):
        parts["titles"].append(part.strip(" .,;:") if after else title.group(0).strip())
        return True
    return False


@cache
def _absent_marker_re() -> re.Pattern[str]:
    """A trailing absence marker: ``Name - afbud``, ``Name (apologies)``."""
    markers = "|".join(re.escape(w) for w in phrases("absent_markers"))
    return re.compile(rf"[\s,]*[-–—:]?\s*\(?\b(?:{markers})\)?\.?\s*$", re.IGNORECASE)


@cache
def affiliation_link_re() -> re.Pattern[str]:
    """``Name fra Organisation``, ``Name from Organisation``: the word that links a name to its body."""
    words = "|".join(re.escape(w) for w in phrases("affiliation_words"))
    return re.compile(rf"\s+(?:{words})\s+(?=(?-i:[A-ZÆØÅÄÖÜ0-9]))", re.IGNORECASE)


_DASHES = re.compile(r"\s+[-–—]\s+")


@cache
def _leading_link_re() -> re.Pattern[str]:
    """A part after the name that opens with the linking word (``på vegne af Lungeforeningen``,
    ``representing the Central Hub``): the organisation follows it, maybe after ``the``."""
    words = "|".join(re.escape(w) for w in phrases("affiliation_words"))
    return re.compile(rf"^(?:{words})\s+(?:the\s+)?(?=(?-i:[A-ZÆØÅÄÖÜ]))", re.IGNORECASE)


VIA = re.compile(r"\s*\bv/\s*|\s+(?:ved|c/o)\s+(?=[A-ZÆØÅÄÖÜ])")


def _particle_surname(head: str, link: re.Match[str]) -> bool:
    """``Johan af Klercker``, ``Rannvá í Gerðinum``: a name particle that is also a linking word, before
    one capitalised word that is no organisation's, belongs to the surname."""
    rest = head[link.end() :].split()
    return (
        link.group(0).strip().lower() in phrase_set("name_particles")
        and len(rest) == 1
        and not is_organisation_word(rest[0])
        and not rest[0].isupper()
    )


def parse_name_entry(entry: str) -> NameMention:
    """Take one attendance entry apart into name, titles, roles, affiliation and status.

    The returned span covers the whole entry (offsets relative to ``entry``); the caller shifts it.
    """
    parsed = parsed_entry(entry)  # a fresh object: callers may change its lists
    return replace(
        parsed, titles=list(parsed.titles), roles=list(parsed.roles), role_rules=dict(parsed.role_rules)
    )


@lru_cache(maxsize=1 << 14)
def parsed_entry(entry: str) -> NameMention:
    """Cached and shared, so only to be read: the attendance reader tries an entry more than once."""
    parts = _empty_parts()
    text = CELL_GAPS.sub(", ", LEADING_BULLET.sub("", entry).strip())
    absent = _absent_marker_re().search(text)
    if absent and absent.start() > 0:
        parts["status"].append("absent")
        text = text[: absent.start()]
    replaced = substitute(text)
    if replaced:
        text, replaces, role = replaced
        parts["roles"] += [role] if role else []
    capacity = _CAPACITY.search(text)
    if capacity and (role := role_of(capacity.group("role"))):  # "X fra Helsedirektoratet som observatør"
        parts["roles"].append(role)
        text = text[: capacity.start()]
    parens = re.findall(r"\(([^()]*)\)", text)
    text = re.sub(r"\s*\([^()]*\)", "", text).strip(" .;")
    via = VIA.search(text)
    if (
        via
        and organisation_like(text[: via.start()])
        and looks_like_person(strip_prefixes(text[via.end() :].split(",")[0], [], []))
    ):
        parts["affiliation"].append(text[: via.start()].strip(" ,"))
        parts["how"].append("affiliation.org_first")
        text = text[via.end() :]
    head, *rest = split_top_level(text, ",") or [""]
    while rest and _leading_descriptor(head, rest, parts):
        head = rest.pop(0)
    head = strip_prefixes(head.strip(), parts["titles"], parts["roles"])
    tokens = head.split()
    link = affiliation_link_re().search(head)
    if link and looks_like_person(head[: link.start()]) and not _particle_surname(head, link):
        parts["affiliation"].insert(0, head[link.end() :].strip())
        parts["how"].insert(0, "affiliation.from")
        tokens = head[: link.start()].split()
    end = name_tokens_end(tokens)
    cut = _before_post_nominals(tokens, end)
    parts["titles"].extend(tokens[cut:end])
    name = " ".join(tokens[:cut]).strip(" .,;:")
    if end < len(tokens):  # "Jane Hill – Chair – NHS England": each dashed part on its own
        for piece in _DASHES.split(" ".join(tokens[end:]).strip(" -–—")):
            _classify_segment(piece, parts)
    for segment in rest:  # "Chair; Non-Executive Director" (a cell of posts): each part on its own
        for piece in split_top_level(segment, ";"):
            _classify_segment(piece, parts)
    initials = None
    for segment in (seg for paren in parens for seg in split_top_level(paren)):
        if _are_initials(segment, name) and segment.lower() not in phrase_set("party_letters"):
            initials = segment
        else:
            _classify_segment(segment, parts, in_parens=True)
    _posts_are_no_organisations(parts)
    cleaned = (re.sub(r"^the\s+", "", a.strip(" .,;:"), flags=re.IGNORECASE) for a in parts["affiliation"])
    affiliation = ", ".join(a for a in cleaned if a) or None
    roles = _unique(parts["roles"])
    return NameMention(
        name=name,
        span=(0, len(entry)),
        titles=_unique(parts["titles"]),
        roles=roles,
        status=parts["status"][-1] if parts["status"] else "unknown",
        affiliation=affiliation,
        initials=initials,
        role_rules={r: "roles.unit" if r in parts["unit_roles"] else "roles.word" for r in roles},
        affiliation_rule=parts["how"][0] if affiliation and parts["how"] else None,
        replaces=replaced[1] if replaced else None,
    )


def _posts_are_no_organisations(parts: dict[str, list[str]]) -> None:
    """Posts read as organisations, moved to the titles: beside a link to an organisation (``from``,
    ``representing``) a part ending in a title (``Laboratory Director, representing the X Hub``), and
    before a part that is an organisation's name any part that is none (``Consultant Clinical
    Geneticist, Northbridge Royal Infirmary``, ``Director of Public Health, Northmoor Borough Council``)."""
    if len(parts["affiliation"]) != len(parts["how"]):
        return
    pairs = list(zip(parts["affiliation"], parts["how"], strict=True))
    linked = bool({"affiliation.from", "affiliation.representing"} & set(parts["how"]))
    loose = [a for a, how in pairs if how in ("affiliation.comma", "affiliation.of")]
    named = [i for i, a in enumerate(loose) if is_organisation_name(a.split())]

    def post(affiliation: str, how: str) -> bool:
        if how not in ("affiliation.comma", "affiliation.of") or not affiliation.split():
            return False
        ends_in_title = how == "affiliation.comma" and is_title(affiliation.split()[-1])
        before_a_name = bool(named) and loose.index(affiliation) < named[-1]  # a unit after it stays
        return linked and ends_in_title or before_a_name and not is_organisation_name(affiliation.split())

    parts["titles"] += [a for a, how in pairs if post(a, how)]
    parts["affiliation"] = [a for a, how in pairs if not post(a, how)]
    parts["how"] = [how for a, how in pairs if not post(a, how)]


def _empty_parts() -> dict[str, list[str]]:
    """What an entry's parts are sorted into; "how" holds the parser's rule (ingest/parse/rules.py) of each
    affiliation in the same order, "unit_roles" the roles a unit word gave ("NorPGx Secretariat")."""
    return {k: [] for k in ("titles", "roles", "affiliation", "status", "how", "unit_roles")}


def organisation_of(cell: str) -> str:
    """An organisation cell without the posts written in it (``Director of Public Health, Northmoor
    Borough Council`` -> the council); the cell as written when it names no organisation apart."""
    parts = _empty_parts()
    for segment in split_top_level(cell, ","):
        _classify_segment(segment, parts)
    _posts_are_no_organisations(parts)
    return ", ".join(parts["affiliation"]) or cell


def _before_post_nominals(tokens: list[str], end: int) -> int:
    """Where the name ends before degrees written after it (``Jane Smith MD``, ``Kari Holm PhD``): a
    degree is a title, never the name's last word; two words of the name always stay."""
    degrees = phrase_set("post_nominals")
    cut = end
    while cut > 2 and tokens[cut - 1].lower() in degrees:
        cut -= 1
    return cut


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
