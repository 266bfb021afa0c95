"""Dates and clock times in the four languages, and the year of a year-less date."""

from __future__ import annotations

import pytest

from pmkg.ingest.text.dates import DateMatch, find_dates, infer_year, parse_time_range


@pytest.mark.parametrize(
    ("text", "iso", "times"),
    [
        ("Dato: 14. juni kl. 14-15.30", "--06-14", ("14:00", "15:30")),
        ("torsdag d. 9. november 2023 kl. 14-16 (over Teams)", "2023-11-09", ("14:00", "16:00")),
        ("torsdag d. 9. november 2023 kl.\n14-16", "2023-11-09", ("14:00", "16:00")),
        ("Date: Monday 6th September 2010.", "2010-09-06", (None, None)),
        ("Bestyrelsesmøde den 6. februar 2019", "2019-02-06", (None, None)),
        ("referatet fra møde den 24.02.2012", "2012-02-24", (None, None)),
        ("Next meeting 2023-11-09 13:00-14:00", "2023-11-09", ("13:00", "14:00")),
        ("Landskampagne-gruppen, 16. marts 2012", "2012-03-16", (None, None)),
        ("held on 16 March 2012", "2012-03-16", (None, None)),
        ("held on September 6, 2010", "2010-09-06", (None, None)),
        ("Møtedato: 3. mars 2021 kl. 09.00–11.30", "2021-03-03", ("09:00", "11:30")),
        ("Mötet hölls den 14 maj 2023 klockan 10:00", "2023-05-14", ("10:00", None)),
        ("Styremøte 2. desember 2022", "2022-12-02", (None, None)),
        ("høring den 8. maj.", "--05-08", (None, None)),
        ("Seminar 14.-15. juni 2023", "2023-06-14", (None, None)),
        ("Workshop 14–15 June 2023", "2023-06-14", (None, None)),
        ("Dato: 14/06/2023", "2023-06-14", (None, None)),
        ("Date: June 14th, 2023", "2023-06-14", (None, None)),
        ("14.6.2023", "2023-06-14", (None, None)),
        ("Tirsdag den 14. juni 2023 kl. 13.00-15.30", "2023-06-14", ("13:00", "15:30")),
        ("Datum: onsdagen den 14 juni 2023, kl. 13.00–15.30", "2023-06-14", ("13:00", "15:30")),
        ("Mandag 12.06.23 kl. 9-11", "2023-06-12", ("09:00", "11:00")),
        ("Wed 2023-06-14 13:00–15:30", "2023-06-14", ("13:00", "15:30")),
        ("onsdag d. 14/6-2023 kl. 14", "2023-06-14", ("14:00", None)),
        ("torsdag d. 14/6 kl. 14-16", "--06-14", ("14:00", "16:00")),
        ("Mødet den 3.10. kl. 9", "--10-03", ("09:00", None)),
    ],
)
def test_find_dates_reads_each_convention(text: str, iso: str, times: tuple[str | None, str | None]) -> None:
    (match,) = find_dates(text)
    assert match.iso == iso
    assert match.year_missing == iso.startswith("--")
    assert (match.start_time, match.end_time) == times
    assert find_dates(text[match.span[0] : match.span[1]])[0].iso == iso


@pytest.mark.parametrize(
    "text",
    [
        "1. udkast af papiret",
        "strategierne fra 2017-2022",
        "it 2 may be late",
        "31. februar 2020",
        "punkt 19",
        "version 1.2.23",
        "Sak 1/23 Godkjenning",
        "2/5 14.10 Status",
        "tlf. 12.34.56.78",
        "side 1/5",
        "1/5 14.00 Velkommen",
    ],
)
def test_find_dates_ignores_things_that_are_not_dates(text: str) -> None:
    assert find_dates(text) == []


def test_date_span_points_at_the_date() -> None:
    text = "De bedes sendt senest d. 5. juli 2023."
    (match,) = find_dates(text)
    assert text[match.span[0] : match.span[1]] == "5. juli 2023"


def test_year_is_inferred_from_the_documents_other_dates() -> None:
    text = "Dato: 14. juni kl. 14-15.30 ... torsdag d. 9. november 2023 ... senest d. 5. juli 2023."
    matches = find_dates(text)
    year = infer_year(matches)
    assert year == 2023
    assert matches[0].with_year(year).iso == "2023-06-14"
    assert not matches[0].with_year(year).year_missing


def test_infer_year_prefers_the_most_common_then_the_earliest_year() -> None:
    def dated(iso: str) -> DateMatch:
        return DateMatch(iso, False, (0, 1))

    assert infer_year([dated("2019-02-06"), dated("2018-09-06"), dated("2019-05-01")]) == 2019
    assert infer_year([dated("2024-01-10"), dated("2023-12-01")]) == 2023
    assert infer_year([DateMatch("--06-14", True, (0, 1))]) is None


def test_with_year_leaves_29_february_of_a_common_year_unresolved() -> None:
    (match,) = find_dates("29. februar")
    assert match.with_year(2023).year_missing
    assert match.with_year(2024).iso == "2024-02-29"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kl. 14-15.30", ("14:00", "15:30")),
        ("13:00-14:00", ("13:00", "14:00")),
        ("kl. 10 - 15 på Park Hotel, Middelfart", ("10:00", "15:00")),
        ("kl. 9.30", ("09:30", None)),
        ("klokken 14 til 16", ("14:00", "16:00")),
        ("from 10:00 to 12:30", ("10:00", "12:30")),
        ("Sted: Online", (None, None)),
        ("Time: 2.00pm - 3.30pm", ("14:00", "15:30")),
        ("2-4pm", ("14:00", "16:00")),
        ("11-1pm", ("11:00", "13:00")),
        ("at 12pm", ("12:00", None)),
        ("14.505 genomer", (None, None)),
        ("punkt 14-16", (None, None)),
        ("fra kl. 13 til kl. 15", ("13:00", "15:00")),
        ("kl. 13.00 – kl. 15.30", ("13:00", "15:30")),
        ("kl. 13.00-ca. 15.00", ("13:00", "15:00")),
        ("from 10:00 until approx. 12:30", ("10:00", "12:30")),
        ("Kl. 16.00–18.00", ("16:00", "18:00")),
        ("Thursday 18 April 2024 at 2.00 pm.", ("14:00", None)),  # was "14:00:", an invalid xsd:dateTime
        ("at 10.30 a.m.", ("10:30", None)),
    ],
)
def test_parse_time_range(text: str, expected: tuple[str | None, str | None]) -> None:
    assert parse_time_range(text) == expected


def test_a_weekday_picks_the_year_of_a_date_written_without_one() -> None:
    text = (
        "Tirsdag den 3. oktober kl. 13-15\nReferatet fra 12. september 2023 blev godkendt. "
        "Ansøgningsfrist 1. februar 2024, svar 5. marts 2024."
    )
    dates = find_dates(text)
    assert (dates[0].weekday, dates[0].year_missing) == (2, True)
    assert infer_year(dates) == 2024  # the most common year
    assert infer_year(dates, dates[0]) == 2023  # 3 October 2023 was a Tuesday, in 2024 a Thursday
    undated = find_dates("den 3. oktober, 1. februar 2024")
    assert infer_year(undated, undated[0]) == 2024  # no weekday: the most common year


def test_swedish_and_norwegian_dates_without_a_dot_after_the_day() -> None:
    found = find_dates("Synpunkter skickas senast den 10 juni. Mötet hålls onsdag 15 maj.")
    assert [(d.iso, d.weekday) for d in found] == [("--06-10", None), ("--05-15", 3)]
    assert find_dates("it may 2 may be") == []


def test_a_swedish_weekday_in_its_definite_form_picks_the_year() -> None:
    (written,) = find_dates("onsdagen den 14 juni")
    assert (written.iso, written.weekday) == ("--06-14", 3)
    assert infer_year(find_dates("2022-01-01 2023-01-01"), written) == 2023
