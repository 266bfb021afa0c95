"""The pure parts of ui/links.py: how values are written into a link and read back, and which are refused."""

from __future__ import annotations

import datetime as dt

import pytest

from pmkg.ui import links


@pytest.mark.parametrize(
    ("codec", "value", "text"),
    [
        (links.TEXT, "person:soren-brunak", "person:soren-brunak"),
        (links.INT, 3, "3"),
        (links.DATE, dt.date(2023, 7, 1), "2023-07-01"),
        (links.LIST, ["Person", "Meeting"], "Person,Meeting"),
        (links.LIST, [], ""),
        (links.SPAN, (dt.date(2023, 1, 1), dt.date(2024, 6, 30)), "2023-01-01..2024-06-30"),
    ],
)
def test_a_value_goes_into_a_link_and_comes_back(codec: links.Codec, value: object, text: str) -> None:
    assert codec.encode(value) == text
    assert links.seed_value(text, codec) == (value, True)


@pytest.mark.parametrize(("codec", "value"), [(links.TEXT, None), (links.TEXT, ""), (links.INT, None)])
def test_nothing_chosen_leaves_the_parameter_out(codec: links.Codec, value: object) -> None:
    assert codec.encode(value) is None


def test_unreadable_text_is_refused() -> None:
    assert links.seed_value("seven", links.INT) == (None, False)
    assert links.seed_value("2023-13-01", links.DATE) == (None, False)
    assert links.seed_value("2023-01-01", links.SPAN) == (None, False)


def test_a_value_that_names_nothing_is_refused() -> None:
    names = {"person:soren-brunak": "Søren Brunak"}
    assert links.seed_value("person:soren-brunak", links.TEXT, choices=names) == ("person:soren-brunak", True)
    assert links.seed_value("person:gone", links.TEXT, choices=names) == ("person:gone", False)
    assert links.seed_value("Person,Robot", links.LIST, choices={"Person", "Meeting"})[1] is False
    assert links.seed_value("9", links.INT, check=lambda v: v <= 4) == (9, False)


def test_a_view_url_is_the_apps_address_and_readable_ids() -> None:
    params = {
        "page": "search",
        "search": "Søren B",
        "entity": "person:soren-brunak",
        "types": "Person,Meeting",
    }
    url = links.view_url("http://127.0.0.1:8501/?old=1#top", params)
    assert url == (
        "http://127.0.0.1:8501/?page=search&search=S%C3%B8ren%20B&entity=person:soren-brunak&types=Person,Meeting"
    )
    assert links.view_url("https://pmkg.example.org/app", {}) == "https://pmkg.example.org/app"
    assert links.view_url("http://127.0.0.1:8501", {"page": "search"}) == "http://127.0.0.1:8501/?page=search"


def test_a_value_is_acceptable_only_among_its_choices_and_passing_its_check() -> None:
    """The rule a link's value and a value set again on a later run (``links.bind``) both pass."""
    assert links.acceptable(["a", "b"], choices={"a", "b", "c"})
    assert not links.acceptable(["a", "x"], choices={"a", "b", "c"})  # every item of a list
    assert not links.acceptable("x", choices={"a"})
    assert links.acceptable(7, check=lambda v: 1 <= v <= 10)
    assert not links.acceptable(11, check=lambda v: 1 <= v <= 10)
    assert links.acceptable("anything")
