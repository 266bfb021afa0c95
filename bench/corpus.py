"""A seeded generator of realistic minutes, for benchmarks only (never test truth).

It writes minutes in the four layouts of the example corpus (a Danish advisory board with
agenda table and secretariat, a Danish board with grouped attendance, an English AGM with roles
in parentheses, a Danish working group with comma lists), for many bodies, with a recurring
population of people whose names vary between documents (middle name dropped, hyphen or space),
EU initiatives, agreements, figures, themes and next meetings.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

FIRST = [
    "Anne",
    "Anders",
    "Bettina",
    "Birgitte",
    "Christian",
    "Claus",
    "Dorte",
    "Eva",
    "Frederik",
    "Gitte",
    "Hans",
    "Helle",
    "Ida",
    "Jens",
    "Jette",
    "Karen",
    "Kasper",
    "Lars",
    "Lene",
    "Louise",
    "Mads",
    "Maria",
    "Mette",
    "Niels",
    "Ole",
    "Peter",
    "Pia",
    "Rasmus",
    "Signe",
    "Søren",
    "Thomas",
    "Ulla",
    "Vibeke",
]
MIDDLE = ["Bach", "Dybkjær", "Kolding", "Saurbrey", "Sparle", "Pihl", "Holm", "Kjær", "Lind", "Brøndum"]
LAST = [
    "Andersen",
    "Brunak",
    "Bøgsted",
    "Børglum",
    "Christensen",
    "Eskildsen",
    "Frandsen",
    "Gögenur",
    "Hansen",
    "Hjulmann",
    "Jensen",
    "Jørgensen",
    "Karle",
    "Kristensen",
    "Larsen",
    "Lundgren",
    "Løngreen",
    "Madsen",
    "Mortensen",
    "Nielsen",
    "Pedersen",
    "Pica",
    "Rasmussen",
    "Skøtt",
    "Sørensen",
    "Thomsen",
    "Vogel",
    "Walford-Moore",
    "Beck-Nielsen",
    "Lindegaard-Hjulmann",
]
TITLES_DA = ["professor", "overlæge", "centerdirektør", "dekan, professor", "klinisk professor", "direktør"]
TITLES_EN = ["Professor", "Dr", "Director", "Senior Lecturer"]
INSTITUTIONS = [
    "Københavns Universitet",
    "Aarhus Universitet",
    "Syddansk Universitet",
    "Aalborg Universitet",
    "DTU",
    "Region Hovedstaden",
    "Region Sjælland",
    "Region Syddanmark",
    "Region Midtjylland",
    "Region Nordjylland",
    "Sundhedsdatastyrelsen",
    "Statens Serum Institut",
    "Rigshospitalet",
    "Danske Regioner",
]
BODIES_DA = [
    "det nationale advisory board for forskning og infrastruktur",
    "styregruppen for personlig medicin",
    "bestyrelsen for Dansk Selskab for Klinisk Genetik",
    "arbejdsgruppen for genomdata",
    "det regionale koordinationsforum",
    "følgegruppen for helgenomsekventering",
]
BODIES_EN = ["Genomics Advisory Council", "Board of the Nordic Genome Society", "Rare Disease Working Group"]
INITIATIVES = [
    ("1+ Million Genomes", "1+MG"),
    ("Genomic Data Infrastructure", "GDI"),
    ("European Health Data Space", "EHDS"),
    ("Genome of Europe", "GoE"),
]
COUNTRIES_DA = ["Frankrig", "Sverige", "Norge", "Finland", "Tyskland", "Holland"]
PARTNERS = ["Genomics England", "Genomic Medicine Sweden", "FinnGen", "Helse Sør-Øst"]
BULLETS_DA = [
    "Der bør være fokus på, hvordan genetiske data kan tilgås og kombineres med andre sundhedsdata.",
    "Strategien skal fokusere på, hvordan WGS kan gøres anvendelig for klinikere uden for genetikken.",
    "Det er vigtigt, at samtykkeblanketten revurderes og at patienterne får bedre information.",
    "Udarbejdelse af et dansk referencegenom til brug i klinik og forskning skal prioriteres.",
    "Internationalt samarbejde skal faciliteres, så data kan kombineres med data fra andre lande.",
    "Lovgivningen bør gøre det lettere at bruge forskningsdata i klinikken.",
    "Der bør udvikles use-cases inden for farmakogenetik.",
    "Alle patienter skal tilbydes samme muligheder uanset bopæl.",
]
BULLETS_EN = [
    "Access to genomic data for research should be simplified and combined with health registries.",
    "Clinicians need training in interpreting whole genome sequencing results.",
    "Consent forms must be reviewed so that patients are better informed.",
    "International collaboration on rare diseases should be strengthened.",
]
MONTHS_DA = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
]
MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@dataclass(frozen=True)
class PersonSpec:
    first: str
    middle: str | None
    last: str
    title: str
    institution: str

    def written(self, rng: random.Random) -> str:
        """The name as one document writes it: sometimes without the middle name or the hyphen."""
        parts = [self.first]
        if self.middle and rng.random() < 0.7:
            parts.append(self.middle)
        last = self.last.replace("-", " ") if "-" in self.last and rng.random() < 0.2 else self.last
        return " ".join([*parts, last])


def population(size: int, rng: random.Random) -> list[PersonSpec]:
    seen: set[tuple[str, str]] = set()
    people = []
    while len(people) < size:
        first, last = rng.choice(FIRST), rng.choice(LAST)
        if (first, last) in seen and len(seen) < len(FIRST) * len(LAST):
            continue
        seen.add((first, last))
        middle = rng.choice(MIDDLE) if rng.random() < 0.3 else None
        people.append(PersonSpec(first, middle, last, rng.choice(TITLES_DA), rng.choice(INSTITUTIONS)))
    return people


def danish_date(day: date, with_year: bool = True) -> str:
    text = f"{day.day}. {MONTHS_DA[day.month - 1]}"
    return f"{text} {day.year}" if with_year else text


def ngc_style(n: int, body: str, day: date, people: list[PersonSpec], rng: random.Random) -> str:
    chair, *members = people
    secretariat = rng.sample(members, 2)
    name, acronym = rng.choice(INITIATIVES)
    lines = [
        "Referat",
        "",
        f"{n}. møde i {body}",
        "",
        f"Dato: {danish_date(day)} kl. 14-15.30",
        f"Sted: {rng.choice(['Online', 'Rigshospitalet', 'Aarhus'])}",
        "",
        "Dagsorden",
        "",
        f"1/3 14.00 Velkommen v/{chair.written(rng)}",
        "",
        f"2/3 14.10 Status på genomområdet v/{secretariat[0].written(rng)}",
        "",
        f"3/3 14.40 Eventuelt v/{chair.written(rng)}",
        "",
        "Deltagere",
        f"{chair.written(rng)}, {chair.title}, {chair.institution} (Forperson)",
    ]
    lines += [f"{p.written(rng)}, {p.title}, {p.institution}" for p in members if p not in secretariat]
    lines += ["Sekretariat"] + [f"{p.written(rng)}, Nationalt Genom Center" for p in secretariat]
    lines[-1] = lines[-1].replace(",", " (referent),", 1)
    bullets = rng.sample(BULLETS_DA, 4)
    lines += [
        "",
        "Referat",
        "",
        f"2/3 Status på genomområdet v/{secretariat[0].written(rng)}",
        f"Aktuelt er der {rng.randint(10, 90)}.{rng.randint(100, 999)} genomer i databasen. "
        f"NGC deltager i {name} ({acronym}) og har underskrevet et Memorandum of Understanding (MoU) "
        f"med {rng.choice(COUNTRIES_DA)}. Der pågår et tæt samarbejde med {rng.choice(PARTNERS)}.",
        "Følgende blev drøftet:",
        *[f"• {b}" for b in bullets],
        "",
        f"Næste møde afholdes {danish_date(day + timedelta(days=rng.randint(60, 150)))} kl. 14-16.",
    ]
    return "\n".join(lines) + "\n"


def board_style(day: date, body: str, people: list[PersonSpec], rng: random.Random) -> str:
    k = max(2, len(people) // 3)
    board, observers, absent = people[:k], people[k : 2 * k], people[2 * k :]

    def names(group: list[PersonSpec]) -> str:
        return ", ".join(p.written(rng) for p in group)

    return (
        "\n".join(
            [
                f"Bestyrelsesmøde den {danish_date(day)}",
                "",
                "Tid og sted:",
                f"kl. 10 - 15 på {rng.choice(['Park Hotel, Middelfart', 'Domus Medica, København'])}",
                "",
                "Til stede:",
                "",
                f"Bestyrelsen: {names(board)}",
                "",
                f"Observatører: {names(observers)}",
                "",
                "Afbud:",
                "",
                f"Bestyrelsen: {names(absent) or names(board[:1])}",
                "",
                "1. Velkomst og godkendelse af dagsorden",
                "",
                "Referat",
                "Dagsordenen blev godkendt.",
                "",
                f"2. Drøftelse af {body}",
                "",
                "Referat",
                f"{board[0].written(rng)} redegjorde for sagen. {rng.choice(BULLETS_DA)}",
                "",
            ]
        )
        + "\n"
    )


def agm_style(day: date, body: str, people: list[PersonSpec], rng: random.Random) -> str:
    roles = ["Chair", "Deputy Chair", "Treasurer", "Company Secretary"]
    present = [
        f"{p.written(rng)} ({roles[i]})" if i < len(roles) else p.written(rng)
        for i, p in enumerate(people[:-2])
    ]
    name, acronym = rng.choice(INITIATIVES)
    return (
        "\n".join(
            [
                f"Minutes of the {body} ANNUAL GENERAL MEETING",
                f"Date:        {day.strftime('%A')} {day.day} {MONTHS_EN[day.month - 1]} {day.year}.",
                "Time:        13:00-14:00",
                "Venue:       University of Warwick, Coventry",
                "",
                f"Board Members Present: {', '.join(present)}",
                f"Board Members Apologies: {', '.join(p.written(rng) for p in people[-2:])}",
                "",
                "   1. Opening Remarks/Welcome",
                f"   {people[0].written(rng)}, Chair",
                "",
                f"   The board discussed participation in {name} ({acronym}). {rng.choice(BULLETS_EN)}",
                "",
            ]
        )
        + "\n"
    )


def group_style(day: date, body: str, people: list[PersonSpec], rng: random.Random) -> str:
    present, absent = people[:-2], people[-2:]
    listed = [p.written(rng) for p in present]
    return (
        "\n".join(
            [
                f"Referat af møde i {body}, {danish_date(day)}",
                "",
                f"Deltagere: {', '.join(listed[:-1])}, og {listed[-1]}.",
                f"Afbud: {', '.join(p.written(rng) for p in absent)}.",
                "",
                "1.    Referent og ordstyrer",
                "",
                f"Ordstyrer: {present[0].first}. Referent: {present[-1].first}.",
                "",
                "2.    Opfølgning",
                "",
                f"Vi drøftede {rng.choice(BULLETS_DA).lower()}",
                "",
            ]
        )
        + "\n"
    )


def generate(count: int, seed: int = 7) -> Iterator[tuple[str, str]]:
    """Yield ``(file name, text)`` for ``count`` minutes; the same seed gives the same corpus."""
    rng = random.Random(seed)
    pool = population(max(40, count // 4), rng)
    bodies = [(b, "da") for b in BODIES_DA] + [(b, "en") for b in BODIES_EN]
    start = date(2015, 1, 1)
    for i in range(count):
        body, language = bodies[i % len(bodies)]
        day = start + timedelta(days=rng.randint(0, 3650))
        people = rng.sample(pool, rng.randint(6, 14))
        if language == "en":
            text = agm_style(day, body, people, rng)
        else:
            style = rng.choice((ngc_style, board_style, group_style))
            text = (
                ngc_style(i % 40 + 1, body, day, people, rng)
                if style is ngc_style
                else style(day, body, people, rng)
            )
        yield f"minutes-{i:05d}.txt", text
