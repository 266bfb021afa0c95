"""Check the gold of the test minutes against the documents: the yardstick must itself be right.

Run from the checkout:  ``.venv/bin/python -m tests.minutes.src.check_gold [dev|new|holdout|fresh ...]``
(``tests/test_minutes_gold.py`` runs it over every set). For each set folder it checks that:

* ``gold.json`` parses, its first key is ``_about``, and its documents are exactly the folder's files
  (but a ``README.md``);
* each entry has the agreed fields in the agreed order (keys starting with ``_`` are notes), an ISO
  date or null, and roles only from the vocabulary;
* present, absent and people are disjoint; roles and affiliations are given only for annotated people;
  every affiliation is listed under ``orgs``; no name is both organisation and initiative;
* every person and ``not_people`` entry occurs in the document as a whole word, and every
  organisation, initiative and introduced acronym occurs in it (the text is what a reader takes from
  the file: python-docx for DOCX, pdfium's text layer for PDF, the page text for HTML, with runs of
  white space read as one space, so a name wrapped onto the next line still counts);
* every ``same_person`` short form occurs on its own, is listed in ``not_people``, and fits only one
  annotated person (a first name two people share must not be resolved);
* no annotated person would be scored as junk by ``tests.scoring`` (a correct extraction of a gold
  name must count as clean);
* a DOCX still has the text of its source in ``sources_*.py`` (rebuild it if not).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tests.minutes.src.render import Source, docx_text, plain_text
from tests.scoring import is_junk_person

MINUTES = Path(__file__).resolve().parent.parent
SETS = ("dev", "new", "holdout", "fresh")
FIELDS = [
    "date",
    "present",
    "absent",
    "people",
    "not_present",
    "roles",
    "affiliations",
    "orgs",
    "initiatives",
    "initiative_aliases",
    "same_person",
    "not_people",
]
ROLES = frozenset(
    [
        "chair",
        "vice_chair",
        "member",
        "secretariat",
        "minute_taker",
        "observer",
        "guest",
        "presenter",
        "patient_representative",
    ]
)


def document_text(path: Path) -> str:
    """The text a reader gets from the file, NFC-normalised."""
    if path.suffix == ".docx":
        text = docx_text(path)
    elif path.suffix == ".pdf":
        import pypdfium2

        pdf = pypdfium2.PdfDocument(str(path))
        text = "\n".join(page.get_textpage().get_text_range() for page in pdf)
    elif path.suffix == ".html":
        import lxml.html

        text = "\n".join(lxml.html.fromstring(path.read_bytes()).itertext())
    else:
        text = path.read_text(encoding="utf-8")
    return unicodedata.normalize("NFC", text)


def spans(text: str, needle: str) -> list[tuple[int, int]]:
    """Whole-word occurrences of ``needle`` in ``text`` (no letter or digit on either side)."""
    return [m.span() for m in re.finditer(rf"(?<!\w){re.escape(needle)}(?!\w)", text)]


def _structure(g: Mapping[str, Any]) -> list[str]:
    errors = []
    if [k for k in g if not k.startswith("_")] != FIELDS:
        return [f"fields {list(g)} != {FIELDS}"]
    if g["date"] is not None:
        try:
            dt.date.fromisoformat(g["date"])
        except (TypeError, ValueError):
            errors.append(f"date {g['date']!r} is not an ISO date")
    persons = g["present"] + g["absent"] + g["people"]
    for key in ("present", "absent", "people", "orgs", "initiatives", "not_people"):
        dupes = sorted({x for x in g[key] if g[key].count(x) > 1})
        if dupes:
            errors.append(f"duplicates in {key}: {dupes}")
    if len(set(persons)) != len(persons):
        errors.append("a person is in more than one of present/absent/people")
    if not set(g["not_present"]) <= set(g["people"]):
        errors.append(f"not_present outside people: {sorted(set(g['not_present']) - set(g['people']))}")
    for key in ("roles", "affiliations"):
        if set(g[key]) - set(persons):
            errors.append(f"{key} for people not annotated: {sorted(set(g[key]) - set(persons))}")
    for person, roles in g["roles"].items():
        if not roles or set(roles) - ROLES or len(set(roles)) != len(roles):
            errors.append(f"{person}: roles {roles} empty, repeated or outside the vocabulary")
    for person, orgs in g["affiliations"].items():
        if not orgs or set(orgs) - set(g["orgs"]):
            errors.append(f"{person}: affiliation {sorted(set(orgs) - set(g['orgs']))} not in orgs")
    if set(g["initiatives"]) & set(g["orgs"]):
        errors.append(f"both organisation and initiative: {sorted(set(g['initiatives']) & set(g['orgs']))}")
    if set(g["initiative_aliases"]) - set(g["initiatives"]):
        errors.append(
            f"alias of no initiative: {sorted(set(g['initiative_aliases']) - set(g['initiatives']))}"
        )
    if set(g["not_people"]) & set(persons):
        errors.append(f"not_people holds annotated people: {sorted(set(g['not_people']) & set(persons))}")
    return errors


def _occurrences(g: Mapping[str, Any], text: str) -> tuple[list[str], list[str]]:
    errors, warnings = [], []
    persons = g["present"] + g["absent"] + g["people"]
    for person in persons:
        if not spans(text, person):
            errors.append(f"person {person!r} does not occur as a whole word")
        if is_junk_person(person, g):
            errors.append(f"person {person!r} would be scored as junk")
    for name in g["orgs"] + g["initiatives"] + list(g["initiative_aliases"].values()):
        if name not in text:
            errors.append(f"organisation/initiative {name!r} does not occur")
        elif not spans(text, name):
            warnings.append(f"{name!r} occurs only inside a longer word (e.g. a genitive)")
    errors += [
        f"not_people {x!r} does not occur as a whole word" for x in g["not_people"] if not spans(text, x)
    ]
    for full, short in g["same_person"]:
        if full not in persons:
            errors.append(f"same_person {full!r} is not an annotated person")
        covered = spans(text, full)
        if not [s for s in spans(text, short) if not any(a <= s[0] < b for a, b in covered)]:
            errors.append(f"short form {short!r} never occurs apart from {full!r}")
        if short not in g["not_people"]:
            errors.append(f"short form {short!r} not listed in not_people")
        owners = [p for p in persons if spans(p, short)]
        if len(owners) > 1:
            errors.append(f"short form {short!r} fits {owners}: it must stay unresolved")
    return errors, warnings


def check_document(gold: Mapping[str, Any], text: str) -> tuple[list[str], list[str]]:
    """Errors and warnings for one document's gold against its text."""
    errors = _structure(gold)
    if errors:
        return errors, []
    more, warnings = _occurrences(gold, " ".join(text.split()))
    return errors + more, warnings


def check_set(folder: Path, sources: Mapping[str, Source] | None = None) -> tuple[list[str], list[str]]:
    """Errors and warnings (each prefixed with the document's name) for one set folder."""
    errors: list[str] = []
    warnings: list[str] = []
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    if next(iter(gold), None) != "_about":
        errors.append("gold.json: first key is not _about")
    files = {p.name for p in folder.iterdir() if p.is_file() and p.name not in ("gold.json", "README.md")}
    named = {k for k in gold if not k.startswith("_")}
    if named != files:
        errors.append(
            f"gold/files mismatch: only in gold {sorted(named - files)}, only files {sorted(files - named)}"
        )
    for name in sorted(named & files):
        path = folder / name
        if (
            sources
            and name in sources
            and path.suffix == ".docx"
            and docx_text(path) != plain_text(sources[name].blocks)
        ):
            errors.append(f"{name}: the DOCX differs from its source (rebuild it)")
        doc_errors, doc_warnings = check_document(gold[name], document_text(path))
        errors += [f"{name}: {e}" for e in doc_errors]
        warnings += [f"{name}: {w}" for w in doc_warnings]
    return errors, warnings


def sources_of(set_name: str) -> dict[str, Source]:
    """The sources of a set's rendered documents (the development set has none here)."""
    from tests.minutes.src.build import SOURCES

    return SOURCES.get(set_name, {})


def main(argv: list[str]) -> int:
    failed = False
    for set_name in argv or SETS:
        errors, warnings = check_set(MINUTES / set_name, sources_of(set_name))
        for w in warnings:
            print(f"warning: {set_name}/{w}")
        for e in errors:
            print(f"ERROR: {set_name}/{e}")
        count = len(json.loads((MINUTES / set_name / "gold.json").read_text(encoding="utf-8"))) - 1
        print(f"{set_name}: {count} documents, {len(errors)} errors, {len(warnings)} warnings")
        failed = failed or bool(errors)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
