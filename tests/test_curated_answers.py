"""Curated facts (``pmkg add`` / ``pmkg fix``) in every answer that shows roles and affiliations: the
organisation, initiative and agreement profiles, the briefing note, the Explore graph, and as of a date
(each counts from its ``valid_from``); a rejected one leaves them all (real Neo4j, through the CLI)."""

from __future__ import annotations

from collections.abc import Callable

import neo4j
import pytest

from pmkg.graph import connection
from pmkg.graph.briefing import build_briefing
from pmkg.graph.questions import load_questions, run_question
from pmkg.graph.store import load_record
from pmkg.reports import briefing as report_of
from pmkg.reports.render import render
from pmkg.ui import data
from tests.graph_samples import board_minutes
from tests.test_curated import pmkg

QUESTIONS = load_questions()
ADD = ("add", "person:ole-skott", "AFFILIATED_WITH", "org:ngc", "--note", "NGC's staff page, 3 Dec")
FIX = ("fix", "person:jan-moore", "HOLDS_ROLE", "org:board", "--where", "role=chair", "--set",
       "role=vice_chair", "--note", "telephone call with the secretariat")  # fmt: skip
COLUMNS = ["name", "detail", "date", "quote", "document"]


def rows(driver: neo4j.Driver, question: str, kind: str, **params: object) -> list[list[object]]:
    """The rows of one kind of a profile question, the columns a reader sees."""
    answer = run_question(driver, QUESTIONS[question], params)
    frame = answer.frame[answer.frame["kind"] == kind]
    return frame[COLUMNS].astype(object).where(frame[COLUMNS].notna(), None).values.tolist()


def recorded(out: str) -> str:
    """The id of the correction a CLI run recorded (its last line: 'recorded corr:...')."""
    return out.splitlines()[-1].split()[1]


Cli = Callable[..., tuple[int, str]]


@pytest.fixture
def cli(
    neo4j_env: connection.Settings,
    neo4j_driver: neo4j.Driver,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Cli:
    """Board minutes of 2023-06-14 in the graph, and the CLI as staff member 'kari' types it."""
    load_record(neo4j_driver, board_minutes("a.txt", chair="Jan Moore"))
    return lambda *argv: pmkg(monkeypatch, capsys, *argv)


@pytest.fixture
def curated(cli: Cli) -> tuple[str, str]:
    """An affiliation added from 2024-01-01, and the chair fixed to vice chair (no date given: from the
    date of the minutes it revises)."""
    code, out = cli(*ADD, "--from", "2024-01-01")
    assert code == 0
    added = recorded(out)
    code, out = cli(*FIX)
    assert code == 0
    return added, recorded(out)


def test_an_added_affiliation_is_in_the_organisation_profile_from_its_date(
    neo4j_driver: neo4j.Driver, curated: tuple[str, str]
) -> None:
    ole = ["Ole Skøtt", "", "2024-01-01", "NGC's staff page, 3 Dec", "kari"]
    before = rows(
        neo4j_driver, "organisation_profile", "affiliate", organization="org:ngc", as_of="2023-12-31"
    )
    assert "Ole Skøtt" not in [r[0] for r in before]
    for as_of in (None, "2024-01-01"):
        found = rows(neo4j_driver, "organisation_profile", "affiliate", organization="org:ngc", as_of=as_of)
        assert ole in found
    answer = run_question(neo4j_driver, QUESTIONS["organisation_profile"], {"organization": "org:ngc"})
    cited = answer.frame.set_index("name").loc["Ole Skøtt", "document_id"]
    assert cited == curated[0]  # the citation names the correction, not a document


def test_a_fixed_role_shows_the_new_role_from_the_minutes_it_revises(
    neo4j_driver: neo4j.Driver, curated: tuple[str, str]
) -> None:
    fixed = [["Jan Moore", "vice_chair", "2023-06-14", "telephone call with the secretariat", "kari"]]
    for as_of in (None, "2023-06-14"):
        assert (
            rows(neo4j_driver, "organisation_profile", "role", organization="org:board", as_of=as_of) == fixed
        )
    assert (
        rows(neo4j_driver, "organisation_profile", "role", organization="org:board", as_of="2023-06-13") == []
    )
    jan = rows(neo4j_driver, "person_profile", "role", person="person:jan-moore", as_of="2023-06-14")
    assert [r[:3] for r in jan] == [["Bestyrelsen", "vice_chair", "2023-06-14"]]


def test_a_briefing_states_and_cites_curated_facts_as_of_their_date(
    neo4j_driver: neo4j.Driver, curated: tuple[str, str]
) -> None:
    ngc = build_briefing(neo4j_driver, "org:ngc")
    (ole,) = [s for s in ngc.section("roles") if s.name == "Ole Skøtt"]
    (note,) = [n for n in ngc.notes if n.number == ole.note]
    assert (ole.kind, ole.date, note.curated, note.quote) == (
        "affiliate",
        "2024-01-01",
        True,
        "NGC's staff page, 3 Dec",
    )
    text = render(report_of.to_report(ngc, "en", with_figure=False), "md").decode("utf-8")
    assert f"[^{note.number}]: Curated by kari (staff source), 2024-01-01: “NGC's staff page, 3 Dec”" in text
    assert "Ole Skøtt" not in {
        s.name for s in build_briefing(neo4j_driver, "org:ngc", "2023-12-31").statements
    }

    jan = build_briefing(neo4j_driver, "person:jan-moore", "2023-06-14")
    roles = [(s.kind, s.name, s.detail, s.current) for s in jan.section("roles") if s.kind == "role"]
    assert roles == [("role", "Bestyrelsen", "vice_chair", True)]
    board = render(
        report_of.to_report(build_briefing(neo4j_driver, "org:board"), "da", with_figure=False), "md"
    )
    assert "Rettet af kari (personalets kilde)" in board.decode("utf-8")


def test_explore_as_of_a_date_draws_a_curated_fact_from_its_date(
    neo4j_driver: neo4j.Driver, curated: tuple[str, str]
) -> None:
    def linked(as_of: str | None) -> bool:
        graph = data.neighbours(neo4j_driver, "person:ole-skott", documents=False, as_of=as_of)
        return "org:ngc" in graph.nodes

    assert (linked(None), linked("2023-12-31"), linked("2024-01-01")) == (True, False, True)


def test_a_rejected_curated_fact_leaves_every_answer(
    neo4j_driver: neo4j.Driver, curated: tuple[str, str], cli: Cli
) -> None:
    code, _ = cli("reject", "person:ole-skott", "AFFILIATED_WITH", "org:ngc")
    assert code == 0
    code, _ = cli("reject", "person:jan-moore", "HOLDS_ROLE", "org:board")
    assert code == 0
    ngc = rows(neo4j_driver, "organisation_profile", "affiliate", organization="org:ngc")
    assert "Ole Skøtt" not in [r[0] for r in ngc]
    assert rows(neo4j_driver, "organisation_profile", "role", organization="org:board") == []
    assert rows(neo4j_driver, "person_profile", "role", person="person:jan-moore") == []
    assert "Ole Skøtt" not in {s.name for s in build_briefing(neo4j_driver, "org:ngc").statements}
    who = run_question(neo4j_driver, QUESTIONS["representatives"], {"organization": "org:ngc"})
    assert "Ole Skøtt" not in set(who.frame["person"])
    load_record(neo4j_driver, board_minutes("a.txt", chair="Jan Moore", extra="Ny."))  # a new version
    assert rows(neo4j_driver, "organisation_profile", "role", organization="org:board") == []


def test_a_valid_from_that_is_not_a_date_is_refused(cli: Cli) -> None:
    code, out = cli(*ADD, "--from", "3 Dec")
    assert (code, out.strip()) == (
        1,
        "pmkg: error: add: payload.valid_from must be a date YYYY-MM-DD (the day the fact holds from), "
        "not '3 Dec'",
    )
