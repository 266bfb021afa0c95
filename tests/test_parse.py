"""parse_minutes on the four corpus minutes and on made-up layouts in the four languages."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pmkg.ingest.parse import parse_minutes
from pmkg.ingest.parse.minutes import ParsedMinutes
from pmkg.ingest.text.normalise import normalise

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def stand_in(text: str) -> str:
    """The least a normaliser does: join words hyphenated across a line break."""
    return re.sub(r"(\w)-[ \t]*\n\n?[ \t]*(?=[a-zæøå])", r"\1", text)


def real(text: str) -> str:
    return normalise(text).text


PREPARE = [pytest.param(stand_in, id="stand-in"), pytest.param(real, id="normalise")]


def _parse(name: str, prepare: Callable[[str], str]) -> tuple[str, ParsedMinutes]:
    text = prepare((EXAMPLES / name).read_text("utf-8"))
    return text, parse_minutes(text)


def _attendance(minutes: ParsedMinutes) -> list[tuple[str, str, list[str], str | None]]:
    return [(a.name, a.status, sorted(a.roles), a.group) for a in minutes.attendance]


def _check_spans(text: str, minutes: ParsedMinutes) -> None:
    for mention in minutes.attendance + minutes.mentioned:
        quoted = text[mention.span[0] : mention.span[1]]
        assert mention.name.split()[-1] in quoted.replace("\n", " "), (mention.name, quoted)


@pytest.mark.parametrize("prepare", PREPARE)
def test_ngc_advisory_board(prepare: Callable[[str], str]) -> None:
    text, m = _parse("ngc-advisory-board-5.txt", prepare)
    assert m.title == "5. møde i det nationale advisory board for forskning og infrastruktur"
    assert (m.number, m.body_name) == ("5", "det nationale advisory board for forskning og infrastruktur")
    assert (m.date, m.date_inferred, m.start_time, m.end_time) == ("2023-06-14", True, "14:00", "15:30")
    assert m.location == "Online"
    assert m.language == "da"
    assert _attendance(m) == [
        ("Søren Brunak", "present", ["chair"], "Deltagere"),
        ("Ismail Gögenur", "present", [], "Deltagere"),
        ("Peter Løngreen", "present", [], "Deltagere"),
        ("Claudio Pica", "present", [], "Deltagere"),
        ("Martin Bøgsted", "present", [], "Deltagere"),
        ("Anders Børglum", "present", [], "Deltagere"),
        ("Ole Skøtt", "present", [], "Deltagere"),
        ("Ida Vogel", "present", [], "Deltagere"),
        ("Karen Dybkjær Sørensen", "present", [], "Deltagere"),
        ("Bettina Lundgren", "present", ["secretariat"], "Sekretariat"),
        ("Kasper Lindegaard-Hjulmann", "present", ["secretariat"], "Sekretariat"),
        ("Lene Cividanes", "present", ["secretariat"], "Sekretariat"),
        ("Christiane Saurbrey Karle", "present", ["minute_taker", "secretariat"], "Sekretariat"),
    ]
    details = {a.name: (a.titles, a.affiliation) for a in m.attendance}
    assert details["Søren Brunak"] == (["professor", "research director"], "Københavns Universitet")
    assert details["Peter Løngreen"] == (["centerdirektør"], "DTU")
    assert details["Anders Børglum"] == (["professor", "centerleder"], "Aarhus Universitet")
    assert details["Ole Skøtt"] == (
        ["dekan", "professor"],
        "styregruppen for implementering af personlig medicin",
    )
    assert details["Ida Vogel"] == (["Klinisk professor"], "Aarhus Universitet")
    assert details["Bettina Lundgren"] == (["direktør"], "Nationalt Genom Center")
    assert details["Christiane Saurbrey Karle"] == ([], "Nationalt Genom Center")
    assert [(i.number, i.title, [p.name for p in i.presenters]) for i in m.agenda] == [
        ("1", "Velkommen og introduktion", ["Søren Brunak"]),
        ("2", "Status på Nationalt Genom Center", ["Bettina Lundgren", "Lene Cividanes"]),
        ("3", "Ny strategi for personlig medicin", ["Lene Cividanes"]),
        ("4", "Inputs fra advisory boardet til ny strategi for personlig medicin", ["Lene Cividanes"]),
        ("5", "Eventuelt og afrunding", ["Søren Brunak"]),
    ]
    texts = [" ".join(i.text.split()) for i in m.agenda]
    assert texts[0] == "Søren Brunak bød velkommen og præsenterede kort dagsordenen for mødet."
    assert texts[1].startswith("Bettina Lundgren præsenterede en kort status")
    assert "Følgende blev drøftet" in texts[3] and "Bettina understregede" in texts[3]
    assert "Deltagere" not in " ".join(texts)
    assert texts[4].startswith("Søren Brunak og Bettina Lundgren afrundede") and "5. juli 2023" in texts[4]
    for item in m.agenda:
        assert item.text_span and text[item.text_span[0] : item.text_span[1]] == item.text
    assert m.mentioned == []
    _check_spans(text, m)


ENGLISH = """Minutes of the Steering Committee meeting held on 12 March 2024

Location: Microsoft Teams
Time: 10:00 - 11:30

Present:
Dr Jane Smith (Chair)
Professor John Brown, University of Edinburgh
Mrs Mary O'Neill, Director of Genomics Scotland
Tom Harris - apologies

Apologies: Sarah Connor, Peter Parker

In attendance: Emma Watson (minutes), Alan Turing, Head of Data

1. Welcome and apologies
The Chair welcomed members.

2. Genomic Medicine Service update, presented by John Brown
John Brown reported on progress. Dr Jane Smith noted the timeline.
Professor Rosalind Franklin will be invited to the next meeting.
The European Health Data Space and Genomics England were discussed.

3. Any other business
None.
"""


def test_english_present_apologies_in_attendance() -> None:
    m = parse_minutes(ENGLISH)
    assert (m.body_name, m.date, m.start_time, m.end_time) == (
        "Steering Committee",
        "2024-03-12",
        "10:00",
        "11:30",
    )
    assert m.location == "Teams"
    assert [(a.name, a.status, a.roles, a.titles, a.affiliation) for a in m.attendance] == [
        ("Jane Smith", "present", ["chair"], ["Dr"], None),
        ("John Brown", "present", [], ["Professor"], "University of Edinburgh"),
        ("Mary O'Neill", "present", [], ["Mrs", "Director"], "Genomics Scotland"),
        ("Tom Harris", "absent", [], [], None),
        ("Sarah Connor", "absent", [], [], None),
        ("Peter Parker", "absent", [], [], None),
        ("Emma Watson", "present", ["minute_taker"], [], None),
        ("Alan Turing", "present", [], ["Head"], "Data"),
    ]
    assert [(i.number, i.title, [p.name for p in i.presenters]) for i in m.agenda] == [
        ("1", "Welcome and apologies", []),
        ("2", "Genomic Medicine Service update", ["John Brown"]),
        ("3", "Any other business", []),
    ]
    assert [(p.name, p.titles) for p in m.mentioned] == [("Rosalind Franklin", ["Professor"])]


NORWEGIAN = """Protokoll fra styremøte i Helse Nord RHF

Dato: 3. mars 2021 kl. 09.00–11.30
Sted: Bodø, styrerommet

Til stede:
Kari Nordmann (leder)
Ola Hansen (nestleder)
Ingrid Berg

Forfall:
Knut Larsen

Møteleder: Kari Nordmann
Referent: Siri Johansen

Sak 12/21 Godkjenning av innkalling og saksliste
Innkallingen ble godkjent.

Sak 13/21 Økonomirapport v/ Ola Hansen
Ola Hansen orienterte om økonomien.
"""


def test_norwegian_til_stede_forfall_and_sak_numbers() -> None:
    m = parse_minutes(NORWEGIAN)
    assert (m.body_name, m.date, m.start_time, m.end_time) == (
        "Helse Nord RHF",
        "2021-03-03",
        "09:00",
        "11:30",
    )
    assert m.location == "Bodø, styrerommet"
    assert [(a.name, a.status, a.roles) for a in m.attendance] == [
        ("Kari Nordmann", "present", ["chair"]),
        ("Ola Hansen", "present", ["vice_chair"]),
        ("Ingrid Berg", "present", []),
        ("Knut Larsen", "absent", []),
        ("Siri Johansen", "present", ["minute_taker"]),
    ]
    assert [(i.number, i.title, [p.name for p in i.presenters]) for i in m.agenda] == [
        ("12", "Godkjenning av innkalling og saksliste", []),
        ("13", "Økonomirapport", ["Ola Hansen"]),
    ]


SWEDISH = """Protokoll fört vid styrelsemöte i Svenska Genomföreningen
Datum: 14 maj 2023, klockan 10:00-12:00
Plats: Karolinska Institutet, Solna

Närvarande:
1. Anna Svensson, ordförande
2. Erik Johansson
3. Maria Lindqvist

Frånvarande: Lars Nilsson och Eva Berg

Sekreterare: Maria Lindqvist
Justerare: Erik Johansson

§ 1 Mötets öppnande
Ordföranden Anna Svensson öppnade mötet.

§ 2 Val av justerare
Erik Johansson valdes.
"""


def test_swedish_numbered_list_and_role_fields() -> None:
    m = parse_minutes(SWEDISH, language="sv")
    assert m.language == "sv"
    assert (m.body_name, m.date, m.start_time, m.end_time) == (
        "Svenska Genomföreningen",
        "2023-05-14",
        "10:00",
        "12:00",
    )
    assert m.location == "Karolinska Institutet, Solna"
    assert [(a.name, a.status, a.roles) for a in m.attendance] == [
        ("Anna Svensson", "present", ["chair"]),
        ("Erik Johansson", "present", ["member"]),
        ("Maria Lindqvist", "present", ["minute_taker"]),
        ("Lars Nilsson", "absent", []),
        ("Eva Berg", "absent", []),
    ]
    assert [(i.number, i.title) for i in m.agenda] == [("1", "Mötets öppnande"), ("2", "Val av justerare")]
    assert m.mentioned == []


DANISH_POLITICAL = """Referat af møde i Regionsrådets udvalg for sundhed
Torsdag den 2. marts 2023 kl. 15.00-17.00, Regionshuset, Vejle

Deltagere:
Jens Hansen (A), formand
Mette Olsen (V) - afbud
Region Syddanmark v/ Karen Holm
Lars Poulsen fra Danske Regioner
Anne Madsen, direktør for Sundhedsstyrelsen

Dagsorden:
Punkt 1: Godkendelse af dagsorden
Dagsordenen blev godkendt.

Punkt 2: Orientering om personlig medicin ved Karen Holm
Karen Holm orienterede. Professor Hans Eriksen fra Aarhus Universitet deltager næste gang.
Nationalt Genom Center og Novo Nordisk Fonden blev nævnt.

Punkt 3: Eventuelt
Intet.
"""


def test_danish_party_letters_afbud_and_organisation_forms() -> None:
    m = parse_minutes(DANISH_POLITICAL)
    assert (m.body_name, m.date, m.start_time, m.end_time) == (
        "Regionsrådets udvalg for sundhed",
        "2023-03-02",
        "15:00",
        "17:00",
    )
    assert m.location == "Regionshuset, Vejle"
    assert [(a.name, a.status, a.roles, a.titles, a.affiliation) for a in m.attendance] == [
        ("Jens Hansen", "present", ["chair"], [], None),
        ("Mette Olsen", "absent", [], [], None),
        ("Karen Holm", "present", [], [], "Region Syddanmark"),
        ("Lars Poulsen", "present", [], [], "Danske Regioner"),
        ("Anne Madsen", "present", [], ["direktør"], "Sundhedsstyrelsen"),
    ]
    assert [(i.number, i.title, [p.name for p in i.presenters]) for i in m.agenda] == [
        ("1", "Godkendelse af dagsorden", []),
        ("2", "Orientering om personlig medicin", ["Karen Holm"]),
        ("3", "Eventuelt", []),
    ]
    assert [(p.name, p.titles) for p in m.mentioned] == [("Hans Eriksen", ["Professor"])]


def test_inner_numbered_list_does_not_break_the_agenda() -> None:
    text = (
        "Referat af bestyrelsesmøde 4. april 2022\n\nDeltagere: Anne Hansen, Bo Jensen og Ole Nielsen\n\n"
        "1. Godkendelse af dagsorden\nGodkendt.\n\n2. Strategi\nDrøftet:\n1. Data\n2. Kompetencer\n\n"
        "3. Eventuelt\nIntet.\n"
    )
    m = parse_minutes(text)
    assert [(i.number, i.title) for i in m.agenda] == [
        ("1", "Godkendelse af dagsorden"),
        ("2", "Strategi"),
        ("3", "Eventuelt"),
    ]
    assert "1. Data" in m.agenda[1].text
    assert [a.name for a in m.attendance] == ["Anne Hansen", "Bo Jensen", "Ole Nielsen"]
    assert m.body_name == "Bestyrelsen"


def test_text_without_structure_gives_warnings_not_errors() -> None:
    m = parse_minutes("Kort notat uden struktur.\nIngen deltagere nævnt.")
    assert m.title == "Kort notat uden struktur."
    assert (m.attendance, m.agenda, m.date) == ([], [], None)
    assert m.warnings == ["no attendance list found", "no meeting date found"]
    assert parse_minutes("").title == ""


@pytest.mark.parametrize(
    ("title", "body", "number"),
    [
        ("3rd meeting of the Advisory Board", "Advisory Board", "3"),
        ("Møde nr. 7 i styregruppen for personlig medicin", "styregruppen for personlig medicin", "7"),
        ("2. ordinære møde i Rådet for Genomforskning", "Rådet for Genomforskning", "2"),
        ("12th Board Meeting", "Board", "12"),
        ("Minutes of the meeting of the Board of Trustees held on 4 May 2022", "Board of Trustees", None),
        ("Styremøte 2. desember 2022", "Styret", None),
        ("Årsmøde 2023", None, None),
        (
            "Minutes of the Annual General Meeting of the Nordic Rare Disease Association",
            "Nordic Rare Disease Association",
            None,
        ),
        (
            "Referat af ordinær generalforsamling i Foreningen for Sjældne Sygdomme",
            "Foreningen for Sjældne Sygdomme",
            None,
        ),
        (
            "Protokoll fra årsmøte i Norsk forening for sjeldne diagnoser",
            "Norsk forening for sjeldne diagnoser",
            None,
        ),
        (
            "Protokoll fört vid årsmöte i Svenska föreningen för medicinsk genetik",
            "Svenska föreningen för medicinsk genetik",
            None,
        ),
        (
            "Protokoll, ordinarie föreningsstämma i Riksförbundet Sällsynta diagnoser",
            "Riksförbundet Sällsynta diagnoser",
            None,
        ),
        (
            "Generalforsamling i Dansk Selskab for Medicinsk Genetik 2023",
            "Dansk Selskab for Medicinsk Genetik",
            None,
        ),
        ("Årsmøte 2023 i Norsk Selskap for Humangenetikk", "Norsk Selskap for Humangenetikk", None),
        (
            "Referat fra generalforsamlingen i Foreningen Danske Patienter",
            "Foreningen Danske Patienter",
            None,
        ),
        ("Annual General Meeting", None, None),
        ("ANNUAL GENERAL MEETING OF THE GENETIC ALLIANCE UK", "Genetic Alliance UK", None),
        (
            "Minutes of the Board of the Nordic Genome Society ANNUAL GENERAL MEETING",
            "Board of the Nordic Genome Society",
            None,
        ),
        ("Minutes of the Trust Board meeting held on the 5th of June", "Trust Board", None),
    ],
)
def test_body_and_number_from_the_title(title: str, body: str | None, number: str | None) -> None:
    m = parse_minutes(f"{title}\n\nDeltagere: Anne Hansen, Bo Jensen og Ole Nielsen\n")
    assert (m.title, m.body_name, m.number) == (title, body, number)
    if body:
        assert m.body_span and m.title_span[0] <= m.body_span[0] < m.title_span[1]


def test_title_is_the_line_naming_the_meeting_not_the_letterhead() -> None:
    m = parse_minutes("Danske Regioner\nReferat\nMøde i styregruppen for data\nDato: 3. maj 2023\n")
    assert (m.title, m.body_name, m.date) == (
        "Møde i styregruppen for data",
        "styregruppen for data",
        "2023-05-03",
    )


def test_a_role_field_naming_an_unknown_first_name_is_a_warning() -> None:
    m = parse_minutes("Referat 4. maj 2022\n\nDeltagere: Anne Hansen, Bo Jensen\n\nReferent: Kim.\n")
    assert m.warnings == ["minute_taker 'Kim' is not in the attendance list"]
    assert [a.roles for a in m.attendance] == [[], []]


STEERING_GROUP = """Referat
Styregruppen for Personlig Medicin
Møde den 12. januar 2024 kl. 13.00-15.00
Mødested: Sundhedsministeriet, Holbergsgade 6, mødelokale 1

Deltagere:
Sundhedsministeriet: Anne Hansen (formand), Peter Jensen
Danske Regioner: Mette Larsen

Afbud: Lise Berg (Region Hovedstaden)

Fra sekretariatet: Bo Nielsen (referent)

Dagsorden
1. Godkendelse af dagsorden
2. Orientering fra formanden

Ad 1. Godkendelse af dagsorden
Dagsordenen blev godkendt.

Ad 2. Orientering fra formanden
Anne Hansen orienterede. Formanden foreslog at invitere professor Mads Thomsen.
"""


def test_organisation_labelled_lines_and_a_separate_agenda_and_minutes() -> None:
    m = parse_minutes(STEERING_GROUP)
    assert (m.title, m.body_name) == (
        "Referat – Styregruppen for Personlig Medicin",  # a meeting is never named as its body
        "Styregruppen for Personlig Medicin",
    )
    assert (m.date, m.start_time, m.end_time) == ("2024-01-12", "13:00", "15:00")
    assert m.location == "Sundhedsministeriet, Holbergsgade 6, mødelokale 1"
    assert [(a.name, a.status, a.roles, a.affiliation) for a in m.attendance] == [
        ("Anne Hansen", "present", ["chair"], "Sundhedsministeriet"),
        ("Peter Jensen", "present", [], "Sundhedsministeriet"),
        ("Mette Larsen", "present", [], "Danske Regioner"),
        ("Lise Berg", "absent", [], "Region Hovedstaden"),
        ("Bo Nielsen", "present", ["secretariat", "minute_taker"], None),
    ]
    assert [(i.number, i.title, i.text) for i in m.agenda] == [
        ("1", "Godkendelse af dagsorden", "Dagsordenen blev godkendt."),
        ("2", "Orientering fra formanden", m.agenda[1].text),
    ]
    assert m.agenda[1].text.startswith("Anne Hansen orienterede.")
    assert [(p.name, p.titles) for p in m.mentioned] == [("Mads Thomsen", ["professor"])]


BRITISH_BOARD = """MINUTES
Board of Directors Meeting
Held on Tuesday 14 February 2023 at 2.00pm

PRESENT:      Sir John Bell (Chair)
              Professor Dame Sue Hill
              Mr Chris Wigley, Chief Executive
APOLOGIES:    Dr Jane Doe
IN ATTENDANCE: Ms Sarah Jones (Company Secretary)
               Mr Tom Lee (minutes)

1.   WELCOME AND APOLOGIES
     The Chair welcomed everyone. Apologies were noted from a board member.
     Updates followed.

2.   CHIEF EXECUTIVE'S REPORT
     Chris Wigley presented the report. Lord Darzi asked about funding. Mark Caulfield noted progress.
     The Board thanked Professor Sir Mark Walport. Dr. Wigley agreed. Professor Emeritus status was noted.
"""


def test_british_board_minutes_with_indented_blocks_and_titled_mentions() -> None:
    m = parse_minutes(BRITISH_BOARD)
    assert (m.title, m.body_name, m.date, m.start_time) == (
        "Board of Directors Meeting",
        "Board of Directors",
        "2023-02-14",
        "14:00",
    )
    assert m.location is None
    assert [(a.name, a.status, a.roles, a.titles) for a in m.attendance] == [
        ("John Bell", "present", ["chair"], ["Sir"]),
        ("Sue Hill", "present", [], ["Professor", "Dame"]),
        ("Chris Wigley", "present", [], ["Mr", "Chief Executive"]),
        ("Jane Doe", "absent", [], ["Dr"]),
        ("Sarah Jones", "present", ["secretary"], ["Ms"]),
        ("Tom Lee", "present", ["minute_taker"], ["Mr"]),
    ]
    assert [i.title for i in m.agenda] == ["WELCOME AND APOLOGIES", "CHIEF EXECUTIVE'S REPORT"]
    assert [(p.name, p.titles) for p in m.mentioned] == [
        ("Darzi", ["Lord"]),
        ("Mark Caulfield", []),
        ("Mark Walport", ["Professor", "Sir"]),
    ]


_LINES = st.sampled_from(
    [
        "Deltagere:",
        "Afbud: Jens Hansen (A) - afbud",
        "Anne Hansen, professor, Aarhus Universitet (formand)",
        "1. Velkomst v/ Anne Hansen",
        "1/3 14.00 Status",
        "Dato: 14. juni kl. 14-15.30",
        "Sted: Online",
        "Ordstyrer: Anne. Referent: Bo.",
        "Bestyrelsen: Bo Jensen, Eva Berg og Ole Lund",
        "Present: Dr Jane Smith (Chair) John Brown (Treasurer)",
        "Referat",
        "",
        "(repræsentant for styregruppen)",
        "Merete Nordentoft er forhindret, men peger på overlæge Diana Kristensen.",
    ]
)


@settings(deadline=None)  # parsing time is no property; the machine is shared
@given(st.lists(st.one_of(_LINES, st.text(max_size=30)), max_size=25))
def test_parse_minutes_never_fails_and_spans_stay_in_the_text(lines: list[str]) -> None:
    text = "\n".join(lines)
    m = parse_minutes(text)
    spans = [m.title_span, *(a.span for a in m.attendance + m.mentioned), *(i.span for i in m.agenda)]
    spans += [p.span for i in m.agenda for p in i.presenters]
    spans += [s for s in (m.body_span, m.date_span, *(i.text_span for i in m.agenda)) if s]
    assert all(0 <= s <= e <= len(text) for s, e in spans)
    assert all(a.name and a.status in {"present", "absent", "unknown"} for a in m.attendance)


def test_item_number_with_the_title_on_the_next_line() -> None:
    text = (
        "Referat af møde i Rådet 4. maj 2022\n\nDeltagere: Anne Hansen, Bo Jensen og Ole Nielsen\n\n"
        "Punkt 1\nGodkendelse af dagsorden\nGodkendt.\n\nPunkt 2:\nOrientering v/ Anne Hansen\n"
        "Anne Hansen orienterede.\n"
    )
    m = parse_minutes(text)
    assert [(i.number, i.title, [p.name for p in i.presenters], i.text) for i in m.agenda] == [
        ("1", "Godkendelse af dagsorden", [], "Godkendt."),
        ("2", "Orientering", ["Anne Hansen"], "Anne Hansen orienterede."),
    ]


def test_organisations_and_sentence_starts_are_not_mentioned_people() -> None:
    text = (
        "Referat 4. maj 2022\n\nDeltagere: Anne Hansen, Bo Jensen og Ole Nielsen\n\n1. Orientering\n"
        "Nationalt Genom Center præsenterede status. Genomics England fortalte om samarbejdet. "
        "Novo Nordisk Fonden takkede. Danske Regioner præsenterede planen. European Health Data Space "
        "blev drøftet. Vi gennemgik Memorandum of Understanding med Frankrig. Anne understregede behovet. "
        "Det Nationale Forskningsråd bemærkede noget. Patienter henvises fra Afdeling for Klinisk Genetik, "
        "Odense Universitetshospital.\n"
    )
    m = parse_minutes(text)
    assert m.mentioned == []


def test_unnumbered_minutes_headings_repeat_the_agenda_titles() -> None:
    text = (
        "Referat af møde i Rådet 4. maj 2022\n\nDagsorden\n1. Velkomst\n"
        "2. Status på projektet v/ Anne Hansen\n3. Eventuelt\n\n"
        "Deltagere: Anne Hansen, Bo Jensen og Ole Nielsen\n\n"
        "Velkomst\nFormanden bød velkommen.\nEventuelt kan projektet udvides.\n\n"
        "Status på projektet\nAnne Hansen gav en status.\n\nEventuelt\nIntet.\n"
    )
    m = parse_minutes(text)
    assert [(i.number, i.title, [p.name for p in i.presenters], i.text) for i in m.agenda] == [
        ("1", "Velkomst", [], "Formanden bød velkommen.\nEventuelt kan projektet udvides."),
        ("2", "Status på projektet", ["Anne Hansen"], "Anne Hansen gav en status."),
        ("3", "Eventuelt", [], "Intet."),
    ]


def test_an_item_may_be_called_like_a_sub_heading() -> None:
    text = "Referat 4. maj 2022\n\nDeltagere: Anne Hansen, Bo Jensen\n\n1. Referat\nGodkendt.\n\n"
    text += "2. Opfølgning\nIngen.\n"
    assert [(i.number, i.title, i.text) for i in parse_minutes(text).agenda] == [
        ("1", "Referat", "Godkendt."),
        ("2", "Opfølgning", "Ingen."),
    ]


def test_item_titles_wrapping_onto_the_next_line() -> None:
    text = (
        "Referat\n\nSag 13/2023: Status på regional strategi for personlig medicin og\ngenomisk diagnostik\n"
        "Oplæg ved Mette Hansen.\nMette Hansen gennemgik status.\n\n"
        "Sag 14/2023: GENOMIC MEDICINE SERVICE - BUSINESS CASE FOR WHOLE GENOME\nSEQUENCING IN RARE DISEASE\n"
        "The Board approved the case.\n\nSag 15/2023: Eventuelt\nIntet.\n"
    )
    items = parse_minutes(text).agenda
    assert [(i.number, i.title, [p.name for p in i.presenters]) for i in items] == [
        ("13", "Status på regional strategi for personlig medicin og genomisk diagnostik", ["Mette Hansen"]),
        ("14", "GENOMIC MEDICINE SERVICE - BUSINESS CASE FOR WHOLE GENOME SEQUENCING IN RARE DISEASE", []),
        ("15", "Eventuelt", []),
    ]
    assert items[0].text == "Mette Hansen gennemgik status."


def test_sub_items_follow_their_item() -> None:
    text = (
        "Minutes\n\n2. Minutes of the previous meeting\nApproved.\n\n3. Finance\n"
        "3.1 Financial performance\nPresented by Declan Murphy.\nA deficit was noted.\n"
        "3.2 Capital plan 2024\nApproved.\n\n4. Any other business\nNone.\n"
    )
    items = parse_minutes(text).agenda
    assert [(i.number, i.title, i.text) for i in items] == [
        ("2", "Minutes of the previous meeting", "Approved."),
        ("3", "Finance", ""),
        ("3.1", "Financial performance", "A deficit was noted."),
        ("3.2", "Capital plan 2024", "Approved."),
        ("4", "Any other business", "None."),
    ]
    assert [p.name for p in items[2].presenters] == ["Declan Murphy"]


@pytest.mark.parametrize(
    ("header", "body", "number", "location"),
    [
        (
            "Region Hovedstaden\nUdvalg for forebyggelse og sundhedsinnovation\nBESLUTNINGSREFERAT\n"
            "Mødedato: Tirsdag den 3. oktober 2023 kl. 13.00-15.00\nMødested: Regionsgården, Hillerød\n",
            "Udvalg for forebyggelse og sundhedsinnovation",
            None,
            "Regionsgården, Hillerød",
        ),
        (
            "Arbejdsgruppen om datadeling\n\nMødereferat – 2. møde\n\nDato: 2024-01-17\nSted: Teams\n",
            "Arbejdsgruppen om datadeling",
            "2",
            "Teams",
        ),
        (
            "PROTOKOLL\n\nNordiskt nätverk för sällsynta diagnoser\nStyrgruppsmöte 2/2024\n\n"
            "Datum: onsdag 15 maj 2024\nPlats: Digitalt via Teams\n",
            "Nordiskt nätverk för sällsynta diagnoser",
            "2",
            "Teams",
        ),
        (
            "NORDGEN\nMinutes of the 3rd meeting of the Steering Committee\n\n"
            "Date: 2023-10-12\nVenue: Online (Zoom)\n",
            "Steering Committee",
            "3",
            "Zoom",
        ),
    ],
)
def test_body_number_and_place_in_other_headers(
    header: str, body: str, number: str | None, location: str
) -> None:
    minutes = parse_minutes(header + "\nDeltagere: Anne Hansen, Bo Jensen\n\n1. Velkomst\nIntet.\n")
    assert (minutes.body_name, minutes.number, minutes.location) == (body, number, location)


def test_people_introduced_by_initials_or_an_organisation_after_a_comma() -> None:
    text = (
        "Referat 4. maj 2022\n\nDeltagere: Anne Hansen, Bo Jensen og Ole Nielsen\n\n1. Orientering\n"
        "Det blev aftalt at kontakte J. K. Larsen om sagen. Gruppen inviterer Bertram Ehrencrona, Lunds "
        "universitet, og samarbejder med Aarhus Universitetshospital, Region Midtjylland, og Sykehuset "
        "Telemark, Helse Sør-Øst.\n"
    )
    assert [p.name for p in parse_minutes(text).mentioned] == ["J. K. Larsen", "Bertram Ehrencrona"]


def test_presenters_after_a_title_or_in_parentheses() -> None:
    text = (
        "Referat\n\nDeltagere: Anne Hansen, Bo Jensen\n\n"
        "1. Orientering om rådgivning v/ overlæge Eva Nielsen\n"
        "Intet.\n2. Research strategy (presented by Dr Anna Brown)\nNoted.\n"
    )
    items = parse_minutes(text).agenda
    assert [(i.title, [(p.name, p.titles) for p in i.presenters]) for i in items] == [
        ("Orientering om rådgivning", [("Eva Nielsen", ["overlæge"])]),
        ("Research strategy", [("Anna Brown", ["Dr"])]),
    ]


def test_a_tab_separated_attendance_table_survives_normalisation() -> None:
    text = real(
        "Minutes of the Board meeting\nDate: 2023-10-03\n\nAttendees\nName\tRole\tOrganisation\n"
        "Jane Smith\tChair\tGenomics England\nTom O'Brien\tMember\tNHS England\n\n1. Welcome\nNoted.\n"
    )
    people = [(a.name, a.roles, a.affiliation) for a in parse_minutes(text).attendance]
    assert people == [
        ("Jane Smith", ["chair"], "Genomics England"),
        ("Tom O'Brien", ["member"], "NHS England"),
    ]


def test_a_presenter_line_ends_with_its_sentence_and_a_board_meeting_names_its_body() -> None:
    text = (
        "MINUTES OF THE TRUST BOARD MEETING\nHeld on 3 October 2023 at 10:00 in the Boardroom\n\n"
        "Present: Sir Andrew Cash (Chair), Mr Tim O'Connor, Dr Jane Doe\nEj närvarande: Karin Berg\n\n"
        "Item 1: Finance report\nPresented by Mr Tim O'Connor. Dr Doe asked about the deficit.\n"
    )
    minutes = parse_minutes(text)
    assert (minutes.body_name, minutes.location) == ("Trust Board", "Boardroom")
    assert [p.name for p in minutes.agenda[0].presenters] == ["Tim O'Connor"]
    assert [(a.name, a.status) for a in minutes.attendance][-1] == ("Karin Berg", "absent")


def test_the_place_after_a_time_range_in_a_sentence() -> None:
    text = (
        "Referat af møde i Følgegruppen for genomsekventering\n"
        "Mødet blev afholdt den 3.10.2023 fra kl. 9.30 til 12 hos Danske Regioner, Dampfærgevej 22.\n"
        "Til stede: Mette Nørgaard, Jesper Hallas og Ulla Tange\n\nPkt. 1 Velkomst\n"
    )
    minutes = parse_minutes(text)
    assert (minutes.date, minutes.start_time, minutes.end_time) == ("2023-10-03", "09:30", "12:00")
    assert minutes.location == "Danske Regioner, Dampfærgevej 22"


def test_a_presenter_missing_from_the_list_attended_to_present() -> None:
    text = (
        "Referat\n\nDeltagere: Anne Hansen, Bo Jensen\n\n1. Velkomst\nIntet.\n"
        "2. Genetisk rådgivning v/ overlæge Eva Nielsen, Rigshospitalet\nEva Nielsen orienterede.\n"
    )
    minutes = parse_minutes(text)
    assert [(a.name, a.status, a.titles) for a in minutes.attendance] == [
        ("Anne Hansen", "present", []),
        ("Bo Jensen", "present", []),
        ("Eva Nielsen", "present", ["overlæge"]),
    ]


def test_people_introduced_by_a_verb_before_them_or_an_email_after_them() -> None:
    text = (
        "Referat 4. maj 2022\n\nDeltagere: Anne Hansen, Bo Jensen og Ole Nielsen\n\n1. Orientering\n"
        "Sekretariatet vil kontakte Jes Ravnborg om sagen. The Board will invite Mark Walport. Spørgsmål "
        "sendes til Yrsa Thorvaldsen (ytho@sum.dk). Vi drøftede Genomics England og Novo Nordisk Fonden.\n"
    )
    mentioned = [p.name for p in parse_minutes(text).mentioned]
    assert mentioned == ["Jes Ravnborg", "Mark Walport", "Yrsa Thorvaldsen"]


@pytest.mark.parametrize(
    ("value", "place"),
    [
        ("Slotsholmsgade 10-12, lokale 3.14, og Teams", "Slotsholmsgade 10-12, lokale 3.14, og Teams"),
        ("kl. 13.00-15.00, Regionsgården", "Regionsgården"),
        ("13.00 i mødelokale 2", "mødelokale 2"),
    ],
)
def test_a_room_number_in_a_place_is_no_clock_time(value: str, place: str) -> None:
    text = f"Referat\n\nDato: 3. oktober 2023\nSted: {value}\n\nDeltagere: Anne Hansen, Bo Jensen\n"
    assert parse_minutes(text).location == place


@pytest.mark.parametrize(
    ("header", "date", "times", "location"),
    [
        (
            "Referat af bestyrelsesmøde\n\nDato: 14/06/2023\nTid: kl. 13.00–15.30\n"
            "Lokation: Rigshospitalet, opgang 3\n",
            "2023-06-14",
            ("13:00", "15:30"),
            "Rigshospitalet, opgang 3",
        ),
        (
            "# Protokoll fra styremøte\n\n**Dato:** 14.6.2023  \n**Møtetid:** 18.00–20.30  \n"
            "**Sted:** Litteraturhuset\n",
            "2023-06-14",
            ("18:00", "20:30"),
            "Litteraturhuset",
        ),
        (
            "Referat af møde i Styregruppen\nDato: 14/06/2023\n"
            "Sted og tid: Sundhedsministeriet, kl. 13.00–15.30\n",
            "2023-06-14",
            ("13:00", "15:30"),
            "Sundhedsministeriet",
        ),
        (
            "Protokoll fört vid styrelsemöte\n\nDatum: onsdagen den 14 juni 2023\nMötestid: 13.00–15.30\n"
            "Plats: Karolinska Institutet, Solna\n",
            "2023-06-14",
            ("13:00", "15:30"),
            "Karolinska Institutet, Solna",
        ),
        (
            "Minutes of the Board meeting\n\nDate: June 14th, 2023\nTime: 1:00pm – 3:30pm\n"
            "Venue: The Wellcome Trust\n",
            "2023-06-14",
            ("13:00", "15:30"),
            "Wellcome Trust",
        ),
        (
            "Referat af bestyrelsesmøde\nDato: 14. juni 2023\nKl. 13.00-15.30\nSted: Online\n",
            "2023-06-14",
            ("13:00", "15:30"),
            "Online",
        ),
        (
            "REFERAT\nBestyrelsesmøde\n| Dato | 5. september 2023 | Tidspunkt | Kl. 16.00–18.00 |\n"
            "| Sted | Domus Medica, København |\n",
            "2023-09-05",
            ("16:00", "18:00"),
            "Domus Medica, København",
        ),
    ],
)
def test_date_time_and_place_fields_in_the_four_languages(
    header: str, date: str, times: tuple[str, str], location: str
) -> None:
    minutes = parse_minutes(header + "\nDeltagere: Anne Hansen, Bo Jensen\n\n1. Velkomst\nIntet.\n")
    assert (minutes.date, (minutes.start_time, minutes.end_time), minutes.location) == (date, times, location)


def test_attendance_tables_and_signatures_in_the_minutes() -> None:
    text = (
        "Minutes of the Annual General Meeting of the Nordic Rare Disease Association\nDate: 2023-06-14\n\n"
        "| Name | Organisation | Role |\n|---|---|---|\n| Jane Smith | Rare Diseases Denmark | Chair |\n"
        "| Walsh, Mary | Genetic Alliance UK | Secretary |\n\n1. Welcome\nJane Smith welcomed members.\n\n"
        "2. Any other business\nNone.\n\nMinutes taken by Mary Walsh\n"
    )
    minutes = parse_minutes(text)
    assert [(a.name, a.roles, a.affiliation) for a in minutes.attendance] == [
        ("Jane Smith", ["chair"], "Rare Diseases Denmark"),
        ("Mary Walsh", ["secretary", "minute_taker"], "Genetic Alliance UK"),
    ]
    assert minutes.body_name == "Nordic Rare Disease Association"
    assert [(i.number, i.text) for i in minutes.agenda] == [
        ("1", "Jane Smith welcomed members."),
        ("2", "None."),
    ]
    assert minutes.mentioned == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Referat af bestyrelsesmøde\nDato: 14/06/2023\nDeltagere: Jens Hansen (formand), Eva Berg\n"
            "Afbud: Bo Jensen\n1. Velkomst\nJens Hansen bød velkommen.\n2. Eventuelt\nIntet.\n",
            "da",
        ),
        (
            "Protokoll\nStyremøte\nDato: 14.6.2023\nTil stede: Kari Nordmann, Ola Hansen\n"
            "Forfall: Per Olsen\nSak 1/23 Godkjenning av innkalling\nGodkjent.\n"
            "Sak 2/23 Eventuelt\nIngen saker.\n",
            "no",
        ),
        (
            "Protokoll\nStyrelsemöte\nDatum: 2023-06-14\nNärvarande: Anna Lindqvist, Erik Berg\n"
            "§ 1 Mötets öppnande\n§ 2 Övriga frågor\nInga.\n",
            "sv",
        ),
        (
            "Minutes\nBoard meeting\nDate: 2023-06-14\nPresent: Jane Smith, Tom Evans\n"
            "Apologies: Mary Walsh\n1. Welcome\n2. AOB\nNone.\n",
            "en",
        ),
    ],
)
def test_the_language_of_short_minutes(text: str, language: str) -> None:
    assert parse_minutes(text).language == language


def test_a_presenter_written_with_the_surname_in_capitals_is_the_listed_person() -> None:
    text = (
        "Referat\nDato: 14.6.2023\nTil stede: Kari NORDMANN (leder), Ola HANSEN, Per OLSEN\n\n"
        "1. Årsberetning v/Kari NORDMANN\nKari NORDMANN la fram beretningen.\n2. Eventuelt\nIngen.\n"
    )
    minutes = parse_minutes(text)
    assert [(a.name, a.roles) for a in minutes.attendance] == [
        ("Kari Nordmann", ["chair"]),
        ("Ola Hansen", []),
        ("Per Olsen", []),
    ]
    first = minutes.agenda[0]
    assert ([p.name for p in first.presenters], first.text) == (
        ["Kari Nordmann"],
        "Kari NORDMANN la fram beretningen.",
    )


def test_a_meeting_line_naming_its_body_under_a_letterhead() -> None:
    minutes = parse_minutes(
        "Dansk Selskab for Almen Medicin\nBestyrelsesmøde den 6. februar 2019\nTil stede: Anne Hansen\n"
    )
    assert (minutes.title, minutes.body_name, minutes.date) == (
        "Dansk Selskab for Almen Medicin",
        "Bestyrelsen",
        "2019-02-06",
    )
    plain = parse_minutes("Region Hovedstaden\nMøde den 12. januar 2024\nTil stede: Anne Hansen\n")
    assert (plain.title, plain.body_name) == ("Region Hovedstaden", "Region Hovedstaden")


@pytest.mark.parametrize(
    ("line", "body"),
    [
        ("Steering Committee – Minutes", "Steering Committee"),
        ("Health and Wellbeing Board – Minutes, Thursday 15 February 2024", "Health and Wellbeing Board"),
        ("Programrådet för precisionsmedicin      Nr 1/2024", "Programrådet för precisionsmedicin"),
        ("Nordisk arbejdsgruppe for biobanker – referat", "Nordisk arbejdsgruppe for biobanker"),
        ("Fagrådet for genetikk - møtereferat 12.03.2024", "Fagrådet for genetikk"),
        ("School of Medicine – Ethics Committee (DNA)", "School of Medicine – Ethics Committee (DNA)"),
        ("Styret, Norsk forening for medisinsk genetikk", "Styret, Norsk forening for medisinsk genetikk"),
    ],
)  # fmt: skip
def test_a_body_line_loses_what_only_names_the_minutes(line: str, body: str) -> None:
    text = f"{line}\n\nDato: 3. maj 2024\n\nTil stede: Anne Hansen, Bo Jensen\n\n1. Velkomst\n"
    m = parse_minutes(text)
    assert m.body_name == body
    assert m.body_span is not None and text[m.body_span[0] : m.body_span[1]] == body


@pytest.mark.parametrize(
    ("header", "title"),
    [
        # no line names the meeting: the body that met does (after the document word, so a meeting is never
        # named as its body), not the letterhead or a note on when the minutes went out
        ("Region Sjælland\nUdvalget for genetisk rådgivning\n\nREFERAT\nUdsendt: 3. maj 2024\n\n"
         "Dato: 24. april 2024\n", "Referat – Udvalget for genetisk rådgivning"),
        ("Helse Nord RHF\nRegionalt nettverk for genetikk\n\nReferat - sendt ut 2. mai 2024\n\n"
         "Dato: 24.04.2024\n", "Regionalt nettverk for genetikk"),
        # a sentence saying where the meeting was held is no title
        ("Region Kronoberg\nArbetsgruppen för genomik\n\nMINNESANTECKNINGAR\n\n"
         "Mötet hölls den 3 april 2024 kl. 13.00–15.00 på Centrallasarettet i Växjö.\n",
         "Minnesanteckningar – Arbetsgruppen för genomik"),
        # a title going on in lower case from the document word above it keeps that word
        ("PROTOKOLL\nfört vid sammanträde med styrelsen för Svensk förening för medicinsk genetik\n\n"
         "Tid: den 3 april 2024\n",
         "Protokoll fört vid sammanträde med styrelsen för Svensk förening för medicinsk genetik"),
        # a title that names its meeting stays as it is
        ("Referat af bestyrelsesmøde nr. 3/2024\n\nDato: 24. april 2024\n",
         "Referat af bestyrelsesmøde nr. 3/2024"),
    ],
)  # fmt: skip
def test_the_title_is_the_line_that_names_the_meeting_or_its_body(header: str, title: str) -> None:
    text = header + "\nTil stede: Anne Holm, Bo Dahl\n\n1. Meddelelser\nIngen.\n"
    assert parse_minutes(text).title == title
