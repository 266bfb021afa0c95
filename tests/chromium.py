"""The app served on loopback and Debian's headless Chromium, one of each for the whole session (a pytest
plugin registered in conftest.py: a second Playwright in the same thread cannot start while the first runs,
so every browser test module must share these fixtures rather than re-export them).

Never ``playwright install``: the browser is ``/usr/bin/chromium`` (``make browser`` installs it).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from pmkg.graph import connection, server

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
START_TIMEOUT_S = 90
# How long a page action or an expectation waits (Playwright's default is 5 s). A rerun of the app is well
# under a second on an idle machine, but the suite runs Neo4j, Keycloak, the app and Chromium side by side
# on two cores, where a page has taken longer than 5 s to draw: the expectation, not the app, failed.
WAIT_MS = 60_000
expect.set_options(timeout=WAIT_MS)


def wait_healthy(url: str, process: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with status {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"streamlit did not answer on {url} within {timeout:.0f} s")


@contextmanager
def serve_app(
    neo4j_settings: connection.Settings,
    flags: Sequence[str] = (),
    log_name: str = "streamlit.log",
    port: int = 0,
    env: Mapping[str, str] | None = None,
) -> Iterator[str]:
    """``streamlit run app.py`` on a free loopback port (or ``port``), pointed at the test Neo4j, with
    extra Streamlit ``flags`` and ``env`` (pmkg's settings, e.g. a limit); yields its URL and stops it
    after."""
    port = port or server.free_port()
    env = {
        **os.environ,
        "NEO4J_URI": neo4j_settings.uri,
        "NEO4J_USERNAME": neo4j_settings.username,
        "NEO4J_PASSWORD": neo4j_settings.password,
        "NEO4J_DATABASE": neo4j_settings.database,
        **(env or {}),
    }
    ARTIFACTS.mkdir(exist_ok=True)
    log = (ARTIFACTS / log_name).open("wb")  # kept with the screenshots, for a failed run
    command = [
        sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
        "--server.address", "127.0.0.1", "--server.port", str(port),
        "--server.headless", "true", "--browser.gatherUsageStats", "false", *flags,
    ]  # fmt: skip
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, process, START_TIMEOUT_S)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


# How many runs of the app's script the page has seen finish: Streamlit's frontend marks each change of its
# run state (``performance.mark``), and the app's root carries the present one (``data-test-script-state``).
FINISHED_RUNS = "performance.getEntriesByName('notRunning').length"
QUIET = """document.querySelector('[data-testid="stApp"]')?.dataset.testScriptState === 'notRunning'
    && !document.querySelector('[data-stale="true"]')"""


def idle(page: Page) -> None:
    """Wait until no run of the app is under way and no element of an earlier run is left."""
    page.wait_for_function(f"() => {QUIET}")


@contextmanager
def rerun(page: Page) -> Iterator[None]:
    """Wait, after the block's action, for the run it started to finish: a click that meets a page still
    drawing interrupts that run, and a widget set by a link the interrupted run was reading could lose its
    value. (Waiting for "nothing running" alone can return before the new run has begun.)"""
    idle(page)
    before = page.evaluate(FINISHED_RUNS)
    yield
    page.wait_for_function(f"n => {FINISHED_RUNS} > n && {QUIET}", arg=before)


@pytest.fixture(scope="session")
def app_url(neo4j_settings: connection.Settings) -> Iterator[str]:
    """The app without sign-in (as on a laptop), pointed at the test Neo4j."""
    with serve_app(neo4j_settings) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@contextmanager
def english_page(browser: Browser, height: int = 1100, screenshot: str | None = None) -> Iterator[Page]:
    """A page in a browser context of its own (en-GB, 1400 px wide), closed afterwards; with
    ``screenshot``, the page as it ended is saved under ``ARTIFACTS``."""
    context = browser.new_context(viewport={"width": 1400, "height": height}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    yield page
    if screenshot:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / screenshot), full_page=True)
    context.close()
