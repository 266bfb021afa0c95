"""The text of the DOCX minutes of the new set (see build.py); one block list a document."""

HELSEDIREKTORATET_GENOMDIAGNOSTIKK_2023_11_21 = [
    ("title", "Helsedirektoratet"),
    ("title", "Nasjonal styringsgruppe for genomisk diagnostikk"),
    ("p", "REFERAT FRA MØTE 4/2023"),
    ("p", "Dato: 21. november 2023, kl. 10.00–15.00"),
    ("p", "Sted: Helsedirektoratet, Universitetsgata 2, Oslo, og Teams"),
    ("h", "Oppmøte"),
    ("p", "Medlemmer som ikke er merket, møtte. Varamedlemmer møtte bare der det er merket «møtte»."),
    (
        "table",
        [
            ["Organisasjon", "Medlem", "Varamedlem"],
            ["Helse Sør-Øst RHF", "Kjersti Bøhn Ramstad", "Einar Flaten"],
            ["Helse Vest RHF", "Torbjørn Heggland (forfall)", "Mari Øye Lunde (møtte)"],
            ["Helse Midt-Norge RHF", "Sindre Volden", "Karen Brevik Moen"],
            ["Helse Nord RHF", "Hilde Kaasen Sørensen (forfall)", "Ola Nymo (forfall)"],
            ["Folkehelseinstituttet", "Arne Vidar Rønning", "Linda Hestnes"],
            ["Kreftforeningen", "Mona Elise Dahl", "Petter Sandvik"],
        ],
    ),
    ("p", "Møteleder: Gunnar Tveiten, avdelingsdirektør, Helsedirektoratet"),
    ("p", "Referent: Iselin Marø, seniorrådgiver, Helsedirektoratet"),
    ("p", "Observatør: Jørn Aksel Skog fra Direktoratet for medisinske produkter"),
    ("h", "Saksliste"),
    ("p", "Sak 31/23 Godkjenning av innkalling, saksliste og referat"),
    ("p", "Sak 32/23 Nasjonal plan for genpaneler"),
    ("p", "Sak 33/23 Genomdata i forskning og Helseanalyseplattformen"),
    ("p", "Sak 34/23 Eventuelt"),
    ("h", "Sak 31/23 Godkjenning av innkalling, saksliste og referat"),
    (
        "p",
        "Møtelederen ønsket velkommen. Innkalling, saksliste og referat fra møtet 12. september ble godkjent.",
    ),
    ("h", "Sak 32/23 Nasjonal plan for genpaneler"),
    (
        "p",
        "Kjersti Bøhn Ramstad la fram et forslag til felles nasjonale genpaneler for arvelig kreft og for "
        "hjerte- og karsykdom, utarbeidet av en arbeidsgruppe ledet fra Oslo universitetssykehus. Sindre "
        "Volden støttet forslaget, men påpekte at Helse Midt-Norge må få tid til å tilpasse sine "
        "laboratorier. Mari Øye Lunde meldte at Helse Vest slutter seg til forslaget.",
    ),
    ("p", "Vedtak: Forslaget sendes på høring til de regionale helseforetakene med frist 1. februar 2024."),
    ("h", "Sak 33/23 Genomdata i forskning og Helseanalyseplattformen"),
    (
        "p",
        "Arne Vidar Rønning orienterte om Folkehelseinstituttets arbeid med å gjøre genomdata tilgjengelige "
        "for forskning gjennom Helsedataservice og om norsk deltakelse i Genomic Data Infrastructure (GDI). "
        "Norge skal etablere en nasjonal node i løpet av 2024. Mona Elise Dahl sa at Kreftforeningen er "
        "opptatt av at pasientene skal kunne se hvem som har brukt dataene deres.",
    ),
    (
        "p",
        "Jørn Aksel Skog minnet om at Direktoratet for medisinske produkter vurderer hvordan farmakogenetiske "
        "tester skal omtales i preparatomtalene.",
    ),
    ("h", "Sak 34/23 Eventuelt"),
    (
        "p",
        "Gunnar Tveiten opplyste at Helse- og omsorgsdepartementet har bedt om en statusrapport om "
        "persontilpasset medisin innen 15. mars 2024. Neste møte holdes 6. februar 2024.",
    ),
    ("p", "Referent: Iselin Marø"),
]


REGION_SJAELLAND_PRAECISIONSMEDICIN_2023_11_07 = [
    ("title", "Region Sjælland"),
    ("title", "Styregruppen for præcisionsmedicin"),
    ("p", "Beslutningsreferat"),
    ("p", "Mødedato: 07.11.2023 kl. 9.00–11.30"),
    ("p", "Sted: Sjællands Universitetshospital, Roskilde, mødelokale 3 (Teams for eksterne)"),
    ("p", "Referatet er udsendt 20.11.2023."),
    ("h", "Deltagere"),
    (
        "table",
        [
            ["Navn", "Initialer", "Organisation", "Til stede", "Afbud"],
            ["Kirsten Nørgaard, formand", "KN", "Sjællands Universitetshospital", "X", ""],
            ["Palle Munk Bendixen", "PMB", "Region Sjælland", "X", ""],
            ["Line Skov Jeppesen", "LSJ", "Næstved Sygehus", "", "X"],
            ["Frederik Aas", "FA", "Holbæk Sygehus", "X (online)", ""],
            ["Zainab Al-Hakim", "ZAH", "Sjællands Universitetshospital", "X", ""],
            ["Ebbe Lindved", "EL", "Nykøbing F. Sygehus", "", "X"],
            ["Mette Gro Winther, sekretariat", "MGW", "Region Sjælland", "X", ""],
        ],
    ),
    ("h", "Dagsorden"),
    ("p", "1. Godkendelse af dagsorden"),
    ("p", "2. Status på helgenomsekventering"),
    ("p", "3. Molekylær tumorkonference"),
    ("p", "4. Datasamarbejde"),
    ("p", "5. Eventuelt"),
    ("h", "1. Godkendelse af dagsorden"),
    ("p", "Dagsordenen blev godkendt. KN bød velkommen til FA, som er ny repræsentant for Holbæk Sygehus."),
    ("h", "2. Status på helgenomsekventering"),
    (
        "p",
        "ZAH gennemgik antallet af patienter fra regionen, der er henvist til helgenomsekventering via "
        "Nationalt Genom Center. Der er henvist 212 patienter i 2023, flest inden for sjældne sygdomme hos "
        "børn. Ventetiden på svar er nu ca. 10 uger. PMB spurgte, om regionen kan få flere genetiske "
        "vejledere fra Rigshospitalet tilknyttet.",
    ),
    ("p", "Beslutning: Styregruppen beder sekretariatet om at beskrive behovet for genetisk vejledning."),
    ("h", "3. Molekylær tumorkonference"),
    (
        "p",
        "KN orienterede om den fælles molekylære tumorkonference med Rigshospitalet og om regionens "
        "deltagelse i det nationale studie ProTarget. FA fremhævede, at Holbæk Sygehus gerne vil bidrage "
        "med patienter.",
    ),
    ("h", "4. Datasamarbejde"),
    (
        "p",
        "MGW gav en status på aftalen med Sundhedsdatastyrelsen om adgang til data for regionale "
        "forskningsprojekter og på regionens bidrag til European Health Data Space (EHDS). Et udkast til "
        "databehandleraftale forventes klar i januar.",
    ),
    ("h", "5. Eventuelt"),
    ("p", "Næste møde: 23.01.2024 kl. 9.00."),
    ("p", "Referent: Mette Gro Winther"),
]


BIOBANK_SVERIGE_STYRGRUPP_2023_10_05 = [
    ("title", "Biobank Sverige"),
    ("title", "Protokoll från styrgruppsmöte 5/2023"),
    ("p", "Datum: 2023-10-05"),
    ("p", "Tid: 10.00–15.00"),
    ("p", "Plats: Karolinska Institutet, Solna, och via Zoom"),
    ("h", "Närvarande ledamöter"),
    (
        "bullets",
        [
            "Margareta Ekelund Sjöberg, ordförande (Region Stockholm)",
            "Henrik Åberg, vice ordförande (Västra Götalandsregionen)",
            "Lovisa Carlsson (Region Skåne)",
            "Johan af Klercker (Uppsala universitet)",
            "Fredrik Nyqvist (Region Jönköpings län), via Zoom",
        ],
    ),
    ("h", "Ersättare"),
    (
        "bullets",
        [
            "Annika Lund (Region Örebro län), ersättare för Bengt Eriksson",
        ],
    ),
    ("h", "Adjungerade"),
    (
        "bullets",
        [
            "Pernilla Sandström, kanslichef, Biobank Sverige",
            "David Kovač, jurist, Biobank Sverige, protokollförare",
            "Yvonne Hallin, Sveriges Kommuner och Regioner, under § 6",
        ],
    ),
    ("h", "Anmält förhinder"),
    (
        "bullets",
        [
            "Bengt Eriksson (Region Örebro län)",
            "Katarina Wretlind (Karolinska Institutet)",
        ],
    ),
    ("h", "§ 1 Mötets öppnande och val av justerare"),
    ("p", "Ordföranden öppnade mötet. Till justerare valdes Lovisa Carlsson."),
    ("h", "§ 2 Föregående protokoll"),
    ("p", "Protokollet från mötet den 24 augusti 2023 lades till handlingarna."),
    ("h", "§ 3 Kansliets rapport"),
    (
        "p",
        "Pernilla Sandström redogjorde för kansliets arbete sedan förra mötet. Den nationella "
        "provsamlingsregistreringen är nu i drift i sexton regioner, och arbetet med en gemensam "
        "e-tjänst för forskare har påbörjats tillsammans med BBMRI.se och den europeiska "
        "infrastrukturen BBMRI-ERIC.",
    ),
    ("h", "§ 4 Biobanksprover för helgenomsekvensering"),
    (
        "p",
        "Henrik Åberg rapporterade från arbetsgruppen om prover som skickas till Genomic Medicine Sweden "
        "för helgenomsekvensering. Gruppen föreslår en gemensam mall för samtycke som täcker både vård och "
        "forskning. Johan af Klercker framhöll att Uppsala universitet behöver tydliga regler för när "
        "sekvensdata får återanvändas i nya projekt. Henrik svarade att frågan tas upp med "
        "Etikprövningsmyndigheten.",
    ),
    ("p", "Beslut: Styrgruppen ställer sig bakom mallen."),
    ("h", "§ 5 Ny biobankslag"),
    (
        "p",
        "David Kovač beskrev förslagen i utredningen om en ny biobankslag och hur de påverkar möjligheten "
        "att dela prover med forskare i andra EU-länder, bland annat inom 1+ Million Genomes (1+MG).",
    ),
    ("h", "§ 6 Finansiering"),
    (
        "p",
        "Yvonne Hallin informerade om att Sveriges Kommuner och Regioner föreslår en fortsatt gemensam "
        "finansiering av Biobank Sverige under 2024–2026. Lovisa frågade hur fördelningen mellan regionerna "
        "ska se ut.",
    ),
    ("h", "§ 7 Nästa möte"),
    ("p", "Nästa möte hålls den 7 december 2023 i Göteborg."),
    ("p", "Vid protokollet"),
    ("p", "David Kovač"),
    (
        "table",
        [
            ["Justeras", ""],
            ["Margareta Ekelund Sjöberg, ordförande", "Lovisa Carlsson, justerare"],
        ],
    ),
]
