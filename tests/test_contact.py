"""Contact details (e-mail addresses) only for readers allowed them: the ``// contact:`` header of a question
file, and the answer a viewer and an editor are shown (the app's table and every download come from it)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

import neo4j
import pandas as pd
import pytest
from openpyxl import load_workbook
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from pmkg.errors import PmkgError
from pmkg.graph import connection, store
from pmkg.graph.briefing import build_briefing
from pmkg.graph.contact import CONTACT_PROPERTIES, shown_to, without_contact_properties
from pmkg.graph.questions import Answer, load_questions, parse_question
from pmkg.ingest.pipeline import extract_file
from pmkg.ui.i18n import translate
from pmkg.ui.identity import User, local_user
from tests.test_users import ROOT, claims, signed_in_app

VIEWER = User("vera.viewer@example.org", frozenset({"viewer"}))
EDITOR = User("erik.editor@example.org", frozenset({"editor"}))

HEADER = """// title: Frister | Deadlines
// description: Frister. | Deadlines.
// result: table
"""
BODY = """MATCH (d:Deadline) OPTIONAL MATCH (p:Person)-[:CONTACT_FOR]->(d)
RETURN CASE WHEN p IS NULL THEN 'deadline' ELSE 'contact' END AS kind, d.name AS what,
       d.email AS email, p.emails AS emails
LIMIT 10
"""


def parse(contact_line: str) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    question = parse_question("deadlines", HEADER + contact_line + BODY)
    return question.contact_columns, question.contact_rows


def test_the_contact_header_names_columns_and_rows_by_a_columns_value() -> None:
    assert parse("// contact: email, emails, kind=contact\n") == (("email", "emails"), (("kind", "contact"),))
    assert parse("// contact:  kind = contact ,email\n") == (("email",), (("kind", "contact"),))
    assert parse("") == ((), ())


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("// contact: phone\n", "contact column 'phone' is not in the query"),
        ("// contact: kind=owner\n", "contact rows kind=owner: the query never returns 'owner'"),
        ("// contact: kind=\n", "a contact item is COLUMN or COLUMN=VALUE: kind="),
        ("// contact: E-mail\n", "a contact item is COLUMN or COLUMN=VALUE: E-mail"),
    ],
)
def test_a_contact_item_the_query_does_not_return_is_refused(line: str, problem: str) -> None:
    with pytest.raises(PmkgError) as refused:
        parse(line)
    assert str(refused.value) == f"queries/deadlines.cypher: {problem}"


def test_the_shipped_questions_mark_every_column_and_row_holding_an_e_mail() -> None:
    questions = load_questions()
    assert questions["upcoming"].contact_columns == ("email",)
    assert questions["person_profile"].contact_rows == (("kind", "contact"),)
    marked = {name for name, q in questions.items() if q.contact_columns or q.contact_rows}
    mentioning = {name for name, q in questions.items() if "email" in q.cypher}
    assert mentioning == marked == {"upcoming", "person_profile"}
    assert {"email", "emails"} == CONTACT_PROPERTIES  # the model's contact codec: Deadline, Person


def answer(question: str, rows: list[dict[str, object]], graph: dict | None = None) -> Answer:
    return Answer(load_questions()[question], {}, pd.DataFrame(rows), graph)


UPCOMING = [
    {
        "date": "2026-12-10",
        "what": "Svar til Christiane Karle (cska@ngc.dk), tlf. +45 12 34 56 78",
        "contact": "Christiane Karle",
        "email": "cska@ngc.dk",
        "deadline_id": "deadline:12345678ab-1",
    },
    {"date": "2026-12-14", "what": "Styregruppemøde", "contact": None, "email": None, "deadline_id": "d:2"},
]
PROFILE = [
    {"kind": "affiliation", "name": "Nationalt Genom Center", "detail": "agency"},
    {"kind": "contact", "name": "Høringsfrist", "detail": "cska@ngc.dk"},
    {"kind": "document", "name": "Referat 5", "detail": "ngc-advisory-board-5.txt"},
]


def test_a_viewer_is_shown_no_contact_column_nor_row_and_an_editor_everything() -> None:
    upcoming, profile = answer("upcoming", UPCOMING), answer("person_profile", PROFILE)
    seen = shown_to(VIEWER, upcoming).frame
    assert list(seen.columns) == ["date", "what", "contact", "deadline_id"]
    assert seen["what"].tolist() == ["Svar til Christiane Karle ([…]), tlf. […]", "Styregruppemøde"]
    assert seen["deadline_id"].tolist() == ["deadline:12345678ab-1", "d:2"]  # ids are never masked
    assert "cska@ngc.dk" not in seen.to_csv(index=False)
    assert shown_to(VIEWER, profile).frame.to_dict("records") == [PROFILE[0], PROFILE[2]]
    for everyone in (EDITOR, local_user({"PMKG_USER": "cli"})):  # the CLI's local user has every role
        assert shown_to(everyone, upcoming).frame.equals(upcoming.frame)
        assert shown_to(everyone, profile).frame.to_dict("records") == PROFILE
    assert upcoming.frame["email"].iloc[0] == "cska@ngc.dk"  # the answer itself is left as it was


def test_a_viewers_graph_has_no_contact_properties() -> None:
    person = {"id": "person:cska", "label": "Person", "name": "Christiane Karle", "emails": ["cska@ngc.dk"]}
    deadline = {"id": "deadline:1", "label": "Deadline", "name": "Høringsfrist", "email": "cska@ngc.dk"}
    edge = {"id": "5:1", "source": "person:cska", "target": "deadline:1", "type": "CONTACT_FOR"}
    graph = {"nodes": [person, deadline], "edges": [edge]}
    seen = shown_to(VIEWER, answer("ego_network", [{"name": "Christiane Karle"}], graph)).graph
    assert seen == {
        "nodes": [
            {"id": "person:cska", "label": "Person", "name": "Christiane Karle"},
            {"id": "deadline:1", "label": "Deadline", "name": "Høringsfrist"},
        ],
        "edges": [edge],
    }
    assert shown_to(EDITOR, answer("ego_network", [], graph)).graph == graph
    assert without_contact_properties({"name": "x", "emails": ["a@b.dk"], "titles": []}) == {
        "name": "x",
        "titles": [],
    }


# --- in the app, signed in as a viewer and as an editor -----------------------------------------------

NGC = ROOT / "examples" / "ngc-advisory-board-5.txt"
EMAIL = "cska@ngc.dk"  # the contact of the NGC board's consultation deadline (2023-07-05)


@pytest.fixture
def ngc(neo4j_driver: neo4j.Driver, neo4j_env: connection.Settings) -> neo4j.Driver:
    store.load_record(neo4j_driver, extract_file(NGC))
    return neo4j_driver


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    """Every file the app offers for download, by file name, as the server would send it."""
    offered: dict[str, bytes] = {}
    keep = MemoryMediaFileStorage.load_and_get_id
    keep_deferred = MediaFileManager.add_deferred

    def load_and_get_id(self: Any, data: Any, mimetype: str, kind: Any, filename: str | None = None) -> str:
        offered[str(filename)] = data if isinstance(data, bytes) else Path(data).read_bytes()
        return keep(self, data, mimetype, kind, filename)

    def add_deferred(
        self: Any, make: Any, mimetype: Any, coordinates: str, file_name: Any = None, **kw: Any
    ) -> str:
        made = make()
        offered[str(file_name)] = made if isinstance(made, bytes) else str(made).encode("utf-8")
        return keep_deferred(self, make, mimetype, coordinates, file_name, **kw)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", load_and_get_id)
    monkeypatch.setattr(MediaFileManager, "add_deferred", add_deferred)
    return offered


def unzipped(payload: bytes) -> str:
    """Every XML part of an Excel or Word file, as one text."""
    with zipfile.ZipFile(io.BytesIO(payload)) as archive:
        return "".join(archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".xml"))


def upcoming_for(user: dict[str, object]) -> AppTest:
    at = signed_in_app(user, "questions")
    at.selectbox(key="q_name").set_value("upcoming").run()
    at.date_input(key="q_upcoming_on").set_value(dt.date(2023, 6, 14)).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_viewers_upcoming_answer_and_downloads_have_no_e_mail(
    ngc: neo4j.Driver, downloads: dict[str, bytes]
) -> None:
    at = upcoming_for(claims("vera.viewer", "pmkg-viewer"))
    table = at.dataframe[0].value
    assert table.iloc[0][translate("col.contact", "en")] == "Christiane Saurbrey Karle"
    assert translate("col.email", "en") not in table.columns
    rows = list(csv.DictReader(io.StringIO(downloads["upcoming.csv"].decode("utf-8"))))
    assert rows[0]["date"] == "2023-07-05" and rows[0]["contact"] == "Christiane Saurbrey Karle"
    assert "email" not in rows[0]
    assert EMAIL not in downloads["upcoming.csv"].decode("utf-8")
    sheet = load_workbook(io.BytesIO(downloads["upcoming.xlsx"])).active
    assert [c.value for c in sheet[1]] == list(rows[0]) and sheet.max_row == len(rows) + 1
    for name in ("upcoming.xlsx", "upcoming.docx"):
        assert EMAIL not in unzipped(downloads[name]), name
    downloads.clear()
    editor = upcoming_for(claims("erik.editor", "pmkg-editor"))
    assert editor.dataframe[0].value.iloc[0][translate("col.email", "en")] == EMAIL
    assert list(csv.DictReader(io.StringIO(downloads["upcoming.csv"].decode("utf-8"))))[0]["email"] == EMAIL
    assert EMAIL in unzipped(downloads["upcoming.xlsx"])


def test_a_viewer_sees_no_e_mail_in_a_persons_profile_or_details(ngc: neo4j.Driver) -> None:
    person = "person:christiane-saurbrey-karle"
    stored = connection.read(ngc, "MATCH (p:Person {id: $id}) RETURN p.emails AS emails", {"id": person})
    assert stored == [{"emails": [EMAIL]}]  # what a viewer must not be shown
    shown: dict[str, str] = {}
    for name, role in (("vera.viewer", "pmkg-viewer"), ("erik.editor", "pmkg-editor")):
        at = signed_in_app(claims(name, role), "questions")
        at.selectbox(key="q_name").set_value("person_profile").run()
        at.selectbox(key="q_person_profile_person").set_value(person).run()
        profile = at.dataframe[0].value
        search = signed_in_app(claims(name, role), "search")
        search.text_input(key="search_q").input("Christiane Saurbrey Karle").run()
        assert not search.exception
        shown[name] = profile.to_csv() + "".join(d.value.to_csv() for d in search.dataframe)
        assert "Christiane Saurbrey Karle" in shown[name]
    assert EMAIL not in shown["vera.viewer"]
    assert EMAIL in shown["erik.editor"]


def test_a_briefing_has_e_mail_addresses_only_when_asked(ngc: neo4j.Driver) -> None:
    """As a viewer gets it (the app asks only with the contact permission, the CLI with the option)."""
    asked = build_briefing(ngc, "person:christiane-saurbrey-karle", "2023-06-14", contact_details=True)
    plain = build_briefing(ngc, "person:christiane-saurbrey-karle", "2023-06-14")
    assert EMAIL in repr(asked)
    assert [s.detail for s in asked.statements if s.kind == "contact"] == [EMAIL]
    assert EMAIL not in repr(plain)
    upcoming = [s for s in asked.statements if s.section == "upcoming" and s.kind != "contact"]
    assert [s.kind for s in upcoming] == ["deadline", "next_meeting"]
    assert EMAIL in upcoming[0].name  # "... sendt til Christiane Karle (cska@ngc.dk) senest ..."
    assert [(s.kind, s.name) for s in plain.statements if s.section == "upcoming"] == [
        (s.kind, s.name.replace(EMAIL, "[…]")) for s in upcoming
    ]


def test_explores_names_have_no_e_mail_for_a_viewer(ngc: neo4j.Driver) -> None:
    options: dict[str, list[str]] = {}
    for name, role in (("vera.viewer", "pmkg-viewer"), ("erik.editor", "pmkg-editor")):
        at = signed_in_app(claims(name, role), "explore")
        at.multiselect(key="explore_types").select("Deadline").run()
        at.selectbox(key="explore_start").set_value("person:christiane-saurbrey-karle").run()
        assert not at.exception, [e.value for e in at.exception]
        options[name] = list(at.selectbox(key="explore_pick").options)
    deadlines = [o for o in options["erik.editor"] if EMAIL in o]
    assert len(deadlines) == 1  # the consultation deadline, named by its sentence in the minutes
    assert [o for o in options["vera.viewer"] if "[…]" in o] == [deadlines[0].replace(EMAIL, "[…]")]
    assert not [o for o in options["vera.viewer"] if EMAIL in o]
