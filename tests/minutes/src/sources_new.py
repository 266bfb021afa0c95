"""The rendered minutes of the new set (see build.py): file name, text and how it is rendered."""

from __future__ import annotations

from tests.minutes.src.render import Source
from tests.minutes.src.sources_new_conventions import (
    ASHBY_VALE_PUBLIC_HEALTH_COMMITTEE_2024_10_08,
    HELSE_FONNA_FORSKINGSUTVAL_2024_11_05,
    MELLANSVERIGE_GENOMISK_MEDICIN_RAD_2024_10_22,
    REGION_SYDDANMARK_KOORDINATIONSGRUPPE_GENETIK_2024_05_29,
)
from tests.minutes.src.sources_new_office import (
    BIOBANK_SVERIGE_STYRGRUPP_2023_10_05,
    HELSEDIREKTORATET_GENOMDIAGNOSTIKK_2023_11_21,
    REGION_SJAELLAND_PRAECISIONSMEDICIN_2023_11_07,
)
from tests.minutes.src.sources_new_pdf import (
    ERN_GENTURIS_BOARD_2024_03_22,
    NORDIC_CLINICAL_GENETICS_COUNCIL_2024_01_30,
    UNN_FAGRAD_PRESISJONSMEDISIN_2023_10_10,
)
from tests.minutes.src.sources_new_tables import (
    RAVENSCOURT_JOINT_COMMITTEE_GENOMIC_TESTING_2024_09_12,
    SVENSKA_SALLSKAPET_FARMAKOGENETIK_STYRELSE_2024_05_16,
)
from tests.minutes.src.sources_new_web import (
    INNLANDET_BRUKERUTVALG_2024_04_23,
    NORTHMOOR_HEALTH_WELLBEING_BOARD_2024_02_15,
)

RENDERED: dict[str, Source] = {
    "helsedirektoratet-styringsgruppe-genomdiagnostikk-2023-11-21.docx": Source(
        HELSEDIREKTORATET_GENOMDIAGNOSTIKK_2023_11_21
    ),
    "region-sjaelland-styregruppe-praecisionsmedicin-2023-11-07.docx": Source(
        REGION_SJAELLAND_PRAECISIONSMEDICIN_2023_11_07
    ),
    "biobank-sverige-styrgrupp-2023-10-05.docx": Source(BIOBANK_SVERIGE_STYRGRUPP_2023_10_05),
    "nordic-clinical-genetics-council-2024-01-30.pdf": Source(
        NORDIC_CLINICAL_GENETICS_COUNCIL_2024_01_30, style="two_columns"
    ),
    "unn-fagrad-presisjonsmedisin-2023-10-10.pdf": Source(
        UNN_FAGRAD_PRESISJONSMEDISIN_2023_10_10, style="typed"
    ),
    "ern-genturis-board-2024-03-22.pdf": Source(ERN_GENTURIS_BOARD_2024_03_22, style="narrow_table"),
    "northmoor-health-wellbeing-board-2024-02-15.html": Source(
        NORTHMOOR_HEALTH_WELLBEING_BOARD_2024_02_15, lang="en"
    ),
    "innlandet-brukerutvalg-2024-04-23.html": Source(INNLANDET_BRUKERUTVALG_2024_04_23, lang="no"),
    "region-syddanmark-koordinationsgruppe-genetik-2024-05-29.docx": Source(
        REGION_SYDDANMARK_KOORDINATIONSGRUPPE_GENETIK_2024_05_29
    ),
    "mellansverige-genomisk-medicin-rad-2024-10-22.pdf": Source(
        MELLANSVERIGE_GENOMISK_MEDICIN_RAD_2024_10_22
    ),
    "ashby-vale-public-health-committee-2024-10-08.html": Source(
        ASHBY_VALE_PUBLIC_HEALTH_COMMITTEE_2024_10_08, lang="en"
    ),
    "helse-fonna-forskingsutval-2024-11-05.docx": Source(HELSE_FONNA_FORSKINGSUTVAL_2024_11_05),
    "ravenscourt-joint-committee-genomic-testing-2024-09-12.docx": Source(
        RAVENSCOURT_JOINT_COMMITTEE_GENOMIC_TESTING_2024_09_12
    ),
    "svenska-sallskapet-farmakogenetik-styrelse-2024-05-16.docx": Source(
        SVENSKA_SALLSKAPET_FARMAKOGENETIK_STYRELSE_2024_05_16
    ),
}
