"""Resolving people inside one document: variants, first names, surnames, references in text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pmkg.ingest.parse.entry import parse_name_entry
from pmkg.ingest.people.index import PeopleIndex
from pmkg.ingest.people.posts import RoleHolders, holds_post, role_references
from pmkg.ingest.pipeline import extract_text

NGC_DECLARED = [
    "Søren Brunak, professor og research director, Københavns Universitet (Forperson)",
    "Bettina Lundgren, direktør, Nationalt Genom Center",
    "Lene Cividanes, Nationalt Genom Center",
    "Christiane Saurbrey Karle (referent), Nationalt Genom Center",
    "Kasper Lindegaard-Hjulmann, Nationalt Genom Center",
]


def _index(entries: list[str]) -> PeopleIndex:
    index = PeopleIndex()
    for entry in entries:
        index.add(parse_name_entry(entry))
    return index


def test_ids_are_slugs_of_the_full_name() -> None:
    index = _index(NGC_DECLARED)
    assert [p.id for p in index.people()] == [
        "person:soren-brunak",
        "person:bettina-lundgren",
        "person:lene-cividanes",
        "person:christiane-saurbrey-karle",
        "person:kasper-lindegaard-hjulmann",
    ]
    assert index.people()[0].titles == ["professor", "research director"]


def test_find_resolves_variants_first_names_and_surnames() -> None:
    index = _index(NGC_DECLARED)
    assert index.find("Christiane Karle") == "person:christiane-saurbrey-karle"
    assert index.find("Bettina") == "person:bettina-lundgren"
    assert index.find("Brunak") == "person:soren-brunak"
    assert index.find("Lindegaard-Hjulmann") == "person:kasper-lindegaard-hjulmann"
    assert index.find("Hjulmann") == "person:kasper-lindegaard-hjulmann"
    assert index.find("Soren Brunak") == "person:soren-brunak"
    assert index.find("Mette Frederiksen") is None
    assert index.find("Karle Christiane") is None


def test_ambiguous_references_resolve_to_nobody() -> None:
    index = _index(["Jan Andersen", "Jan Walford-Moore", "Anne Hansen", "Peter Hansen"])
    assert index.find("Jan") is None
    assert index.find("Hansen") is None
    assert index.find("Andersen") == "person:jan-andersen"


def test_spelling_variants_are_one_person_with_aliases() -> None:
    index = _index(["Jan Walford Moore", "Christiane Saurbrey Karle"])
    assert index.add(parse_name_entry("Jan Walford-Moore, Chair")) == "person:jan-walford-moore"
    assert index.add(parse_name_entry("Christiane Karle")) == "person:christiane-saurbrey-karle"
    people = {p.id: p for p in index.people()}
    assert people["person:jan-walford-moore"].name == "Jan Walford-Moore"
    assert people["person:jan-walford-moore"].aliases == ["Jan Walford Moore"]
    assert people["person:christiane-saurbrey-karle"].aliases == ["Christiane Karle"]
    assert len(people) == 2


def test_find_in_text_finds_full_names_first_names_and_genitives() -> None:
    index = _index(NGC_DECLARED)
    text = (
        "Bettina understregede, at det var en præmis for Novo Nordisk Fondens donation. "
        "Søren Brunak og Bettina Lundgren afrundede mødet. "
        "De bedes sendt til Christiane Karle (cska@ngc.dk). Brunaks forslag."
    )
    found = [(pid, text[s:e]) for pid, (s, e) in index.find_in_text(text)]
    assert found == [
        ("person:bettina-lundgren", "Bettina"),
        ("person:soren-brunak", "Søren Brunak"),
        ("person:bettina-lundgren", "Bettina Lundgren"),
        ("person:christiane-saurbrey-karle", "Christiane Karle"),
        ("person:soren-brunak", "Brunaks"),
    ]


def test_find_in_text_does_not_take_a_month_for_a_first_name() -> None:
    index = _index(["Jan Andersen"])
    assert index.find_in_text("Deadline: Jan 2012. Ordstyrer: Jan.") == [("person:jan-andersen", (31, 34))]


def test_a_longer_name_declared_later_is_another_person() -> None:
    index = _index(["Anne Hansen", "Anne Marie Hansen"])
    assert [p.id for p in index.people()] == ["person:anne-hansen", "person:anne-marie-hansen"]
    assert index.find("Anne Hansen") == "person:anne-hansen"
    assert index.find("Anne Marie Hansen") == "person:anne-marie-hansen"


def test_initials_resolve_to_the_full_name() -> None:
    index = _index(["Karl Bach Jensen", "Anne Hansen"])
    assert index.find("K. B. Jensen") == "person:karl-bach-jensen"
    assert index.find("K. Jensen") == "person:karl-bach-jensen"
    assert index.find("A. Hansen") == "person:anne-hansen"
    assert index.find("B. Hansen") is None


def test_initials_written_after_a_name_refer_to_the_person() -> None:
    index = _index(["Robert Brown (RB)", "Rita Berg"])
    assert index.find("RB") == index.find("Robert Brown")
    text = "RB reported; Rita Berg agreed."
    found = [(text[s:e], pid) for pid, (s, e) in index.find_in_text(text)]
    assert found == [("RB", index.find("Robert Brown")), ("Rita Berg", index.find("Rita Berg"))]


CHAIR, ORDSTYRER, KASSERER = "person:mette-lund", "person:jakob-storm", "person:rikke-holm"
HOLDERS = RoleHolders(
    posts={"chair": frozenset({CHAIR}), "treasurer": frozenset({KASSERER})},
    lines={"chair": frozenset({ORDSTYRER})},
)


def _posts(text: str, holders: RoleHolders = HOLDERS) -> list[tuple[str, str]]:
    return [(text[s:e], pid) for pid, (s, e) in role_references(text, holders)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Formanden bød velkommen. Ordstyreren gennemgik dagsordenen.",
            [("Formanden", CHAIR), ("Ordstyreren", ORDSTYRER)],
        ),
        ("Formandens beretning blev godkendt.", [("Formandens", CHAIR)]),
        ("Kassereren fremlagde regnskabet.", [("Kassereren", KASSERER)]),
        ("Apologies were sent to the Treasurer. Members noted them.", [("the Treasurer", KASSERER)]),
        ("The Treasurer's report was noted.", [("The Treasurer's", KASSERER)]),
        ("Styrelederen ønsket velkommen.", [("Styrelederen", CHAIR)]),
        ("Kassören redovisade resultatet.", [("Kassören", KASSERER)]),
        ("Ordförande förklarade mötet öppnat. 3. Treasurer's report", [("Treasurer's", KASSERER)]),
        # an apposition, a post inside a sentence, a heading, an item about choosing people
        ("Kassör Rikke Holm. Anna valdes till kassör.\nKasserer\nRikke Holm\n1. Kasserer og revisor", []),
        # a post and a meeting's chair are two people: "The Chair" and "Ordföranden" fit both
        ("The Chair welcomed members. Ordföranden förklarade mötet öppnat.", []),
        # nobody is secretary or vice chair
        ("Sekretæren sender referatet. The Vice Chair thanked members. Nestlederen orienterte.", []),
    ],
)
def test_a_post_named_instead_of_a_name_is_its_one_holder(text: str, found: list[tuple[str, str]]) -> None:
    assert _posts(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "Formand: Mette Lund",
        "Chair: Mette Lund",
        "Ordföranden Anna Wedell hälsade välkommen.",
        "The Chair of the Finance Committee reported.",
        "Formanden for udvalget deltog.",
        "Styrelederen i Helse Vest orienterte.",
        "The Chair of the working group reported.",
        "Lederen af sekretariatet orienterede.",
        "Næstformanden bød velkommen.",  # a vice chair's title holds the chair's word, but is another post
    ],
)
def test_a_label_an_apposition_or_another_bodys_post_is_no_reference(text: str) -> None:
    assert _posts(text) == []


def test_a_post_of_the_meeting_itself_and_attendance_entries_are_skipped() -> None:
    holders = RoleHolders(posts={"chair": frozenset({CHAIR})}, lines={})
    text = "Mette Lund (formand)\nThe chair of the meeting thanked everybody. Formanden for mødet takkede."
    assert [(text[s:e], p) for p, (s, e) in role_references(text, holders, [(0, 20)])] == [
        ("The chair", CHAIR),
        ("Formanden", CHAIR),
    ]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "The Chair",
                "Formanden",
                "formandens",
                " of ",
                " the ",
                "Meeting",
                ": ",
                "\n",
                ". ",
                "Ordförande",
                " förklarade",
                "Kassør",
                " og ",
                "Anna",
                "’s",
                "-",
                "3. ",
                "  ",
                "Næstformanden",
                "the vice chair",
            ]
        ),
        max_size=30,
    )
)
def test_any_text_gives_references_that_quote_a_post(pieces: list[str]) -> None:
    text = "".join(pieces)
    for person, (start, end) in role_references(text, HOLDERS):
        assert person in {CHAIR, ORDSTYRER, KASSERER}
        assert 0 <= start < end <= len(text)
        assert text[start].isalpha() and text[end - 1].isalpha()


@pytest.mark.parametrize(
    ("entry", "label", "role", "post"),
    [
        ("Mette Lund (formand)", None, "chair", True),
        ("Jakob Storm (næstformand)", None, "chair", False),  # chairs the meeting by another line
        ("Dr. Henrik Ullum, Chair of the Board", None, "chair", True),
        ("Dr. Hanna Virtanen | Chair | University of Helsinki", None, "chair", True),
        ("Orla Nolan", "Secretary", "secretary", True),
        ("Kari Solberg", "Styreleder", "chair", True),
        ("Jakob Storm", "Ordstyrer", "chair", False),
        ("Ragnhild Myking, forskningsdirektør", "Møteleder", "chair", False),
        ("Eirik Tjønnfjord, seksjonsleder", None, "chair", False),
    ],
)
def test_a_post_is_written_in_the_entry_or_its_label(
    entry: str, label: str | None, role: str, post: bool
) -> None:
    assert holds_post(entry, label, role) is post


def test_a_posts_label_and_a_meeting_chairs_line_resolve_apart() -> None:
    record = extract_text(
        "Referat af bestyrelsesmøde 11. juni 2024\n\nTil stede: Anders Vind, Sanne Bak\n"
        "Formand: Mette Lund\nOrdstyrer: Jakob Storm\nReferent: Sanne Bak\n\n"
        "1. Velkomst\nFormanden bød velkommen, og ordstyreren gennemgik dagsordenen.\n"
    )
    names = {p.id: p.name for p in record.people}
    by_post = {p.quote: names[m.entity] for m in record.mentions if m.entity in names for p in m.provenance}
    assert (by_post["Formanden"], by_post["ordstyreren"]) == ("Mette Lund", "Jakob Storm")
