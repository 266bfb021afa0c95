"""Who presents an agenda item: ``v/ Bettina Lundgren``, ``presented by Dr Anna Brown``, a line of its
own under the title (``Jan Walford-Moore, Chair``)."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from pmkg.ingest.parse.entry import parse_name_entry
from pmkg.ingest.parse.lists import entries
from pmkg.ingest.parse.minutes import NameMention
from pmkg.ingest.people.names import looks_like_person, name_tokens_end
from pmkg.ingest.text.lines import Line
from pmkg.ingest.vocabulary import alternation, is_title, vocabulary


@cache
def presenter_re() -> re.Pattern[str]:
    """A presenter marker before a name, maybe with titles between (``v/ overlæge Eva Nielsen``)."""
    markers = alternation(vocabulary()["presenter_markers"])
    titles = alternation(vocabulary()["titles"])
    name = rf"(?:(?:{titles})(?<=\.)\s*|(?:{titles})\s+)*(?-i:[A-ZÆØÅÄÖÜ])"
    return re.compile(rf"(?:^|\s+|(?<=\S))(?P<marker>{markers})(?:\s*:)?\s*(?={name})", re.IGNORECASE)


def _presenters(text: str, offset: int) -> list[NameMention]:
    """The people after a presenter marker (``v/Bettina Lundgren og Lene Cividanes``), up to the end
    of the sentence (``Presented by Mr Tim O'Connor. Dr Doe asked ...``)."""
    found = []
    for part, span in entries(text[: _sentence_end(text)], offset):
        mention = parse_name_entry(part)
        if mention.name and name_tokens_end(mention.name.split()) == len(mention.name.split()):
            found.append(replace(mention, span=span, status="present"))
    return found


def _sentence_end(text: str) -> int:
    """Where the first sentence of ``text`` ends: a full stop after a word that is no title or initial."""
    for m in re.finditer(r"(?<=\w)\.\s+(?=\S)", text):
        word = re.findall(r"[\w'’-]+$", text[: m.start()])[0]
        if len(word) > 1 and not is_title(word) and not is_title(word + "."):
            return m.start()
    return len(text)


def split_presenters(title: str, offset: int) -> tuple[str, list[NameMention]]:
    """``Status på NGC v/Bettina Lundgren og Lene Cividanes`` -> the title and its presenters."""
    for m in presenter_re().finditer(title):
        if m.group("marker").lower() == "v/" or m.start() > 0:
            before, after = title[: m.start()].rstrip(), title[m.end() :]
            if before.endswith("("):  # "Research strategy (presented by Dr Anna Brown)"
                before, after = before[:-1], after.split(")")[0]
            people = _presenters(after, offset + m.end())
            if people:
                return before.strip(" -–,"), people
    return title.strip(), []


def lead_line(line: Line) -> list[NameMention]:
    """The line under an item title that names who leads it: ``v/Søren Brunak``, ``Jan Walford-Moore,
    Chair``; a sentence that starts with a name (``Claus Rendtorff redegjorde ...``) is not one."""
    marker = presenter_re().match(line.text)
    if marker:
        return _presenters(line.text[marker.end() :], line.start + marker.end())
    mention = parse_name_entry(line.text)
    head = re.split(r"[,(]", line.text)[0].strip()
    if len(line.text.split()) <= 10 and looks_like_person(mention.name) and head.endswith(mention.name):
        return [replace(mention, span=(line.start, line.end), status="present")]
    return []
