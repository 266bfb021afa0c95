"""Next meetings and deadlines (``next_meeting``, ``deadline_cues``, ``deadline_words`` in
``knowledge/content.yaml``; online places and place prepositions in ``knowledge/minutes.yaml``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pmkg import knowledge
from pmkg.ingest.extract.context import People
from pmkg.ingest.extract.reading import Reading, provenance
from pmkg.ingest.extract.registry import rule
from pmkg.ingest.extract.sentences import Dating, Sentence
from pmkg.ingest.extract.words import CAPWORD, common, phrase_re, phrases
from pmkg.ingest.text.dates import parse_time_range
from pmkg.model.record import Deadline
from pmkg.text import EMAIL, fold


@dataclass(frozen=True)
class _Words:
    next_meeting: re.Pattern[str]
    deadline_cue: re.Pattern[str]
    deadline_word: re.Pattern[str]
    online_places: dict[str, str]
    place_prepositions: re.Pattern[str]


@cache
def _words() -> _Words:
    data = knowledge.load("content.yaml")
    minutes = knowledge.load("minutes.yaml")
    return _Words(
        next_meeting=_next_meeting_re(data["next_meeting"]),
        deadline_cue=re.compile(
            rf"(?<!\w)(?:{phrases(data['deadline_cues'])})\s*(?:(?:d\.|den|the|on|:)\s*)?$"
        ),
        deadline_word=phrase_re(data["deadline_words"]),
        online_places={fold(k): v for k, v in minutes["online_places"].items()},
        place_prepositions=phrase_re(minutes["place_prepositions"]),
    )


def _next_meeting_re(words: dict[str, list[str]]) -> re.Pattern[str]:
    """A next meeting of any kind ("Næste generalforsamling", "The next Annual General Meeting",
    "Nästa ordinarie styrelsemöte"): a next word, at most two words, then a word ending in a meeting
    word; or a phrase of its own."""
    meeting = rf"[\w-]*(?:{phrases(words['meeting_words'])})"
    return re.compile(
        rf"(?<!\w)(?:(?:{phrases(words['next_words'])})\s+(?:[^\W\d_]+\s+){{0,2}}?{meeting}"
        rf"|{phrases(words['phrases'])})(?!\w)"
    )


@rule("deadlines.next_meeting", "deadlines.deadline")
def deadlines(reading: Reading) -> None:
    """A next meeting (a next-meeting cue and a date, with its time and place) or a deadline (a date
    right after a deadline cue, "senest d. 5. juli", "no later than 5 April", with the person to write
    to); a heading "Næste møde" over its sentence is one meeting."""
    context, content, sentences = reading.context, reading.content, reading.sentences
    for index, sentence in enumerate(sentences):
        following = sentences[index + 1] if index + 1 < len(sentences) else None
        deadline_id = f"deadline:{context.doc_key}-{len(content.deadlines) + 1}"
        meeting = _next_meeting(
            reading.text, sentence, following, reading.dating, context.meeting_id, deadline_id, context.date
        )
        if meeting is None:
            content.deadlines += _deadlines(
                reading.text,
                sentence,
                context.people,
                reading.dating,
                context.meeting_id,
                context.doc_key,
                len(content.deadlines),
            )
        elif not any(d.kind == "next_meeting" and d.date == meeting.date for d in content.deadlines):
            content.deadlines.append(meeting)


def _next_meeting(
    text: str,
    sentence: Sentence,
    following: Sentence | None,
    dating: Dating,
    meeting_id: str,
    deadline_id: str,
    held: str | None = None,
) -> Deadline | None:
    """``Næste møde afholdes torsdag d. 9. november 2023 kl. 14-16 (over Teams)``; the date may stand
    in the next sentence when the cue is a heading of its own ("Next meeting" / "12 March 2024"), or
    before the cue ("Den 24. september afholdes næste generalforsamling"), but not before ``held``
    (the date of the meeting that set it)."""
    cue = _words().next_meeting.search(sentence.folded)
    if not cue:
        return None
    source = sentence
    after = [d for d in sentence.dates if d.span[0] >= cue.end()]
    if not after and following and following.dates and len(sentence.text.split()) <= 4:
        source, after = following, following.dates
    if not after:  # "Den 24. september afholdes næste generalforsamling"
        after = [d for d in sentence.dates if d.span[1] <= cue.start()][-1:]
    if not after:
        return None
    first = after[0]
    iso, inferred = dating.complete(first, future=True)
    if iso and held and iso < held:
        return None  # a date gone by ("the minutes of 3 May; the next meeting is to be agreed")
    start_time, end_time = first.start_time, first.end_time
    if not start_time:
        start_time, end_time = parse_time_range(source.text[first.span[1] :])
    return Deadline(
        id=deadline_id,
        kind="next_meeting",
        date=iso,
        date_inferred=inferred,
        start_time=start_time,
        end_time=end_time,
        location=location_of(source.text, source.folded, first.span[1]),
        description=" ".join(text[sentence.start : source.end].split()),
        meeting=meeting_id,
        provenance=provenance(text, sentence.start, source.end, "deadlines.next_meeting"),
    )


def _deadlines(
    text: str,
    sentence: Sentence,
    people: People,
    dating: Dating,
    meeting_id: str,
    doc_key: str,
    count: int,
) -> list[Deadline]:
    """Dates right after a deadline cue ("senest d. 5. juli", "no later than 5 April"), or after a
    deadline word earlier in the sentence ("The deadline for comments is 5 July")."""
    vocab = _words()
    folded = sentence.folded
    word = vocab.deadline_word.search(folded)
    result: list[Deadline] = []
    for index, match in enumerate(sentence.dates):
        start = match.span[0]
        cued = vocab.deadline_cue.search(folded[max(0, start - 40) : start])
        if not cued and (
            word is None or word.start() > start or index and sentence.dates[index - 1].span[0] > word.start()
        ):
            continue
        iso, inferred = dating.complete(match, future=True)
        email = EMAIL.search(sentence.text)
        result.append(
            Deadline(
                id=f"deadline:{doc_key}-{count + len(result) + 1}",
                kind="deadline",
                date=iso,
                date_inferred=inferred,
                description=" ".join(sentence.text.split()),
                contact=_contact(sentence.text, people, email.start() if email else start),
                email=email.group() if email else None,
                meeting=meeting_id,
                provenance=provenance(text, sentence.start, sentence.end, "deadlines.deadline"),
            )
        )
    return result


def _contact(sentence: str, people: People, before: int) -> str | None:
    """The person named last before the e-mail address (or the date), else the first one after it
    ("senast den 10 juni till Eva Berg")."""
    named = people.find_in_text(sentence)
    earlier = [person for person, (start, _) in named if start < before]
    later = [person for person, (start, _) in named if start >= before]
    return earlier[-1] if earlier else (later[0] if later else None)


@cache
def _whole_word(word: str) -> re.Pattern[str]:
    """A word of the vocabulary standing alone, compiled once (not left to ``re``'s cache, which the
    names compiled per document push out)."""
    return re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")


def location_of(sentence: str, folded: str, offset: int) -> str | None:
    """An online platform named in the sentence ("over Teams"), else "på/in <Place>" after the date."""
    vocab = _words()
    for word, canonical in sorted(vocab.online_places.items(), key=lambda kv: -len(kv[0])):
        if _whole_word(word).search(folded):
            return canonical
    for prep in vocab.place_prepositions.finditer(folded, offset):
        place = re.match(rf"\s+({CAPWORD}(?:[ \t]+{CAPWORD})*)", sentence[prep.end() :])
        if place and not common().months.fullmatch(fold(place.group(1))):
            return place.group(1)
    return None
