"""The History page end to end in Debian's headless Chromium against the app (sign-in off: the local user
is an editor) and the test Neo4j: a merge made with ``pmkg merge`` shows up with its author and reason,
and *Undo* on a rename restores the name and records the local user as the one who undid it. (The
server-side refusal of a viewer's forged undo is tests/test_history.py.) Screenshots go to
``test-artifacts/``.
"""

from __future__ import annotations

from collections.abc import Iterator

import neo4j
import pytest
from playwright.sync_api import Browser, Page, expect

from pmkg.cli import main
from pmkg.graph import connection, corrections
from pmkg.graph.store import load_record
from pmkg.model.correction import make
from pmkg.ui.i18n import translate
from pmkg.ui.identity import local_user
from tests.chromium import ARTIFACTS, english_page
from tests.graph_samples import board_minutes

pytestmark = pytest.mark.browser

NAME = "MATCH (p:Person {id: 'person:jan-moore'}) RETURN p.name AS name"


def en(key: str, **values: object) -> str:
    return translate(key, "en", **values)


@pytest.fixture
def corrected(
    neo4j_env: connection.Settings, neo4j_driver: neo4j.Driver, monkeypatch: pytest.MonkeyPatch
) -> Iterator[neo4j.Driver]:
    """Board minutes chaired by Jan and Jane Moore; kari merges them (`pmkg merge`), then ole renames Jan."""
    for source, chair in (("a.txt", "Jan Moore"), ("b.txt", "Jane Moore")):
        load_record(neo4j_driver, board_minutes(source, chair=chair))
    merge = ["merge", "person:jan-moore", "person:jane-moore", "--keep", "person:jan-moore"]
    with monkeypatch.context() as kari:  # the app keeps its own local user, who undoes below
        kari.setenv("PMKG_USER", "kari")
        assert main([*merge, "--why", "typo in the minutes of b"]) == 0
    rename = make(
        "rename", ["person:jan-moore"], {"name": "Jan R. Moore", "was": "Jan Moore", "label": "Person"},
        "ole", "full name, per his letter",
    )  # fmt: skip
    corrections.record(neo4j_driver, rename)
    yield neo4j_driver


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    with english_page(browser, 1100, "history-end.png") as page:
        yield page


def test_a_cli_merge_is_listed_with_author_and_reason_and_undo_restores_a_rename(
    page: Page, app_url: str, corrected: neo4j.Driver
) -> None:
    page.goto(f"{app_url}/?lang=en&page=history")
    expect(page.get_by_text(en("page.history.help"))).to_be_visible()
    expect(page.get_by_text(en("history.count", n=2))).to_be_visible()
    expect(page.get_by_text(f"{en('history.kind.merge')} ·")).to_contain_text("kari · applied")
    expect(page.get_by_text(en("history.reason", reason="typo in the minutes of b"))).to_be_visible()
    expect(page.get_by_text(f"{en('history.kind.rename')} ·")).to_contain_text("ole · applied")
    expect(page.get_by_role("link", name="Jan R. Moore").first).to_be_visible()  # the entity's details
    assert connection.read(corrected, NAME) == [{"name": "Jan R. Moore"}]

    undo = page.get_by_role("button", name=en("history.undo"))
    expect(undo).to_have_count(1)  # the rename; a merge cannot be undone
    undo.click()
    expect(page.get_by_text(f"{en('history.kind.rename')} undone (correction")).to_be_visible()
    expect(page.get_by_text(f"{en('history.kind.rename')} ·")).to_contain_text("ole · undone")
    expect(page.get_by_text(f"Undone by {local_user().name} at")).to_be_visible()
    expect(page.get_by_role("button", name=en("history.undo"))).to_have_count(0)
    page.screenshot(path=str(ARTIFACTS / "history-undone.png"), full_page=True)

    assert connection.read(corrected, NAME) == [{"name": "Jan Moore"}]
    rename = next(i for i in corrections.listing(corrected) if i.correction.kind == "rename")
    assert (rename.correction.undone_by, rename.status) == (local_user().name, "undone")
