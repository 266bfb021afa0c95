"""The text of the PDF minutes of the new set (see build.py); one block list a document."""

NORDIC_CLINICAL_GENETICS_COUNCIL_2024_01_30 = [
    ("title", "Nordic Society of Clinical Genetics"),
    (
        "p",
        "Minutes of the Council meeting held on 30 January 2024, 14:00–16:30, at Landspítali, Reykjavík, and online",
    ),
    (
        "p",
        "Present: Þórdís Elva Sigurðardóttir (President, in the chair), Anders Bjerrum Kaas (Vice-President), "
        "Kaisa Räsänen (Treasurer), Tormod Eide Frøyland, Viktoria Lindgren Alm and Mikkel Sand Villadsen",
    ),
    ("p", "Apologies: Helga Kristín Ólafsdóttir; Pekka Järvenpää"),
    ("p", "In attendance: Rebekka Hald (Society administrator, minutes)"),
    ("h", "1. President's report"),
    (
        "p",
        "The President reported that the Society now has 1,148 members in six countries. The Council "
        "thanked Landspítali for hosting the meeting. Þórdís reminded the Council that the Society's "
        "statutes require an election of two Council members at the annual meeting.",
    ),
    ("h", "2. Finances"),
    (
        "p",
        "Kaisa Räsänen presented the accounts for 2023, which show a small surplus thanks to the grant from "
        "the Nordic Council of Ministers for the training course in Turku. Kaisa proposed that the membership "
        "fee be kept unchanged.",
    ),
    ("p", "Decision: The Council approved the accounts and the proposal."),
    ("h", "3. Nordic training in genomic medicine"),
    (
        "p",
        "Viktoria Lindgren Alm described the plan for a joint Nordic course in variant interpretation, "
        "to be run with the University of Iceland and the University of Turku. The course will use the "
        "learning materials developed in the European Joint Programme on Rare Diseases (EJP RD). Tormod "
        "Eide Frøyland asked that genetic counsellors be included as a target group.",
    ),
    ("h", "4. Data sharing across the Nordic countries"),
    (
        "p",
        "Anders Bjerrum Kaas gave an overview of the Nordic discussions on cross-border access to genomic "
        "data, and of the Genome of Europe project, in which Denmark, Finland, Norway and Sweden take part. "
        "Mikkel Sand Villadsen noted that the European Society of Human Genetics (ESHG) is preparing a "
        "policy statement on the European Health Data Space and that the Society should respond.",
    ),
    ("p", "Decision: Anders and Mikkel will draft a response by 1 March 2024."),
    ("h", "5. Annual meeting 2024"),
    (
        "p",
        "The annual meeting will be held in Bergen on 12–13 September 2024, hosted by Haukeland "
        "University Hospital. Professor Sólveig Dögg Hauksdóttir of the University of Iceland has agreed to "
        "give the keynote lecture.",
    ),
    ("h", "6. Date of next meeting"),
    ("p", "The next Council meeting will be held online on 16 April 2024."),
    ("p", "Minutes approved by the Council on 16 April 2024."),
]


UNN_FAGRAD_PRESISJONSMEDISIN_2023_10_10 = [
    (
        "pre",
        """\
        UNIVERSITETSSYKEHUSET  NORD-NORGE  HF
        Avdeling  for  medisinsk  genetikk

   M Ø T E R E F E R A T

   Regionalt  fagråd for presisjonsmedisin i Helse Nord
   Tid :  tirsdag  10. oktober  2023 ,  kl .  09.00 - 11.30
   Sted :  Videomøte  (Teams)

   Tilstede :   Kari  Anne  Solbakk   (leder) ,  Universitetssykehuset
                Nord-Norge
                Per  Gunnar  Mikkelsen ,  Nordlandssykehuset
                Tone  Iversen  Eira ,   Helgelandssykehuset
                Roald  Nystad ,  Finnmarkssykehuset
                Máret Inga  Hætta ,  Finnmarkssykehuset ,  Sámi
                klinihkka
   Forfall :    Bjørnar  Lyngmo ,  Helse  Nord  RHF
   Referent :   Ellinor  Bakkevoll ,  Universitetssykehuset  Nord-Norge


   Sak  21/23    Godkjenning  av  innkalling  og  referat
           Godkjent  uten  merknader .

   Sak  22/23    Genetisk  veiledning  i  distriktene
           Per Gunnar  Mikkelsen  orienterte  om  et  prøve-
           prosjekt  der  genetisk  veiledning  gis  som  video-
           konsultasjon  fra  Bodø .  Ventetiden  er  redusert
           fra  fem  til  to  måneder .  Máret Inga  Hætta
           påpekte  at  samiske  pasienter  bør  få  tilbud
           om  tolk ,  og  at  informasjonsmateriell  bør  over-
           settes  til  nordsamisk .
           Konklusjon :  Fagrådet  ber  UNN  om  å  videre-
           føre  prosjektet  i  2024 .

   Sak  23/23    Helsegenomikk  og  forskning
           Kari Anne  Solbakk  la  fram  status  for  Norges
           deltakelse  i  Genomic  Data  Infrastructure  (GDI)
           og  for  samarbeidet  med  Helse  Sør-Øst  om  en
           felles  nasjonal  løsning .  Roald  Nystad  spurte
           om  Finnmarkssykehuset  kan  bidra  med  data  fra
           pasienter  i  Øst-Finnmark .  Kari  Anne  svarte  at
           dette  avklares  med  Regional  komité  for  medisinsk
           og  helsefaglig  forskningsetikk  (REK  Nord) .

   Sak  24/23    Eventuelt
           Tone  Iversen  Eira  minnet  om  fagdagen  ved
           Helgelandssykehuset  30.  november .
           Neste  møte :  tirsdag  5.  desember  2023 .


   Tromsø ,  11.10.2023            Ellinor  Bakkevoll  (sign.)
""",
    ),
]


ERN_GENTURIS_BOARD_2024_03_22 = [
    ("title", "ERN GENTURIS"),
    ("title", "Board of Network – Minutes"),
    ("p", "European Reference Network on Genetic Tumour Risk Syndromes"),
    ("p", "Meeting held on 22 March 2024, 13:00–15:30 CET, by videoconference"),
    ("p", "Minutes circulated on 8 April 2024; to be approved at the next meeting."),
    ("h", "Attendance"),
    (
        "table",
        [
            ["Name", "Member institution (country)", "Function", "Attendance"],
            [
                "Prof. Wilhelmina Oosterhuis-de Graaf",
                "Radboud University Medical Center (Netherlands)",
                "Network Coordinator, chair",
                "Present",
            ],
            [
                "Dr Tomasz Wierzbicki",
                "Pomeranian Medical University in Szczecin (Poland)",
                "Member",
                "Present",
            ],
            [
                "Dr Inés Carrasco Villalba",
                "Hospital Universitari Vall d'Hebron (Spain)",
                "Member",
                "Present (online, items 1–3)",
            ],
            ["Dr Riikka Halonen", "Helsinki University Hospital (Finland)", "Member", "Apologies"],
            ["Prof. Søren Thorkild Wæver", "Rigshospitalet (Denmark)", "Member", "Present"],
            [
                "Ms Charlotte Wensley-Pike",
                "European Patient Advocacy Group",
                "Patient representative (ePAG)",
                "Present",
            ],
            [
                "Dr Giulia Ferrante",
                "Fondazione IRCCS Istituto Nazionale dei Tumori (Italy)",
                "Member",
                "Absent",
            ],
            [
                "Mr Bastiaan Verhoef",
                "Radboud University Medical Center (Netherlands)",
                "Network manager (minutes)",
                "Present",
            ],
        ],
    ),
    ("h", "Agenda"),
    ("p", "1. Opening"),
    ("p", "2. Clinical practice guidelines"),
    ("p", "3. Registry"),
    ("p", "4. Patient involvement"),
    ("p", "5. Any other business"),
    ("h", "1. Opening"),
    ("p", "The Coordinator opened the meeting and noted the apologies of Dr Halonen."),
    ("h", "2. Clinical practice guidelines"),
    (
        "p",
        "Dr Wierzbicki summarised the draft guideline on surveillance in Lynch syndrome, prepared with the "
        "working group on colorectal cancer. Dr Carrasco Villalba asked that the guideline say more about "
        "testing of tumour tissue when a germline test is negative. The Board approved the draft for "
        "external consultation.",
    ),
    ("h", "3. Registry"),
    (
        "p",
        "Mr Verhoef reported that 41 centres now contribute to the network's registry, which is linked to the "
        "European Platform on Rare Disease Registration. Prof. Wæver proposed that Danish data be included "
        "through Rigshospitalet once the legal review by Sundhedsdatastyrelsen is complete.",
    ),
    ("h", "4. Patient involvement"),
    (
        "p",
        "Ms Wensley-Pike presented the results of a survey among patient organisations on the information "
        "given to relatives of carriers. She referred to the work of EURORDIS on shared decision-making.",
    ),
    ("h", "5. Any other business"),
    (
        "p",
        "The Board noted the call for the European Joint Programme on Rare Diseases successor, the European "
        "Rare Diseases Research Alliance (ERDERA). The next Board meeting will be held on 14 June 2024.",
    ),
]
