"""pmkg.text: the one fold for matching, the words of search, the slug of ids."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pmkg.text import EMAIL, MAX_SLUG, fold, slug, words


@given(st.text())
def test_fold_keeps_every_offset(text: str) -> None:
    assert len(fold(text)) == len(text)


def test_fold_is_lower_case_without_diacritics() -> None:
    assert fold("Søren Bøgsted, Gögenur – Guðrún’s") == "soren bogsted, gogenur - gudrun's"
    assert fold("Ærø") == "ærø".replace("ø", "o")  # æ has no one-letter plain form: it stays
    assert fold("İstanbul") == "istanbul"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Søren Brunak", "soren-brunak"),
        ("Karen Dybkjær Sørensen", "karen-dybkjaer-sorensen"),
        ("Gunnel Åkesson Lindberg", "gunnel-aakesson-lindberg"),
        ("Emir Hodžić", "emir-hodzic"),
        ("Guðrún Ósk Jónsdóttir", "gudrun-osk-jonsdottir"),
        ("Þór Œdipus", "thor-oedipus"),
        ("Charité – Universitätsmedizin Berlin", "charite-universitatsmedizin-berlin"),
        ("  O'Neill  ", "o-neill"),
    ],
)
def test_slug_spells_out_nordic_letters(name: str, expected: str) -> None:
    assert slug(name) == expected


def test_a_very_long_name_gets_a_capped_id_that_still_tells_names_apart() -> None:
    long_a, long_b = "Anna " * 2000 + "Hansen", "Anna " * 2000 + "Jensen"
    assert len(slug(long_a)) == MAX_SLUG and slug(long_a).startswith("anna-anna-")
    assert slug(long_a) != slug(long_b)
    assert slug("Anna Hansen") == "anna-hansen"  # short names keep their readable id


def test_words_are_plain_ascii_and_carry_no_query_syntax() -> None:
    assert words('Århus "KU" OR name:*') == ("aarhus", "ku", "or", "name")
    assert words("–") == ()


@pytest.mark.parametrize(
    ("text", "addresses"),
    [
        ("Kontakt mast@sum.dk senest 5. juli.", ["mast@sum.dk"]),
        ("Maja Steffensen (kari.nordmann+board@ous-hf.no)", ["kari.nordmann+board@ous-hf.no"]),
        ("svar til a.b@c.co.uk eller x_y@region.se", ["a.b@c.co.uk", "x_y@region.se"]),
        ("no address: @handle, name@ and 'at' alone", []),
    ],
)
def test_email_finds_whole_addresses(text: str, addresses: list[str]) -> None:
    assert EMAIL.findall(text) == addresses
