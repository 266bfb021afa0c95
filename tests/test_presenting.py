"""Presenters in the text: the subject of a presenting verb, by name, short form or post, in 4 languages."""

from __future__ import annotations

import pytest

from pmkg.ingest.pipeline import extract_text
from pmkg.model.record import Record


def presenters(record: Record) -> set[str]:
    names = {p.id: p.name for p in record.people}
    return {names[a.person] for a in record.meetings[0].attendance if "presenter" in a.roles}


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [
        (
            "Referat af møde i netværket\n\nDeltagere: Charlotte Bisgaard Lauridsen, Ulrik Fenger Rasmussen, "
            "Line Højgaard Krogh\n\n1. Genetisk rådgivning\nCharlotte Bisgaard Lauridsen "
            "præsenterede et oplæg. "
            "Line Højgaard Krogh påpegede, at regionen har svært ved at rekruttere.\n\n2. Forskeradgang\n"
            "Ulrik Fenger Rasmussen (Sundhedsdatastyrelsen) orienterede om ansøgningerne.\n",
            {"Charlotte Bisgaard Lauridsen", "Ulrik Fenger Rasmussen"},
        ),
        (
            "Referat fra møte i styringsgruppen\n\nTil stede: Kari Løvlie Aarskog (leder), Magnus Tysse, "
            "Thomas Ytre-Arne (referent)\n\nSak 1 Budsjett\nMagnus orienterte kort om budsjettet. "
            "Kari spurgte "
            "om fristen.\n\nSak 2 Innspill\nEt skriftlig innspill ble lagt fram av Thomas Ytre-Arne.\n",
            {"Magnus Tysse", "Thomas Ytre-Arne"},
        ),
        (
            "Protokoll fört vid styrelsemöte\n\nNärvarande: Elsa Wikander (ordförande), Tobias Lindahl, Amir "
            "Karimi\n\n§ 3 Ekonomi\nTobias Lindahl redogjorde för det ekonomiska läget. Amir Karimi "
            "frågade om "
            "budgeten.\n",
            {"Tobias Lindahl"},
        ),
        (
            "Minutes of the Council\n\nPresent: Prof. Ananya Raghunathan, Dr. Chinedu Okonkwo-Bello, "
            "Ruth Abernethy (Chair)\n\n1. Reference data\nProf. Raghunathan and Dr. Okonkwo-Bello "
            "presented a "
            "joint paper. The Chair asked for a statement.\n",
            {"Ananya Raghunathan", "Chinedu Okonkwo-Bello"},
        ),
        (  # a post meaning its one holder
            "Referat af bestyrelsesmøde\n\nTil stede: Hanne Poulsen (formand), Birgitte Lau "
            "Sønderby (kasserer), "
            "Rasmus Ibsen\n\n4. Regnskab\nKassereren gennemgik regnskabet for første kvartal.\n",
            {"Birgitte Lau Sønderby"},
        ),
    ],
)
def test_the_subject_of_a_presenting_verb_presents(minutes: str, expected: set[str]) -> None:
    assert presenters(extract_text(minutes)) == expected


def test_the_presenter_belongs_to_the_item_where_the_verb_stands() -> None:
    record = extract_text(
        "Minutes of the Board\n\nPresent: Olivia Marchetti, Sunita Bhattacharya\n\n1. Welcome\nThe "
        "board met.\n\n"
        "2. Finance\nSunita Bhattacharya reported on the accounts.\n"
    )
    items = {item.number: item.presenters for item in record.meetings[0].agenda_items}
    assert items == {"1": [], "2": ["person:sunita-bhattacharya"]}
