"""Normaliser: the real layout problems of the corpus, page furniture, and the offset map."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pmkg.ingest.text.normalise import normalise
from tests.documents import corpus_text

NGC = corpus_text()
NGC_TEXT = normalise(NGC).text


def lines(text: str) -> list[str]:
    return normalise(text).text.split("\n")


# --- the NGC minutes (PDF text: hyphenation and a blank line after every wrapped line) -----------


@pytest.mark.parametrize(
    "expected",
    [
        "præsenterede kort dagsordenen for mødet.",  # mø-\n\ndet
        "hvor der bl.a. er fokus på evaluering",  # fo-\n\nkus
        "v/Bettina Lundgren og Lene Cividanes\n",  # Civi-\n\ndanes
        "Københavns Universitet (Forperson)\n",  # For-\nperson
        "finansiering, kompetencer etc.)?",  # kompe-\n\ntencer
        "(repræsentant for styregruppen for implementering af personlig medicin)\n",  # implemen-\ntering
        "5. møde i det nationale advisory board for forskning og infrastruktur\n",
        "et tæt samarbejde med Genomics England.",
        "lettere tilgængelige muligheder for up- og download af data",  # suspended hyphen stays
        "videreformidlet til Indenrigs – og Sundhedsministeriet og styregruppen",
        "Kasper Lindegaard-Hjulmann, Nationalt Genom Center\n",
        "relevante ”use-cases”, f.eks. inden for farmako-genetik.",
    ],
)
def test_ngc_words_and_sentences_are_whole(expected: str) -> None:
    assert expected in NGC_TEXT


def test_ngc_wrapped_sentences_become_one_line() -> None:
    assert (
        "NGC har underskrevet et Memorandum of Understanding (MoU) med Frankrig i marts, og der pågår også"
        " et tæt samarbejde med Genomics England. NGC deltager i de europæiske initiativer"
        " 1+ Million Genomes (1+MG) og Genomic Data Infrastructure (GDI) samt de pilotprojekter,"
    ) in NGC_TEXT
    assert "Næste møde afholdes torsdag d. 9. november 2023 kl. 14-16 (over Teams).\n" in NGC_TEXT
    assert "De bedes blive sendt til Christiane Karle (cska@ngc.dk) senest d. 5. juli 2023." in NGC_TEXT
    item = "\n4/5 Inputs fra advisory boardet til strategi for personlig medicin v/Lene Cividanes\n"
    assert item in NGC_TEXT


def test_ngc_line_structure_the_parser_needs_is_kept() -> None:
    text = NGC_TEXT.split("\n")
    attendance = text[text.index("Deltagere") + 1 : text.index("Sekretariat")]
    assert len(attendance) == 9 and attendance[1] == "Ismail Gögenur, professor, Region Sjælland"
    agenda = text.index("1/5 14.00 Velkommen og introduktion")
    assert text[agenda + 1] == "v/Søren Brunak"
    assert "1. Hvad skal være målsætningerne for en ny strategi?" in text
    assert "Følgende blev drøftet:" in text
    bullets = [line for line in text if line.startswith("•")]
    assert len(bullets) == 10
    assert bullets[0].endswith("og kombineres med andre data.")


def test_ngc_link_annotation_repeating_an_address_is_dropped() -> None:
    assert "mailto:" not in NGC_TEXT
    assert NGC_TEXT.endswith("senest d. 5. juli 2023.")
    assert "mailto:info@ngc.dk" in normalise("Kontakt os.\nmailto:info@ngc.dk").text  # no other copy


def test_other_corpus_files_keep_their_real_hyphens() -> None:
    gms = normalise(corpus_text("gms-styrgrupp-2023-06-14.txt")).text
    assert "Per-Olof Sundqvist, Region Västerbotten, vice ordförande" in gms
    assert "Anna-Karin Wästlund, kanslichef" in gms
    assert (
        "Prof. Emma Lindqvist-Berg (Karolinska"
        in normalise(corpus_text("npoc-scientific-advisory-board-2024-06-11.txt")).text
    )
    helse = normalise(corpus_text("helse-vest-styringsgruppe-presisjonsmedisin-2024-09-24.txt")).text
    assert "Thomas Ytre-Arne (referent)" in helse


# --- hyphens at line ends -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jan Walford-\nMoore", "Jan Walford-Moore"),
        ("Kirsten Beck-\n\nNielsen deltog", "Kirsten Beck-Nielsen deltog"),
        ("strategierne fra 2017-\n2022", "strategierne fra 2017-2022"),
        ("brug af up-\nog download", "brug af up- og download"),
        ("import-\nand export", "import- and export"),
        ("Referat fra Landskampagne-gruppen.\nMøde i Landskampagne-\ngruppen", None),
        ("sundheds-\ndata", "sundhedsdata"),
        ("mø\u00ad\ndet", "mødet"),  # a soft hyphen marks a hyphenation point
        ("en kort-\n\n\ntekst", "en kort-\n\n\ntekst"),  # two blank lines: a real break
        ("Status -\nnæste skridt", "Status -\nnæste skridt"),  # a dash, not a hyphen
        ("fokus på pro-\n• bullet", "fokus på pro-\n• bullet"),
    ],
)
def test_hyphen_at_line_end(text: str, expected: str | None) -> None:
    result = normalise(text).text
    if expected is None:  # written with a hyphen elsewhere in the document: keep it
        assert result.endswith("Møde i Landskampagne-gruppen")
    else:
        assert result == expected


# --- wrapped sentences versus structure ------------------------------------------------------------


def test_attendance_with_blank_lines_between_names_is_not_joined() -> None:
    text = "Deltagere\n\nSøren Brunak, professor, KU\n\nIsmail Gögenur, professor, Region Sjælland"
    assert lines(text) == [
        "Deltagere",
        "",
        "Søren Brunak, professor, KU",
        "",
        "Ismail Gögenur, professor, Region Sjælland",
    ]


@pytest.mark.parametrize(
    "following",
    ["• Næste punkt", "- Næste punkt", "* Næste punkt", "– Næste punkt", "2. Godkendelse af referat",
     "2/5 14.10 Status", "Afbud: Jette Kolding Kristensen", "a) første mulighed", "14.30 Pause"],
)  # fmt: skip
def test_structural_lines_are_never_joined(following: str) -> None:
    assert lines(f"Vi drøftede det med\n\n{following}") == ["Vi drøftede det med", "", following]


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        ("Bettina understregede, at det var en præmis for", "Novo Nordisk Fondens donation", True),
        ("Vi forventer, at strategien er", "færdig i løbet af 2024.", True),
        ("Status fra Nationalt Genom Center", "(NGC). Aktuelt er der", True),
        ("sendt til Christiane Karle senest d.", "5. juli 2023.", True),
        ("Inputs til strategi v/Lene", "Cividanes", True),
        ("The report was presented by", "Jan Walford-Moore", True),
        ("Referatet blev godkendt.", "Næste punkt var økonomi.", False),  # a sentence ended
        ("Dagsorden:", "velkomst", False),  # a heading
        ("Søren Brunak, professor, Københavns Universitet", "Bettina Lundgren, direktør", False),
        ("Referat", "Dagsordenen blev godkendt.", False),
    ],
)
def test_wrapped_sentence_after_a_blank_line(first: str, second: str, joined: bool) -> None:
    expected = [f"{first} {second}"] if joined else [first, "", second]
    assert lines(f"{first} \n\n{second}") == expected


def test_single_line_breaks_are_kept() -> None:
    text = "Venue: Room SSO.10, University of Warwick,\n             Coventry, CV4 7AL"
    assert lines(text) == ["Venue: Room SSO.10, University of Warwick,", "Coventry, CV4 7AL"]


# --- page furniture -----------------------------------------------------------------------------------


@pytest.mark.parametrize("furniture", ["Side 2 af 5", "Page 3 of 4", "- 3 -", "Side 4", "Sida 2 av 3", "[7]"])
def test_page_number_lines_are_dropped(furniture: str) -> None:
    assert lines(f"Første del.\n{furniture}\nAnden del.") == ["Første del.", "Anden del."]


def test_lone_numbers_and_running_headers_at_page_breaks() -> None:
    pages = [f"Referat – bestyrelsesmøde\nIndhold på side {n}.\nFortrolig\n{n}" for n in range(1, 4)]
    assert lines("\f".join(pages)) == [
        "Referat – bestyrelsesmøde",  # kept once: on the first page it is the title
        "Indhold på side 1.",
        "Indhold på side 2.",
        "Indhold på side 3.",
    ]


def test_lone_numbers_inside_a_page_are_content() -> None:
    assert lines("Antal genomer:\n14505\nDet er mange.") == ["Antal genomer:", "14505", "Det er mange."]


def test_word_hyphenated_across_a_page_break() -> None:
    pages = "Referat\nVi fik et kompe-\nSide 1 af 2\fReferat\n\ntent svar.\nSide 2 af 2"
    assert lines(pages) == ["Referat", "Vi fik et kompetent svar."]


# --- characters -------------------------------------------------------------------------------------


def test_characters_are_normalised() -> None:
    text = "Dato:\t14. juni\r\nSted:\u00a0Online  \r\nSøren\u200b Bru\u00adnak og a\u030ase\u2011løs"
    assert normalise(text).text == "Dato: 14. juni\nSted: Online\nSøren Brunak og åse-løs"


def test_pdf_symbol_bullets_and_ligatures_become_text() -> None:
    norm = normalise("\uf0b7 Øget \ufb01nansiering\n\uf0b7 \ufb02ere data")
    assert norm.text == "• Øget finansiering\n• flere data"
    assert list(norm.index[7:9]) == [7, 7]  # both letters of the ligature point at it


# --- the offset map ---------------------------------------------------------------------------------


def test_to_original_spans_the_hyphenated_source() -> None:
    norm = normalise(NGC)
    start = norm.text.index("mødet.")
    a, b = norm.to_original(start, start + len("mødet"))
    assert NGC[a:b] == "mø-\n\ndet"


def test_to_original_covers_composed_characters() -> None:
    original = "Ta\u030arnby og Sk\u00f8tt"
    norm = normalise(original)
    assert norm.text == "Tårnby og Skøtt"
    assert original[slice(*norm.to_original(0, 6))] == "Ta\u030arnby"
    assert norm.to_original(len(norm.text), len(norm.text)) == (len(original), len(original))


def test_every_attendee_quote_maps_to_the_same_name_in_the_original() -> None:
    norm = normalise(NGC)
    for name in ("Søren Brunak", "Kasper Lindegaard-Hjulmann", "Christiane Saurbrey Karle", "Lene Cividanes"):
        start = norm.text.index(name)
        a, b = norm.to_original(start, start + len(name))
        assert NGC[a:b] == name


# --- properties ---------------------------------------------------------------------------------------

# text shaped like minutes: words, Danish letters, hyphens, bullets, numbers, and layout characters
MINUTES_ALPHABET = st.sampled_from(
    list("abcdeøæåABCÆØÅ019 .,:;()-–•/\n\n\n\f\t\r\u00a0\u00ad")
    + ["mø-\n\ndet", "Side 2 af 5", "\n1/5 ", "og ", "v/Lene ", "mailto:a@b.dk", "a@b.dk", "a\u030a", "\r\n"]
)
minutes_like = st.lists(MINUTES_ALPHABET, max_size=120).map("".join)
any_text = st.text(max_size=200)


def assert_index_consistent(original: str) -> None:
    norm = normalise(original)
    index = norm.index
    assert len(index) == len(norm.text)
    assert all(0 <= i < len(original) for i in index)
    assert all(a <= b for a, b in zip(index, index[1:], strict=False))
    for i, char in enumerate(norm.text):
        source = original[index[i]]
        if char == source:
            continue
        assert (
            char in " \n-"
            and (source.isspace() or source in "\u2010\u2011")
            or (unicodedata.normalize("NFD", char)[0] == source)
        ), (char, source)


@settings(max_examples=200, deadline=None)
@given(minutes_like)
def test_index_maps_every_character(original: str) -> None:
    assert_index_consistent(original)


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_index_is_monotone_and_in_range_for_any_text(original: str) -> None:
    norm = normalise(original)
    assert len(norm.index) == len(norm.text)
    assert all(0 <= i < len(original) for i in norm.index)
    assert list(norm.index) == sorted(norm.index)


@settings(max_examples=200, deadline=None)
@given(minutes_like, st.integers(0, 200), st.integers(0, 200))
def test_to_original_is_monotone_and_in_range(original: str, x: int, y: int) -> None:
    norm = normalise(original)
    start, end = sorted((x, y))
    a, b = norm.to_original(start, end)
    assert 0 <= a <= b <= len(original)
    c, d = norm.to_original(start, min(end + 1, len(norm.text)))
    assert (c, d) >= (a, b)


@settings(max_examples=200, deadline=None)
@given(st.one_of(minutes_like, any_text))
@example("mailto:a@b.dk\ra\r\rmailto:a@b.dk")  # a link line joined into a sentence made a second pass differ
def test_normalising_twice_changes_nothing(original: str) -> None:
    once = normalise(original).text
    assert normalise(once).text == once


def test_a_table_row_after_a_blank_line_is_not_joined_to_the_line_before() -> None:
    text = "Deltagere fra\n\n| Navn | Organisation |\n|---|---|\n| Jens Hansen | DTU |"
    assert normalise(text).text == text
