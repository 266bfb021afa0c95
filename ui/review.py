"""Review: the candidate merges ``graph.identity`` proposes, one pair at a time, side by side; in a
second queue the short forms extraction left open (``ui.review_shortforms``), in a third the facts only
low-confidence rules found (``ui.review_facts``). A segmented control picks the queue by its kind (and
the link names it, ``queue=facts``); only the chosen queue is drawn. (Tabs were used first: their
widget's identity includes the labels, whose counts change with every decision, so a rerun could show
the first tab again and hide the button just clicked.)

An editor decides each pair: *Merge* (into the node they choose to keep) or *Not the same*, each
written as a correction through ``graph.review`` (the path ``pmkg merge`` / ``pmkg not-same`` take:
stored, applied at once, replayed after every later ingest) with the signed-in user as its author
(the local user, ``PMKG_USER`` or the OS account, when sign-in is off) and an optional reason.
*Skip* only moves on: the pair is set aside for this session and nothing is written.

Viewers see the queue read-only, without the buttons: the pairs show nothing a viewer cannot already
read on the other pages (names, documents, quotes; contact details masked as everywhere), and a viewer
who spots a duplicate can tell an editor which one. :func:`decide` checks the edit permission on the
server before writing, whatever the page showed. After a decision the page reruns; the graph's
version (``graph.version.graph_version``) has changed, so every page drops what it kept of the old graph.
"""

from __future__ import annotations

from typing import Literal

import neo4j
import streamlit as st

from pmkg.graph import lowconfidence, review, shortforms
from pmkg.graph.identity import Candidate, candidate_merges
from pmkg.model.correction import Correction
from pmkg.ui import identity, links, review_facts, review_shortforms
from pmkg.ui.correct import details_to_correct
from pmkg.ui.i18n import md_escape, t
from pmkg.ui.widgets import done_and_rerun, show_done, type_name

SKIPPED = "review_skipped"  # pairs set aside in this session: (a_id, b_id)
DONE = "review_done"  # the line saying what the last decision did, shown after the rerun
PAIR = "review_pair"  # the pair on screen, as [a_id, b_id] (in the link)
QUEUE = "review_queue"  # the queue on screen, by its kind (in the link): its label's count changes
QUEUES = ("pairs", "short", "facts")

Decision = Literal["merge", "not_same"]


def decide(
    driver: neo4j.Driver, decision: Decision, pair: Candidate, keep: str, reason: str = ""
) -> Correction:
    """Record the signed-in user's decision on ``pair`` as a correction, if they may edit (checked here,
    whatever the page showed: a forged request meets the same refusal)."""
    user = identity.current_user()
    identity.require(user, "edit")
    ids = [pair.a_id, pair.b_id]
    if decision == "merge":
        correction, _ = review.merge(driver, ids, keep, user.name, reason.strip())
    else:
        correction, _ = review.not_same(driver, ids, user.name, reason.strip())
    return correction


def waiting(candidates: list[Candidate], skipped: list[tuple[str, str]]) -> list[Candidate]:
    """The pairs still to decide in this session, best first (the skipped ones left out)."""
    return [c for c in candidates if (c.a_id, c.b_id) not in skipped]


def _side(driver: neo4j.Driver, node_id: str, found: review.Summary | None) -> None:
    """One candidate: its id, the documents naming it, its roles, then its details and source quotes."""
    st.text(node_id)
    if found is not None:
        st.markdown(f"**{t('review.documents', n=len(found.documents))}**")
        st.text("\n".join(" · ".join(v for v in doc if v) for doc in found.documents) or "–")
        st.markdown(f"**{t('review.roles')}**")
        roles = [t(f"role.{code}") + (f" ({where})" if where else "") for code, where in found.roles]
        st.text(", ".join(roles) or "–")
    details_to_correct(driver, node_id)


def _actions(driver: neo4j.Driver, pair: Candidate) -> None:
    """Keep which, why, and the three buttons (keys carry the pair: a click applies to the pair shown)."""
    key = f"{pair.a_id}|{pair.b_id}"
    names = {pair.a_id: pair.a_name, pair.b_id: pair.b_name}
    keep = st.radio(
        t("review.keep"),
        list(names),
        format_func=lambda i: md_escape(f"{names[i]} ({i})"),
        horizontal=True,
        key=f"review_keep|{key}",
    )
    hint = t("review.reason.hint")
    reason = st.text_input(t("review.reason"), key=f"review_reason|{key}", placeholder=hint)
    merge, different, skip = st.columns(3)
    chosen: Decision | None = None
    if merge.button(t("review.merge"), type="primary", icon=":material/merge:", key=f"review_merge|{key}"):
        chosen = "merge"
    if different.button(t("review.not_same"), icon=":material/call_split:", key=f"review_not_same|{key}"):
        chosen = "not_same"
    if skip.button(t("review.skip"), icon=":material/skip_next:", key=f"review_skip|{key}"):
        st.session_state[SKIPPED].append((pair.a_id, pair.b_id))
        st.rerun()
    if chosen:
        correction = decide(driver, chosen, pair, keep, reason)
        done = "review.merged" if chosen == "merge" else "review.separated"
        done_and_rerun(DONE, t(done, a=pair.a_name, b=pair.b_name, keep=names[keep], id=correction.id))


def current_pair(queue: list[Candidate]) -> Candidate:
    """The pair on screen: the one the link names (``pair=a-id,b-id``) while it is still waiting, else the
    best one waiting. Kept by the pair's ids, so the link names it when the queue's order changes."""
    pairs = {(c.a_id, c.b_id): c for c in queue}
    links.bind(PAIR, "pair", links.IDS, check=lambda ids: tuple(ids) in pairs)
    kept = tuple(st.session_state.get(PAIR) or ())
    pair = pairs.get(kept, queue[0])  # a decided or skipped pair has left the queue: the next one
    st.session_state[PAIR] = [pair.a_id, pair.b_id]
    return pair


def render(driver: neo4j.Driver) -> None:
    editor = identity.current_user().can("edit")  # a courtesy: decide() calls require() itself
    show_done(DONE)
    candidates = candidate_merges(driver)
    short, low = shortforms.queue(driver), lowconfidence.queue(driver)
    counts = {"pairs": len(candidates), "short": len(short), "facts": len(low)}
    shown = {kind: t(f"review.tab.{kind}", n=n) for kind, n in counts.items()}
    links.bind(QUEUE, "queue", choices=QUEUES)
    chosen = st.segmented_control(
        t("review.queue"),
        QUEUES,
        default="pairs",
        required=True,
        format_func=shown.__getitem__,
        key=QUEUE,
        label_visibility="collapsed",
    )
    if chosen == "short":
        review_shortforms.render(driver, editor, DONE, short)
    elif chosen == "facts":
        review_facts.render(driver, editor, DONE, low)
    else:
        _pairs(driver, editor, candidates)


def _pairs(driver: neo4j.Driver, editor: bool, candidates: list[Candidate]) -> None:
    """The first candidate pair still to decide in this session, side by side."""
    skipped: list[tuple[str, str]] = st.session_state.setdefault(SKIPPED, [])
    queue = waiting(candidates, skipped)
    st.caption(t("review.count", n=len(queue), skipped=len(candidates) - len(queue)))
    if not editor:
        st.info(t("review.needs_editor"), icon=":material/lock:")
    if not queue:
        st.info(t("review.empty"), icon=":material/task_alt:")
        if len(candidates) > len(queue) and st.button(t("review.again"), key="review_again"):
            skipped.clear()
            st.rerun()
        return
    pair = current_pair(queue)
    st.subheader(md_escape(f"{pair.a_name} · {pair.b_name}"))
    why = t(f"review.why.{pair.reason}")
    st.caption(t("review.why", kind=type_name(pair.label), why=why, score=pair.score))
    links.copy_link()
    if editor:
        _actions(driver, pair)
    found = review.summary(driver, [pair.a_id, pair.b_id])
    left, right = st.columns(2, gap="large")
    for column, node_id in ((left, pair.a_id), (right, pair.b_id)):
        with column:
            _side(driver, node_id, found.get(node_id))
