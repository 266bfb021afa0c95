"""Documents: the ingested minutes; upload new ones, check the extraction, store it, or remove a document.

An upload is read and extracted in memory first; nothing reaches the graph until the reader
confirms. Limits: the file types the readers know and ``MAX_UPLOAD_MB`` (the same figure as
``server.maxUploadSize`` in ``.streamlit/config.toml``, which the server enforces).
"""

from __future__ import annotations

from pathlib import Path

import neo4j
import pandas as pd
import streamlit as st

from pmkg.errors import PmkgError
from pmkg.graph import store
from pmkg.ingest.parallel import failure_reason
from pmkg.ingest.pipeline import extract_bytes
from pmkg.model.record import Record
from pmkg.ui import data, identity
from pmkg.ui.i18n import md_escape, t

UPLOAD_TYPES = ["txt", "md", "pdf", "docx", "html", "htm"]
MAX_UPLOAD_MB = 20


def extraction_tables(record: Record) -> dict[str, pd.DataFrame]:
    """What an extraction found, as tables a reader can check before storing it."""
    org_names = {o.id: o.name for o in record.organizations}
    roles: dict[str, set[str]] = {}
    for meeting in record.meetings:
        for entry in meeting.attendance:
            roles.setdefault(entry.person, set()).update(t(f"role.{r}") for r in entry.roles)
    for membership in record.memberships:
        roles.setdefault(membership.person, set()).add(t(f"role.{membership.role}"))
    return {
        "meetings": pd.DataFrame(
            {
                t("doc.title"): [m.title for m in record.meetings],
                t("doc.date"): [m.date or "" for m in record.meetings],
                t("doc.body"): [m.body_name or "" for m in record.meetings],
                t("doc.place"): [m.location or "" for m in record.meetings],
                t("doc.attendees"): [len(m.attendance) for m in record.meetings],
            }
        ),
        "people": pd.DataFrame(
            {
                t("doc.name"): [p.name for p in record.people],
                t("doc.titles"): [", ".join(p.titles) for p in record.people],
                t("doc.roles"): [", ".join(sorted(roles.get(p.id, ()))) for p in record.people],
                t("doc.organizations"): [
                    ", ".join(org_names.get(o, o) for o in p.affiliations) for p in record.people
                ],
            }
        ),
        "organizations": pd.DataFrame(
            {
                t("doc.name"): [o.name for o in record.organizations],
                t("doc.kind"): [o.type for o in record.organizations],
            }
        ),
        "initiatives": pd.DataFrame(
            {
                t("doc.name"): [i.name for i in record.initiatives],
                t("doc.kind"): [i.type for i in record.initiatives],
            }
        ),
        "themes": pd.DataFrame(
            {
                t("doc.theme"): [th.label for th in record.themes],
                t("doc.concepts"): [", ".join(th.concepts) for th in record.themes],
                t("doc.text"): [th.text for th in record.themes],
            }
        ),
    }


def _extract(name: str, payload: bytes) -> Record | None:
    """Extract an upload once per file (kept in the session until stored or replaced)."""
    cache_key = (name, len(payload), hash(payload))
    cached = st.session_state.get("upload_extraction")
    if cached and cached[0] == cache_key:
        return cached[1]
    try:
        with st.spinner(t("doc.reading")):
            record = extract_bytes(payload, name)
    except PmkgError as exc:
        st.error(t("doc.unreadable", reason=md_escape(str(exc))))
        return None
    st.session_state.upload_extraction = (cache_key, record)
    return record


def store_upload(driver: neo4j.Driver, record: Record) -> None:
    """Store an uploaded document if this request's user may edit (checked here, whatever the page showed)."""
    identity.require(identity.current_user(), "edit")
    store.load_record(driver, record)


def remove(driver: neo4j.Driver, doc_id: str) -> None:
    """Remove a document, if this request's user may edit (checked here, whatever the page showed)."""
    identity.require(identity.current_user(), "edit")
    store.remove_document(driver, doc_id)


def _upload(driver: neo4j.Driver) -> None:
    st.subheader(t("doc.upload"))
    st.info(t("doc.limits", mb=MAX_UPLOAD_MB, types=", ".join(UPLOAD_TYPES).upper()))
    generation = st.session_state.setdefault("upload_generation", 0)
    upload = st.file_uploader(t("doc.choose"), type=UPLOAD_TYPES, key=f"upload_{generation}")
    if upload is None:
        return
    payload = upload.getvalue()
    if len(payload) > MAX_UPLOAD_MB * 1024 * 1024:
        st.error(t("doc.too_big", mb=MAX_UPLOAD_MB))
        return
    record = _extract(upload.name, payload)
    if record is None:
        return
    st.markdown(f"**{t('doc.found')}**")
    st.text(f"{record.document.title}  ·  {record.document.language}  ·  {record.document.format}")
    for warning in record.warnings:
        st.warning(md_escape(warning), icon=":material/info:")
    tables = extraction_tables(record)
    tabs = st.tabs([f"{t('doc.tab.' + name)} ({len(frame)})" for name, frame in tables.items()])
    for tab, frame in zip(tabs, tables.values(), strict=True):
        tab.dataframe(frame, hide_index=True, width="stretch")
    if st.button(t("doc.store"), type="primary", icon=":material/save:", key="upload_store"):
        with st.spinner(t("doc.storing")):
            try:
                store_upload(driver, record)
            except neo4j.exceptions.Neo4jError as exc:  # refused by the server: rolled back, nothing stored
                st.error(t("doc.store_failed", reason=md_escape(failure_reason(exc, "stored"))))
                return
        st.session_state.upload_generation = generation + 1
        st.session_state.pop("upload_extraction", None)
        st.session_state.upload_stored = record.document.title
        st.rerun()


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
    st.dataframe(frame, hide_index=True, width="stretch")
    if not editor:
        return
    titles = {d["id"]: f"{d['title'] or d['source']} ({Path(d['source'] or '').name})" for d in docs}
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
        st.text(stored)
    if removed := st.session_state.pop("doc_removed", None):
        st.success(t("doc.removed_ok"), icon=":material/check:")
        st.text(removed)
    editor = identity.current_user().can("edit")  # a courtesy: the writes call require() themselves
    left, right = st.columns([1, 1], gap="large")
    with left:
        if editor:
            _upload(driver)
        else:
            st.info(t("doc.upload_needs_editor"), icon=":material/lock:")
    with right:
        _stored_list(driver, editor)
