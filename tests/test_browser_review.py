"""The Review page end to end in Debian's headless Chromium against the app (sign-in off: the local user
decides) and the test Neo4j: Skip writes nothing; Merge stores a correction by the local user that holds
when the same minutes are ingested again; Not the same keeps a pair out of the queue, also after a
re-ingest. (The server-side refusal of a viewer's forged decision is tests/test_review.py.)
Screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import neo4j
import pytest
from playwright.sync_api import Browser, Page, expect

from pmkg.graph import connection, corrections
from pmkg.graph.identity import candidate_merges
from pmkg.graph.store import load_record, remove_document
from pmkg.model.record import Record
from pmkg.ui.i18n import translate
from pmkg.ui.identity import local_user
from tests.chromium import ARTIFACTS, english_page, idle, rerun
from tests.graph_samples import board_minutes

pytestmark = pytest.mark.browser

MINUTES = {
    "a.txt": board_minutes("a.txt", chair="Jan Moore"),
    "b.txt": board_minutes("b.txt", chair="Jane Moore"),
    "c.txt": board_minutes("c.txt", chair="Johan Moore"),
}
PERSON = "MATCH (p:Person {id: $id}) RETURN p.name AS name, p.aliases AS aliases"
ATTENDED = "MATCH (:Person {id: $id})-[a:ATTENDED]->(m:Meeting) RETURN count(DISTINCT m) AS n"


def en(key: str, **values: object) -> str:
    return translate(key, "en", **values)


@pytest.fixture
def three_boards(neo4j_settings: connection.Settings) -> Iterator[neo4j.Driver]:
    """Three board minutes chaired by Jan, Jane and Johan Moore: three candidate pairs, no corrections
    (each test starts from them again)."""
    with only(neo4j_settings, MINUTES.values()) as driver:
        yield driver


@contextmanager
def only(settings: connection.Settings, records: Iterable[Record]) -> Iterator[neo4j.Driver]:
    """A driver to the test Neo4j holding these records and nothing else (no corrections)."""
    with connection.driver(settings) as driver:
        connection.write(driver, "MATCH (n) DETACH DELETE n")
        for record in records:
            load_record(driver, record)
        yield driver


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    with english_page(browser, 1100, "review-end.png") as page:
        yield page


def open_review(page: Page, app: str) -> None:
    page.goto(f"{app}/?lang=en&page=review")
    expect(page.get_by_text(en("page.review.help"))).to_be_visible()


def give_reason(page: Page, reason: str) -> None:
    """Type the reason and commit it (Enter), as a user does before choosing: a click that lands while the
    rerun its typing started is still drawing the page can be lost on a busy machine."""
    page.get_by_label(en("review.reason")).fill(reason)
    with rerun(page):
        page.get_by_label(en("review.reason")).press("Enter")


def expect_pair(page: Page, a: str, b: str) -> None:
    """The pair shown, once the app's rerun has finished (no element of the previous run left)."""
    expect(page.get_by_role("heading", name=f"{a} · {b}", exact=True)).to_be_visible()
    idle(page)


def pairs(driver: neo4j.Driver) -> list[tuple[str, str]]:
    return [(c.a_id, c.b_id) for c in candidate_merges(driver)]


def kinds(driver: neo4j.Driver) -> list[str]:
    return [item.correction.kind for item in corrections.listing(driver)]


def again(driver: neo4j.Driver, record: Record) -> None:
    """The same minutes ingested again: unchanged, then removed and stored afresh (re-extracted rows,
    the corrections replayed over them)."""
    assert load_record(driver, record).status == "unchanged"
    remove_document(driver, record.document.id)
    assert load_record(driver, record).status == "loaded"


def test_skip_then_merge_from_the_queue_survives_a_re_ingest(
    page: Page, app_url: str, three_boards: neo4j.Driver
) -> None:
    driver = three_boards
    first, second = candidate_merges(driver)[:2]
    assert (first.a_id, first.b_id) == ("person:jan-moore", "person:jane-moore")
    open_review(page, app_url)
    expect(page.get_by_text(en("review.count", n=3, skipped=0))).to_be_visible()
    expect_pair(page, "Jan Moore", "Jane Moore")
    expect(page.get_by_text(en("review.documents", n=1))).to_have_count(2)
    expect(page.get_by_text("a.txt")).to_be_visible()  # the document naming Jan Moore
    expect(page.get_by_text("chair, chair (Bestyrelsen)")).to_have_count(2)  # the role each held

    page.get_by_role("button", name=en("review.skip")).click()  # the next pair; nothing written
    expect_pair(page, second.a_name, second.b_name)
    expect(page.get_by_text(en("review.count", n=2, skipped=1))).to_be_visible()
    assert kinds(driver) == []
    assert len(pairs(driver)) == 3

    open_review(page, app_url)  # a new session: the skipped pair is back first
    expect_pair(page, "Jan Moore", "Jane Moore")
    give_reason(page, "typo in the minutes of b")
    page.get_by_role("button", name=en("review.merge")).click()
    expect(page.get_by_text("Jan Moore and Jane Moore are merged into Jan Moore")).to_be_visible()
    expect_pair(page, "Jan Moore", "Johan Moore")  # the next pair, with Jan Moore's documents now two
    expect(page.get_by_text(en("review.documents", n=2))).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "review-merged.png"), full_page=True)

    [stored] = corrections.listing(driver)
    merge = stored.correction
    assert (merge.kind, merge.targets, merge.payload) == (
        "merge",
        ["person:jan-moore", "person:jane-moore"],
        {"keep": "person:jan-moore", "label": "Person"},
    )
    assert (merge.author, merge.reason, stored.status) == (
        local_user().name,
        "typo in the minutes of b",
        "applied",
    )
    assert connection.read(driver, PERSON, {"id": "person:jan-moore"}) == [
        {"name": "Jan Moore", "aliases": ["Jane Moore"]}
    ]

    again(driver, MINUTES["b.txt"])  # Jane Moore is extracted again, and merged again
    assert not connection.read(driver, PERSON, {"id": "person:jane-moore"})
    assert connection.read(driver, ATTENDED, {"id": "person:jan-moore"}) == [{"n": 2}]
    assert ("person:jan-moore", "person:jane-moore") not in pairs(driver)


def test_not_the_same_is_never_proposed_again_also_after_a_re_ingest(
    page: Page, app_url: str, three_boards: neo4j.Driver
) -> None:
    driver = three_boards
    open_review(page, app_url)
    expect_pair(page, "Jan Moore", "Jane Moore")
    give_reason(page, "two people")
    page.get_by_role("button", name=en("review.not_same")).click()
    expect(page.get_by_text("Jan Moore and Jane Moore are marked as different")).to_be_visible()
    expect(page.get_by_text(en("review.count", n=2, skipped=0))).to_be_visible()
    expect(page.get_by_role("heading", name="Jan Moore · Jane Moore", exact=True)).to_have_count(0)

    [stored] = corrections.listing(driver)
    assert (stored.correction.kind, stored.correction.targets) == (
        "not_same",
        ["person:jan-moore", "person:jane-moore"],
    )
    assert (stored.correction.author, stored.correction.reason) == (local_user().name, "two people")
    assert len(connection.read(driver, "MATCH (p:Person) WHERE p.name ENDS WITH 'Moore' RETURN p.id")) == 3

    for source in ("a.txt", "b.txt"):
        again(driver, MINUTES[source])
    assert ("person:jan-moore", "person:jane-moore") not in pairs(driver)
    assert len(pairs(driver)) == 2
    open_review(page, app_url)  # a new session
    expect(page.get_by_text(en("review.count", n=2, skipped=0))).to_be_visible()
    expect(page.get_by_role("heading", name="Jan Moore · Jane Moore", exact=True)).to_have_count(0)
