"""The text of the DOCX and PDF minutes of the new set written to widen the conventions (see build.py).

They use what the earlier minutes lack: an attendance table whose third column is the person's role in
the meeting, a role written after the name with a colon, group headings (``Presidium:``), ``från``
affiliations, ``på vegne af`` and an initials-only minute-taker line.
"""

REGION_SYDDANMARK_KOORDINATIONSGRUPPE_GENETIK_2024_05_29 = [
    ("title", "Region Syddanmark"),
    ("title", "Koordinationsgruppen for genetisk diagnostik"),
    ("p", "Referat af møde den 29. maj 2024 kl. 13.00–15.30"),
    ("p", "Sted: Odense Universitetshospital, mødelokale 2"),
    ("h", "Mødedeltagere"),
    (
        "table",
        [
            ["Navn", "Organisation", "Rolle i mødet"],
            ["Signe Krogsgaard", "Odense Universitetshospital", "Formand"],
            ["Bjarke Lindholm", "Sygehus Lillebælt", "Næstformand"],
            ["Pernille Juul Damgaard", "Syddansk Universitet", "Medlem"],
            ["Ahmed Rasouli", "Sygehus Sønderjylland", "Medlem (afbud)"],
            ["Tove Marcussen", "Sjældne Diagnoser", "Patientrepræsentant"],
            ["Lasse Wium", "Sundhedsdatastyrelsen", "Observatør"],
            ["Camilla Bro Iversen", "Region Syddanmark", "Sekretariat og referent"],
        ],
    ),
    ("p", "Afbud i øvrigt: Henrik Skovby (Sydvestjysk Sygehus)."),
    ("p", "Under punkt 3 deltog desuden Nanna Friis på vegne af Nationalt Genom Center."),
    ("h", "1. Godkendelse af dagsorden"),
    ("p", "Dagsordenen blev godkendt."),
    ("h", "2. Ventetider til genetisk udredning"),
    (
        "p",
        "Signe Krogsgaard gennemgik ventetiderne til genetisk udredning i regionen. Ventetiden er faldet til "
        "otte uger på Odense Universitetshospital, men er fortsat over tolv uger på Sygehus Sønderjylland. "
        "Tove Marcussen spurgte, hvordan familier med sjældne sygdomme bliver prioriteret.",
    ),
    ("h", "3. Helgenomsekventering via Nationalt Genom Center"),
    (
        "p",
        "Nanna Friis orienterede om de nye indikationer for helgenomsekventering og om regionens andel af "
        "analyserne. Bjarke spurgte til svartiderne for børn på intensivafsnit.",
    ),
    ("h", "4. Eventuelt"),
    ("p", "CBI orienterede om datoen for næste møde, 2. oktober 2024."),
    ("p", "Referent: CBI"),
]


MELLANSVERIGE_GENOMISK_MEDICIN_RAD_2024_10_22 = [
    ("title", "Region Uppsala"),
    ("title", "Rådet för genomisk medicin i Mellansverige"),
    ("p", "Minnesanteckningar"),
    ("p", "Datum: 22 oktober 2024, kl. 9.30–12.00"),
    ("p", "Plats: Akademiska sjukhuset, ingång 70, samt via Teams"),
    ("h", "Närvarande"),
    (
        "p",
        "Presidium: Lena Bergqvist: ordförande, Region Uppsala; Johan Ek: vice ordförande, Region Västmanland",
    ),
    (
        "p",
        "Ledamöter: Maria Holmgren från Uppsala universitet; Farid Nasser från Region Gävleborg; "
        "Eva-Lotta Strand från Region Dalarna",
    ),
    ("p", "Observatörer: Per Wikström från Socialstyrelsen"),
    ("p", "Kansliet: Sofia Lind, Region Uppsala"),
    ("p", "Förhinder: Anders Öhman (Region Sörmland), Karin Dahl (Riksförbundet Sällsynta diagnoser)"),
    ("h", "§ 1 Mötets öppnande"),
    ("p", "Ordföranden öppnade mötet och hälsade Per Wikström välkommen."),
    ("h", "§ 2 Genomisk diagnostik i regionerna"),
    (
        "p",
        "Maria Holmgren redovisade hur många helgenomanalyser regionerna beställt under året inom Genomic "
        "Medicine Sweden (GMS). Farid frågade om analyserna för vuxna med misstänkt ärftlig cancer kan "
        "utökas redan under 2025.",
    ),
    ("h", "§ 3 Kunskapsstöd från Socialstyrelsen"),
    (
        "p",
        "Per Wikström informerade om Socialstyrelsens arbete med ett nationellt kunskapsstöd för genetisk "
        "vägledning. Eva-Lotta Strand efterlyste ett material på lättläst svenska.",
    ),
    ("h", "§ 4 Övriga frågor"),
    ("p", "SL påminde om att nästa möte hålls den 3 december 2024."),
    ("p", "Antecknat av: SL"),
]


ASHBY_VALE_PUBLIC_HEALTH_COMMITTEE_2024_10_08 = [
    ("nav", ["Home", "Your council", "Committees", "Public Health Committee", "Contact us"]),
    ("title", "Public Health Committee – 8 October 2024"),
    ("p", "Minutes of the Public Health Committee of Ashby Vale District Council, 8 October 2024, 6.30 pm"),
    ("h", "Councillors present"),
    ("bullets", ["Cllr Rosa Whitlock (Chair)", "Cllr Imran Sadiq (Vice-Chair)", "Cllr Gwen Penrose"]),
    ("h", "Co-opted members"),
    ("bullets", ["Dr Malik Osei, representing Ashby Vale Primary Care Network"]),
    ("h", "Officers present"),
    ("bullets", ["Joanne Pike, Director of Public Health", "Ewan Hart, Democratic Services (minutes)"]),
    ("h", "Apologies"),
    ("p", "Apologies were received from Cllr Tessa Grange, with Cllr Owen Marsh attending as substitute."),
    ("h", "1. Declarations of interest"),
    ("p", "None were declared."),
    ("h", "2. Childhood screening"),
    (
        "p",
        "Joanne Pike presented the report on newborn screening uptake, which has fallen to 94 per cent. "
        "Dr Osei said that practices would remind parents at the six-week check.",
    ),
    ("p", "RESOLVED: that the report be noted."),
    ("footer", ["© Ashby Vale District Council", "Accessibility statement"]),
]


HELSE_FONNA_FORSKINGSUTVAL_2024_11_05 = [
    ("title", "Helse Fonna HF"),
    ("title", "Forskingsutvalet"),
    ("p", "Referat frå møte 5. november 2024, Haugesund sjukehus"),
    ("h", "Deltakarar"),
    (
        "table",
        [
            ["Namn", "Rolle", "Verksemd", "Til stades"],
            ["Solveig Tveit", "Leiar", "Helse Fonna HF", "Ja"],
            ["Bjørn Eide Vatne", "Medlem", "Universitetet i Bergen", "Ja"],
            ["Randi Økland", "Medlem", "Høgskulen på Vestlandet", "Nei"],
            ["Kjetil Hauge", "Brukarrepresentant", "Kreftforeningen", "Ja"],
            ["Marit Sæbø", "Sekretær, referent", "Helse Fonna HF", "Ja"],
        ],
    ),
    ("h", "Sak 20/24 Forskingsstrategi"),
    (
        "p",
        "Solveig Tveit la fram utkastet til ny forskingsstrategi for Helse Fonna. Kjetil Hauge bad om at "
        "brukarane vert tekne med tidleg i prosjekta.",
    ),
    ("h", "Sak 21/24 Eventuelt"),
    ("p", "Ingen saker."),
]
