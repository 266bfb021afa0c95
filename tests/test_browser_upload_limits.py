"""Work limits of the upload in Debian's Chromium against the app and the test Neo4j (issue 18): while one
browser's upload of 4 MB of minutes is still being extracted, another browser's search is answered (the
extraction runs in a child process, not in the app's threads); and an app whose time limit is 8 s stops
that file with the one-line message naming it and the limit, while a small file uploaded with it is
previewed and is the only one offered for storing. Figures (seconds) are printed for BENCHMARKS, never
asserted."""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import neo4j
import pytest
from playwright.sync_api import Browser, expect

from pmkg.graph import connection
from pmkg.ui.i18n import translate
from tests import test_browser as chromium_app
from tests.chromium import serve_app
from tests.test_browser import WAIT_MS, Watched
from tests.test_extract_linear import minutes_of

pytestmark = pytest.mark.browser
loaded = chromium_app.loaded  # the example minutes, as tests/test_browser.py loads them
LARGE = "langt-referat.txt"
SMALL_PATH = Path(__file__).resolve().parent / "minutes" / "dev" / "genhjerte-bestyrelse-2024-04-18.txt"
SMALL = {"name": SMALL_PATH.name, "mimeType": "text/plain", "buffer": SMALL_PATH.read_bytes()}
COUNT = "MATCH (d:Document) RETURN count(d) AS n"
LIMIT_S = 8  # the limited app's time limit: the small minutes need well under a second of it


@pytest.fixture(scope="module")
def large() -> dict:
    """4 MB of generated minutes as a file for the upload field (about a minute of extraction)."""
    return {"name": LARGE, "mimeType": "text/plain", "buffer": minutes_of(4_000_000).encode()}


@pytest.fixture(scope="module")
def limited_url(neo4j_settings: connection.Settings, loaded: neo4j.Driver) -> Iterator[str]:
    """A second app on the same Neo4j whose extraction time limit is ``LIMIT_S``."""
    with serve_app(
        neo4j_settings, env={"PMKG_EXTRACT_SECONDS": str(LIMIT_S)}, log_name="streamlit-limited.log"
    ) as url:
        yield url


@contextmanager
def watched(browser: Browser, base: str) -> Iterator[Watched]:
    """A page in a browser context of its own: another person's browser."""
    context = browser.new_context(viewport={"width": 1400, "height": 1100})
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    yield Watched(page, base)
    context.close()


def extracting(ui: Watched, name: str):  # noqa: ANN201 (a Playwright Locator)
    """The progress bar's line while ``name`` is being extracted (``doc.extracting``, in Danish)."""
    return ui.page.get_by_test_id("stProgress").filter(has_text=re.compile(f"Udtrækker {re.escape(name)}"))


def test_another_browsers_search_is_answered_while_a_large_upload_is_extracted(
    browser: Browser, app_url: str, loaded: neo4j.Driver, large: dict
) -> None:
    with watched(browser, app_url) as uploader, watched(browser, app_url) as searcher:
        uploader.open("documents")
        searcher.open("search")
        began = time.monotonic()
        uploader.page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(large)
        expect(extracting(uploader, LARGE)).to_be_visible()
        asked = time.monotonic()
        searcher.page.get_by_label(translate("search.box", "da")).fill("Soren Brunak")
        searcher.page.keyboard.press("Enter")
        expect(searcher.page.get_by_role("heading", name="Søren Brunak", exact=True)).to_be_visible()
        searched = time.monotonic()
        assert extracting(uploader, LARGE).is_visible()  # the upload was still being extracted meanwhile
        uploader.shot("upload-large-extracting")
        searcher.shot("search-during-upload")
        sha = hashlib.sha256(large["buffer"]).hexdigest()
        outcome = uploader.page.locator(f".st-key-upload_fix_{sha[:16]}").or_(
            uploader.page.get_by_test_id("stAlertContentError")
        )
        expect(outcome.first).to_be_visible(timeout=600_000)
        print(
            f"\nsearch answered in {searched - asked:.1f} s while the 4 MB upload was extracted; the upload "
            f"ended after {time.monotonic() - began:.1f} s: {outcome.first.inner_text()[:120]!r}"
        )
    assert not connection.read(loaded, "MATCH (d:Document {source: $s}) RETURN d", {"s": LARGE})


def test_a_file_past_the_time_limit_is_named_with_it_and_the_other_file_goes_on(
    browser: Browser, limited_url: str, loaded: neo4j.Driver, large: dict
) -> None:
    before = connection.read(loaded, COUNT)[0]["n"]
    with watched(browser, limited_url) as ui:
        ui.open("documents")
        ui.page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files([large, SMALL])
        message = translate("doc.over_time", "da", name=LARGE, limit=str(LIMIT_S))
        expect(ui.page.get_by_text(message, exact=True)).to_be_visible()
        store = ui.page.get_by_role("button", name=translate("doc.store_n", "da", n=1))
        expect(store).to_be_visible()  # the small file, previewed; the stopped one is not offered
        ui.shot("upload-time-limit")
    assert connection.read(loaded, COUNT)[0]["n"] == before
