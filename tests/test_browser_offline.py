"""The app asks nothing of any other server: every request Chromium makes while every page is opened (in
Danish and English) goes to the app's own origin, so fonts, icons and scripts are the app's and nothing
leaks where a reader looks. Fixtures of tests/test_browser.py, over the example minutes."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from pmkg.ui import pages
from tests import test_browser as chromium_app
from tests.test_browser import Watched

pytestmark = pytest.mark.browser
loaded = chromium_app.loaded
ui = chromium_app.ui
LOCAL_SCHEMES = ("data", "blob", "about")  # made in the page itself, never sent anywhere


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def test_no_page_requests_anything_from_another_origin(ui: Watched) -> None:
    requested: list[str] = []
    ui.page.on("request", lambda request: requested.append(request.url))
    for lang in ("da", "en"):
        for page in pages.PAGES:
            ui.open(page, lang)
            ui.page.wait_for_timeout(500)  # components and fonts load after the page has settled
    app = origin(ui.base)
    outside = sorted(
        {url for url in requested if urlsplit(url).scheme not in LOCAL_SCHEMES and origin(url) != app}
    )
    assert requested and not outside, outside
