"""The Review page's low-confidence facts, against a real Neo4j through Streamlit's AppTest: invented
minutes whose two grants are found only by ``funding.cue`` (``knowledge/review.yaml``); both reach the
queue with their lines; an editor confirms one on the page and rejects the other, and both decisions
hold for a new version of the minutes; undoing the confirmation puts its fact back."""

from __future__ import annotations

from pathlib import Path

import neo4j
import pytest
from streamlit.testing.v1 import AppTest

from pmkg.graph import connection, corrections, lowconfidence, review
from pmkg.graph.store import load_record
from pmkg.ingest.pipeline import extract_text
from pmkg.model.record import Record
from tests.test_users import SECRETS, claims

APP = str(Path(__file__).resolve().parent.parent / "app.py")
MINUTES = """Referat af møde i styregruppen for Nordisk Testnetværk
Dato: 4. marts 2025

Deltagere:
Peter Kjærsgaard, Region Syddanmark
Mette Lind, Aarhus Universitet

1. Økonomi
Novo Nordisk Fonden finansierer Aarhus Universitet.
Lundbeckfonden finansierer Region Syddanmark.
{extra}"""
FUNDS = """
MATCH (a)-[r:FUNDS]->(b) RETURN a.name AS funder, b.name AS recipient, r.rejected IS NOT NULL AS rejected
"""


def minutes(extra: str = "") -> Record:
    return extract_text(MINUTES.format(extra=extra), "okonomi-2025-03-04.txt")


def grants(drv: neo4j.Driver) -> set[tuple[str, str, bool]]:
    return {(r["funder"], r["recipient"], r["rejected"]) for r in connection.read(drv, FUNDS)}


@pytest.fixture
def grants_minutes(neo4j_driver: neo4j.Driver, neo4j_env: connection.Settings) -> Record:
    record = minutes()
    load_record(neo4j_driver, record)
    return record


def test_low_confidence_facts_are_queued_confirmed_or_rejected_and_stay_so(
    neo4j_driver: neo4j.Driver, grants_minutes: Record
) -> None:
    queued = lowconfidence.queue(neo4j_driver)
    assert [(f.type, f.from_name, f.to_name, f.rules) for f in queued] == [
        ("FUNDS", "Lundbeckfonden", "Region Syddanmark", ("funding.cue",)),
        ("FUNDS", "Novo Nordisk Fonden", "Aarhus Universitet", ("funding.cue",)),
    ]
    assert [f.lines for f in queued] == [
        ("Lundbeckfonden finansierer Region Syddanmark.",),
        ("Novo Nordisk Fonden finansierer Aarhus Universitet.",),
    ]
    novo = queued[1]

    at = AppTest.from_file(APP, default_timeout=90)
    at.secrets = SECRETS
    at.user = claims("erik.editor", "pmkg-editor")
    at.query_params["page"] = "review"
    at.query_params["lang"] = "da"
    at.run()
    assert not at.exception and not at.error
    [queues] = at.button_group
    assert (queues.options[2], queues.value) == ("Usikre fakta (2)", "pairs")
    queues.set_value("facts").run()  # the reader picks the low-confidence queue
    assert "Lundbeckfonden finansierer Region Syddanmark" in at.subheader[-1].value
    at.button(key=f"fact_skip|{queued[0].id}").click().run()  # skipped: Novo's grant is shown
    assert "Novo Nordisk Fonden finansierer Aarhus Universitet" in at.subheader[-1].value
    at.button(key=f"fact_confirm|{novo.id}").click().run()
    assert not at.exception and not at.error
    [confirmed] = corrections.listing(neo4j_driver)
    c = confirmed.correction
    assert (c.kind, c.targets, c.author) == ("confirm", [novo.from_id, novo.to_id], "erik.editor@example.org")

    rejected, _ = review.judge(neo4j_driver, queued[0].id, False, "kari", "Lundbeckfonden only considered it")
    assert rejected.kind == "reject"
    assert lowconfidence.queue(neo4j_driver) == []
    expected = {
        ("Novo Nordisk Fonden", "Aarhus Universitet", False),
        ("Lundbeckfonden", "Region Syddanmark", True),
    }
    assert grants(neo4j_driver) == expected

    assert load_record(neo4j_driver, minutes(extra="2. Eventuelt\nIntet.\n")).status == "replaced"
    assert lowconfidence.queue(neo4j_driver) == [] and grants(neo4j_driver) == expected
    assert corrections.orphaned(neo4j_driver) == []

    corrections.undo(neo4j_driver, c.id, "kari")  # the confirmation undone: the fact is asked about again
    assert [(f.from_name, f.to_name) for f in lowconfidence.queue(neo4j_driver)] == [
        ("Novo Nordisk Fonden", "Aarhus Universitet")
    ]


def test_every_low_confidence_rule_is_a_rule_with_a_reason_in_both_languages() -> None:
    from pmkg.ingest.extract.registry import describe

    assert lowconfidence.rules()
    for rule, why in lowconfidence.rules().items():
        assert describe(rule), rule
        assert set(why) == {"da", "en"} and all(why.values()), rule
