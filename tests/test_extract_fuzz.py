"""No input crashes extraction: minutes generated in the shapes real attendance lists take (bullets of
any glyph, an empty bullet, a status heading as a bullet, numbered and lettered lists, tables, entries
'Org v/ Name', 'Name (Org)', 'Name, role, Org', 'Org: Name, Name', 'Name deltog ikke i punkterne 2 – 11',
stray punctuation and unicode) and noise between them. Whatever is found keeps its promises: every quote
is the text at its offsets, nobody is both present and absent, every person has a name.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pmkg.ingest.pipeline import extract_text
from pmkg.model.record import Provenance, Record

NAMES = [
    "Anne Sofie Krogh",
    "Bjørn Ødegård",
    "Åsa Lindqvist-Berg",
    "Ole",
    "K. Nielsen",
    "Dr. Jane Smith",
    "PMB",
]
ORGS = ["Region Midtjylland", "Karolinska Institutet", "Helse Bergen", "NHS England", "Udvalget", "Org"]
ROLES = ["formand", "sekretær", "referent", "ordförande", "justerare", "Chair", "vara", ""]
HEADINGS = ["Til stede", "Afbud", "Deltagere", "Forfall", "Närvarande", "Frånvarande", "Present", "Apologies",
            "In attendance", "Referent", "Sekretariatet", "Justeras", ""]  # fmt: skip
BULLETS = ["• ", " • ", "- ", "* ", "· ", "▪ ", "– ", "o ", "1. ", "2) ", "a) ", "", "\t"]
NOISE = [
    "",
    " ",
    ":",
    ";",
    ",",
    "(",
    ")",
    "|",
    "og",
    "and",
    "och",
    "v/",
    "–",
    "\u00a0",
    "\u200b",
    "…",
    "1.",
    "§ 3",
]


@st.composite
def entries(draw: st.DrawFn) -> str:
    name, org, role = draw(st.sampled_from(NAMES)), draw(st.sampled_from(ORGS)), draw(st.sampled_from(ROLES))
    heading = draw(st.sampled_from(HEADINGS))
    shapes = [
        name,
        f"{name} ({org})",
        f"{name}, {role}, {org}",
        f"{org} v/ {name}",
        f"{org}: {name}, {draw(st.sampled_from(NAMES))}",
        f"{name} deltog ikke i punkterne 2 – 11",
        f"{heading}",
        f"{heading}:",
        f"| {name} | {org} | {role} | x |",
        f"{name} fra {org}",
        f"{name} og {draw(st.sampled_from(NAMES))}",
    ]
    return draw(st.sampled_from(BULLETS)) + draw(st.sampled_from(shapes))


LINES = st.one_of(
    entries(),
    st.builds(lambda h, n: f"{h}: {n}", st.sampled_from(HEADINGS), st.sampled_from(NAMES)),
    st.sampled_from(NOISE),
    st.text(max_size=20),
)


def provenances(value: object) -> list[Provenance]:
    if isinstance(value, Provenance):
        return [value]
    if isinstance(value, list):
        return [p for item in value for p in provenances(item)]
    return [p for name in getattr(value, "__struct_fields__", ()) for p in provenances(getattr(value, name))]


def check(record: Record, text: str) -> None:
    for p in provenances(record):
        assert 0 <= p.start <= p.end <= len(text)
        assert not p.quote or p.quote == text[p.start : p.end], (p.quote, text[p.start : p.end])
    for meeting in record.meetings:
        status = {}
        for entry in meeting.attendance:
            assert status.setdefault(entry.person, entry.status) == entry.status, entry.person
    assert all(person.name.strip() and any(c.isalpha() for c in person.name) for person in record.people)


@settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINES, min_size=1, max_size=30))
def test_extraction_never_fails_on_attendance_shapes(lines: list[str]) -> None:
    text = (
        "Referat af bestyrelsesmøde\n\nDato: 3. maj 2024\n\n"
        + "\n".join(lines)
        + "\n\n1. Velkomst\nOle bød velkommen."
    )
    check(extract_text(text), text)


@settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_extraction_never_fails_on_any_text(text: str) -> None:
    check(extract_text(text), text)
