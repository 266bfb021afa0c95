"""The text of the rendered minutes of the holdout set (see build.py); kept apart from the new set."""

from __future__ import annotations

from tests.minutes.src.render import Source

DANSK_GENETISK_RAADGIVNING_2023_09_05 = [
    ("title", "Dansk Netværk for Genetisk Rådgivning"),
    ("p", "Referat af netværksmøde tirsdag den 5. september 2023, kl. 10.00–14.00"),
    ("p", "Sted: Aalborg Universitetshospital, Hobrovej, auditorium 2"),
    ("h", "Medlemmer til stede"),
    ("p", "Annette Hyldahl Berg, genetisk vejleder, Aalborg Universitetshospital (formand)"),
    ("p", "Kamilla Skaarup, afdelingslæge, Aarhus Universitetshospital"),
    ("p", "Søs Engell Hvid, genetisk vejleder, Odense Universitetshospital"),
    ("p", "Naveed Akhtar, overlæge, Rigshospitalet"),
    ("h", "Fraværende medlemmer"),
    ("p", "Ulrikke Brøns, sygeplejerske, Sjællands Universitetshospital"),
    ("h", "Desuden deltog"),
    ("p", "Jens Ove Tarp, Sundhedsstyrelsen (observatør)"),
    ("p", "Bente Leth Kornum, Sjældne Diagnoser (gæst under punkt 3)"),
    ("h", "Dagsorden"),
    ("p", "1. Velkomst"),
    ("p", "2. Kompetencekrav til genetiske vejledere"),
    ("p", "3. Patienternes erfaringer"),
    ("p", "4. Eventuelt"),
    ("h", "1. Velkomst"),
    ("p", "Annette bød velkommen og præsenterede dagsordenen, som blev godkendt."),
    ("h", "2. Kompetencekrav til genetiske vejledere"),
    (
        "p",
        "Søs Engell Hvid gennemgik udkastet til fælles kompetencekrav, som netværket har udarbejdet siden "
        "foråret. Kravene bygger på de europæiske anbefalinger fra European Board of Medical Genetics. Jens Ove "
        "Tarp oplyste, at Sundhedsstyrelsen er positiv over for en national uddannelse, men at finansieringen "
        "ikke er afklaret.",
    ),
    ("h", "3. Patienternes erfaringer"),
    (
        "p",
        "Bente Leth Kornum fremlagde resultaterne af en undersøgelse blandt medlemmer af Sjældne Diagnoser. "
        "Mange familier oplever lang ventetid fra en genetisk diagnose til rådgivning. Naveed Akhtar foreslog, "
        "at netværket samarbejder med Nationalt Genom Center om en fælles informationsside.",
    ),
    ("h", "4. Eventuelt"),
    (
        "p",
        "Kamilla Skaarup orienterede om, at Aarhus Universitetshospital deltager i det europæiske netværk "
        "ERN ITHACA. Næste møde holdes den 7. december 2023 i Odense.",
    ),
    (
        "table",
        [
            ["Annette Hyldahl Berg", "Kamilla Skaarup"],
            ["Formand", "Referent"],
        ],
    ),
]

REGION_NORD_BIOBANK_2023_09_12 = [
    ("title", "Region Nordjylland – Biobank- og genomudvalget"),
    ("p", "REFERAT"),
    ("p", "Udsendt: 19. september 2023"),
    ("p", "Møde tirsdag d. 12/9 2023 kl. 13–15, Niels Bohrs Vej 30, Aalborg Øst"),
    ("p", "Tilstede:"),
    ("p", "– Mikala Vad Thorsen (Aalborg Universitetshospital), formand"),
    ("p", "– Brian Kjærgaard Nyholm (Aalborg Universitet)"),
    ("p", "– Tina Ravnborg (Region Nordjylland)"),
    ("p", "– Olaf Guldager (Regionshospital Nordjylland)"),
    ("p", "Observatører: Sussie Kalsgaard (Nationalt Genom Center)"),
    ("p", "Afbud: Per Højvang (Patientforeningen Lungekræft)"),
    ("p", "Referent: Lea Mølgaard Bak (Region Nordjylland)"),
    ("h", "Dagsorden"),
    ("p", "1. Biobankens drift"),
    ("p", "2. Helgenomsekventering"),
    ("p", "3. Forskning"),
    ("p", "4. Næste møde"),
    ("h", "1. Biobankens drift"),
    (
        "p",
        "TR gav en status på regionens biobank, hvor der nu opbevares prøver fra 84.000 patienter. OG påpegede, "
        "at opbevaringen i Hjørring skal samles i Aalborg. Udvalget bakkede op om sammenlægningen.",
    ),
    ("h", "2. Helgenomsekventering"),
    (
        "p",
        "SK orienterede om Nationalt Genom Centers nye kapacitet og om den regionale andel af henvisningerne. "
        "MVT oplyste, at Aalborg Universitetshospital vil øge antallet af henvisninger inden for kræft.",
    ),
    ("h", "3. Forskning"),
    (
        "p",
        "BKN præsenterede et forslag fra Aalborg Universitet om et forskningsprojekt, der kobler biobankprøver "
        "med data fra Genomic Data Infrastructure (GDI). Projektet ledes af professor Karin Wedege Fogh.",
    ),
    ("h", "4. Næste møde"),
    ("p", "Næste møde holdes d. 28/11 2023."),
]

HELSE_BERGEN_KLINISK_ETIKK_2024_02_20 = [
    ("nav", ["Helse Bergen", "Om oss", "Råd og utvalg", "Klinisk etikkomité", "Kontakt oss"]),
    ("title", "Klinisk etikkomité – møtereferat 20. februar 2024"),
    (
        "p",
        "Helse Bergen HF, Haukeland universitetssjukehus. Møtet ble holdt tirsdag 20. februar 2024 kl. 14.00–16.00 i Sentralblokken, møterom 4.",
    ),
    (
        "table",
        [
            ["Navn", "Rolle", "Representerer", "Oppmøte"],
            ["Ingrid Sæle Mjelde", "Leder", "Kvinneklinikken", "Møtt"],
            ["Tore Fjellanger", "Medlem", "Avdeling for medisinsk genetikk", "Møtt"],
            ["Lisbeth Haga Nordvik", "Medlem", "Brukerutvalget", "Møtt"],
            ["Amund Voll", "Medlem", "Prestetjenesten", "Forfall"],
            ["Henrikke Aase", "Sekretær", "Helse Bergen HF", "Møtt"],
        ],
    ),
    ("p", "I tillegg møtte overlege Sigmund Fure, Avdeling for medisinsk genetikk, under sak 2."),
    ("h", "Saksliste"),
    ("p", "Sak 1/24 Godkjenning av referat"),
    ("p", "Sak 2/24 Tilfeldige funn ved helgenomsekvensering"),
    ("p", "Sak 3/24 Eventuelt"),
    ("h", "Sak 1/24 Godkjenning av referat"),
    ("p", "Referatet fra møtet 12. desember 2023 ble godkjent."),
    ("h", "Sak 2/24 Tilfeldige funn ved helgenomsekvensering"),
    (
        "p",
        "Sigmund Fure orienterte om en sak der helgenomsekvensering av et barn avdekket en arvelig "
        "kreftrisiko hos en av foreldrene. Komiteen drøftet hvordan tilfeldige funn skal håndteres når "
        "samtykket ikke omtaler dem. Lisbeth Haga Nordvik understreket at familien må få tilbud om "
        "genetisk veiledning. Komiteen anbefaler at Haukeland universitetssjukehus følger veilederen fra "
        "Helsedirektoratet og erfaringene fra Genomic Medicine Centre Bergen.",
    ),
    ("h", "Sak 3/24 Eventuelt"),
    ("p", "Neste møte er 16. april 2024. Henrikke Aase skrev referatet."),
    (
        "footer",
        ["Helse Bergen HF, Haukeland universitetssjukehus", "Postboks 1400, 5021 Bergen", "Personvern"],
    ),
]

RENDERED: dict[str, Source] = {
    "dansk-netvaerk-genetisk-raadgivning-2023-09-05.docx": Source(DANSK_GENETISK_RAADGIVNING_2023_09_05),
    "region-nordjylland-biobank-genomudvalg-2023-09-12.pdf": Source(REGION_NORD_BIOBANK_2023_09_12),
    "helse-bergen-klinisk-etikkomite-2024-02-20.html": Source(
        HELSE_BERGEN_KLINISK_ETIKK_2024_02_20, lang="no"
    ),
}
