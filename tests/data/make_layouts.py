"""Write the Word and PDF layouts of tests/data (``python -m tests.data.make_layouts``).

The files are committed so the corpus tests read them like any user's upload; this script shows
what went into them. Word tables are laid out as Word does: a "Table Grid" table, a bold header
row marked to repeat on each page, a cell holding two paragraphs, an empty cell. The PDF draws its
attendance table in columns, as a PDF printed from Word shows one.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx
from docx.oxml import OxmlElement

HERE = Path(__file__).resolve().parent


def _table(document: docx.document.Document, rows: list[list[str]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    header = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    header.append(repeat)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            first, *more = value.split("\n")
            cell.text = first
            for extra in more:
                cell.add_paragraph(extra)
            if r == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True


def english_agm() -> docx.document.Document:
    document = docx.Document()
    document.add_heading("Minutes of the Annual General Meeting of the Nordic Rare Disease Association", 1)
    document.add_paragraph("Date: June 14th, 2023")
    document.add_paragraph("Time: 2.00pm – 4.30pm")
    document.add_paragraph("Venue: Radisson Blu Scandinavia Hotel, Amager Boulevard 70, Copenhagen")
    document.add_heading("Attendance", 2)
    _table(
        document,
        [
            ["Name", "Organisation", "Role"],
            ["Jane Smith", "Rare Diseases Denmark", "Chair"],
            ["Dr Peter Olsen", "Rigshospitalet", "Treasurer"],
            ["Mary Walsh", "Genetic Alliance UK", "Secretary"],
            ["Henrik Lund", "", "Board member"],
            ["Nyberg, Anna", "Karolinska Institutet", "Observer"],
        ],
    )
    document.add_heading("Apologies", 2)
    _table(document, [["Name", "Organisation"], ["Tom Murphy", "Rare Diseases Ireland"]])
    document.add_paragraph("1. Election of the chair of the meeting")
    document.add_paragraph("Jane Smith was elected to chair the meeting. The meeting was declared quorate.")
    document.add_paragraph("2. Annual report 2022 presented by Jane Smith")
    document.add_paragraph(
        "The Chair presented the annual report. Membership grew to 412 families. The report was approved."
    )
    document.add_paragraph("3. Accounts 2022")
    document.add_paragraph("Dr Peter Olsen presented the accounts, which were approved without comments.")
    document.add_paragraph("4. Any other business")
    document.add_paragraph("None.")
    document.add_paragraph("Minutes taken by Mary Walsh")
    return document


def danish_steering_group() -> docx.document.Document:
    document = docx.Document()
    document.add_paragraph("Referat af møde i Styregruppen for Genomisk Medicin")
    document.add_paragraph("Dato: 14/06/2023")
    document.add_paragraph("Sted og tid: Sundhedsministeriet, Holbergsgade 6, København, kl. 13.00–15.30")
    document.add_heading("Deltagere", 2)
    _table(
        document,
        [
            ["Organisation", "Navn", "Titel", "Fremmøde"],
            ["Sundhedsministeriet", "Anne Larsen", "Kontorchef\nformand for styregruppen", "Til stede"],
            ["Danske Regioner", "Mikkel Friis", "Chefkonsulent", "Til stede"],
            ["Region Syddanmark", "Hansen, Lars", "Overlæge", "Til stede"],
            ["Nationalt Genom Center", "Bettina Kjær", "Direktør", "Afbud"],
            ["Sundhedsdatastyrelsen", "Maja Steffensen", "", "Afbud"],
        ],
    )
    document.add_paragraph("1. Godkendelse af dagsorden")
    document.add_paragraph("Dagsordenen blev godkendt.")
    document.add_paragraph("2. Status på implementering af genomisk medicin")
    document.add_paragraph(
        "Lars Hansen orienterede om status i regionerne. Styregruppen tog orienteringen til efterretning."
    )
    document.add_paragraph("3. Eventuelt")
    document.add_paragraph("Intet.")
    document.add_paragraph("Referent: Mikkel Friis")
    return document


def danish_template() -> docx.document.Document:
    """A society's Word template: the header facts in a table, attendance as a present/absent grid."""
    document = docx.Document()
    document.add_paragraph("REFERAT")
    document.add_paragraph("Bestyrelsesmøde i Dansk Selskab for Sjældne Sygdomme")
    facts = document.add_table(rows=3, cols=4)
    for r, row in enumerate(
        [
            ["Dato", "5. september 2023", "Tidspunkt", "Kl. 16.00–18.00"],
            ["Sted", "Domus Medica, Kristianiagade 12, København Ø", "", ""],
            ["Referent", "Line Kristensen", "", ""],
        ]
    ):
        for c, value in enumerate(row):
            facts.cell(r, c).text = value
    facts.cell(1, 1).merge(facts.cell(1, 3))
    facts.cell(2, 1).merge(facts.cell(2, 3))
    document.add_paragraph("")
    _table(
        document,
        [
            ["Til stede", "Afbud"],
            ["Anders Holm (formand)", "Mette Bak"],
            ["Line Kristensen", "Søren Vang"],
            ["Peter Dam", ""],
            ["Camilla Friis (næstformand)", ""],
        ],
    )
    document.add_paragraph("1. Godkendelse af dagsorden")
    document.add_paragraph("Dagsordenen blev godkendt.")
    document.add_paragraph("2. Økonomi")
    document.add_paragraph("Peter Dam gennemgik halvårsregnskabet. Bestyrelsen tog det til efterretning.")
    document.add_paragraph("3. Eventuelt")
    document.add_paragraph("Næste møde holdes den 7. november 2023.")
    return document


def danish_committee_pdf() -> bytes:
    from tests.documents import pdf_bytes

    return pdf_bytes(
        [
            "Region Midtjylland",
            "Referat af møde i Udvalg for Personlig Medicin",
            "Mødedato: Tirsdag den 10. oktober 2023 kl. 13.00-15.00",
            "Mødested: Regionshuset Viborg, Skottenborg 26",
            "",
            "Deltagere",
            ["Navn", "Organisation", "Funktion"],
            ["Mette Sørensen", "Aarhus Universitetshospital", "Formand"],
            ["Jonas Riis", "Regionshospitalet Gødstrup", "Medlem"],
            ["Pernille Lund", "Aarhus Universitet", "Medlem"],
            ["Thomas Krogh", "Region Midtjylland", "Sekretariat"],
            "",
            "Afbud: Anders Bech",
            "",
            "1. Godkendelse af dagsorden",
            "Dagsordenen blev godkendt.",
            "2. Status på genomsekventering",
            "Jonas Riis orienterede om status. Udvalget tog orienteringen til efterretning.",
            "3. Eventuelt",
            "Intet.",
            "",
            "Referent: Thomas Krogh",
        ],
        footer="Side {page} af {pages}",
    )


LAYOUTS: dict[str, Callable[[], bytes | docx.document.Document]] = {
    "layout-da-udvalg-pdf-2023-10-10.pdf": danish_committee_pdf,
    "layout-da-skabelon-2023-09-05.docx": danish_template,
    "layout-en-association-agm-2023-06-14.docx": english_agm,
    "layout-da-styregruppe-tabel-2023-06-14.docx": danish_steering_group,
}


def main() -> None:
    """Write the layouts not written yet (Word stamps every save, so a rewrite would change the bytes)."""
    for name, build in LAYOUTS.items():
        if not (HERE / name).exists():
            made = build()
            if isinstance(made, bytes):
                (HERE / name).write_bytes(made)
            else:
                made.save(str(HERE / name))


if __name__ == "__main__":
    main()
