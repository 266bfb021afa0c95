"""Quotes read without the layout they were cut with (``ingest.text.normalise.reading``, the one joiner of
ingest): a word a PDF hyphenated at a line end is whole again, a suspended hyphen before a conjunction stays.
Real strings of the example minutes and of minutes in all four languages."""

from __future__ import annotations

import pytest

from pmkg.ingest.text.normalise import reading
from pmkg.reports.text import one_line


@pytest.mark.parametrize(
    ("quote", "read"),
    [
        ("samarbejde med Genomics Eng-\n\nland", "samarbejde med Genomics England"),  # da, a PDF's blank line
        ("Bodil Sandahl Krogh (For-\nperson)", "Bodil Sandahl Krogh (Forperson)"),
        ("som NGC også forven-\nter at bidrage til", "som NGC også forventer at bidrage til"),
        ("til de fem helse-\nforetakene i Helse Vest", "til de fem helseforetakene i Helse Vest"),  # no
        ("Genomic Medicine Swe-\nden (GMS)", "Genomic Medicine Sweden (GMS)"),  # sv
        ("the 1+ Million Ge-\nnomes initiative", "the 1+ Million Genomes initiative"),  # en
    ],
)
def test_a_word_hyphenated_at_a_line_end_is_whole(quote: str, read: str) -> None:
    assert reading(quote) == read
    assert one_line(quote) == read  # as notes, footnotes and the app's tables show it


@pytest.mark.parametrize(
    ("quote", "read"),
    [
        ("møder både for-\nog efterår", "møder både for- og efterår"),  # da
        ("Region-\nog kommuner", "Region- og kommuner"),
        ("stat-\neller kommuneniveau", "stat- eller kommuneniveau"),
        ("läkemedels-\noch medicinteknikområdet", "läkemedels- och medicinteknikområdet"),  # sv
        ("helse-\nog omsorgstjenesten", "helse- og omsorgstjenesten"),  # no
        ("up-\nand downstream analyses", "up- and downstream analyses"),  # en
        ("pre-\nor post-test counselling", "pre- or post-test counselling"),
    ],
)
def test_a_suspended_hyphen_before_a_conjunction_stays(quote: str, read: str) -> None:
    assert reading(quote) == read


def test_a_quote_on_one_line_is_only_tidied() -> None:
    assert reading("NGC  har underskrevet et MoU") == "NGC har underskrevet et MoU"
    assert reading("COVID-19-vaccine og e-Sundhed") == "COVID-19-vaccine og e-Sundhed"
