"""Review: facts found only by low-confidence extraction rules (``knowledge/review.yaml``), one at a time.

Each shows the fact in words ("Novo Nordisk Fonden funds Nationalt Genom Center"), why it is queued
(the rule, in the reader's language), the document and every line it was found on. An editor keeps it
(*Confirm*: a ``confirm`` correction) or rejects it (the ``reject`` correction the CLI and History
know: the fact stays visible as rejected in its provenance), both through ``graph.review.judge`` with
the signed-in user as author and replayed after every load. *Skip* sets it aside for this session.
:func:`decide` checks the edit permission on the server, whatever the page showed.
"""

from __future__ import annotations

import neo4j
import streamlit as st

from pmkg.graph import lowconfidence, review
from pmkg.model.correction import Correction
from pmkg.ui import identity
from pmkg.ui.i18n import current_language, md_escape, t
from pmkg.ui.widgets import done_and_rerun, still_to_decide

SKIPPED = "review_facts_skipped"  # fact ids set aside in this session


def decide(driver: neo4j.Driver, fact: lowconfidence.Fact, keep: bool, reason: str = "") -> Correction:
    """Record the signed-in user's confirmation (``keep``) or rejection of ``fact``, if they may edit
    (checked here, whatever the page showed)."""
    user = identity.current_user()
    identity.require(user, "edit")
    correction, _ = review.judge(driver, fact.id, keep, user.name, reason.strip())
    return correction


def said(fact: lowconfidence.Fact) -> str:
    """The fact in words: its ends and the relationship's name in the reader's language."""
    return f"{fact.from_name} {t(f'rel.{fact.type}.out')} {fact.to_name}"


def _actions(driver: neo4j.Driver, fact: lowconfidence.Fact, done_key: str) -> None:
    """Why, confirm, reject, skip (keys carry the fact: a click applies to the fact shown)."""
    reason = st.text_input(t("review.reason"), key=f"fact_reason|{fact.id}")
    confirm, reject, skip = st.columns(3)
    chosen: bool | None = None
    if confirm.button(
        t("fact.confirm"), type="primary", icon=":material/check:", key=f"fact_confirm|{fact.id}"
    ):
        chosen = True
    if reject.button(t("fact.reject"), icon=":material/block:", key=f"fact_reject|{fact.id}"):
        chosen = False
    if skip.button(t("review.skip"), icon=":material/skip_next:", key=f"fact_skip|{fact.id}"):
        st.session_state[SKIPPED].append(fact.id)
        st.rerun()
    if chosen is not None:
        correction = decide(driver, fact, chosen, reason)
        done = "fact.confirmed" if chosen else "fact.rejected"
        done_and_rerun(done_key, t(done, fact=said(fact), id=correction.id))


def render(driver: neo4j.Driver, editor: bool, done_key: str, waiting: list[lowconfidence.Fact]) -> None:
    """The first low-confidence fact still to decide in this session (``waiting``: the open ones)."""
    queue = still_to_decide(waiting, SKIPPED, "fact", editor)
    if not queue:
        return
    fact = queue[0]
    st.subheader(md_escape(said(fact)))
    why = "; ".join(lowconfidence.described(rule, current_language()) for rule in fact.rules)
    st.caption(t("fact.why", why=why, title=fact.title, date=fact.date or "–"))
    for line in fact.lines:
        st.markdown("> " + md_escape(line))
    if editor:
        _actions(driver, fact, done_key)
