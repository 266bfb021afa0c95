"""Agreements and collaborations ("MoU med Frankrig", "samarbejde med Genomics England", "a data sharing
agreement between X and Y"), with the words of ``knowledge/content.yaml`` (``agreements``,
``collaboration``, ``party_words``, ``between_words``)."""

from __future__ import annotations

import re

from pmkg.ingest.extract.reading import Reading, provenance
from pmkg.ingest.extract.registry import rule
from pmkg.ingest.extract.sentences import Dating, Sentence, joined, trailing_list
from pmkg.ingest.extract.words import CLAUSE_REACH, agreement_words, clause_end, common
from pmkg.ingest.text.dates import find_dates
from pmkg.model.record import Agreement
from pmkg.text import fold


@rule("agreements.cue")
def agreements(reading: Reading) -> None:
    """An agreement noun ("MoU", "samarbejdsaftale") or a collaboration phrase ("samarbejde med") and its
    parties: the organisations after "med"/"with" (or "mellem X og Y"), with the one before the cue or
    the one the text is about; a month ("i marts") dates it, the year inferred from the meeting."""
    context = reading.context
    names = {key: record.name for key, record in reading.entities.records.items()}
    if context.body is not None:
        names.setdefault(context.body.id, context.body.name)
    dating = reading.dating
    for sentence, subject in zip(reading.sentences, reading.subjects, strict=True):
        count = len(reading.content.agreements)
        reading.content.agreements += _in_sentence(
            reading.text, sentence, subject, dating, context.doc_key, names, count
        )


def _in_sentence(
    text: str,
    sentence: Sentence,
    subject: str | None,
    dating: Dating,
    doc_key: str,
    names: dict[str, str],
    count: int,
) -> list[Agreement]:
    vocab = agreement_words()
    folded = sentence.folded
    cues = _agreement_cues(folded)
    result: list[Agreement] = []
    for index, (cue_start, cue_end, noun) in enumerate(cues):
        limit = cues[index + 1][0] if index + 1 < len(cues) else len(folded)
        stop = min(clause_end(folded, cue_end), limit)
        party_word = vocab.party_words.search(folded, cue_end if noun else cue_start, stop)
        if party_word:
            after = [h.entity for h in sentence.orgs(cue_end, stop)]
            between = " ".join(party_word.group().split()) in vocab.between_words
            named = sentence.orgs(cue_start - 2 * CLAUSE_REACH, stop)
            first = next((h.entity for h in named if h.entity not in after), None)
            joined = trailing_list(sentence, sentence.orgs(cue_start - CLAUSE_REACH, cue_start))
            leading = [h.entity for h in joined] if len(joined) > 1 else [first or subject]
            parties = after if between else [p for p in [*leading, *after] if p]  # "X og Y samarbejder med Z"
        elif noun:  # "NGC og Genomics England har underskrevet en aftale"
            clause = max(cues[index - 1][1] if index else 0, cue_start - CLAUSE_REACH)
            parties = _joined_subjects(sentence, clause, cue_start)
        else:
            continue
        parties = list(dict.fromkeys(parties))
        if len(parties) < 2:
            continue
        kind = vocab.agreement_kinds[noun] if noun else "collaboration"
        date, inferred = _month_date(sentence.text[cue_start : stop + 1], dating)
        written = sentence.text[cue_start:cue_end].split()
        if not noun and fold(written[-1]) in vocab.party_word_set:
            written = written[:-1]
        label = " ".join(written)
        label = label[:1].upper() + label[1:] + ")" * (label.count("(") - label.count(")"))
        clause_start = cues[index - 1][1] if index else 0
        lead = [
            h.start
            for h in sentence.orgs(max(clause_start, cue_start - CLAUSE_REACH), cue_start)
            if h.entity == parties[0]
        ]
        span = (min([sentence.start + cue_start, *lead[:1]]), sentence.start + max(stop, cue_end))
        result.append(
            Agreement(
                id=f"agreement:{doc_key}-{count + len(result) + 1}",
                kind=kind,
                name=f"{label}: {' – '.join(names.get(p, p) for p in parties)}",
                parties=parties,
                date=date,
                date_inferred=inferred,
                provenance=provenance(text, *span, "agreements.cue"),
            )
        )
    return result


def _joined_subjects(sentence: Sentence, start: int, end: int) -> list[str]:
    """Organisations named together before a cue: "X og Y", "X, Y and Z" (nothing else between)."""
    hits = sentence.orgs(start, end)
    if not all(joined(sentence, left, right) for left, right in zip(hits, hits[1:], strict=False)):
        return []
    return [h.entity for h in hits] if len(hits) >= 2 else []


def _agreement_cues(folded: str) -> list[tuple[int, int, str | None]]:
    """Agreement nouns and collaboration phrases; "Memorandum of Understanding (MoU)" is one cue."""
    cues: list[tuple[int, int, str | None]] = []
    for m in agreement_words().agreement.finditer(folded):
        noun = " ".join(m["noun"].split()) if m["noun"] else None
        if noun and cues and cues[-1][2] and re.fullmatch(r"[\s()]*", folded[cues[-1][1] : m.start()]):
            cues[-1] = (cues[-1][0], m.end(), cues[-1][2])
            continue
        cues.append((m.start(), m.end(), noun))
    return cues


def _month_date(clause: str, dating: Dating) -> tuple[str | None, bool]:
    """The date of an agreement: a full date, or a month ("i marts" -> 2023-03, year inferred)."""
    dates = find_dates(clause)
    if dates:
        return dating.complete(dates[0], future=False)
    vocab = common()
    m = next((m for m in vocab.months.finditer(fold(clause)) if m["prep"] or m["year"]), None)
    if not m:  # a bare "may", "mar" is a word, not a month
        return None, False
    month = vocab.month_numbers[m["month"]]
    if m["year"]:
        return f"{m['year']}-{month:02d}", False
    if dating.year is None:
        return None, False
    year = dating.year - 1 if dating.month and month > dating.month else dating.year
    return f"{year}-{month:02d}", True
