"""The meeting's title and the body that met: ``5. møde i X``, ``Minutes of the X AGM``,
``Referat af møde i X``, a compound naming its body (``Bestyrelsesmøde``), a letterhead line."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from pmkg.ingest.parse.fields import is_field, location_of
from pmkg.ingest.parse.signatures import role_field_re
from pmkg.ingest.text.dates import find_dates
from pmkg.ingest.text.lines import Line
from pmkg.ingest.vocabulary import alternation, lookup, vocabulary

_TITLE_LINES = 4  # a title naming the meeting may follow the organisation's name


_BODY_TAIL = re.compile(
    # "the" ends a name ("X the 5th of June") unless it continues one ("Board of the Nordic Genome Society")
    r"(?:,|\s+(?:den|d\.|on|held|afholdt)\s+|(?<!\bof)(?<!\bfor)(?<!\band)\s+the\s+|\s+\d{1,2}[./ ]|\s*\("
    r"|\s+[-–]\s+|\s+(?:19|20)\d\d\b).*$",
    re.I,
)


def body_and_number(title: str, doc_line: str) -> tuple[str | None, str | None, str | None]:
    """The body that met, the meeting number and the words of the title that name the body, from
    ``5. møde i X``, ``Minutes of the X AGM``, ``Referat af møde i X``, ``Bestyrelsesmøde`` (a
    compound naming its body)."""
    numbers, patterns = _title_res()
    number = next((m for m in (pattern.search(title) for pattern in numbers) if m), None)
    num = number.group("n") if number else None
    for pattern in patterns:
        for candidate in (title, f"{doc_line} {title}".strip()):
            m = pattern.search(candidate)
            if m:
                body = _without_title_words(_BODY_TAIL.sub("", m.group("body")).strip(" .:-–"))
                if body and not _generic(body):
                    return as_name(body), num, body
    for compound in re.finditer(r"(?<!\w)(?P<stem>\w+?)(?:møde|møte|möte|meeting)(?!\w)", title, re.I):
        body = lookup("compound_bodies", compound.group("stem"))
        if body:
            return str(body), num, compound.group(0)
    return None, num, None


@cache
def _title_res() -> tuple[list[re.Pattern[str]], list[re.Pattern[str]]]:
    """The patterns of :func:`body_and_number`, compiled once: where a title gives the meeting's
    number (``the 12th meeting``, ``møde nr. 3``, ``Styrgruppsmöte 2/2024``), and where its body."""
    meeting = alternation(vocabulary()["meeting_words"])
    # after a body's name a "board meeting" is its meeting: "Trust Board meeting" is met by the Trust Board
    after_body = alternation(w for w in vocabulary()["meeting_words"] if not _body_word_re().match(str(w)))
    doc = alternation(vocabulary()["document_words"])
    ordinal = r"(?:\.|st|nd|rd|th|e|\.\s*ordinære?|\.\s*ordinary)?"
    numbers = [
        rf"(?<![\w.])(?P<n>\d+){ordinal}\s*(?:{meeting})\b",
        r"\b(?:nr|no|number)\.?\s*(?P<n>\d+)\b",
        rf"(?:{meeting})\s+(?P<n>\d+)/(?:\d{{4}}|\d{{2}})\b",
    ]
    cap = r"(?-i:[A-ZÆØÅÄÖÜ])"
    patterns = [
        rf"(?:{meeting})(?:\s+(?:(?:nr|no)\.?\s*)?\d+(?:/\d+)?)?\s+(?:i|in|of|for|af|med|with|på|hos)\s+(?P<body>.+)$",
        rf"^(?:{doc})\s+(?:of|from|fra|af|for|från|fra)\s+(?:the\s+)?(?P<body>.+?)\s+(?:{after_body})\b",
        rf"^(?:\d+{ordinal}\s+)?(?:the\s+)?(?P<body>{cap}[\w&/-]*(?:\s+(?:(?:of|for|and|og|af|for|i|the|&)\s+)?"
        rf"{cap}[\w&/-]*){{0,6}}?)\s+(?:{after_body})\b",
        rf"^(?:{doc})\s+(?:of|from|fra|af|for|från)\s+(?:the\s+)?(?P<body>{cap}.+)$",
    ]
    return [re.compile(p, re.I) for p in numbers], [re.compile(p, re.I) for p in patterns]


_ACRONYM = 3  # a word in capitals this short stays so in a name (UK, NHS, EU)


def as_name(body: str) -> str:
    """A body's name as a name is written: ``GENETIC ALLIANCE UK`` (a title in capitals) ->
    ``Genetic Alliance UK``; small words in lower case, short words as acronyms."""
    words = body.split()
    if len(words) < 2 or not body.isupper():
        return body
    small = {str(w).lower() for w in vocabulary()["affiliation_words"]} | {"and", "og", "och", "the", "for"}
    named = [
        w.lower() if i and w.lower() in small else w if len(w) <= _ACRONYM else w[0] + w[1:].lower()
        for i, w in enumerate(words)
    ]
    return " ".join(named)


def _generic(body: str) -> bool:
    """``Annual`` (of "Annual General Meeting"), ``Referat``: words that qualify or name a meeting
    or its minutes, no body."""
    words = vocabulary()["meeting_words"] + vocabulary()["document_words"]
    generic = {str(w).lower() for w in words}
    modifiers = {str(w).lower() for w in vocabulary()["meeting_modifiers"]}
    return body.lower() in generic or all(w in modifiers for w in body.lower().split())


_ORDINAL = re.compile(r"\d+(?:\.|st|nd|rd|th|e)?")


def _without_title_words(body: str) -> str:
    """The body's name without the title's words before it: "MEETING Nordic Health Data Board" (of
    "MINUTES OF MEETING" over the name) -> "Nordic Health Data Board"; "Minutes of", "Protokoll fra" and
    "7th" (of "Minutes of the 7th meeting") leave nothing."""
    vocab = vocabulary()
    title_words = {
        str(w).lower()
        for key in ("meeting_words", "document_words", "meeting_modifiers", "affiliation_words")
        for w in vocab[key]
    } | {"the"}
    for word in re.finditer(r"\S+", body):
        if word.group().lower() not in title_words and not _ORDINAL.fullmatch(word.group()):
            return body[word.start() :]
    return ""


_SEGMENT = re.compile(r"\s+[-–—|]\s+|,\s*")
_NUMBER_TAIL = re.compile(r"\s+(?:nr|no)\.?\s*\d+(?:/\d+)?\s*$", re.I)


def body_line_name(text: str) -> str:
    """The start of a header line that names the body, without what only says which minutes these
    are: ``Steering Committee – Minutes`` -> ``Steering Committee``; ``Health and Wellbeing Board –
    Minutes, Thursday 15 February 2024`` -> ``Health and Wellbeing Board``; ``Programrådet för X
    Nr 1/2024`` -> ``Programrådet för X``; ``… – working group minutes`` -> ``… – working group``."""
    name = _NUMBER_TAIL.sub("", text.rstrip())
    cuts = list(_SEGMENT.finditer(name))
    while cuts and _says_nothing(name[cuts[-1].end() :]):
        name = name[: cuts.pop().start()]
    last = re.search(r"\s+(\S+)\s*$", name)
    while last and _generic(last.group(1).strip(".:")):
        name = name[: last.start()]
        last = re.search(r"\s+(\S+)\s*$", name)
    return name.rstrip(" .:-–")


def _says_nothing(segment: str) -> bool:
    """A piece of a title that is only dates, numbers, meeting and document words."""
    for match in sorted(find_dates(segment), key=lambda d: -d.span[0]):
        segment = segment[: match.span[0]] + segment[match.span[1] :]
    segment = re.sub(r"\b(?:nr|no)\.?(?=\s*\d)|[\W\d_]+", " ", segment, flags=re.I)
    return all(_generic(word) for word in segment.split())


@cache
def _body_word_re() -> re.Pattern[str]:
    """A word naming a body, also at the end of a compound (``Forskningsudvalget``)."""
    return re.compile(rf"(?:{alternation(vocabulary()['body_words'])})(?!\w)", re.I)


def find_body_line(header: list[Line]) -> Line | None:
    """The first header line, not a field or a document word, that names a body (``Udvalg for ...``)."""
    doc_words = {str(w).lower() for w in vocabulary()["document_words"]}
    return next(
        (
            line
            for line in header
            if not line.blank
            and not is_field(line.text)
            and line.text.strip(" :").lower() not in doc_words
            and _body_word_re().search(line.text)
        ),
        None,
    )


def find_title(header: list[Line]) -> tuple[Line | None, str, Line | None]:
    """The title line: the first line naming the meeting (not the bare word "Referat"/"Minutes",
    not a field, and not a mere "Møde den 12. januar 2024" under the name of the body, which then
    is the title; when no line names a meeting, the line under the document word: "MINNESANTECKNINGAR"
    over "Arbetsgruppen för precisionsmedicin"). Also the document word standing above it, and that
    meeting line when the title above it names the body."""
    doc_words = {str(w).lower() for w in vocabulary()["document_words"]}
    doc_line = ""
    candidates = []
    after_doc_word = None  # the first line under the document word: a title that names no meeting
    for line in header:
        if line.blank or is_field(line.text) or role_field_re().match(line.text) or _no_title(line.text):
            continue
        if line.text.strip(" :").lower() in doc_words:
            doc_line = doc_line or line.text.strip(" :")
            continue
        if doc_line and after_doc_word is None:
            after_doc_word = line
        candidates.append(line)
    for i, line in enumerate(candidates[:_TITLE_LINES]):
        if naming_re().search(line.text):
            if i > 0 and _only_meeting_and_date(line.text):
                return candidates[i - 1], doc_line, line
            return _after_document_word(line, doc_line), doc_line, None
    named = find_body_line(candidates)  # no line names the meeting: the body that met does
    title = named or after_doc_word or (candidates[0] if candidates else None)
    return (_after_document_word(title, doc_line) if title else None), doc_line, None


def meeting_name(title: str, doc_line: str) -> str:
    """The meeting's name from its title line: as written when it names a meeting or its minutes, else
    (the body's name, a letterhead) with the document word above it, so a meeting is never named as its
    body is: "MINUTES" over "Scientific Advisory Board" -> "Minutes – Scientific Advisory Board"."""
    if not doc_line or naming_re().search(title):
        return title
    return f"{doc_line.capitalize()} – {title}"


def _after_document_word(line: Line, doc_line: str) -> Line:
    """A title that goes on from the document word above it ("PROTOKOLL" / "fört vid sammanträde med
    styrgruppen för ..."), with that word: "Protokoll fört vid sammanträde med styrgruppen för ..."."""
    if line.text[:1].islower() and doc_line:
        return replace(line, text=f"{doc_line.capitalize()} {line.text}")
    return line


_SAYS_WHEN = re.compile(r"\s*(?::|\s[-–—]\s)\s*")  # "Circulated to members: 2 July 2024"


def _no_title(text: str) -> bool:
    """A header line that is no title: a sentence ("Mødet blev holdt onsdag den 20. september 2023 fra kl.
    14.00 til 16.00 på ..."), or a note of when the minutes went out ("Circulated to members: 2 July 2024",
    "Referat - udsendt 26. oktober 2023"): a date, with at most a word or two, after a colon or dash."""
    if text.rstrip().endswith(".") and len(text.split()) > _SENTENCE_WORDS:
        return True
    parts = _SAYS_WHEN.split(text, maxsplit=1)
    if len(parts) < 2 or not (dates := find_dates(parts[1])):
        return False
    rest = parts[1]
    for found in sorted(dates, key=lambda d: -d.span[0]):
        rest = rest[: found.span[0]] + rest[found.span[1] :]
    return len(rest.split()) <= 2 and not naming_re().search(parts[0].replace(parts[0].split()[0], "", 1))


_SENTENCE_WORDS = 6  # a title is no sentence this long ending in a full stop


def _only_meeting_and_date(text: str) -> bool:
    """``Møde den 12. januar 2024 kl. 13-15``, ``Styrgruppsmöte 2/2024``, ``Mødereferat – 2. møde``:
    a meeting word (or a compound ending in one), a number, a date, a time and nothing else."""
    for match in sorted(find_dates(text), key=lambda d: -d.span[0]):
        text = text[: match.span[0]] + text[match.span[1] :]
    text = re.sub(r"\b(?:nr|no)\.?(?=\s*\d)", " ", text, flags=re.I)
    naming, filler = _meeting_and_date_res()
    return not filler.sub("", naming.sub(" ", location_of(text) or ""))


@cache
def _meeting_and_date_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The meeting words inside a word, and the filler between a meeting's words (compiled once)."""
    filler = alternation(vocabulary()["place_prepositions"] + ["den", "d.", "the", "on", "held", "afholdt"])
    return (
        re.compile(rf"\w*(?:{naming_re().pattern})\w*", re.I),
        re.compile(rf"(?<!\w)(?:{filler})(?!\w)|[\W\d]+", re.I),
    )


@cache
def naming_re() -> re.Pattern[str]:
    """Words that name a meeting or its minutes, in a title line."""
    return re.compile(alternation(vocabulary()["meeting_words"] + vocabulary()["document_words"]), re.I)
