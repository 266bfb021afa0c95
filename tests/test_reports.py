"""The pure parts of briefings, changes and the matrix: numbering notes, current roles, comparing two
states, the taxonomy's levels, and the graph's codes in Danish and English (no database)."""

from __future__ import annotations

from pmkg.graph.briefing import Source, Statement, current_roles, numbered
from pmkg.graph.changes import compare
from pmkg.graph.matrix import row_of, rows_of_level, taxonomy
from pmkg.reports.text import detail


def statement(section: str, name: str, quote: str | None, **extra: object) -> Statement:
    source = Source("Referat", "doc:1", "2024-01-01", quote) if quote else None
    return Statement(section=section, kind=str(extra.pop("kind", "role")), name=name, source=source, **extra)


def test_notes_are_numbered_in_reading_order_and_shared_by_equal_quotes() -> None:
    found, notes = numbered(
        [
            statement("themes", "T", "third"),
            statement("identity", "A", "first"),
            statement("roles", "R", "second"),
            statement("documents", "D", "first"),
            statement("roles", "S", None),
        ]
    )
    assert [(s.section, s.note) for s in found] == [
        ("identity", 1),
        ("roles", 2),
        ("roles", None),
        ("themes", 3),
        ("documents", 1),
    ]
    assert [n.quote for n in notes] == ["first", "second", "third"]


def test_a_role_is_current_when_stated_at_the_bodys_last_meeting() -> None:
    roles = [
        statement("roles", "Board", "q", entity_id="org:b", date="2024-03-01"),
        statement("roles", "Old board", "q", entity_id="org:o", date="2022-01-01"),
        statement("roles", "Other", "q", kind="affiliation", entity_id="org:b", date="2020-01-01"),
    ]
    marked = current_roles(roles, {"org:b": "2024-03-01", "org:o": "2023-06-01"})
    assert [s.current for s in marked] == [True, False, None]


def test_two_states_compare_into_new_gone_and_changed() -> None:
    def fact(category: str, key: str, value: str) -> dict:
        return {
            "category": category,
            "key": key,
            "name": key,
            "value": value,
            "quote": f"q {key}",
            "document": "d",
            "date": "2024-01-01",
        }

    before = {
        ("people", "a"): fact("people", "a", "present"),
        ("people", "b"): fact("people", "b", "present"),
        ("roles", "a|x"): fact("roles", "a|x", "chair"),
    }
    after = {
        ("people", "a"): fact("people", "a", "present"),
        ("people", "c"): fact("people", "c", "absent"),
        ("roles", "a|x"): fact("roles", "a|x", "member"),
    }
    table = compare(before, after)
    assert [(r.category, r.change, r.name, r.before, r.after) for r in table.itertuples()] == [
        ("people", "gone", "b", "present", ""),
        ("people", "new", "c", "", "absent"),
        ("roles", "changed", "a|x", "chair", "member"),
    ]


def test_the_taxonomy_has_groups_and_themes() -> None:
    concepts = taxonomy()
    assert concepts["theme:health-data"].group == "theme:data"
    assert concepts["theme:data"].labels == {"da": "Data og infrastruktur", "en": "Data and infrastructure"}
    assert row_of("theme:health-data", "group") == "theme:data"
    assert row_of("theme:health-data", "theme") == "theme:health-data"
    groups = rows_of_level("group")
    assert len(groups) == 5 and "theme:people" in groups
    assert "theme:data" not in rows_of_level("theme") and "theme:consent" in rows_of_level("theme")


def test_codes_read_in_the_readers_language() -> None:
    assert detail("present, chair, year inferred", "da") == "til stede, formand, år udledt"
    assert detail("present, chair, year inferred", "en") == "present, chair, year inferred"
    assert detail("4 point(s)", "da") == "4 punkt(er)"
    assert detail("affiliated · Nationalt Genom Center", "da") == "tilknyttet · Nationalt Genom Center"
