"""Contact details (e-mail addresses) only for readers allowed them: the ``// contact:`` header of a question
file, and the answer a viewer and an editor are shown (the app's table and every download come from it)."""

from __future__ import annotations

import pandas as pd
import pytest

from pmkg.errors import PmkgError
from pmkg.graph.contact import CONTACT_PROPERTIES, shown_to, without_contact_properties
from pmkg.graph.questions import Answer, load_questions, parse_question
from pmkg.ui.identity import User, local_user

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
    {"date": "2026-12-10", "what": "Høringsfrist", "contact": "Christiane Karle", "email": "cska@ngc.dk"},
    {"date": "2026-12-14", "what": "Styregruppemøde", "contact": None, "email": None},
]
PROFILE = [
    {"kind": "affiliation", "name": "Nationalt Genom Center", "detail": "agency"},
    {"kind": "contact", "name": "Høringsfrist", "detail": "cska@ngc.dk"},
    {"kind": "document", "name": "Referat 5", "detail": "ngc-advisory-board-5.txt"},
]


def test_a_viewer_is_shown_no_contact_column_nor_row_and_an_editor_everything() -> None:
    upcoming, profile = answer("upcoming", UPCOMING), answer("person_profile", PROFILE)
    seen = shown_to(VIEWER, upcoming).frame
    assert list(seen.columns) == ["date", "what", "contact"]
    assert seen["what"].tolist() == ["Høringsfrist", "Styregruppemøde"]
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
