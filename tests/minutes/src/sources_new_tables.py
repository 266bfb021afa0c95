"""The text of the DOCX minutes of the new set whose attendance is a table with a status column.

One English, one Swedish: the role and the attendance each in their own column, the attendance cell
written in words (``Present (via Teams)``, ``Apologies``, ``Present for items 1–4``, ``Anmält förhinder``,
``Närvarande t.o.m. § 6``), a deputy named in the role cell, a rapporteur and a society's officers.
"""

RAVENSCOURT_JOINT_COMMITTEE_GENOMIC_TESTING_2024_09_12 = [
    ("title", "Ravenscourt Joint Committee on Genomic Testing"),
    ("p", "Minutes of the meeting held on Thursday 12 September 2024, 10:00–12:30, by video conference"),
    ("h", "Attendance"),
    (
        "table",
        [
            ["Name", "Organisation", "Role", "Attendance"],
            ["Dr Alice Fenwick", "Ravenscourt University Hospitals NHS Trust", "Chair", "Present"],
            ["Prof. Mark Tolley", "University of Ravenscourt", "Deputy Chair", "Present (via Teams)"],
            ["Dr Nadia Rahman", "Westbrook NHS Foundation Trust", "Member", "Apologies"],
            ["Dr Owen Pryce", "Westbrook NHS Foundation Trust", "Deputising for Dr Nadia Rahman", "Present"],
            ["Julia Marsh", "Genetic Alliance UK", "Patient representative", "Present for items 1–4"],
            ["Ben Carter", "NHS England", "Observer", "Absent"],
            ["Dr Rosa Lind", "University of Ravenscourt", "Rapporteur, item 3", "Present"],
            ["Kate Ibbotson", "Committee secretariat", "Secretary (minutes)", "Present"],
        ],
    ),
    ("h", "1. Welcome and apologies"),
    ("p", "The Chair welcomed members and noted the apologies recorded above."),
    ("h", "2. Minutes of the last meeting"),
    ("p", "The minutes of the meeting held on 13 June 2024 were agreed as a correct record."),
    ("h", "3. Turnaround times for rapid genome sequencing"),
    (
        "p",
        "Dr Rosa Lind presented the audit of turnaround times for rapid genome sequencing in neonatal "
        "intensive care. Julia Marsh asked how families are kept informed while they wait for a result.",
    ),
    ("h", "4. Testing criteria"),
    (
        "p",
        "Prof. Mark Tolley outlined the proposed changes to the testing criteria. Dr Owen Pryce asked "
        "whether the changes would apply to adult patients.",
    ),
    ("h", "5. Any other business"),
    ("p", "The next meeting will be held on 5 December 2024."),
]


SVENSKA_SALLSKAPET_FARMAKOGENETIK_STYRELSE_2024_05_16 = [
    ("title", "Svenska sällskapet för farmakogenetik"),
    ("p", "Protokoll fört vid styrelsemöte"),
    ("p", "Datum: torsdagen den 16 maj 2024, kl. 17.00–19.00"),
    ("p", "Plats: Sahlgrenska Universitetssjukhuset, Göteborg, samt digitalt"),
    ("h", "Styrelsen"),
    (
        "table",
        [
            ["Funktion", "Namn", "Arbetsplats", "Närvaro"],
            ["Ordförande", "Gunnar Hedlund", "Sahlgrenska Universitetssjukhuset", "Närvarande"],
            ["Vice ordförande", "Ylva Berglund", "Uppsala universitet", "Via Teams"],
            ["Sekreterare", "Fredrik Lind", "Karolinska Institutet", "Närvarande"],
            ["Skattmästare", "Helena Sjöberg", "Region Skåne", "Närvarande t.o.m. § 6"],
            ["Ledamot", "Amir Hosseini", "Göteborgs universitet", "Anmält förhinder"],
            ["Ledamot", "Kristina Wall", "Region Stockholm", "Närvarande"],
        ],
    ),
    ("p", "Adjungerad: Oskar Nyberg, Läkemedelsverket (§ 5)"),
    ("h", "§ 1 Mötets öppnande"),
    ("p", "Ordföranden öppnade mötet."),
    ("h", "§ 2 Val av justerare"),
    ("p", "Kristina Wall valdes att jämte ordföranden justera protokollet."),
    ("h", "§ 3 Ekonomi"),
    (
        "p",
        "Helena Sjöberg redovisade sällskapets ekonomi. Resultatet för 2023 var ett överskott på 18 000 kronor.",
    ),
    ("h", "§ 4 Vårmötet"),
    ("p", "Ylva Berglund informerade om programmet för vårmötet i Uppsala."),
    ("h", "§ 5 Nya riktlinjer"),
    ("p", "Oskar Nyberg presenterade Läkemedelsverkets arbete med riktlinjer för farmakogenetiska tester."),
    ("h", "§ 6 Övriga frågor"),
    ("p", "Inga övriga frågor."),
    ("p", "Vid protokollet: Fredrik Lind"),
    ("p", "Justeras: Gunnar Hedlund     Kristina Wall"),
]
