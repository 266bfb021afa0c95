"""The text of the web-page minutes of the new set (see build.py); one block list a document."""

NORTHMOOR_HEALTH_WELLBEING_BOARD_2024_02_15 = [
    (
        "nav",
        [
            "Home",
            "Council and democracy",
            "Councillors and committees",
            "Meetings and minutes",
            "Health and Wellbeing Board",
            "Contact us",
        ],
    ),
    ("title", "Health and Wellbeing Board – Minutes, Thursday 15 February 2024"),
    ("p", "Published: 4 March 2024"),
    (
        "p",
        "Minutes of the meeting of the Health and Wellbeing Board of Northmoor Borough Council held on "
        "Thursday 15 February 2024 at 2.00 pm in Committee Room 2, Northmoor Town Hall.",
    ),
    ("h", "Attendance"),
    (
        "table",
        [
            ["Member", "Representing", "Attendance"],
            ["Cllr Janet Oduya (Chair)", "Northmoor Borough Council", "Present"],
            ["Cllr Peter Ramsbottom", "Northmoor Borough Council", "Present"],
            ["Dr Harriet Yeung (Vice-Chair)", "NHS North Pennine Integrated Care Board", "Present"],
            ["Dr Owain Pritchard", "Director of Public Health, Northmoor Borough Council", "Present"],
            ["Fiona McAllister", "Healthwatch Northmoor", "Apologies"],
            [
                "Sunil Varma",
                "Northmoor Teaching Hospitals NHS Foundation Trust",
                "Apologies – substitute: Dr Rachel Kimber",
            ],
            ["Dr Rachel Kimber", "Northmoor Teaching Hospitals NHS Foundation Trust", "Present (substitute)"],
        ],
    ),
    (
        "p",
        "Also present: Dr Leon Fairbairn, North East and Yorkshire Genomic Medicine Service Alliance "
        "(for item 5); Amy Tolland, Democratic Services Officer (minutes).",
    ),
    ("h", "1. Apologies for absence"),
    ("p", "Apologies were received from Fiona McAllister and Sunil Varma."),
    ("h", "2. Declarations of interest"),
    (
        "p",
        "Dr Kimber declared that she is employed by the trust named in item 5. No other declarations were made.",
    ),
    ("h", "3. Minutes of the previous meeting"),
    ("p", "The minutes of the meeting held on 23 November 2023 were agreed as a correct record."),
    ("h", "4. Joint Strategic Needs Assessment"),
    (
        "p",
        "Dr Pritchard presented the refreshed assessment, which for the first time includes a chapter on "
        "inherited conditions and access to genetic testing in the borough.",
    ),
    ("h", "5. Genomic medicine in Northmoor"),
    (
        "p",
        "Dr Fairbairn gave an overview of the NHS Genomic Medicine Service and of the whole genome "
        "sequencing now offered to seriously ill children through the National Genomic Test Directory. "
        "Uptake in Northmoor is below the regional average. Cllr Ramsbottom asked how families who do not "
        "speak English are supported. Dr Yeung said the Integrated Care Board would work with Genomics "
        "England and the Alliance on translated materials.",
    ),
    (
        "p",
        "RESOLVED: that the Board supports a local awareness campaign, to be led by the Director of "
        "Public Health.",
    ),
    ("h", "6. Date of next meeting"),
    ("p", "Thursday 18 April 2024 at 2.00 pm."),
    (
        "footer",
        [
            "Northmoor Borough Council, Town Hall, Market Street, Northmoor",
            "Accessibility statement",
            "Privacy and cookies",
            "© Northmoor Borough Council 2024",
        ],
    ),
]


INNLANDET_BRUKERUTVALG_2024_04_23 = [
    ("nav", ["Forsiden", "Om oss", "Brukerutvalget", "Møteprotokoller", "English"]),
    ("title", "Protokoll fra møte i Brukerutvalget 23. april 2024"),
    ("p", "Publisert 30.04.2024"),
    (
        "p",
        "Sykehuset Innlandet HF – Brukerutvalget. Møtet ble holdt 23. april 2024 kl. 10.00–14.00 på "
        "Sykehuset Innlandet Hamar.",
    ),
    ("h", "Til stede"),
    (
        "bullets",
        [
            "Torill Hagebakken, leder (Funksjonshemmedes Fellesorganisasjon)",
            "Arild Sveum, nestleder (Kreftforeningen)",
            "Bodil Marie Lien (Mental Helse)",
            "Halvor Aasen-Rustad (Pensjonistforbundet)",
            "Nasra Ali Farah (Innvandrerrådet i Hamar)",
        ],
    ),
    ("h", "Forfall"),
    ("bullets", ["Eldbjørg Hovde (LHL)"]),
    ("h", "Fra administrasjonen"),
    (
        "bullets",
        [
            "Trond Sæterhaug, fagdirektør (deltok under sak 14/24)",
            "Ingunn Bjørge Stai, rådgiver, brukerutvalgets sekretariat (referent)",
        ],
    ),
    ("h", "Sak 13/24 Godkjenning av innkalling og protokoll"),
    ("p", "Innkalling og protokoll fra møtet 12. mars ble godkjent."),
    ("h", "Sak 14/24 Persontilpasset medisin i Sykehuset Innlandet"),
    (
        "p",
        "Fagdirektør Trond Sæterhaug orienterte om hvordan sykehuset tar i bruk genpaneler i kreftbehandlingen, "
        "og om samarbeidet med Oslo universitetssykehus om genetisk utredning. Sykehuset deltar også i "
        "InPreD, det nasjonale samarbeidet om presisjonsdiagnostikk i kreft. Arild Sveum spurte om "
        "pasienter i Innlandet får samme tilbud som pasienter i Oslo. Trond svarte at målet er likeverdig "
        "tilgang, men at noen analyser fortsatt bare gjøres i Oslo.",
    ),
    ("p", "Vedtak: Brukerutvalget ber om en årlig orientering om persontilpasset medisin."),
    ("h", "Sak 15/24 Brukermedvirkning i forskning"),
    (
        "p",
        "Bodil Marie Lien la fram et forslag om at brukerutvalget oppnevner en representant til "
        "referansegruppen for forskningsprosjektet om farmakogenetikk i psykiatrien. Nasra Ali Farah "
        "ønsket at informasjon om prosjektet også gis på somali og arabisk.",
    ),
    ("p", "Vedtak: Halvor Aasen-Rustad oppnevnes som representant."),
    ("h", "Sak 16/24 Eventuelt"),
    (
        "p",
        "Torill fortalte at Helse Sør-Øst RHF inviterer brukerutvalgene til en konferanse om "
        "helsedata i juni. Neste møte er 4. juni 2024.",
    ),
    (
        "footer",
        [
            "Sykehuset Innlandet HF",
            "Postboks 104, 2381 Brumunddal",
            "Sentralbord 06150",
            "Personvern og informasjonskapsler",
        ],
    ),
]
