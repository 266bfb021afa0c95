"""Readers: every format and encoding from the real corpus text, and every kind of bad file."""

from __future__ import annotations

import hashlib
import io
import random
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pmkg.ingest.read.limits as limits
from pmkg.errors import InputError
from pmkg.ingest.read import RawDocument, read_bytes, read_document
from pmkg.ingest.read.limits import max_bytes_from_env
from pmkg.ingest.read.rows import cell_text, row_text
from pmkg.ingest.text.normalise import normalise
from tests.documents import corpus_text, docx_bytes, html_bytes, pdf_bytes, zip_bomb_docx

NGC = corpus_text()
# Latin-1 has no curly quotes, bullets or dashes: the same minutes as a Latin-1 editor saves them
NGC_LATIN1 = NGC.translate(str.maketrans({"’": "'", "”": '"', "•": "*", "–": "-"}))


def refused(data: bytes, name: str) -> str:
    with pytest.raises(InputError) as caught:
        read_bytes(data, name)
    message = str(caught.value)
    assert message.startswith(f"{name}: ") and "\n" not in message
    return caught.value.reason


# --- plain text and encodings -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "detected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16-le"),  # Python writes a BOM and little-endian
        ("utf-16-le", "utf-16-le"),
        ("utf-16-be", "utf-16-be"),
        ("cp1252", "cp1252"),
    ],
)
def test_corpus_text_in_each_encoding_reads_back_exactly(encoding: str, detected: str) -> None:
    raw = read_bytes(NGC.encode(encoding), "minutes.txt")
    assert raw.text == NGC
    assert raw.encoding == detected
    assert "Søren Brunak" in raw.text and "Ismail Gögenur" in raw.text and "Dybkjær" in raw.text


def test_latin1_text_keeps_danish_letters() -> None:
    raw = read_bytes(NGC_LATIN1.encode("latin-1"), "minutes.md")
    assert raw.text == NGC_LATIN1
    assert raw.encoding == "latin-1"
    assert raw.format == "md"


def test_cp1252_punctuation_is_not_mojibake() -> None:
    raw = read_bytes("Bemærk: NGC’s rolle • “dansk” data – 5 €".encode("cp1252"), "note.txt")
    assert raw.text == "Bemærk: NGC’s rolle • “dansk” data – 5 €"


def test_utf8_with_stray_cp1252_bytes_keeps_both() -> None:
    data = NGC.encode("utf-8") + "Bemærk – NGC’s svar".encode("cp1252")
    raw = read_bytes(data, "pasted.txt")
    assert raw.text == NGC + "Bemærk – NGC’s svar"
    assert raw.encoding == "utf-8"


def test_utf16_with_one_damaged_character_is_read_and_utf16_noise_is_not() -> None:
    data = bytearray(NGC.encode("utf-16-le"))
    data[100:102] = b"\x00\xdc"  # a lone low surrogate
    raw = read_bytes(b"\xff\xfe" + bytes(data), "damaged.txt")
    assert raw.text.count("\ufffd") == 1 and "Søren Brunak" in raw.text
    noise = b"\xff\xfe" + b"\x00\xdc" * 500
    assert refused(noise, "noise.txt") == "not valid utf-16-le text (corrupt or binary)"


def test_legacy_encoding_other_than_cp1252_is_not_read_as_cp1252() -> None:
    # DOS Danish (cp865): read as cp1252 its letters would become box-drawing mojibake
    text = "Referat af mødet. Deltagere: Søren Brunak, Åse Ærø. " * 20
    raw = read_bytes(text.encode("cp865"), "old.txt")
    assert "Ã" not in raw.text and "\u2500" not in raw.text
    assert raw.encoding != "cp1252"


def test_read_document_from_disk_records_source_format_and_hash(tmp_path) -> None:
    path = tmp_path / "ngc.txt"
    data = NGC.encode("utf-16")
    path.write_bytes(data)
    raw = read_document(path)
    assert raw == RawDocument(
        source="ngc.txt",
        format="txt",
        sha256=hashlib.sha256(data).hexdigest(),
        text=NGC,
        encoding="utf-16-le",
    )


@pytest.mark.parametrize("data", [b"", b"   \n\r\n\t "])
def test_empty_file(data: bytes) -> None:
    assert refused(data, "empty.txt") == "empty file"


def test_binary_content_with_text_extension() -> None:
    noise = random.Random(7).randbytes(4000)
    assert refused(noise, "photo.txt") == "binary content, not text"
    assert refused(b"\x00\x01\x02\x03" * 100, "data.md") == "binary content, not text"


def test_pdf_or_docx_with_text_extension_is_named() -> None:
    assert "is a PDF" in refused(pdf_bytes(["Referat"]), "minutes.txt")
    assert "zip archive" in refused(docx_bytes([("p", "Referat")]), "minutes.txt")


def test_unsupported_extension_lists_the_supported_ones() -> None:
    reason = refused(b"Referat", "minutes.doc")
    assert reason.startswith("unsupported file type '.doc'") and ".docx" in reason


def test_error_names_the_file_on_one_line_even_with_a_newline_in_its_name() -> None:
    with pytest.raises(InputError) as caught:
        read_bytes(b"", "evil\nname.txt")
    assert str(caught.value) == "evil\\nname.txt: empty file"


def test_missing_file_and_directory(tmp_path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "nope.txt")
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(InputError, match="is a folder, not a document"):
        read_document(folder)


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # a 100 MB file, sparse: takes no disk space or memory
    with pytest.raises(InputError, match="larger than the limit of 25 MB"):
        read_document(path)


def test_upload_over_the_size_limit(monkeypatch) -> None:
    monkeypatch.setattr(limits, "MAX_BYTES", 1000)
    assert "larger than the limit of 1000 bytes" in refused(b"a" * 1001, "big.txt")
    assert read_bytes(b"a" * 1000, "fits.txt").text == "a" * 1000


def test_size_limit_from_environment(monkeypatch) -> None:
    monkeypatch.setenv("PMKG_MAX_BYTES", "5000")
    assert max_bytes_from_env() == 5000
    monkeypatch.setenv("PMKG_MAX_BYTES", "lots")
    assert max_bytes_from_env() == 25 * 1024 * 1024


# --- PDF ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ngc_pdf() -> bytes:
    """The NGC minutes laid out as the source PDF was: hyphenated lines, blank lines, 7 pages."""
    return pdf_bytes(NGC.split("\n"), header="Referat – advisory board for forskning")


def test_pdf_text_in_page_order_with_form_feeds(ngc_pdf: bytes) -> None:
    raw = read_bytes(ngc_pdf, "ngc.pdf")
    assert raw.format == "pdf" and raw.encoding is None
    assert raw.text.count("\f") == 6
    assert (
        raw.text.index("Deltagere") < raw.text.index("Bettina understregede") < raw.text.index("5. juli 2023")
    )
    assert "Side 1 af 7" in raw.text


def test_pdf_normalised_reads_like_the_minutes(ngc_pdf: bytes) -> None:
    text = normalise(read_bytes(ngc_pdf, "ngc.pdf").text).text
    assert "dagsordenen for mødet." in text
    assert "fokus på evaluering" in text
    assert "v/Bettina Lundgren og Lene Cividanes" in text
    assert "Kasper Lindegaard-Hjulmann, Nationalt Genom Center\n" in text
    assert "Side " not in text
    assert text.count("Referat – advisory board for forskning") == 1  # running header kept once


def test_pdf_wrapped_by_width_keeps_names_and_lines() -> None:
    pdf = pdf_bytes(normalise(NGC).text.split("\n"), wrap=70, footer="Page {page} of {pages}")
    text = normalise(read_bytes(pdf, "wrapped.pdf").text).text
    assert "Page " not in text
    assert "\nSekretariat\nBettina Lundgren, direktør, Nationalt Genom Center\n" in text


def test_pdf_table_columns_come_out_as_tabs_and_word_spaces_stay() -> None:
    data = pdf_bytes(
        [
            "Deltagere: Jens Hansen, Eva Berg og Ole Nielsen.",
            ["Navn", "Organisation", "Rolle"],
            ["Jens Hansen", "Region Midtjylland", "Formand"],
        ],
        footer=None,
    )
    assert read_bytes(data, "t.pdf").text.split("\n") == [
        "Deltagere: Jens Hansen, Eva Berg og Ole Nielsen.",
        "Navn\tOrganisation\tRolle",
        "Jens Hansen\tRegion Midtjylland\tFormand",
    ]


def test_encrypted_pdf() -> None:
    pdf = pdf_bytes(["Fortroligt referat"], password="hemmelig")
    assert refused(pdf, "secret.pdf").startswith("encrypted PDF")


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.95])
def test_truncated_pdf(ngc_pdf: bytes, cut: float) -> None:
    assert "truncated" in refused(ngc_pdf[: int(len(ngc_pdf) * cut)], "cut.pdf")


def test_truncated_pdf_with_an_end_marker_is_corrupt(ngc_pdf: bytes) -> None:
    assert refused(ngc_pdf[: len(ngc_pdf) // 2] + b"\n%%EOF\n", "cut.pdf") == "corrupt or truncated PDF"


def test_pdf_without_text_layer() -> None:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.rect(100, 100, 300, 400, fill=1)  # an image-only page, as a scan is
    page.drawString(300, 30, "- 1 -")  # with only a page number as text
    page.showPage()
    page.save()
    assert refused(buffer.getvalue(), "scan.pdf").startswith("no text layer (scanned?)")


def test_not_a_pdf_with_pdf_extension() -> None:
    assert refused(NGC.encode(), "minutes.pdf") == "not a PDF (no %PDF header)"


# --- DOCX -----------------------------------------------------------------------------------------


def test_docx_paragraphs_lists_and_tables_in_document_order() -> None:
    data = docx_bytes(
        [
            ("heading", "Referat af møde i Landskampagne-gruppen, 16. marts 2012"),
            ("p", "Deltagere: Paul Bjergager, Olga Runciman og Karl Bach Jensen."),
            ("number", "Referent og ordstyrer"),
            ("number", "Godkendelse af referatet fra møde den 24.02.2012"),
            ("bullet", "Merete Nordentoft er forhindret"),
            ("bullet", "Institut for Menneskerettigheder deltager"),
            ("table", [["Navn", "Organisation"], ["Susanne Nour", "Institut for Menneskerettigheder"]]),
            ("p", "Referatet blev godkendt"),
        ]
    )
    raw = read_bytes(data, "lap.docx")
    assert raw.format == "docx"
    assert raw.text.split("\n") == [
        "Referat af møde i Landskampagne-gruppen, 16. marts 2012",
        "Deltagere: Paul Bjergager, Olga Runciman og Karl Bach Jensen.",
        "1. Referent og ordstyrer",
        "2. Godkendelse af referatet fra møde den 24.02.2012",
        "• Merete Nordentoft er forhindret",
        "• Institut for Menneskerettigheder deltager",
        "| Navn | Organisation |",
        "| Susanne Nour | Institut for Menneskerettigheder |",
        "Referatet blev godkendt",
    ]


def test_docx_text_is_what_word_shows() -> None:
    """Inserted text and content controls count; deleted text and field codes do not."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    body = document.element.body
    paragraphs = [
        "<w:p {ns}><w:r><w:t>Deltagere: Søren</w:t></w:r>"
        "<w:del><w:r><w:delText> Slettet</w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t xml:space='preserve'> Brunak</w:t></w:r></w:ins></w:p>",
        "<w:p {ns}><w:r><w:instrText>HYPERLINK mailto:cska@ngc.dk</w:instrText></w:r>"
        "<w:hyperlink><w:r><w:t>cska@ngc.dk</w:t></w:r></w:hyperlink></w:p>",
        "<w:sdt {ns}><w:sdtContent><w:p><w:r><w:t>Sted: Online</w:t></w:r></w:p></w:sdtContent></w:sdt>",
    ]
    for xml in paragraphs:
        body.insert(len(body) - 1, parse_xml(xml.format(ns=nsdecls("w"))))
    buffer = io.BytesIO()
    document.save(buffer)
    assert (
        read_bytes(buffer.getvalue(), "tracked.docx").text
        == "Deltagere: Søren Brunak\ncska@ngc.dk\nSted: Online"
    )


@pytest.mark.parametrize(
    ("cells", "line"),
    [
        (
            ["Søren Brunak", "professor", "Københavns Universitet"],
            "| Søren Brunak | professor | Københavns Universitet |",
        ),
        (["Eva Berg", "", "Medlem", "", ""], "| Eva Berg |  | Medlem |"),
        (["", "Eva Berg", "DTU"], "|  | Eva Berg | DTU |"),
        (["Dato:", "14. juni 2023"], "Dato: 14. juni 2023"),
        (
            ["1. Velkomst", "Formanden bød velkommen. Dagsorden godkendt."],
            "1. Velkomst\nFormanden bød velkommen. Dagsorden godkendt.",
        ),
        (
            ["2", "Økonomi", "Bo Jensen", "Regnskabet blev godkendt."],
            "2. Økonomi, Bo Jensen\nRegnskabet blev godkendt.",
        ),
        (["Eva Berg", "Hun sagde ja."], "| Eva Berg | Hun sagde ja. |"),
        (
            ["1", "14.00", "Velkommen og introduktion", "Søren Brunak"],
            "1. 14.00 Velkommen og introduktion, Søren Brunak",
        ),
        (["2/5", "kl. 14.10-14.20", "Status"], "2/5 kl. 14.10-14.20 Status"),
        (["3.", "", "Eventuelt"], "3. Eventuelt"),
        (["42"], "42"),
    ],
)
def test_table_rows_read_as_minutes_lines(cells: list[str], line: str) -> None:
    assert row_text(cells) == line


def test_docx_table_cells_spanning_columns_and_holding_paragraphs() -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    for c, heading in enumerate(["Name", "Organisation", "Role"]):
        table.cell(0, c).text = heading
    table.cell(1, 0).text = "Jane Smith"
    table.cell(1, 0).add_paragraph("Professor")
    table.cell(1, 1).merge(table.cell(1, 2)).text = "Genomics England"
    table.cell(2, 0).text = "Tom Evans"
    table.cell(2, 2).text = "Observer"
    buffer = io.BytesIO()
    document.save(buffer)
    assert read_bytes(buffer.getvalue(), "t.docx").text.split("\n") == [
        "| Name | Organisation | Role |",
        "| Jane Smith, Professor | Genomics England |",
        "| Tom Evans |  | Observer |",
    ]


def test_docx_letterhead_in_the_page_header_comes_first() -> None:
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Dansk Selskab for Almen Medicin"
    document.add_paragraph("Bestyrelsesmøde den 6. februar 2019")
    buffer = io.BytesIO()
    document.save(buffer)
    assert read_bytes(buffer.getvalue(), "t.docx").text.split("\n") == [
        "Dansk Selskab for Almen Medicin",
        "Bestyrelsesmøde den 6. februar 2019",
    ]


def test_a_hostile_column_span_is_capped() -> None:
    import docx
    from docx.oxml import OxmlElement

    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Jens Hansen", "DTU"
    span = OxmlElement("w:gridSpan")
    span.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val", "999999999")
    table.cell(0, 0)._tc.get_or_add_tcPr().append(span)
    buffer = io.BytesIO()
    document.save(buffer)
    line = read_bytes(buffer.getvalue(), "t.docx").text
    assert line.startswith("| Jens Hansen |") and line.endswith("| DTU |") and line.count("|") == 65
    page = "<table><tr><td colspan='99999999'>Jens Hansen</td><td>DTU</td></tr></table>"
    assert read_bytes(page.encode(), "t.html").text.count("|") == 65


@pytest.mark.parametrize(
    ("paragraphs", "text"),
    [
        (["Eva Berg", "overlæge"], "Eva Berg, overlæge"),
        (["Godkendt.", "", "Se bilag"], "Godkendt. Se bilag"),
        (["Anne  Larsen\nKontorchef"], "Anne Larsen, Kontorchef"),
        (["", " "], ""),
    ],
)
def test_the_lines_of_a_cell_on_one_line(paragraphs: list[str], text: str) -> None:
    assert cell_text(paragraphs) == text


def test_corrupt_docx() -> None:
    good = docx_bytes([("p", "Referat")])
    assert "corrupt Word document" in refused(good[: len(good) // 2], "cut.docx")
    assert "corrupt Word document" in refused(b"PK\x03\x04" + random.Random(3).randbytes(3000), "noise.docx")
    assert "not a zip archive" in refused(NGC.encode(), "text.docx")


def test_docx_with_a_broken_document_part() -> None:
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(docx_bytes([("p", "Referat")]))) as source,
        zipfile.ZipFile(buffer, "w") as out,
    ):
        for item in source.infolist():
            data = source.read(item)
            out.writestr(item, data[: len(data) // 2] if item.filename == "word/document.xml" else data)
    assert refused(buffer.getvalue(), "broken.docx").startswith("corrupt Word document")


def test_zip_without_a_word_document() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "Referat")
    assert refused(buffer.getvalue(), "archive.docx") == "not a Word document (word/document.xml missing)"


def test_docx_zip_bomb_is_refused_without_inflating(monkeypatch) -> None:
    monkeypatch.setattr(limits, "MAX_BYTES", 1024 * 1024)
    bomb = zip_bomb_docx(9 * 1024 * 1024)  # inflates past 8 × MAX_BYTES
    assert len(bomb) < 64 * 1024
    assert refused(bomb, "bomb.docx") == "refused: inflates to more than 8 MB (zip bomb?)"


# --- HTML -----------------------------------------------------------------------------------------

NORD_LINES = corpus_text("region-nord-farmakogenetik-arbejdsgruppe-2023-09-20.txt").split("\n")


def test_html_main_text_only_and_scripts_never_appear() -> None:
    raw = read_bytes(html_bytes("Referat", NORD_LINES), "nord.html")
    assert raw.format == "html"
    for furniture in (
        "SCRIPT-TEXT",
        "NOSCRIPT-TEXT",
        "color: red",
        "Forside",
        "Sitets overskrift",
        "Kontakt os",
    ):
        assert furniture not in raw.text
    assert raw.text.startswith(
        "Referat\n\nRegion Nordjylland\n\nArbejdsgruppen for farmakogenetik i almen praksis\n\n"
    )
    assert "Deltagere: Bodil Sandahl Krogh (formand), Kasper Møller Hedegaard" in raw.text
    assert "Afbud: Jonas Vinter Bak og Merete Højbjerg" in raw.text


def test_html_in_a_declared_legacy_charset() -> None:
    raw = read_bytes(html_bytes("Referat", NORD_LINES, charset="windows-1252"), "nord.htm")
    assert "Mødet blev holdt onsdag den 20. september 2023" in raw.text
    assert raw.encoding == "windows-1252"


def test_html_blocks_lists_and_tables_become_lines() -> None:
    page = (
        "<?xml version='1.0' encoding='utf-8'?><html><body><h2>Til stede</h2>"
        "<ul><li>Søren Brunak</li> <li>Bettina<br>Lundgren</li></ul>"
        "<table><tr><td>1/5</td><td>Velkommen</td></tr></table><!-- skjult -->"
        "<p>Slut &amp; farvel</p></body></html>"
    )
    raw = read_bytes(page.encode(), "page.html")
    assert raw.text == "Til stede\n\n• Søren Brunak\n• Bettina\nLundgren\n\n1/5 Velkommen\n\nSlut & farvel"


def test_html_table_cells_keep_their_columns_and_their_lines() -> None:
    page = (
        "<html><body><h2>Deltagere</h2><table><thead><tr><th>Navn</th><th>Organisation</th><th>Rolle</th>"
        "</tr></thead><tbody><tr><td>Eva Berg<br>overlæge</td><td></td><td><p>Næstformand</p></td></tr>"
        "<tr><td colspan='2'>Ole Holm</td><td>Kasserer</td></tr>"
        "</tbody></table><p>Referent: Karen Holm</p></body></html>"
    )
    assert read_bytes(page.encode(), "page.html").text.split("\n") == [
        "Deltagere",
        "",
        "| Navn | Organisation | Rolle |",
        "| Eva Berg, overlæge |  | Næstformand |",
        "| Ole Holm |  | Kasserer |",
        "",
        "Referent: Karen Holm",
    ]


def test_html_definition_lists_are_fields() -> None:
    page = (
        "<html><body><h1>Minutes</h1><dl><dt>Date</dt><dd>12 October 2023</dd><dt>Sted:</dt>"
        "<dd>Teams</dd></dl><p>Present: Jane Smith</p></body></html>"
    )
    assert read_bytes(page.encode(), "page.html").text.split("\n") == [
        "Minutes",
        "",
        "Date: 12 October 2023",
        "Sted: Teams",
        "",
        "Present: Jane Smith",
    ]


def test_html_without_text() -> None:
    assert (
        refused(b"<html><body><script>alert(1)</script></body></html>", "blank.html")
        == "no text in the document"
    )


def test_fuzz_runner_finds_no_crash_in_a_short_run(tmp_path, capsys) -> None:
    from tests.fuzz import run

    assert run(examples=60, seed=1, timeout=20, crash_dir=tmp_path) == 0
    summary = capsys.readouterr().out.strip().splitlines()[-1]
    assert summary.startswith("fuzz: 60 inputs (seed 1)") and " 0 crashes" in summary
    assert not list(tmp_path.iterdir())


def test_fuzz_runner_reports_an_undeclared_exception(tmp_path, monkeypatch, capsys) -> None:
    import tests.fuzz as fuzz

    def broken(data: bytes, name: str) -> RawDocument:
        raise KeyError("boom")

    monkeypatch.setattr(fuzz, "read_bytes", broken)
    assert fuzz.run(examples=3, seed=1, timeout=20, crash_dir=tmp_path) == 1
    assert "3 crashes" in capsys.readouterr().out
    assert len(list(tmp_path.glob("*.traceback"))) == 3


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=4096), extension=st.sampled_from(["txt", "md", "pdf", "docx", "html", "htm"]))
def test_any_bytes_are_read_or_refused_in_one_line(data: bytes, extension: str) -> None:
    """Whatever lands in the inbox: a RawDocument, or an InputError naming the file, never a crash."""
    try:
        raw = read_bytes(data, f"upload.{extension}")
    except InputError as exc:
        assert str(exc).startswith("upload.") and "\n" not in str(exc)
    else:
        assert raw.text.strip() and raw.sha256 == hashlib.sha256(data).hexdigest()
