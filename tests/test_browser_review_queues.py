"""The Review page's two newer queues end to end in Debian's headless Chromium against the app (sign-in
off: the local user decides) and the test Neo4j, over invented minutes where two attendees are called
Mette and the text says "Mette fremlagde ..." (a short form that fits both), and two grants are found
only by ``funding.cue`` (low confidence, ``knowledge/review.yaml``): an editor resolves the short form
on the Danish page and judges the grants on the English one; each decision holds when the same minutes
are ingested again, the queues stay empty in the other language, and the rejected grant stays in its
sources marked with its correction. (The server-side refusal of a viewer's forged decision is
tests/test_review_shortforms.py and tests/test_review_facts.py.) Screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlencode

import neo4j
import pytest
from playwright.sync_api import Browser, Page, expect

from pmkg.graph import connection, corrections, lowconfidence, shortforms
from pmkg.ingest.pipeline import extract_text
from pmkg.ui.i18n import translate
from pmkg.ui.identity import local_user
from tests.chromium import ARTIFACTS, english_page, idle, rerun
from tests.test_browser_review import again, only

pytestmark = pytest.mark.browser

KRAGH, BJERREGAARD = "person:mette-kragh", "person:mette-bjerregaard"
MINUTES = extract_text(
    """Referat af møde i arbejdsgruppen for Fiktivt Sporingsnetværk
Dato: 9. september 2025

Deltagere:
Mette Kragh, Region Sjælland, formand
Mette Bjerregaard, Syddansk Universitet
Lars Tved, Region Nordjylland

1. Velkomst
Lars Tved bød velkommen.

2. Budget
Mette fremlagde budgettet for næste år, og gruppen godkendte det.
Novo Nordisk Fonden finansierer Region Nordjylland.
Lundbeckfonden finansierer Syddansk Universitet.
""",
    "sporing-2025-09-09.txt",
)
MENTIONED = """
MATCH (:Document {id: $doc})-[m:MENTIONS]->(p:Person) WHERE p.id IN $people
RETURN p.id AS person, size([q IN m.quotes WHERE q = 'Mette']) AS bare ORDER BY person
"""
FUNDS = """
MATCH (a)-[r:FUNDS]->(b) RETURN a.name AS funder, b.name AS recipient, r.rejected AS rejected
ORDER BY funder
"""


def say(lang: str, key: str, **values: object) -> str:
    return translate(key, lang, **values)


@pytest.fixture
def sporing(neo4j_settings: connection.Settings) -> Iterator[neo4j.Driver]:
    """The invented minutes and nothing else: one open short form, two open low-confidence grants."""
    with only(neo4j_settings, [MINUTES]) as driver:
        yield driver


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    with english_page(browser, 1200, "review-queues-end.png") as page:
        yield page


def open_queue(page: Page, app: str, lang: str, queue: str, n: int, *, by_link: bool = False) -> None:
    """The Review page in ``lang`` with its queue ``queue`` (``short``, ``facts``) chosen, ``n`` waiting:
    by clicking it, or ``by_link`` (``queue=facts`` in the address, as a shared link)."""
    label = say(lang, f"review.tab.{queue}", n=n)
    page.goto(f"{app}/?lang={lang}&page=review" + (f"&queue={queue}" if by_link else ""))
    expect(page.get_by_text(say(lang, "page.review.help"))).to_be_visible()
    chosen = page.get_by_role("radiogroup", name=say(lang, "review.queue")).get_by_role("radio", name=label)
    if not by_link:
        with rerun(page):
            chosen.click()
    expect(chosen).to_be_checked()


def reason(page: Page, lang: str, text: str) -> None:
    """Type the reason and commit it (Enter) before choosing, as tests/test_browser_review does."""
    box = page.get_by_label(say(lang, "review.reason"))
    box.fill(text)
    with rerun(page):
        box.press("Enter")


def bare_mentions(driver: neo4j.Driver) -> dict[str, int]:
    """How often each Mette's mention in the minutes quotes the bare first name."""
    params = {"doc": MINUTES.document.id, "people": [KRAGH, BJERREGAARD]}
    return {row["person"]: row["bare"] for row in connection.read(driver, MENTIONED, params)}


def test_a_short_form_resolved_on_the_danish_page_stays_resolved_after_a_re_ingest(
    page: Page, app_url: str, sporing: neo4j.Driver
) -> None:
    driver = sporing
    assert [(f.form, f.people) for f in shortforms.queue(driver)] == [
        ("Mette", ((BJERREGAARD, "Mette Bjerregaard"), (KRAGH, "Mette Kragh")))
    ]
    assert bare_mentions(driver) == {KRAGH: 0, BJERREGAARD: 0}
    open_queue(page, app_url, "da", "short", 1)
    expect(page.get_by_text(say("da", "short.count", n=1, skipped=0))).to_be_visible()
    expect(page.get_by_role("heading", name="«Mette»")).to_be_visible()
    expect(
        page.get_by_text("Mette fremlagde budgettet for næste år, og gruppen godkendte det.")
    ).to_be_visible()
    expect(page.get_by_text(f"Mette Kragh ({KRAGH}): {say('da', 'role.chair')}", exact=False)).to_be_visible()
    with rerun(page):
        page.get_by_test_id("stRadio").get_by_text("Mette Kragh", exact=True).click()  # the radio's option
    reason(page, "da", "formanden fremlægger budgettet")
    page.get_by_role("button", name=say("da", "short.save")).click()
    expect(page.get_by_text(re.compile(r"^«Mette» i .*: Mette Kragh \(rettelse corr:"))).to_be_visible()
    expect(page.get_by_role("radio", name=say("da", "review.tab.short", n=0))).to_be_checked()

    [stored] = corrections.listing(driver)
    resolve = stored.correction
    assert (resolve.kind, resolve.targets, resolve.payload["person"], resolve.payload["form"]) == (
        "resolve",
        sorted([KRAGH, BJERREGAARD]),
        KRAGH,
        "Mette",
    )
    assert (resolve.author, resolve.reason, stored.status) == (
        local_user().name,
        "formanden fremlægger budgettet",
        "applied",
    )
    assert shortforms.queue(driver) == []
    assert bare_mentions(driver) == {KRAGH: 1, BJERREGAARD: 0}

    again(driver, MINUTES)  # the short form extracted again, and resolved again
    assert shortforms.queue(driver) == []
    assert bare_mentions(driver) == {KRAGH: 1, BJERREGAARD: 0}
    open_queue(page, app_url, "en", "short", 0, by_link=True)
    expect(page.get_by_text(say("en", "short.empty"))).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "review-short-form-resolved.png"), full_page=True)


def test_low_confidence_facts_judged_on_the_english_page_stay_judged_after_a_re_ingest(
    page: Page, app_url: str, sporing: neo4j.Driver
) -> None:
    driver = sporing
    assert [(f.from_name, f.to_name, f.rules) for f in lowconfidence.queue(driver)] == [
        ("Novo Nordisk Fonden", "Region Nordjylland", ("funding.cue",)),  # by flag id, a digest
        ("Lundbeckfonden", "Syddansk Universitet", ("funding.cue",)),
    ]
    funds = say("en", "rel.FUNDS.out")
    open_queue(page, app_url, "en", "facts", 2, by_link=True)
    expect(
        page.get_by_role("heading", name=f"Novo Nordisk Fonden {funds} Region Nordjylland")
    ).to_be_visible()
    expect(page.get_by_text("Novo Nordisk Fonden finansierer Region Nordjylland.")).to_be_visible()
    reason(page, "en", "the foundation funds research, not regions")
    page.get_by_role("button", name=say("en", "fact.reject")).click()
    expect(
        page.get_by_text(re.compile(r"^Rejected: Novo Nordisk Fonden .* \(correction corr:"))
    ).to_be_visible()
    expect(page.get_by_role("heading", name=f"Lundbeckfonden {funds} Syddansk Universitet")).to_be_visible()
    idle(page)
    page.get_by_role("button", name=say("en", "fact.confirm")).click()
    expect(page.get_by_text(re.compile(r"^Confirmed: Lundbeckfonden .* \(correction corr:"))).to_be_visible()
    expect(page.get_by_text(say("en", "fact.empty"))).to_be_visible()

    judged = {i.correction.kind: i.correction for i in corrections.listing(driver)}
    assert sorted(judged) == ["confirm", "reject"]
    assert judged["reject"].targets == ["org:novo-nordisk-fonden", "org:region-nordjylland"]
    assert (judged["reject"].author, judged["reject"].reason) == (
        local_user().name,
        "the foundation funds research, not regions",
    )
    decided = [
        {"funder": "Lundbeckfonden", "recipient": "Syddansk Universitet", "rejected": None},
        {"funder": "Novo Nordisk Fonden", "recipient": "Region Nordjylland", "rejected": judged["reject"].id},
    ]
    assert connection.read(driver, FUNDS) == decided
    assert lowconfidence.queue(driver) == []

    again(driver, MINUTES)  # both grants extracted again, and judged again
    assert connection.read(driver, FUNDS) == decided
    assert lowconfidence.queue(driver) == []
    open_queue(page, app_url, "da", "facts", 0)
    expect(page.get_by_text(say("da", "fact.empty"))).to_be_visible()
    query = {
        "page": "search",
        "search": "Novo Nordisk Fonden",
        "entity": "org:novo-nordisk-fonden",
        "lang": "da",
    }
    page.goto(f"{app_url}/?{urlencode(query)}")
    sources = page.locator('[data-testid="stDataFrame"] table', has_text=say("da", "details.rejected"))
    expect(sources.first).to_contain_text(judged["reject"].id)  # the rejected grant, visible as rejected
    page.screenshot(path=str(ARTIFACTS / "review-facts-judged.png"), full_page=True)
