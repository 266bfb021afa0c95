"""Name entries, name lists and ids: examples from real minutes plus properties (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pmkg.ingest.parse.entry import parse_name_entry
from pmkg.ingest.parse.lists import split_name_list
from pmkg.ingest.people.names import looks_like_person
from pmkg.ingest.vocabulary import is_title, vocabulary
from pmkg.text import slug


@pytest.mark.parametrize(
    ("entry", "name", "titles", "roles", "affiliation", "status"),
    [
        (
            "Søren Brunak, professor og research director, Københavns Universitet (Forperson)",
            "Søren Brunak",
            ["professor", "research director"],
            ["chair"],
            "Københavns Universitet",
            "unknown",
        ),
        (
            "Ida Vogel, Klinisk professor, Aarhus Universitet",
            "Ida Vogel",
            ["Klinisk professor"],
            [],
            "Aarhus Universitet",
            "unknown",
        ),
        (
            "Christiane Saurbrey Karle (referent), Nationalt Genom Center",
            "Christiane Saurbrey Karle",
            [],
            ["minute_taker"],
            "Nationalt Genom Center",
            "unknown",
        ),
        (
            "Peder Ahnfeldt-Mollerup deltager under punkt 19",
            "Peder Ahnfeldt-Mollerup",
            [],
            [],
            None,
            "unknown",
        ),
        ("Gillian Scott (Company Secretary)", "Gillian Scott", [], ["secretary"], None, "unknown"),
        ("Barbara Stayner (Deputy Chair)", "Barbara Stayner", [], ["vice_chair"], None, "unknown"),
        ("Jan Walford-Moore, Chair", "Jan Walford-Moore", [], ["chair"], None, "unknown"),
        ("Jens Hansen (A) - afbud", "Jens Hansen", [], [], None, "absent"),
        ("Mette Frederiksen (S)", "Mette Frederiksen", [], [], None, "unknown"),
        ("Region Sjælland v/ Jens Hansen", "Jens Hansen", [], [], "Region Sjælland", "unknown"),
        ("Lars Poulsen fra Danske Regioner", "Lars Poulsen", [], [], "Danske Regioner", "unknown"),
        (
            "Jane Smith, Director of Genomics England",
            "Jane Smith",
            ["Director"],
            [],
            "Genomics England",
            "unknown",
        ),
        ("Dr. Jane Smith (Chair, NHS Scotland)", "Jane Smith", ["Dr."], ["chair"], "NHS Scotland", "unknown"),
        ("overlæge Diana Kristensen", "Diana Kristensen", ["overlæge"], [], None, "unknown"),
        ("Formand Jens Hansen", "Jens Hansen", [], ["chair"], None, "unknown"),
        ("Kari Nordmann - leder", "Kari Nordmann", [], ["chair"], None, "unknown"),
        ("2. Erik Johansson", "Erik Johansson", [], [], None, "unknown"),
        ("• Maria de Souza (apologies)", "Maria de Souza", [], [], None, "absent"),
        ("Karl Bach Jensen.", "Karl Bach Jensen", [], [], None, "unknown"),
        ("Jens Hansen, Region Midt, Til stede", "Jens Hansen", [], [], "Region Midt", "present"),
        ("Ole Olsen, DTU, Afbud", "Ole Olsen", [], [], "DTU", "absent"),
        (
            "Ole Skøtt, dekan, professor (repræsentant for styregruppen)",
            "Ole Skøtt",
            ["dekan", "professor"],
            [],
            "styregruppen",
            "unknown",
        ),
    ],
)
def test_parse_name_entry(
    entry: str, name: str, titles: list[str], roles: list[str], affiliation: str | None, status: str
) -> None:
    parsed = parse_name_entry(entry)
    assert (parsed.name, parsed.titles, parsed.roles, parsed.affiliation, parsed.status) == (
        name,
        titles,
        roles,
        affiliation,
        status,
    )
    assert parsed.span == (0, len(entry))


def test_an_agenda_line_with_a_presenter_is_not_an_entry() -> None:
    assert parse_name_entry("1/5 Velkommen og introduktion v/Søren Brunak").name == ""


@pytest.mark.parametrize(
    ("line", "entries"),
    [
        (
            "Paul Bjergager, Olga Runciman, Jan Andersen, Helene Mortensen, og Karl Bach Jensen.",
            ["Paul Bjergager", "Olga Runciman", "Jan Andersen", "Helene Mortensen", "Karl Bach Jensen"],
        ),
        (
            "Gillian Scott (Company Secretary) Heather Skirton (Board Moderator), "
            "Lesley Snadden (Treasurer), Barbara Stayner (Deputy Chair) Jan Walford Moore",
            [
                "Gillian Scott (Company Secretary)",
                "Heather Skirton (Board Moderator)",
                "Lesley Snadden (Treasurer)",
                "Barbara Stayner (Deputy Chair)",
                "Jan Walford Moore",
            ],
        ),
        (
            "1. Anna Svensson\n2. Erik Johansson\n3. Maria Lindqvist",
            ["Anna Svensson", "Erik Johansson", "Maria Lindqvist"],
        ),
        ("Lars Nilsson och Eva Berg", ["Lars Nilsson", "Eva Berg"]),
        ("Jane Smith (Chair, NHS Scotland); John Brown", ["Jane Smith (Chair, NHS Scotland)", "John Brown"]),
        ("Anders Børglum, professor og centerleder", ["Anders Børglum", "professor og centerleder"]),
        (
            "Lene Cividanes, Nationalt Genom Center Christiane Saurbrey Karle (referent), "
            "Nationalt Genom Center",
            [
                "Lene Cividanes",
                "Nationalt Genom Center",
                "Christiane Saurbrey Karle (referent)",
                "Nationalt Genom Center",
            ],
        ),
    ],
)
def test_split_name_list(line: str, entries: list[str]) -> None:
    assert split_name_list(line) == entries


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Søren Brunak", True),
        ("Lorna McLeish", True),
        ("Maria de Souza", True),
        ("Bettina", True),
        ("Nationalt Genom Center", False),
        ("Genomics England", False),
        ("European Health Data Space", False),
        ("DTU", False),
        ("Brunak", False),
        ("professor og centerleder", False),
    ],
)
def test_looks_like_person(text: str, expected: bool) -> None:
    assert looks_like_person(text) is expected


def test_slug_folds_nordic_letters() -> None:
    assert slug("Søren Brunak") == "soren-brunak"
    assert slug("Karen Dybkjær Sørensen") == "karen-dybkjaer-sorensen"
    assert slug("Åse Ødegård") == "aase-odegaard"
    assert slug("Hélène Müller") == "helene-muller"
    assert slug("Jan Walford-Moore") == slug("Jan Walford Moore") == "jan-walford-moore"


_STOP = {str(w).lower() for key in ("titles", "not_name_words", "name_particles") for w in vocabulary()[key]}
_STOP |= {str(w).lower() for w in vocabulary()["roles"]}
_WORD = st.from_regex(r"\A[A-ZÆØÅ][a-zæøåé]{2,9}\Z").filter(lambda w: w.lower() not in _STOP)
_NAME = st.lists(_WORD, min_size=2, max_size=3).map(" ".join)
_TITLE = st.sampled_from(["Dr", "Professor", "overlæge", "dekan", "Mrs", "klinisk professor", "direktør"])
_ROLE = st.sampled_from(["Forperson", "referent", "Chair", "Deputy Chair", "Treasurer", "observatør"])
_ORG = st.sampled_from(["Københavns Universitet", "Region Sjælland", "NHS Scotland", "DTU"])


@settings(deadline=None)  # parsing time is no property; the machine is shared
@given(
    _NAME,
    st.lists(_TITLE, max_size=2, unique_by=str.lower),
    st.one_of(st.none(), _ROLE),
    st.one_of(st.none(), _ORG),
)
def test_parse_name_entry_keeps_titles_and_roles_out_of_the_name(
    name: str, titles: list[str], role: str | None, org: str | None
) -> None:
    entry = " ".join([*titles[:1], name])
    if len(titles) > 1:
        entry += f", {titles[1]}"
    if org:
        entry += f", {org}"
    if role:
        entry += f" ({role})"
    parsed = parse_name_entry(entry)
    assert parsed.name == name
    assert not any(is_title(word) for word in parsed.name.split())
    assert [t.lower() for t in parsed.titles] == [t.lower() for t in titles]
    assert parsed.affiliation == org
    assert len(parsed.roles) == (1 if role else 0)


@settings(deadline=None)  # parsing time is no property; the machine is shared
@given(
    st.lists(_NAME, min_size=1, max_size=6), st.sampled_from([" og ", " and ", " och ", ", og ", ", and "])
)
def test_split_name_list_round_trips_a_joined_list(names: list[str], last_joint: str) -> None:
    line = names[0] if len(names) == 1 else ", ".join(names[:-1]) + last_joint + names[-1]
    assert split_name_list(line + ".") == names
    assert split_name_list("\n".join(f"{i}. {n}" for i, n in enumerate(names, 1))) == names


@settings(deadline=None)  # parsing time is no property; the machine is shared
@given(st.text(max_size=40))
def test_slug_is_url_safe_and_idempotent(text: str) -> None:
    value = slug(text)
    assert all(c.isascii() and (c.isalnum() or c == "-") for c in value)
    assert not value.startswith("-") and not value.endswith("-")
    assert slug(value) == value


@pytest.mark.parametrize(
    ("entry", "name", "initials", "affiliation"),
    [
        ("Jane Smith (JS) – Chair", "Jane Smith", "JS", None),
        ("Hans van der Meer (HvdM)", "Hans van der Meer", "HvdM", None),
        ("Annie Hagel (SF)", "Annie Hagel", None, None),  # a party, not her initials
        ("Jens Hansen (KL)", "Jens Hansen", None, "KL"),  # an organisation's acronym
    ],
)
def test_initials_in_parentheses_are_the_persons_not_an_organisation(
    entry: str, name: str, initials: str | None, affiliation: str | None
) -> None:
    mention = parse_name_entry(entry)
    assert (mention.name, mention.initials, mention.affiliation) == (name, initials, affiliation)


def test_given_names_come_from_faker_and_the_file_adds_only_what_it_lacks() -> None:
    import importlib
    import pkgutil

    import faker.providers.person as person

    from pmkg.ingest.people.names import given_names, is_given_name
    from pmkg.knowledge import load

    faker_names = set()
    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"faker.providers.person.{module.name}").Provider
        for attr in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
            listed = getattr(provider, attr, ())
            if isinstance(listed, dict | list | tuple):
                faker_names.update(str(n).lower() for n in listed)
    supplement = [n for names in load("given-names.yaml").values() for n in names]
    assert [n for n in supplement if n.lower() in faker_names] == []  # the file holds only what Faker lacks
    assert len(given_names()) > 30000
    for name in ("Sunita", "Guðrún", "Þórdís", "Riikka", "Jógvan", "Máret", "Søren", "Soren", "Nils-Erik"):
        assert is_given_name(name), name
    for word in ("Region", "Universitet", "Hospital", "Referat"):
        assert not is_given_name(word), word
