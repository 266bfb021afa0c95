"""Small hand-built extraction records for the graph tests (test data, independent of the extractor)."""

from __future__ import annotations

import hashlib

from pmkg.model.record import (
    AgendaItem,
    Agreement,
    Attendance,
    DocumentInfo,
    Fact,
    Funding,
    Meeting,
    Membership,
    Mention,
    Organization,
    Person,
    Provenance,
    Record,
    Theme,
)
from pmkg.text import slug


def prov(text: str, quote: str) -> list[Provenance]:
    """The provenance of ``quote``'s first occurrence in ``text``."""
    start = text.index(quote)
    return [Provenance(quote=quote, start=start, end=start + len(quote))]


def document(source: str, text: str, title: str = "Referat") -> DocumentInfo:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return DocumentInfo(
        id=f"doc:{sha[:16]}", source=source, sha256=sha, language="da", title=title, format="txt", text=text
    )


def board_minutes(
    source: str = "board-1.txt",
    *,
    chair: str = "Søren Brunak",
    extra: str = "",
    chair_aliases: tuple[str, ...] = (),
) -> Record:
    """A board meeting chaired by ``chair`` with NGC, KU, an MoU, a theme, a figure and a funding."""
    text = (
        f"Referat af 1. møde i bestyrelsen, 14. juni 2023\n"
        f"Deltagere: {chair} (formand), Bettina Lundgren, Nationalt Genom Center\n"
        f"Afbud: Ole Skøtt\n"
        f"1. Status v/Bettina Lundgren: 14.505 genomer er sekventeret.\n"
        f"Novo Nordisk Fonden finansierer Nationalt Genom Center. "
        f"Aftale (MoU) mellem Københavns Universitet og Nationalt Genom Center om datadeling.\n{extra}"
    )
    doc = document(source, text)
    chair_id = "person:" + slug(chair)
    meeting = Meeting(
        id=f"meeting:board-1-{doc.sha256[:6]}",
        title="1. møde i bestyrelsen",
        body="org:board",
        body_name="bestyrelsen",
        number="1",
        date="2023-06-14",
        attendance=[
            Attendance(chair_id, "present", ["chair"], "Deltagere", prov(text, chair)),
            Attendance("person:bettina-lundgren", "present", [], "Deltagere", prov(text, "Bettina Lundgren")),
            Attendance("person:ole-skott", "absent", [], "Afbud", prov(text, "Ole Skøtt")),
        ],
        agenda_items=[
            AgendaItem("1", "Status", ["person:bettina-lundgren"], provenance=prov(text, "1. Status")),
        ],
        provenance=prov(text, "1. møde i bestyrelsen"),
    )
    return Record(
        document=doc,
        meetings=[meeting],
        people=[
            Person(chair_id, chair, list(chair_aliases), ["professor"], ["org:ku"], [], prov(text, chair)),
            Person(
                "person:bettina-lundgren",
                "Bettina Lundgren",
                affiliations=["org:ngc"],
                provenance=prov(text, "Bettina Lundgren"),
            ),
            Person("person:ole-skott", "Ole Skøtt", provenance=prov(text, "Ole Skøtt")),
        ],
        organizations=[
            Organization("org:board", "Bestyrelsen", type="board", provenance=prov(text, "bestyrelsen")),
            Organization(
                "org:ngc",
                "Nationalt Genom Center",
                ["NGC"],
                "agency",
                "Q56255425",
                provenance=prov(text, "Nationalt Genom Center"),
            ),
            Organization(
                "org:ku", "Københavns Universitet", ["KU"], "university", provenance=prov(text, "Københavns")
            ),
            Organization("org:novo-nordisk-fonden", "Novo Nordisk Fonden", type="foundation"),
        ],
        memberships=[Membership(chair_id, "org:board", "chair", prov(text, "formand"))],
        agreements=[
            Agreement(
                "agreement:ku-ngc-mou",
                "mou",
                "MoU om datadeling",
                ["org:ku", "org:ngc"],
                "2023-06",
                provenance=prov(text, "Aftale (MoU)"),
            )
        ],
        fundings=[
            Funding(
                "org:novo-nordisk-fonden",
                "org:ngc",
                purpose="drift",
                provenance=prov(text, "Novo Nordisk Fonden finansierer"),
            )
        ],
        themes=[
            Theme(
                "point:1",
                "datadeling",
                "om datadeling",
                ["theme:data-sharing"],
                meeting.id,
                "1",
                prov(text, "datadeling"),
            )
        ],
        facts=[
            Fact(
                "figure:genomes-1",
                "org:ngc",
                14505.0,
                "genomer",
                "14.505 genomer",
                "2023-06-14",
                prov(text, "14.505 genomer"),
            )
        ],
        mentions=[Mention("org:novo-nordisk-fonden", prov(text, "Novo Nordisk Fonden"))],
    )
