"""Review: the short forms extraction left open ("Anna" where two Annas attended), one at a time.

Each shows the form, the document and date, every line it is written on, and the people it could be
with their roles. An editor picks the one meant, or *Not one of these*, recorded through
``graph.review.resolve`` as a ``resolve`` correction with the signed-in user as author: replayed after
every load, so the choice holds when the minutes are ingested again. *Skip* sets the form aside for
this session only. :func:`decide` checks the edit permission on the server, whatever the page showed.
"""

from __future__ import annotations

import neo4j
import streamlit as st

from pmkg.graph import review, shortforms
from pmkg.model.correction import Correction
from pmkg.ui import identity, links
from pmkg.ui.i18n import md_escape, t
from pmkg.ui.widgets import done_and_rerun, still_to_decide

SKIPPED = "review_short_skipped"  # short form ids set aside in this session
NONE = ""  # the choice "not one of these" in the radio


def decide(
    driver: neo4j.Driver, form: shortforms.ShortForm, person: str | None, reason: str = ""
) -> Correction:
    """Record the signed-in user's choice for ``form`` (a person's id, or None: not one of these), if
    they may edit (checked here, whatever the page showed)."""
    user = identity.current_user()
    identity.require(user, "edit")
    correction, _ = review.resolve(driver, form.id, person, user.name, reason.strip())
    return correction


def _candidates(driver: neo4j.Driver, form: shortforms.ShortForm) -> None:
    """The people the form could be: name, id and roles, so a reviewer can tell them apart."""
    found = review.summary(driver, [pid for pid, _ in form.people])
    for pid, name in form.people:
        roles = found[pid].roles if pid in found else ()
        said = ", ".join(t(f"role.{code}") + (f" ({where})" if where else "") for code, where in roles)
        st.markdown(md_escape(f"{name} ({pid})") + (f": {md_escape(said)}" if said else ""))


def _actions(driver: neo4j.Driver, form: shortforms.ShortForm, done_key: str) -> None:
    """Who is meant, why, save and skip (keys carry the form: a click applies to the form shown)."""
    names = dict(form.people)
    links.keep(f"short_choice|{form.id}")  # "not one of these" is a word of the reader's language
    choice = st.radio(
        t("short.choose"),
        [*names, NONE],
        format_func=lambda i: md_escape(names[i]) if i else t("short.none"),
        key=f"short_choice|{form.id}",
    )
    reason = st.text_input(
        t("review.reason"), key=f"short_reason|{form.id}", placeholder=t("short.reason.hint")
    )
    save, skip = st.columns(2)
    if save.button(
        t("short.save"), type="primary", icon=":material/how_to_reg:", key=f"short_save|{form.id}"
    ):
        correction = decide(driver, form, choice or None, reason)
        said = names[choice] if choice else t("short.none")
        done_and_rerun(
            done_key, t("short.done", form=form.form, title=form.title, who=said, id=correction.id)
        )
    if skip.button(t("review.skip"), icon=":material/skip_next:", key=f"short_skip|{form.id}"):
        st.session_state[SKIPPED].append(form.id)
        st.rerun()


def render(driver: neo4j.Driver, editor: bool, done_key: str, waiting: list[shortforms.ShortForm]) -> None:
    """The first short form still to decide in this session (``waiting``: the undecided ones)."""
    queue = still_to_decide(waiting, SKIPPED, "short", editor)
    if not queue:
        return
    form = queue[0]
    st.subheader(md_escape(f"«{form.form}»"))
    st.caption(t("short.where", title=form.title, date=form.date or "–", source=form.source))
    for line in form.lines:
        st.markdown("> " + md_escape(line))
    _candidates(driver, form)
    if editor:
        _actions(driver, form, done_key)
