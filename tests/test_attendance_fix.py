"""A role at one meeting, fixed (real Neo4j, the CLI as staff type it, the exported Turtle, the app's
"correct this"): invented minutes mark Anna Holmgaard chair (formand) of one meeting where she was a
member; ``pmkg fix ... ATTENDED ...`` keeps the extracted attendance visible as revised and states the
right one with its status and group; the fix holds when the same minutes are ingested again and in a
new version, and is exported as PROV-O; an editor makes the same kind of fix from the Search page."""

from __future__ import annotations

from pathlib import Path

import neo4j
import pytest
from rdflib import RDF, RDFS, Literal
from rdflib.namespace import PROV
from streamlit.testing.v1 import AppTest

from pmkg.cli import main
from pmkg.graph import connection, corrections, rdf
from pmkg.graph.questions import load_questions, run_question
from pmkg.graph.rdfcodec import Mapper, node_iri
from pmkg.graph.store import load_record, read_rows, remove_document
from pmkg.ui.i18n import translate
from tests.test_review_shortforms import HOLMGAARD
from tests.test_review_shortforms import minutes as anna_minutes
from tests.test_users import SECRETS, claims

APP = str(Path(__file__).resolve().parent.parent / "app.py")
MEETING = "meeting:styregruppen-for-nordisk-testnetvaerk-2025-03-04"
ATTENDED = """
MATCH (:Person {id: $person})-[a:ATTENDED]->(:Meeting {id: $meeting})
RETURN a.doc AS doc, a.roles AS roles, a.status AS status, a.group AS group, a.rejected AS rejected,
       a.revised AS revised, a.curated AS curated, a.note AS note, a.key AS key
ORDER BY a.curated IS NULL, a.doc
"""
NOTE = "the committee's list of members, 2025"


def attendance(drv: neo4j.Driver, person: str = HOLMGAARD) -> list[dict[str, object]]:
    return connection.read(drv, ATTENDED, {"person": person, "meeting": MEETING})


def pmkg(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str]]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, (out.out + out.err).splitlines()


def test_a_role_at_one_meeting_is_fixed_kept_as_revised_and_holds(
    curator: neo4j.Driver,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    record = anna_minutes()
    load_record(curator, record)
    [extracted] = attendance(curator)
    assert (extracted["roles"], extracted["status"], extracted["group"]) == (
        ["chair"],
        "present",
        "Deltagere",
    )
    fix = ("fix", HOLMGAARD, "ATTENDED", MEETING, "--where", "roles=chair", "--set", "roles=member")

    before = read_rows(curator)
    code, out = pmkg(capsys, *fix, "--note", NOTE, "--dry-run")
    assert (code, out) == (
        0,
        [
            f"would revise 1 ATTENDED roles=chair {HOLMGAARD} -> {MEETING}",
            f"would add ATTENDED group=Deltagere roles=member status=present {HOLMGAARD} -> {MEETING}"
            f" (curated: {NOTE})",
            "dry run: nothing stored",
        ],
    )
    assert read_rows(curator) == before and corrections.listing(curator) == []

    code, out = pmkg(capsys, *fix, "--note", NOTE, "--reason", "she chairs from 2026")
    [item] = corrections.listing(curator)
    c = item.correction
    assert code == 0 and out[-1] == f"recorded {c.id} (fix by kari at {c.at})"
    assert c.payload["kept"] == {"group": "Deltagere", "status": "present"}
    assert c.payload["props"] == {"roles": ["member"]} and c.payload["where"] == {"roles": ["chair"]}

    def fixed(doc: str) -> None:
        """The curated attendance, and the extracted one of ``doc`` kept as revised."""
        assert attendance(curator) == [
            {
                "doc": None, "roles": ["member"], "status": "present", "group": "Deltagere", "rejected": None,
                "revised": None, "curated": c.id, "note": NOTE, "key": c.id,
            },
            {
                "doc": doc, "roles": ["chair"], "status": "present", "group": "Deltagere", "rejected": c.id,
                "revised": c.id, "curated": None, "note": None,
                "key": f"ATTENDED|{doc}|{HOLMGAARD}|{MEETING}",
            },
        ]  # fmt: skip

    fixed(record.document.id)
    answer = run_question(curator, load_questions()["person_profile"], {"person": HOLMGAARD})
    meetings = answer.frame[answer.frame["kind"] == "meeting"].to_dict("records")
    assert [(r["name"], r["detail"], r["quote"]) for r in meetings] == [
        ("Referat af møde i styregruppen for Nordisk Testnetværk", "present, member", NOTE)
    ]  # the source note is the quote: no document states it

    remove_document(curator, record.document.id)  # the same minutes ingested again
    load_record(curator, anna_minutes())
    fixed(record.document.id)
    version2 = anna_minutes(extra="3. Eventuelt\nIntet.\n")
    assert load_record(curator, version2).status == "replaced"
    fixed(version2.document.id)

    out_file = tmp_path / "graph.ttl"
    assert main(["export", "--in-memory", "--format", "turtle", "--out", str(out_file)]) == 0  # SHACL
    capsys.readouterr()
    g = rdf.parse(out_file.read_bytes(), "turtle")
    m = Mapper(None, (), {})
    fact, activity = m.fact_iri(c.id), node_iri(c.id)
    assert (fact, RDF.type, rdf.PMKG.CuratedFact) in g and g.value(fact, PROV.wasGeneratedBy) == activity
    assert {str(role).rsplit("/", 1)[-1] for role in g.objects(fact, rdf.CV.role)} == {"member"}
    original = m.fact_iri(f"ATTENDED|{version2.document.id}|{HOLMGAARD}|{MEETING}")
    assert g.value(fact, PROV.wasRevisionOf) == original
    assert set(g.objects(original, RDF.type)) == {rdf.PMKG.RejectedFact, RDF.Statement}
    assert g.value(g.value(fact, PROV.wasDerivedFrom), RDFS.comment) == Literal(NOTE)
    assert (node_iri(MEETING), rdf.SCHEMA.attendee, node_iri(HOLMGAARD)) in g  # she was there

    code, out = pmkg(capsys, *fix, "--note", NOTE)
    assert (code, out) == (
        1,
        [
            f"pmkg: error: fix: no ATTENDED roles=chair {HOLMGAARD} -> {MEETING} in the graph to revise"
            " (a new fact: pmkg add)"
        ],
    )
    code, out = pmkg(
        capsys, "fix", HOLMGAARD, "ATTENDED", MEETING, "--set", "roles=member,boss", "--note", NOTE
    )
    assert (
        code == 1 and len(out) == 1 and out[0].startswith("pmkg: error: roles='boss' is not a known roles:")
    )
    assert main(["corrections", "undo", c.id]) == 0
    [back] = attendance(curator)
    assert (back["roles"], back["rejected"], back["curated"]) == (["chair"], None, None)


def test_an_editor_fixes_a_role_at_a_meeting_from_the_search_page(
    neo4j_env: connection.Settings, neo4j_driver: neo4j.Driver
) -> None:
    load_record(neo4j_driver, anna_minutes())
    at = AppTest.from_file(APP, default_timeout=90)
    at.secrets = SECRETS
    at.user = claims("erik.editor", "pmkg-editor")
    at.query_params.update({"page": "search", "lang": "da", "search": "Anna Holmgaard", "entity": HOLMGAARD})
    at.run()
    key = f"correct|{HOLMGAARD}"
    at.radio(key=f"{key}_what").set_value(translate("correct.role", "da")).run()
    held = at.selectbox(key=f"{key}|role_held")
    chair_at_meeting = "Referat af møde i styregruppen for Nordisk Testnetværk (2025-03-04) · formand"
    assert chair_at_meeting in held.options
    held.select_index(held.options.index(chair_at_meeting)).run()
    status = at.selectbox(key=f"{key}|role_status")  # codes, shown in words (kept through a language switch)
    assert (status.value, status.options[status.index]) == ("present", "til stede")  # starts on present
    at.selectbox(key=f"{key}|role_role").set_value("member")
    at.text_input(key=f"{key}|role_note").input(NOTE)
    at.button(key=f"{key}|role_save").click().run()
    assert not at.exception and not at.error
    [item] = corrections.listing(neo4j_driver)
    assert (item.correction.kind, item.correction.author) == ("fix", "erik.editor@example.org")
    current = [row for row in attendance(neo4j_driver) if row["rejected"] is None]
    assert [(r["roles"], r["status"], r["note"]) for r in current] == [(["member"], "present", NOTE)]
