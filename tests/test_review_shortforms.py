"""The Review page's short forms, against a real Neo4j through Streamlit's AppTest: invented minutes
where two attendees are called Anna and the text says "Anna sagde ..."; the short form reaches the
queue with its lines and both Annas; an editor's choice is recorded and holds when the minutes are
ingested again, in a new version, and after a removal; "not one of these" holds too; a viewer's forged
choice is refused on the server."""

from __future__ import annotations

from pathlib import Path

import neo4j
import pytest
from streamlit.testing.v1 import AppTest

from pmkg.graph import connection, corrections, review, shortforms
from pmkg.graph.store import load_record, remove_document
from pmkg.ingest.pipeline import extract_text
from pmkg.model.record import Record
from pmkg.ui.i18n import md_escape, translate
from tests.test_users import SECRETS, claims

APP = str(Path(__file__).resolve().parent.parent / "app.py")
HOLMGAARD, VESTERGAARD = "person:anna-holmgaard", "person:anna-vestergaard"
MINUTES = """Referat af møde i styregruppen for Nordisk Testnetværk
Dato: 4. marts 2025

Deltagere:
Anna Holmgaard, Region Midtjylland, formand
Anna Vestergaard, Aarhus Universitet
Peter Kjærsgaard, Region Syddanmark

1. Velkomst
Anna bød velkommen og gennemgik dagsordenen.

2. Status
Peter Kjærsgaard orienterede om projektets fremdrift. Anna sagde, at næste skridt er en fælles ansøgning.
{extra}"""
QUOTES = """
MATCH (:Document {id: $doc})-[m:MENTIONS]->(p:Person) WHERE p.id IN $people
RETURN p.id AS person, m.quotes AS quotes ORDER BY person
"""


def minutes(source: str = "styregruppe-2025-03-04.txt", extra: str = "") -> Record:
    return extract_text(MINUTES.format(extra=extra), source)


def annas(drv: neo4j.Driver, doc: str) -> dict[str, int]:
    """How many times the document's mention of each Anna quotes the bare first name."""
    rows = connection.read(drv, QUOTES, {"doc": doc, "people": [HOLMGAARD, VESTERGAARD]})
    return {row["person"]: row["quotes"].count("Anna") for row in rows}


@pytest.fixture
def anna(neo4j_driver: neo4j.Driver, neo4j_env: connection.Settings) -> Record:
    record = minutes()
    assert [(u.form, u.candidates) for u in record.unresolved] == [("Anna", [HOLMGAARD, VESTERGAARD])]
    load_record(neo4j_driver, record)
    return record


def review_as(user: dict[str, object]) -> AppTest:
    """The English Review page opened by a link to its short-forms queue, as ``user``."""
    at = AppTest.from_file(APP, default_timeout=90)
    at.secrets = SECRETS
    at.user = user
    at.query_params["page"] = "review"
    at.query_params["lang"] = "en"
    at.query_params["queue"] = "short"
    return at.run()


def test_an_ambiguous_first_name_is_queued_chosen_and_stays_chosen(
    neo4j_driver: neo4j.Driver, anna: Record
) -> None:
    [form] = shortforms.queue(neo4j_driver)
    assert (form.form, form.doc, form.people) == (
        "Anna",
        anna.document.id,
        ((HOLMGAARD, "Anna Holmgaard"), (VESTERGAARD, "Anna Vestergaard")),
    )
    assert form.lines == (
        "Anna bød velkommen og gennemgik dagsordenen.",
        "Peter Kjærsgaard orienterede om projektets fremdrift. "
        "Anna sagde, at næste skridt er en fælles ansøgning.",
    )
    assert annas(neo4j_driver, anna.document.id) == {HOLMGAARD: 0, VESTERGAARD: 0}

    at = review_as(claims("erik.editor", "pmkg-editor"))
    assert not at.exception and not at.error
    [queues] = at.button_group
    assert (queues.options, queues.value) == (
        ["Possible duplicates (0)", "Unresolved short forms (1)", "Low-confidence facts (0)"],
        "short",
    )
    assert "«Anna»" in [s.value for s in at.subheader]
    at.radio(key=f"short_choice|{form.id}").set_value(HOLMGAARD)
    at.text_input(key=f"short_reason|{form.id}").input("she chaired")
    at.button(key=f"short_save|{form.id}").click().run()
    assert not at.exception and not at.error
    [stored] = corrections.listing(neo4j_driver)
    c = stored.correction
    assert (c.kind, c.targets, c.author, c.reason) == (
        "resolve",
        [HOLMGAARD, VESTERGAARD],
        "erik.editor@example.org",
        "she chaired",
    )
    assert c.payload["person"] == HOLMGAARD and stored.status == "applied"
    done = md_escape(f"«Anna» in {anna.document.title}: Anna Holmgaard (correction {c.id}).")
    assert done in [s.value for s in at.success]
    assert shortforms.queue(neo4j_driver) == []
    assert annas(neo4j_driver, anna.document.id) == {HOLMGAARD: 2, VESTERGAARD: 0}

    assert load_record(neo4j_driver, anna).status == "unchanged"  # the same minutes again
    version2 = minutes(extra="3. Eventuelt\nIntet.\n")
    assert load_record(neo4j_driver, version2).status == "replaced"  # a new version of the file
    assert shortforms.queue(neo4j_driver) == []
    assert annas(neo4j_driver, version2.document.id) == {HOLMGAARD: 2, VESTERGAARD: 0}
    remove_document(neo4j_driver, version2.document.id)  # removed, then ingested again
    assert corrections.orphaned(neo4j_driver) == [c.id]
    load_record(neo4j_driver, anna)
    assert shortforms.queue(neo4j_driver) == [] and corrections.orphaned(neo4j_driver) == []
    assert annas(neo4j_driver, anna.document.id) == {HOLMGAARD: 2, VESTERGAARD: 0}


def test_not_one_of_these_is_recorded_and_holds(neo4j_driver: neo4j.Driver, anna: Record) -> None:
    [form] = shortforms.queue(neo4j_driver)
    c, _ = review.resolve(neo4j_driver, form.id, None, "kari", "a third Anna, from the secretariat")
    assert c.payload["person"] is None
    assert shortforms.queue(neo4j_driver) == []
    assert annas(neo4j_driver, anna.document.id) == {HOLMGAARD: 0, VESTERGAARD: 0}
    assert load_record(neo4j_driver, minutes(extra="Nyt.\n")).status == "replaced"
    assert shortforms.queue(neo4j_driver) == []
    corrections.undo(neo4j_driver, c.id, "kari")  # undone: the question is open again
    assert [f.form for f in shortforms.queue(neo4j_driver)] == ["Anna"]


def _forged_choice() -> None:
    """A script run as the signed-in user that calls the short forms' write path without its buttons."""
    import streamlit as st

    from pmkg.graph import shortforms
    from pmkg.ui import identity, review_shortforms, state

    _, driver = state.store_status()
    form = shortforms.queue(driver)[0]
    try:
        correction = review_shortforms.decide(driver, form, form.people[1][0], "forged")
    except identity.NotAllowed as exc:
        st.text(str(exc))
    else:
        st.text(f"{correction.kind} by {correction.author}")


def test_the_server_refuses_a_viewers_forged_choice(neo4j_driver: neo4j.Driver, anna: Record) -> None:
    at = AppTest.from_function(_forged_choice, default_timeout=60)
    at.secrets = SECRETS
    at.user = claims("vera.viewer", "pmkg-viewer")
    at.run()
    assert [x.value for x in at.text] == [
        "vera.viewer@example.org may not change the graph: ask for the admin or editor role"
    ]
    assert corrections.listing(neo4j_driver) == [] and len(shortforms.queue(neo4j_driver)) == 1
    viewer = review_as(claims("vera.viewer", "pmkg-viewer"))
    assert translate("short.needs_editor", "en") in [i.value for i in viewer.info]
    assert not [b for b in viewer.button if b.label == translate("short.save", "en")]
