"""Several minutes uploaded at once in Debian's Chromium against the app and the test Neo4j holding the
example minutes (fixtures of tests/test_browser.py): each file previewed, one's date corrected before
storing, both stored with the corrected date, and a file uploaded again named as already stored."""

from __future__ import annotations

import hashlib
from pathlib import Path

import neo4j
import pytest
from playwright.sync_api import expect

from pmkg.graph import connection, store
from pmkg.ui.i18n import translate
from tests import test_browser as chromium_app
from tests.test_browser import WAIT_MS, Watched

pytestmark = pytest.mark.browser
loaded = (
    chromium_app.loaded
)  # the example minutes and the hostile record, as tests/test_browser.py loads them
ui = chromium_app.ui
DEV = Path(__file__).resolve().parent / "minutes" / "dev"
FILES = (
    DEV / "fagnettverk-persontilpasset-medisin-2023-12-05.txt",
    DEV / "genhjerte-bestyrelse-2024-04-18.txt",
)
DATES = "MATCH (d:Document) WHERE d.source ENDS WITH $name RETURN d.date AS date, d.id AS id"


def preview(ui: Watched, path: Path):  # noqa: ANN201 (a Playwright Locator)
    """One file's preview: the container keyed by its bytes' sha256 (``ui.upload``)."""
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    return ui.page.locator(f".st-key-upload_fix_{sha[:16]}")


def test_two_minutes_uploaded_at_once_one_date_corrected_then_one_again_is_already_stored(
    ui: Watched, loaded: neo4j.Driver
) -> None:
    ui.open("documents")
    ui.page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files([str(p) for p in FILES])
    first, second = (preview(ui, p) for p in FILES)
    expect(first).to_be_visible(timeout=WAIT_MS)
    expect(second).to_be_visible(timeout=WAIT_MS)
    date = first.get_by_label(translate("doc.date", "da"))
    expect(date).to_have_value("2023-12-05")  # as extracted
    expect(second.get_by_label(translate("doc.date", "da"))).to_have_value("2024-04-18")
    assert not any(connection.read(loaded, DATES, {"name": p.name}) for p in FILES)  # nothing stored yet
    date.fill("2023-12-06")
    date.press("Enter")
    ui.settle()
    ui.shot("upload-two-preview")
    ui.page.get_by_role("button", name=translate("doc.store_n", "da", n=2)).click()
    expect(ui.page.get_by_text(translate("doc.stored_ok", "da"))).to_be_visible(timeout=WAIT_MS)
    stored = {p.name: connection.read(loaded, DATES, {"name": p.name}) for p in FILES}
    assert [row["date"] for row in stored[FILES[0].name]] == ["2023-12-06"]  # the correction was stored
    assert [row["date"] for row in stored[FILES[1].name]] == ["2024-04-18"]
    for path in FILES:
        ui.expect_in_table(path.name)
    ui.expect_in_table("2023-12-06")
    ui.shot("upload-two-stored")
    try:
        ui.page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(FILES[1]))
        notice = translate("doc.already_stored", "da", name=FILES[1].name, source=FILES[1].name)
        expect(ui.page.get_by_text(notice)).to_be_visible(timeout=WAIT_MS)
        expect(preview(ui, FILES[1])).to_have_count(0)  # not extracted, nothing to store
        expect(ui.page.get_by_role("button", name=translate("doc.store_n", "da", n=1))).to_have_count(0)
        assert len(connection.read(loaded, DATES, {"name": FILES[1].name})) == 1
        ui.shot("upload-already-stored")
    finally:
        for rows in stored.values():
            for row in rows:
                store.remove_document(loaded, row["id"])
