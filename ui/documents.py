"""Documents: the ingested minutes; upload new ones (``ui.upload``: several at once, each checked and
corrected before it is stored), or remove a document."""

from __future__ import annotations

from pathlib import Path

import neo4j
import pandas as pd
import streamlit as st

from pmkg.graph import store
from pmkg.ui import data, identity, links, tables, upload
from pmkg.ui.i18n import t


def remove(driver: neo4j.Driver, doc_id: str) -> None:
    """Remove a document, if this request's user may edit (checked here, whatever the page showed)."""
    identity.require(identity.current_user(), "edit")
    store.remove_document(driver, doc_id)


def _stored_list(driver: neo4j.Driver, editor: bool) -> None:
    st.subheader(t("doc.stored"))
    docs = data.documents(driver)
    if not docs:
        st.info(t("doc.none"))
        return
    frame = pd.DataFrame(
        {
            # the file and its date first: a long title must not push them off the right edge
            t("doc.file"): [Path(d["source"] or "").name for d in docs],
            t("doc.date"): [d["date"] or "" for d in docs],
            t("doc.title"): [d["title"] or "" for d in docs],
            t("doc.language"): [d["language"] or "" for d in docs],
            t("doc.meetings"): [", ".join(d["meetings"]) for d in docs],
            t("doc.mentions"): [d["mentions"] for d in docs],
        }
    )
    tables.show(frame)
    if not editor:
        return
    titles = {d["id"]: f"{d['title'] or d['source']} ({Path(d['source'] or '').name})" for d in docs}
    links.bind("doc_pick", "document", choices=titles)  # by its id: the link still names it after a re-ingest
    chosen = st.selectbox(
        t("doc.pick"),
        list(titles),
        index=None,
        format_func=titles.__getitem__,
        placeholder=t("q.pick"),
        key="doc_pick",
    )
    if chosen is None:
        return
    confirm = st.checkbox(t("doc.confirm_remove"), key=f"doc_confirm_{chosen}")
    if st.button(t("doc.remove"), icon=":material/delete:", disabled=not confirm, key="doc_remove"):
        remove(driver, chosen)
        st.session_state.doc_removed = titles[chosen]
        st.rerun()


def render(driver: neo4j.Driver) -> None:
    if stored := st.session_state.pop("upload_stored", None):
        st.success(t("doc.stored_ok"), icon=":material/check:")
        st.text("\n".join(stored))
    if removed := st.session_state.pop("doc_removed", None):
        st.success(t("doc.removed_ok"), icon=":material/check:")
        st.text(removed)
    editor = identity.current_user().can("edit")  # a courtesy: the writes call require() themselves
    left, right = st.columns([1, 1], gap="large")
    with left:
        if editor:
            upload.render(driver)
        else:
            st.info(t("doc.upload_needs_editor"), icon=":material/lock:")
    with right:
        _stored_list(driver, editor)
        links.copy_link()
