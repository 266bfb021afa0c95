"""Score extraction records against the hand-made gold of the test minutes (``tests/minutes/*/gold.json``).

The gold format and its annotation rules are described in ``tests/minutes/README.md``. The scoring follows
the project's shared scorer (``shared/tools/score_extraction.py``) field for field, so that a figure from
either means the same; this module does it in-process, with pure functions a test can call on a hand-made
record. Each field is a pair ``(ok, total)``:

* ``people``: annotated people (present, absent and only mentioned) found under their name or an alias;
* ``attendance``: present and absent people with that status, and mentioned people not marked present;
* ``clean``: extracted people that are not junk (headings, role nouns, organisations, short forms ...);
* ``roles``, ``affiliations``: each annotated role / organisation found on the right person;
* ``orgs``, ``initiatives``: each annotated name found among the extracted ones;
* ``merges``: each ``same_person`` pair resolved to one extracted person;
* ``date``: the meeting date (only where the gold has one); ``themes`` (only where the gold asks for some).

Run it over a folder that holds documents and their ``gold.json``::

    python -m tests.scoring tests/minutes/new [--verbose]
    python -m tests.scoring GOLD.json DOCS_DIR        # gold and documents in different places

It prints one row per document and a total line, and exits 1 where an aggregate is below its floor (the
targets of the extraction issue) or a document crashed the extractor.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Score = tuple[int, int]
Record = Mapping[str, Any]
Gold = Mapping[str, Any]

#: The lowest acceptable aggregate per field (the issue's targets; ``clean`` is 1 minus the junk share).
FLOORS: dict[str, float] = {
    "people": 0.95,
    "attendance": 0.95,
    "clean": 0.98,
    "roles": 0.90,
    "affiliations": 0.85,
    "orgs": 0.85,
    "date": 0.95,
    "initiatives": 0.90,
    "merges": 0.90,
    "themes": 1.0,
}
#: Words that make an extracted "person" junk when they are one of its words (the shared scorer's lists).
_JUNK_WORDS = json.loads((Path(__file__).parent / "minutes" / "junk-words.json").read_text(encoding="utf-8"))
STOP: frozenset[str] = frozenset(_JUNK_WORDS["stop"])
ORG_WORDS: frozenset[str] = frozenset(_JUNK_WORDS["org_words"])
_JUNK_CHARACTERS = re.compile(r"[0-9()\[\]:;,/@]")
_MAX_NAME_WORDS = 6


def norm(text: str | None) -> str:
    """Compare names as the shared scorer does: NFC, case-folded, hyphens as spaces, one space."""
    text = unicodedata.normalize("NFC", text or "").casefold()
    text = text.replace("-", " ").replace("\u2019", "'")
    return re.sub(r"\s+", " ", text).strip()


def names_of(item: Mapping[str, Any]) -> set[str]:
    """The normalised name and aliases of a person, organisation or initiative."""
    return {norm(item.get("name"))} | {norm(a) for a in item.get("aliases") or []}


def is_junk_person(name: str, gold: Gold) -> bool:
    """Whether an extracted person's name is not a person's name for this document's gold."""
    tokens = norm(name).split()
    return bool(
        _JUNK_CHARACTERS.search(name)
        or not tokens
        or any(t in STOP or t in ORG_WORDS for t in tokens)
        or norm(name) in {norm(x) for x in gold.get("not_people", [])}
        or norm(name) in {norm(o) for o in gold.get("orgs", [])}
        or len(tokens) > _MAX_NAME_WORDS
    )


@dataclass(frozen=True)
class DocumentScore:
    """The per-field ``(ok, total)`` of one document and a line for every miss."""

    fields: dict[str, Score]
    misses: list[str] = field(default_factory=list)


class _View:
    """Lookups over one record: people by every name they go by, statuses, roles, entities by id."""

    def __init__(self, record: Record) -> None:
        self.people: list[Mapping[str, Any]] = record.get("people") or []
        self.by_name: dict[str, Mapping[str, Any]] = {}
        for person in self.people:
            for name in names_of(person):
                self.by_name.setdefault(name, person)
        self.entities = (record.get("organizations") or []) + (record.get("initiatives") or [])
        self.entity_by_id = {e.get("id"): e for e in self.entities}
        meetings = record.get("meetings") or []
        self.meeting: Mapping[str, Any] = meetings[0] if meetings else {}
        attendance = self.meeting.get("attendance") or []
        self.attendance = {a.get("person"): a for a in attendance}
        self.roles: dict[Any, set[str]] = {}
        for a in attendance:
            self.roles.setdefault(a.get("person"), set()).update(a.get("roles") or [])
        for membership in record.get("memberships") or []:
            self.roles.setdefault(membership.get("person"), set()).add(membership.get("role"))
        self.initiative_names: set[str] = set()
        for initiative in record.get("initiatives") or []:
            self.initiative_names |= names_of(initiative)

    def person(self, name: str) -> Mapping[str, Any] | None:
        return self.by_name.get(norm(name))

    def status(self, name: str) -> str | None:
        person = self.person(name)
        return self.attendance.get(person.get("id"), {}).get("status") if person else None


def _people(view: _View, gold: Gold, misses: list[str]) -> Score:
    everyone = gold["present"] + gold["absent"] + gold.get("people", [])
    missing = [n for n in everyone if view.person(n) is None]
    misses += [f"missing person {n}" for n in missing]
    return len(everyone) - len(missing), len(everyone)


def _attendance(view: _View, gold: Gold, misses: list[str]) -> Score:
    ok = total = 0
    for status in ("present", "absent"):
        for name in gold[status]:
            total += 1
            got = view.status(name)
            ok += got == status
            if got != status:
                misses.append(f"{name}: status {got!r}, want {status}")
    for name in gold.get("not_present", []):
        total += 1
        marked = view.status(name) == "present"
        ok += not marked
        if marked:
            misses.append(f"{name}: marked present but only mentioned")
    return ok, total


def _clean(view: _View, gold: Gold, misses: list[str]) -> Score:
    junk = [p.get("name") or "" for p in view.people if is_junk_person(p.get("name") or "", gold)]
    misses += [f"junk person {j!r}" for j in junk]
    return len(view.people) - len(junk), len(view.people)


def _roles(view: _View, gold: Gold, misses: list[str]) -> Score:
    ok = total = 0
    for name, wanted in gold.get("roles", {}).items():
        person = view.person(name)
        have = view.roles.get(person.get("id"), set()) if person else set()
        for role in wanted:
            total += 1
            ok += role in have
            if role not in have:
                misses.append(f"{name}: role {role} missing (has {sorted(have)})")
    return ok, total


def _matches_affiliation(wanted: str, have: set[str]) -> bool:
    """An affiliation counts where one name contains the other ("Region Skåne" / "Region Skåne (RS)")."""
    w = norm(wanted)
    return any(w == h or w in h or (h and h in w) for h in have)


def _affiliations(view: _View, gold: Gold, misses: list[str]) -> Score:
    ok = total = 0
    for name, wanted in gold.get("affiliations", {}).items():
        person = view.person(name) or {}
        have: set[str] = set()
        for entity_id in person.get("affiliations") or []:
            have |= names_of(view.entity_by_id.get(entity_id, {"name": str(entity_id)}))
        for org in wanted:
            total += 1
            found = _matches_affiliation(org, have)
            ok += found
            if not found:
                misses.append(f"{name}: affiliation {org} missing (has {sorted(have)})")
    return ok, total


def _orgs(view: _View, gold: Gold, misses: list[str]) -> Score:
    extracted: set[str] = set()
    for entity in view.entities:
        extracted |= names_of(entity)
    wanted = gold.get("orgs", [])
    missing = [o for o in wanted if not any(norm(o) == h or norm(o) in h for h in extracted)]
    misses += [f"missing organisation {o}" for o in missing]
    return len(wanted) - len(missing), len(wanted)


def _initiatives(view: _View, gold: Gold, misses: list[str]) -> Score:
    misses += [
        f"initiative alias {alias} missing"
        for alias in gold.get("initiative_aliases", {}).values()
        if norm(alias) not in view.initiative_names
    ]
    wanted = gold.get("initiatives", [])
    missing = [i for i in wanted if norm(i) not in view.initiative_names]
    misses += [f"missing initiative {i}" for i in missing]
    return len(wanted) - len(missing), len(wanted)


def _merges(view: _View, gold: Gold, misses: list[str]) -> Score:
    ok = 0
    for full, short in gold.get("same_person", []):
        a, b = view.person(full), view.person(short)
        merged = bool(a and b and a.get("id") == b.get("id"))
        ok += merged
        if not merged:
            misses.append(f"{full} and {short} are not one person")
    return ok, len(gold.get("same_person", []))


def score_with_misses(record: Record, gold: Gold) -> DocumentScore:
    """Score one extraction record (the JSON of ``pmkg extract``) against one document's gold.

    Fields without anything to score are left out: ``initiatives`` where the gold names none,
    ``merges`` without ``same_person`` pairs, ``date`` where the gold date is null, ``themes`` unless
    the gold has ``min_themes``. Keys of the gold that start with ``_`` are notes and are ignored.
    """
    view, misses = _View(record), []
    fields: dict[str, Score] = {
        "people": _people(view, gold, misses),
        "attendance": _attendance(view, gold, misses),
        "clean": _clean(view, gold, misses),
        "roles": _roles(view, gold, misses),
        "affiliations": _affiliations(view, gold, misses),
    }
    fields["orgs"] = _orgs(view, gold, misses)
    initiatives = _initiatives(view, gold, misses)  # alias misses are reported even without initiatives
    if gold.get("initiatives"):
        fields["initiatives"] = initiatives
    if gold.get("same_person"):
        fields["merges"] = _merges(view, gold, misses)
    if "min_themes" in gold:
        count = len(record.get("themes") or [])
        fields["themes"] = (int(count >= gold["min_themes"]), 1)
        if count < gold["min_themes"]:
            misses.append(f"{count} themes, want at least {gold['min_themes']}")
    if gold.get("date") is not None:
        date = view.meeting.get("date")
        fields["date"] = (int(date == gold["date"]), 1)
        if date != gold["date"]:
            misses.append(f"date {date!r}, want {gold['date']}")
    return DocumentScore(fields, misses)


def score(record: Record, gold: Gold) -> dict[str, Score]:
    """The per-field ``(ok, total)`` of one record against one document's gold."""
    return score_with_misses(record, gold).fields


def aggregate(scores: Iterable[Mapping[str, Score]]) -> dict[str, Score]:
    """Sum the ``(ok, total)`` pairs of many documents, field by field, in the order of ``FLOORS``."""
    sums = {k: [0, 0] for k in FLOORS}
    for fields in scores:
        for k, (ok, total) in fields.items():
            sums[k][0] += ok
            sums[k][1] += total
    return {k: (ok, total) for k, (ok, total) in sums.items() if total}


def shortfalls(totals: Mapping[str, Score], floors: Mapping[str, float] = FLOORS) -> list[str]:
    """The fields whose aggregate ratio is below its floor."""
    return [k for k, (ok, total) in totals.items() if ok / total < floors[k]]


def format_row(document: str, fields: Mapping[str, Score]) -> str:
    return f"{document}: " + " ".join(f"{k}={ok}/{total}" for k, (ok, total) in fields.items())


def format_total(totals: Mapping[str, Score], crashes: int, floors: Mapping[str, float] = FLOORS) -> str:
    short = shortfalls(totals, floors) + (["crashes"] if crashes else [])
    ratios = " ".join(f"{k}={ok / total:.2f}" for k, (ok, total) in totals.items())
    verdict = f" short={','.join(short)}" if short else " all floors met"
    return f"total: {ratios} crashes={crashes}{verdict}"


def load_gold(path: Path) -> dict[str, Gold]:
    """The documents of a gold file, without its ``_about`` (and any other ``_`` key)."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    return {doc: g for doc, g in gold.items() if not doc.startswith("_")}


Extract = Callable[[Path], Record]


def extract_in_process(path: Path) -> Record:
    """The record ``pmkg extract PATH --format json`` prints, made in this process."""
    from pmkg.ingest.pipeline import extract_file

    return extract_file(path).to_dict()


def run(
    gold_path: Path,
    docs: Path,
    extract: Extract = extract_in_process,
    *,
    verbose: bool = False,
    floors: Mapping[str, float] = FLOORS,
    out: Callable[[str], None] = print,
) -> int:
    """Score every document of a gold file; print rows and the total line; 0 where all floors are met."""
    rows: list[dict[str, Score]] = []
    crashes = 0
    for doc, gold in load_gold(gold_path).items():
        try:
            result = score_with_misses(extract(docs / doc), gold)
        except Exception as error:  # a crash on a document is a finding, not a stop
            crashes += 1
            out(f"{doc}: FAILED {type(error).__name__}: {error}")
            continue
        rows.append(result.fields)
        out(format_row(doc, result.fields))
        if verbose:
            for miss in result.misses:
                out(f"    {miss}")
    totals = aggregate(rows)
    out(format_total(totals, crashes, floors))
    return 1 if shortfalls(totals, floors) or crashes else 0


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    paths = [Path(a) for a in args if not a.startswith("--")]
    if not paths or len(paths) > 2:
        print("usage: python -m tests.scoring FOLDER|GOLD.json [DOCS_DIR] [--verbose] [--floor-FIELD=X]")
        return 2
    floors = dict(FLOORS)
    for a in args:
        if a.startswith("--floor-"):
            key, value = a.removeprefix("--floor-").split("=")
            floors[key] = float(value)
    gold_path = paths[0] / "gold.json" if paths[0].is_dir() else paths[0]
    docs = paths[1] if len(paths) == 2 else gold_path.parent
    return run(gold_path, docs, verbose="--verbose" in args, floors=floors)


if __name__ == "__main__":
    sys.exit(main())
