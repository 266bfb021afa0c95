"""The meeting's own date: never the date the minutes were sent, approved, signed or published."""

from __future__ import annotations

import pytest

from pmkg.ingest.pipeline import extract_text


@pytest.mark.parametrize(
    ("head", "date", "inferred"),
    [
        (
            "Referat - udsendt 26. oktober 2023\n\n"
            "Mødet blev afholdt tirsdag den 17. oktober 2023 kl. 10-13.",
            "2023-10-17",
            False,
        ),
        (
            "Godkendt: 11.01.2024\n\nReferat af møde torsdag den 14. december 2023 kl. 14.00–16.30.",
            "2023-12-14",
            False,
        ),
        (
            "Referatet er godkendt af formanden den 27. september 2023.\n\n"
            "Mødet blev afholdt onsdag den 13. september 2023.",
            "2023-09-13",
            False,
        ),
        ("Innkalling sendt: 29.02.2024\nMøtedato: 14.03.2024, kl. 12.00–14.30", "2024-03-14", False),
        ("Protokollet justerat 2024-02-14\n\nSammanträde den 7 februar 2024 i Umeå", "2024-02-07", False),
        (
            "Minutes circulated on 8 April 2024; to be approved at the next meeting.\n"
            "Meeting held on 22 March 2024.",
            "2024-03-22",
            False,
        ),
        (
            "Published 20 February 2024\n\nMinutes of the meeting held on 15 February 2024",
            "2024-02-15",
            False,
        ),
        ("Referat af bestyrelsesmøde tirsdag d. 3/5-22 kl. 18.30-21.15", "2022-05-03", False),
        (
            "Referat af bestyrelsesmøde nr. 2/2024\n\nMødet blev holdt torsdag den 18. april kl. 17.30.",
            "2024-04-18",
            True,
        ),
    ],
)
def test_the_meeting_date_among_other_dates(head: str, date: str, inferred: bool) -> None:
    meeting = extract_text(f"{head}\n\nDeltagere: Anne Hansen, Bo Jensen\n\n1. Velkomst\nIntet.\n").meetings[
        0
    ]
    assert (meeting.date, meeting.date_inferred) == (date, inferred)


def test_the_next_meeting_is_not_this_one() -> None:
    minutes = (
        "Næste møde: 9. november 2023\n\nReferat af møde i styregruppen den 14. juni 2023\n\n"
        "Deltagere: Anne Hansen\n\n1. Velkomst\nIntet.\n"
    )
    assert extract_text(minutes).meetings[0].date == "2023-06-14"
