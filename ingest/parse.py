"""The structure of one set of minutes: header, attendance, agenda items and the people named.

Input is the normalised text (hyphenation joined, page furniture dropped, one name a line kept);
every span in the result points into it. The conventions (headings, role words, titles, field
labels) come from ``knowledge/minutes.yaml`` so a new layout or language is taught there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from pmkg.ingest.attendance import (
    Line,
    alternation,
    entries,
    find_attendance,
    lookup,
    recased_surnames,
    role_field_re,
    split_lines,
)
from pmkg.ingest.names import (
    could_be_surname,
    fold,
    given_names,
    is_organisation_word,
    is_title,
    looks_like_person,
    name_runs,
    name_tokens_end,
    parse_name_entry,
    role_of,
    vocabulary,
)
from pmkg.ingest.parsed import NameMention, ParsedItem, ParsedMinutes, Span
from pmkg.ingest.people import PeopleIndex
from pmkg.ingest.text.dates import find_dates, infer_year, parse_time_range, time_spans
from pmkg.ingest.text.language import detect_language, language_knowledge

_HEADER_LINES = 25
_MAX_TITLE_WORDS = 20
_TITLE_LINES = 4  # a title naming the meeting may follow the organisation's name


# --- agenda -----------------------------------------------------------------------------------


@dataclass
class _Candidate:
    line: Line
    style: str
    number: int
    title: str
    title_start: int
    title_line: Line  # the line the title is on: the number's own line, or the next ("Punkt 1" / "Velkomst")


@cache
def _item_res() -> dict[str, re.Pattern[str]]:
    prefixes = alternation(vocabulary()["item_prefixes"])
    return {
        "prefix": re.compile(
            rf"^(?:(?:{prefixes})\s*)+(?P<num>\d{{1,3}})(?:/\d{{2,4}})?\s*[.:)\-–]?\s+(?P<title>.+)$",
            re.IGNORECASE,
        ),
        "bare": re.compile(
            rf"^(?:(?:{prefixes})\s*)+(?P<num>\d{{1,3}})(?:/\d{{2,4}})?\s*[.:)\-–]?$", re.IGNORECASE
        ),
        "slash": re.compile(r"^(?P<num>\d{1,2})\s*/\s*(?P<of>\d{1,2})\s+(?P<title>.+)$"),
        "dot": re.compile(r"^(?P<num>\d{1,2})[.)]\s+(?P<title>.+)$"),
    }


_TIME_PREFIX = re.compile(
    r"^(?:kl\.?\s*)?\d{1,2}[.:]\d{2}(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?\s+|^(?:kl\.?\s*)\d{1,2}\s+", re.IGNORECASE
)


def _candidates(lines: list[Line], skip: set[int], text: str) -> list[_Candidate]:
    """Lines that look like numbered agenda items, in every numbering style."""
    found = []
    for line in lines:
        if line.blank or line.index in skip:
            continue
        for style, pattern in _item_res().items():
            m = pattern.match(line.text)
            if not m or (style == "slash" and int(m.group("of")) < int(m.group("num"))):
                continue
            title_line, offset = line, (m.start("title") if style != "bare" else 0)
            if style == "bare":  # "Punkt 1" with the title on the next line
                nxt = _next_nonblank(lines, line.index)
                if nxt is None or nxt.index in skip or nxt.index > line.index + 2:
                    break
                title_line, style = nxt, "prefix"
            cut = _TIME_PREFIX.match(title_line.text[offset:])
            offset += cut.end() if cut else 0
            title = title_line.text[offset:].strip()
            dated = find_dates(line.text)
            if dated and dated[0].span[0] == 0:
                break  # "6. February 2019" is a date, not item 6
            if title[:1].isupper() and len(title.split()) <= _MAX_TITLE_WORDS:
                number, start = int(m.group("num")), title_line.start + offset
                wrapped = _title_wraps(lines, title_line, title, skip)
                if wrapped:  # whitespace kept char for char, so presenter spans stay true
                    title, title_line = re.sub(r"\s", " ", text[start : wrapped.end]), wrapped
                found.append(_Candidate(line, style, number, title, start, title_line))
            break
    return found


@cache
def _continuation_words() -> frozenset[str]:
    languages = language_knowledge()["languages"].values()
    return frozenset(str(w).lower() for lang in languages for w in lang.get("continuation_words", []))


_MAX_WRAP_WORDS = 12


def _title_wraps(lines: list[Line], line: Line, title: str, skip: set[int]) -> Line | None:
    """The next line when an item title runs onto it: the title ends in a word that cannot end it
    (``... medicin og`` / ``genomisk diagnostik``), the next line goes on in lower case, or both are
    in capitals. Not a line that is itself an item, a field, a presenter line or a sentence."""
    nxt = lines[line.index + 1] if line.index + 1 < len(lines) else None
    if nxt is None or nxt.blank or nxt.index in skip or title.rstrip()[-1:] in ".:;!?":
        return None
    following = nxt.text
    if (
        following.endswith(".")
        or len(following.split()) > _MAX_WRAP_WORDS
        or any(p.match(following) for p in _item_res().values())
        or _any_field(following)
        or _presenter_re().match(following)
    ):
        return None
    last = title.split()[-1].lower()
    capitals = title.isupper() and following.isupper()
    return nxt if last in _continuation_words() or following[:1].islower() or capitals else None


def _passes(candidates: list[_Candidate]) -> list[list[_Candidate]]:
    """Runs of increasing item numbers. A number continues the run it follows (``6`` after ``5``,
    even with an inner ``1. 2.`` list in between, or after a gap); a number that continues no run
    starts one (the minutes repeating the agenda, or a numbered list inside an item)."""
    runs: list[list[_Candidate]] = []
    for cand in candidates:
        exact = [r for r in runs if r[-1].number == cand.number - 1]
        below = [r for r in runs if r[-1].number < cand.number]
        target = exact[0] if exact else max(below, key=lambda r: r[-1].number) if below else None
        if target is None:
            runs.append([cand])
        else:
            target.append(cand)
    return runs


def _first_word(title: str) -> str:
    return fold(title.split()[0]).lower() if title.split() else ""


def _agenda_passes(lines: list[Line], skip: set[int], text: str) -> tuple[list[_Candidate], list[_Candidate]]:
    """The agenda (the longest run of numbered items, the earliest on a tie) and, when the minutes
    repeat the items after it (``1/5 ...`` again under "Referat", or ``Ad 1.``), that second run."""
    candidates = _candidates(lines, skip, text)
    runs = [run for style in _item_res() for run in _passes([c for c in candidates if c.style == style])]
    if not runs:
        return [], []
    agenda = max(runs, key=lambda r: (len(r), -r[0].line.index))
    titles = {c.number: _first_word(c.title) for c in agenda}
    for run in sorted(runs, key=lambda r: r[0].line.index):
        if run is agenda or run[0].line.index < agenda[-1].line.index:
            continue
        same = sum(titles.get(c.number) == _first_word(c.title) for c in run)
        if len(run) >= 2 and same * 2 >= len(run):
            return agenda, run
    return agenda, []


@cache
def _presenter_re() -> re.Pattern[str]:
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


def _split_presenters(title: str, offset: int) -> tuple[str, list[NameMention]]:
    """``Status på NGC v/Bettina Lundgren og Lene Cividanes`` -> the title and its presenters."""
    for m in _presenter_re().finditer(title):
        if m.group("marker").lower() == "v/" or m.start() > 0:
            before, after = title[: m.start()].rstrip(), title[m.end() :]
            if before.endswith("("):  # "Research strategy (presented by Dr Anna Brown)"
                before, after = before[:-1], after.split(")")[0]
            people = _presenters(after, offset + m.end())
            if people:
                return before.strip(" -–,"), people
    return title.strip(), []


def _lead_line(line: Line) -> list[NameMention]:
    """The line under an item title that names who leads it: ``v/Søren Brunak``, ``Jan Walford-Moore,
    Chair``; a sentence that starts with a name (``Claus Rendtorff redegjorde ...``) is not one."""
    marker = _presenter_re().match(line.text)
    if marker:
        return _presenters(line.text[marker.end() :], line.start + marker.end())
    mention = parse_name_entry(line.text)
    head = re.split(r"[,(]", line.text)[0].strip()
    if len(line.text.split()) <= 10 and looks_like_person(mention.name) and head.endswith(mention.name):
        return [replace(mention, span=(line.start, line.end), status="present")]
    return []


def _next_nonblank(lines: list[Line], index: int) -> Line | None:
    return next((line for line in lines[index + 1 :] if not line.blank), None)


def _item(cand: _Candidate, lines: list[Line], end_line: int, text: str) -> ParsedItem:
    title, presenters = _split_presenters(cand.title, cand.title_start)
    body_from = cand.title_line.index + 1
    nxt = _next_nonblank(lines, cand.title_line.index)
    if presenters and nxt and nxt.index < end_line and re.fullmatch(r"[A-ZÆØÅÄÖÜ][\w'’-]+", nxt.text):
        last = presenters[-1]
        if len(last.name.split()) == 1:  # "v/Lene" + wrapped "Cividanes"
            presenters[-1] = replace(last, name=f"{last.name} {nxt.text}", span=(last.span[0], nxt.end))
            body_from = nxt.index + 1
            nxt = _next_nonblank(lines, nxt.index)
    if nxt and nxt.index < end_line:
        lead = _lead_line(nxt)
        if lead:
            presenters.extend(lead)
            body_from = nxt.index + 1
    body = [line for line in lines[body_from:end_line] if not line.blank]
    while body and body[-1].text.isupper() and len(body) > 1:  # a section label like "DEBATPUNKTER"
        body.pop()
    text_span = (body[0].start, body[-1].end) if body else None
    return ParsedItem(
        number=str(cand.number),
        title=" ".join(title.split()),
        span=(cand.line.start, cand.line.end),
        presenters=presenters,
        text=text[text_span[0] : text_span[1]] if text_span else "",
        text_span=text_span,
    )


def _repeated_titles(lines: list[Line], agenda: list[_Candidate], skip: set[int]) -> list[_Candidate]:
    """Unnumbered headings after the agenda that repeat its titles (the minutes of each item)."""
    found: list[_Candidate] = []
    after = agenda[-1].title_line.index if agenda else len(lines)
    for cand in agenda:
        title = fold(_split_presenters(cand.title, 0)[0]).lower()
        start = found[-1].line.index if found else after
        for line in lines[start + 1 :]:
            heading = fold(line.text).lower()
            repeats = heading == title or heading.startswith(title + " ") and not heading.endswith(".")
            if line.index not in skip and repeats:
                found.append(_Candidate(line, "title", cand.number, line.text, line.start, line))
                break
    return found if len(found) * 2 > len(agenda) >= 2 else []


_SUB_ITEM = re.compile(r"^(?P<num>\d{1,2})\.(?P<sub>\d{1,2})\.?\s+(?P<title>[A-ZÆØÅÄÖÜ].*)$")


def _sub_items(
    lines: list[Line], parents: list[_Candidate], skip: set[int], text: str
) -> list[tuple[_Candidate, str]]:
    """``3.1 Financial performance`` under item 3: the sub-item and its number ``3.1``."""
    found = []
    ordered = sorted(parents, key=lambda c: c.line.index)
    for line in lines:
        m = _SUB_ITEM.match(line.text)
        parent = next((c for c in reversed(ordered) if c.line.index < line.index), None) if m else None
        if m is None or parent is None or parent.number != int(m.group("num")) or line.index in skip:
            continue
        title, start = m.group("title").strip(), line.start + m.start("title")
        wrapped = _title_wraps(lines, line, title, skip)
        if wrapped:
            title = re.sub(r"\s", " ", text[start : wrapped.end])
        found.append(
            (
                _Candidate(line, "sub", parent.number, title, start, wrapped or line),
                m.group(0)[: m.end("sub")],
            )
        )
    return found


def _items(lines: list[Line], attendance_lines: set[int], text: str) -> list[ParsedItem]:
    """Agenda items and their sub-items; when the minutes repeat the items, the text and extra
    presenters come from there."""
    agenda, minutes = _agenda_passes(lines, attendance_lines, text)
    minutes = minutes or _repeated_titles(lines, agenda, attendance_lines)
    subs = _sub_items(lines, agenda + minutes, attendance_lines, text)
    stops = sorted(
        {c.line.index for c in agenda + minutes} | {c.line.index for c, _ in subs} | attendance_lines
    )

    def build(cand: _Candidate) -> ParsedItem:
        return _item(cand, lines, next((s for s in stops if s > cand.line.index), len(lines)), text)

    items = [build(c) for c in agenda]
    if minutes:
        recorded = {str(c.number): build(c) for c in minutes}
        merged = []
        for item in items:
            record = recorded.get(item.number)
            if record is None:
                merged.append(replace(item, text="", text_span=None))
                continue
            seen = {fold(p.name).lower() for p in item.presenters}
            extra = [p for p in record.presenters if fold(p.name).lower() not in seen]
            merged.append(
                replace(record, title=item.title, span=item.span, presenters=item.presenters + extra)
            )
        items = merged
    by_number: dict[str, ParsedItem] = {}
    for cand, number in subs:  # listed in the agenda, then recorded in the minutes: the record wins
        built, first = build(cand), by_number.get(number)
        by_number[number] = replace(built, number=number, title=first.title if first else built.title)
    return [
        x
        for item in items
        for x in [item, *(s for n, s in by_number.items() if n.split(".")[0] == item.number)]
    ]


# --- header -----------------------------------------------------------------------------------


@cache
def _field_re(kind: str) -> re.Pattern[str]:
    """``Dato: 14. juni``, ``- **Dato:** 14. juni``, and a label and its value in cells of a table
    (``Dato | 14. juni``)."""
    labels = alternation(vocabulary()["fields"][kind])
    bullet = r"(?:[-•*–]\s+)?[*_]*"  # "- **Dato:** 21. september 2023" in a Markdown list
    return re.compile(rf"^{bullet}(?P<label>{labels})(?:\s*:\s*|\s+\|\s+)(?P<value>.*)$", re.I)


_CELL = " | "  # between the cells of a table row (see ingest.read.rows.row_text)


def _field(lines: list[Line], kind: str) -> tuple[str, int] | None:
    """The value of a header field and its offset; an empty value continues on the next line,
    and a value ending in a comma on the lines after it. In a table row, a label may stand in any
    cell and its value is the next cell (``Dato | 5. september 2023 | Tidspunkt | Kl. 16-18``)."""
    for i, line in enumerate(lines):
        cells = [0] + [m.end() for m in re.finditer(re.escape(_CELL), line.text)]
        found = next(((at, m) for at in cells if (m := _field_re(kind).match(line.text[at:]))), None)
        if found is None:
            continue
        at, m = found
        value, start = m.group("value"), line.start + at + m.start("value")
        markup = re.match(r"[*_|\s]*", value)  # "**Dato:** 14.6.2023": the label's bold mark
        value, start = value[markup.end() :].split(_CELL)[0], start + markup.end()
        following = [x for x in lines[i + 1 :] if not x.blank]
        if not value and following:
            value, start = following[0].text, following[0].start
            following = following[1:]
        for nxt in following:
            if not value.rstrip().endswith(",") or _any_field(nxt.text):
                break
            value = f"{value.rstrip()} {nxt.text}"
        return value.strip(), start
    return None


def _any_field(text: str) -> bool:
    return any(_field_re(kind).match(text) for kind in vocabulary()["fields"])


def _location(value: str) -> str | None:
    """The place in a field value, with dates, clock times and a leading "på"/"at" removed."""
    clock = [span for span in time_spans(value) if not _room_number(value, *span)]
    spans = [d.span for d in find_dates(value)] + clock
    for start, end in sorted(spans, reverse=True):
        value = value[:start] + " " + value[end:]
    preps = alternation(vocabulary()["place_prepositions"] + vocabulary()["time_words"])
    value = re.sub(rf"^(?:(?:{preps})\s+)+", "", value.strip(" ,.;-–()"), flags=re.I).strip(" ,.;-–()")
    if value.count("(") > value.count(")"):  # "..., København Ø (mødelokale 3)": its own parenthesis
        value += ")"
    value = re.sub(r"^the\s+(?=\w)", "", value, flags=re.I)
    if not value:
        return None
    words = [w for w in re.findall(r"[^\W\d_]+", value) if not re.fullmatch(preps, w, re.I)]
    platforms = [str(lookup("online_places", w)) for w in words]
    if len(words) > 1 and "None" not in platforms:  # "Digitalt via Teams", "Online (Zoom)": the platform
        return next((p for p in reversed(platforms) if p != "Online"), "Online")
    online = lookup("online_places", value) or lookup("online_places", value.split()[0].strip(",."))
    if online and (len(value.split()) <= 2 or lookup("online_places", value)):
        return str(online)
    return value


def _room_number(value: str, start: int, end: int) -> bool:
    """``lokale 3.14``, ``Room 4.12``: a bare number after a word is a room, not a clock time."""
    bare = re.fullmatch(r"\d{1,2}\.\d{2}", value[start:end])
    return bool(bare and re.search(r"[^\W\d]\s+$", value[:start]))


_BODY_TAIL = re.compile(
    # "the" ends a name ("X the 5th of June") unless it continues one ("Board of the Nordic Genome Society")
    r"(?:,|\s+(?:den|d\.|on|held|afholdt)\s+|(?<!\bof)(?<!\bfor)(?<!\band)\s+the\s+|\s+\d{1,2}[./ ]|\s*\("
    r"|\s+[-–]\s+|\s+(?:19|20)\d\d\b).*$",
    re.I,
)


def _body_and_number(title: str, doc_line: str) -> tuple[str | None, str | None, str | None]:
    """The body that met, the meeting number and the words of the title that name the body, from
    ``5. møde i X``, ``Minutes of the X AGM``, ``Referat af møde i X``, ``Bestyrelsesmøde`` (a
    compound naming its body)."""
    meeting = alternation(vocabulary()["meeting_words"])
    # after a body's name a "board meeting" is its meeting: "Trust Board meeting" is met by the Trust Board
    after_body = alternation(w for w in vocabulary()["meeting_words"] if not _body_word_re().match(str(w)))
    doc = alternation(vocabulary()["document_words"])
    ordinal = r"(?:\.|st|nd|rd|th|e|\.\s*ordinære?|\.\s*ordinary)?"
    number = (  # "the 12th meeting", "møde nr. 3", "Styrgruppsmöte 2/2024"
        re.search(rf"(?<![\w.])(?P<n>\d+){ordinal}\s*(?:{meeting})\b", title, re.I)
        or re.search(r"\b(?:nr|no|number)\.?\s*(?P<n>\d+)\b", title, re.I)
        or re.search(rf"(?:{meeting})\s+(?P<n>\d+)/(?:\d{{4}}|\d{{2}})\b", title, re.I)
    )
    num = number.group("n") if number else None
    cap = r"(?-i:[A-ZÆØÅÄÖÜ])"
    patterns = [
        rf"(?:{meeting})(?:\s+(?:(?:nr|no)\.?\s*)?\d+(?:/\d+)?)?\s+(?:i|in|of|for|af|med|with|på|hos)\s+(?P<body>.+)$",
        rf"^(?:{doc})\s+(?:of|from|fra|af|for|från|fra)\s+(?:the\s+)?(?P<body>.+?)\s+(?:{after_body})\b",
        rf"^(?:\d+{ordinal}\s+)?(?:the\s+)?(?P<body>{cap}[\w&/-]*(?:\s+(?:(?:of|for|and|og|af|for|i|the|&)\s+)?"
        rf"{cap}[\w&/-]*){{0,6}}?)\s+(?:{after_body})\b",
        rf"^(?:{doc})\s+(?:of|from|fra|af|for|från)\s+(?:the\s+)?(?P<body>{cap}.+)$",
    ]
    for pattern in patterns:
        for candidate in (title, f"{doc_line} {title}".strip()):
            m = re.search(pattern, candidate, re.I)
            if m:
                body = _without_title_words(_BODY_TAIL.sub("", m.group("body")).strip(" .:-–"))
                if body and not _generic(body):
                    return _as_name(body), num, body
    for compound in re.finditer(r"(?<!\w)(?P<stem>\w+?)(?:møde|møte|möte|meeting)(?!\w)", title, re.I):
        body = lookup("compound_bodies", compound.group("stem"))
        if body:
            return str(body), num, compound.group(0)
    return None, num, None


_ACRONYM = 3  # a word in capitals this short stays so in a name (UK, NHS, EU)


def _as_name(body: str) -> str:
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


@cache
def _body_word_re() -> re.Pattern[str]:
    """A word naming a body, also at the end of a compound (``Forskningsudvalget``)."""
    return re.compile(rf"(?:{alternation(vocabulary()['body_words'])})(?!\w)", re.I)


def _body_line(header: list[Line]) -> Line | None:
    """The first header line, not a field or a document word, that names a body (``Udvalg for ...``)."""
    doc_words = {str(w).lower() for w in vocabulary()["document_words"]}
    return next(
        (
            line
            for line in header
            if not line.blank
            and not _any_field(line.text)
            and line.text.strip(" :").lower() not in doc_words
            and _body_word_re().search(line.text)
        ),
        None,
    )


def _title(header: list[Line]) -> tuple[Line | None, str, Line | None]:
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
        if line.blank or _any_field(line.text) or role_field_re().match(line.text):
            continue
        if line.text.strip(" :").lower() in doc_words:
            doc_line = doc_line or line.text.strip(" :")
            continue
        if doc_line and after_doc_word is None:
            after_doc_word = line
        candidates.append(line)
    for i, line in enumerate(candidates[:_TITLE_LINES]):
        if _naming_re().search(line.text):
            if i > 0 and _only_meeting_and_date(line.text):
                return candidates[i - 1], doc_line, line
            return line, doc_line, None
    return (after_doc_word or (candidates[0] if candidates else None)), doc_line, None


def _only_meeting_and_date(text: str) -> bool:
    """``Møde den 12. januar 2024 kl. 13-15``, ``Styrgruppsmöte 2/2024``, ``Mødereferat – 2. møde``:
    a meeting word (or a compound ending in one), a number, a date, a time and nothing else."""
    for match in sorted(find_dates(text), key=lambda d: -d.span[0]):
        text = text[: match.span[0]] + text[match.span[1] :]
    text = re.sub(r"\b(?:nr|no)\.?(?=\s*\d)", " ", text, flags=re.I)
    rest = re.sub(rf"\w*(?:{_naming_re().pattern})\w*", " ", _location(text) or "", flags=re.I)
    filler = alternation(vocabulary()["place_prepositions"] + ["den", "d.", "the", "on", "held", "afholdt"])
    return not re.sub(rf"(?<!\w)(?:{filler})(?!\w)|[\W\d]+", "", rest, flags=re.I)


@cache
def _naming_re() -> re.Pattern[str]:
    """Words that name a meeting or its minutes, in a title line."""
    return re.compile(alternation(vocabulary()["meeting_words"] + vocabulary()["document_words"]), re.I)


def _header_end(lines: list[Line], attendance_lines: set[int], items: list[ParsedItem]) -> int:
    """The header runs to the attendance list, the first agenda item, or a section heading
    ("Dagsorden") once a line has named the meeting (a letterhead may stand above "Referat")."""
    sections = {str(w).lower() for w in vocabulary()["section_headings"]}
    first_item = min((item.span[0] for item in items), default=None)
    named = False
    for line in lines[:_HEADER_LINES]:
        if line.index in attendance_lines or (first_item is not None and line.start >= first_item):
            return line.index
        if named and line.text.strip(" :").lower() in sections:
            return line.index
        named = named or bool(_naming_re().search(line.text) or find_dates(line.text))
    return min(len(lines), _HEADER_LINES)


def _header(text: str, lines: list[Line], end: int, minutes: ParsedMinutes) -> None:
    header = lines[:end]
    title_line, doc_line, meeting_line = _title(header)
    if title_line is None:
        title_line = next((line for line in lines if not line.blank), Line(0, 0, 0, ""))
    minutes.title, minutes.title_span = title_line.text, (title_line.start, title_line.end)
    minutes.body_name, minutes.number, evidence = _body_and_number(title_line.text, doc_line)
    if meeting_line is not None:
        body, number, named = _body_and_number(meeting_line.text, doc_line)
        minutes.number = minutes.number or number
        if minutes.body_name is None and body:  # "Bestyrelsesmøde den 6. februar" under a letterhead
            minutes.body_name, evidence = body, named
        elif minutes.body_name is None:
            minutes.body_name = evidence = title_line.text
    at = text.find(evidence, title_line.start) if evidence else -1
    minutes.body_span = (at, at + len(evidence)) if evidence and at >= 0 else None
    body_line = None if minutes.body_name else _body_line(header)
    if body_line is not None:  # "Udvalg for forebyggelse ..." under the region's name, over "Referat"
        minutes.body_name, minutes.body_span = _as_name(body_line.text), (body_line.start, body_line.end)
    header_text_end = header[-1].end if header else 0
    date_field = _field(header, "date")
    dates = []
    if date_field:
        value, offset = date_field
        dates = [replace(d, span=(d.span[0] + offset, d.span[1] + offset)) for d in find_dates(value)]
    dates = dates or find_dates(text[:header_text_end])
    if dates:
        first = dates[0]
        if first.year_missing:
            year = infer_year(find_dates(text), first)
            first = first.with_year(year) if year else first
            minutes.date_inferred = not first.year_missing
        minutes.date = None if first.year_missing else first.iso
        minutes.date_span = first.span
        minutes.start_time, minutes.end_time = first.start_time, first.end_time
    if minutes.start_time is None:
        time_field = _field(header, "time")
        times = time_field[0] if time_field else _time_line(header)
        if times:
            minutes.start_time, minutes.end_time = parse_time_range(times)
    place = _field(header, "location")
    if place:
        minutes.location = _location(place[0])
    elif minutes.date_span and minutes.date_span[0] >= minutes.title_span[1]:
        minutes.location = _place_after_date(text, minutes.date_span[1])


def _time_line(header: list[Line]) -> str | None:
    """A header line holding only a clock time (``Kl. 13.00-15.30`` under the date)."""
    for line in header:
        spans = time_spans(line.text)
        if spans and not re.sub(r"[\W_]+", "", line.text[: spans[0][0]] + line.text[spans[0][1] :]):
            return line.text
    return None


def _place_after_date(text: str, date_end: int) -> str | None:
    """``Torsdag den 2. marts 2023 kl. 15-17, Regionshuset, Vejle``: the place after the date and time."""
    line_end = text.find("\n", date_end)
    tail = text[date_end : line_end if line_end >= 0 else len(text)]
    preps = alternation(vocabulary()["place_prepositions"] + vocabulary()["time_words"])
    if re.match(rf"\s*(?:,|(?:{preps})\s)", tail, re.I):
        return _location(tail)
    return None


# --- people in the text -----------------------------------------------------------------------


@cache
def _person_verbs_re() -> re.Pattern[str]:
    return re.compile(rf"^[\s,]*(?:{alternation(vocabulary()['person_verbs'])})\b", re.IGNORECASE)


def _introducer(before: str) -> list[str]:
    """A title or role word right before a name on the same line ("peger på overlæge", "Dr."),
    not one ending the sentence or line before it ("... a board member. Updates ...")."""
    if "\n" in before[len(before.rstrip()) :]:
        return []
    words = before.split()[-3:]
    for size in range(len(words), 0, -1):
        phrase = " ".join(words[-size:])
        end = phrase[-1]
        if (end.isalpha() or end == ".") and is_title(phrase) or end.isalpha() and role_of(phrase):
            return [phrase]
    return []


def _continues_organisation(text: str, start: int) -> bool:
    """``Afdeling for Klinisk Genetik``, ``Institute of Cancer Research``: the words after an
    organisation word and a linking word belong to the organisation's name."""
    window = text[max(0, start - 60) : start]
    before = re.search(r"(\S+)\s+(?:for|of|i|af|på|ved|til|för|on)\s+$", window, re.IGNORECASE)
    return bool(before) and before.group(1)[:1].isupper() and is_organisation_word(before.group(1))


def _initials(tokens: list[re.Match[str]]) -> bool:
    """``J. K. Larsen``: initials, then a surname."""
    words = [t.group(0) for t in tokens]
    return len(words) >= 2 and bool(_INITIALS.fullmatch(words[0])) and not _INITIALS.fullmatch(words[-1])


_INITIALS = re.compile(r"(?:[A-ZÆØÅÄÖÜ]\.)+")


_EMAIL_AFTER = re.compile(r"\s*[(<]\s*[\w.+-]+@[\w-]+\.[\w.-]+\s*[)>]")  # "Maja Steffensen (mast@sum.dk)"


@cache
def _before_re() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternation(vocabulary()['person_before_words'])})\s+$", re.IGNORECASE)


def _introduced_before(text: str, start: int) -> bool:
    """``kontakte Jes Olsen``, ``invite Mark Walport``: a verb right before the name makes it a person."""
    return bool(_before_re().search(text[max(0, start - 30) : start]))


def _organisation_follows(text: str, end: int) -> bool:
    """``Hans Ehrencrona, Lunds universitet``: a name set off by a comma before an organisation."""
    after = re.match(r",\s*([^,.;:()\n]{2,60})", text[end : end + 62])
    words = after.group(1).split() if after else []
    return bool(words) and words[0][:1].isupper() and any(is_organisation_word(w) for w in words[:5])


def _mentioned(text: str, skip: list[Span], index: PeopleIndex) -> list[NameMention]:
    """People named in the running text who were not declared: a name counts when a title or role
    word introduces it, a speech verb follows it, its first word is a known given name or an
    initial, or an organisation follows it after a comma (``Name, Region Midtjylland``)."""
    found: dict[str, NameMention] = {}
    for run in name_runs(text):
        if any(s <= run[0].start() < e for s, e in skip) or _continues_organisation(text, run[0].start()):
            continue
        titles = _introducer(text[max(0, run[0].start() - 40) : run[0].start()])
        tokens = run[:6]
        while len(tokens) > 2 and (is_title(tokens[0].group(0)) or role_of(tokens[0].group(0))):
            titles.append(tokens[0].group(0))
            tokens = tokens[1:]
        pair = re.sub(r"['’]s$", "", " ".join(t.group(0) for t in tokens[:2]))
        if len(tokens) == 2 and is_title(pair):
            continue  # "Chief Executive's report": a title of two words, no name
        titled = bool(titles) if len(tokens) == 1 else len(tokens) == 2 and is_title(tokens[0].group(0))
        if titled and is_title(tokens[0].group(0)):  # "Lord Darzi", "Dr Smith": a surname after a title
            titles.append(tokens[0].group(0))
            tokens = tokens[1:]
        start, end = tokens[0].start(), tokens[-1].end()
        name = text[start:end]
        introduced = bool(titles) or bool(_person_verbs_re().match(text[end : end + 40]))
        introduced = introduced or tokens[0].group(0).lower() in given_names() or _initials(tokens)
        introduced = introduced or (len(tokens) >= 2 and _organisation_follows(text, end))
        introduced = introduced or (len(tokens) >= 2 and _introduced_before(text, start))
        introduced = introduced or (len(tokens) >= 2 and bool(_EMAIL_AFTER.match(text, end)))
        plausible = looks_like_person(name) if len(tokens) >= 2 else titled and could_be_surname(name)
        if introduced and plausible and index.find(name) is None:
            found.setdefault(fold(name).lower(), NameMention(name, (start, end), titles=titles))
    return list(found.values())


# --- assembly ---------------------------------------------------------------------------------


class _Roster:
    """The attendance list as it is resolved: one entry per person, roles merged."""

    def __init__(self, listed: list[NameMention]) -> None:
        self.index = PeopleIndex()
        self.entries: list[NameMention] = []
        self._where: dict[str, int] = {}
        for mention in listed:
            self._enter(self.index.add(mention), mention)
        self._names = {p.id: p.name for p in self.index.people()}

    def _enter(self, pid: str, mention: NameMention) -> None:
        if pid in self._where:
            first = self.entries[self._where[pid]]
            first.roles = list(dict.fromkeys(first.roles + mention.roles))
            first.titles = list(dict.fromkeys(first.titles + mention.titles))  # "Møteleder: Name, title"
            first.affiliation = first.affiliation or mention.affiliation
        else:
            self._where[pid] = len(self.entries)
            self.entries.append(mention)

    def assign(self, mention: NameMention, *, add_missing: bool) -> NameMention | None:
        """Resolve a presenter or a role field (``Ordstyrer: Jan``) to a listed person and give that
        person the role; an unlisted full name joins the list when ``add_missing``. Returns the
        mention with a first-name-only reference completed, or None when it names nobody known."""
        pid = self.index.find(mention.name)
        full = len(mention.name.split()) >= 2
        if pid is None and add_missing and full:
            pid = self.index.add(mention)
            self._names[pid] = mention.name
            self._enter(pid, replace(mention, roles=[]))
        if pid is None:
            return None
        if pid in self._where:
            self._enter(pid, replace(mention, roles=[r for r in mention.roles if r != "presenter"]))
        if full:
            self.index.add(mention)
            return mention  # a full name stays as written; the record keeps other spellings as aliases
        return replace(mention, name=self._names.get(pid, mention.name))


def parse_minutes(text: str, language: str | None = None) -> ParsedMinutes:
    """Header, attendance, agenda items and mentioned people of one set of minutes."""
    lines = split_lines(text)
    found = find_attendance(lines, text)
    minutes = ParsedMinutes(title="", title_span=(0, 0), language=language or detect_language(text))
    written = text
    recased = recased_surnames(text)[0]  # "v/ Kari NORDMANN" presents as the listed Kari Nordmann
    if recased != text:
        text, lines = recased, split_lines(recased)
    items = _items(lines, found.lines, text)
    for item in items:  # an item's text is the minutes as written
        item.text = written[slice(*item.text_span)] if item.text_span else item.text
    _header(text, lines, _header_end(lines, found.lines, items), minutes)

    roster = _Roster(found.mentions)
    for mention in found.role_fields:
        if roster.assign(mention, add_missing=True) is None:
            minutes.warnings.append(f"{mention.roles[0]} '{mention.name}' is not in the attendance list")
    for item in items:
        item.presenters = [roster.assign(p, add_missing=True) or p for p in item.presenters]
    minutes.attendance = roster.entries
    minutes.agenda = items
    skip = [(lines[i].start, lines[i].end) for i in found.lines | found.field_lines] + [minutes.title_span]
    minutes.mentioned = _mentioned(text, skip, roster.index)
    if not roster.entries:
        minutes.warnings.append("no attendance list found")
    if minutes.date is None:
        minutes.warnings.append("no meeting date found")
    return minutes
