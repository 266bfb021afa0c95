"""Uploading minutes on the Documents page: several files at once, each extracted (with a progress bar)
and previewed with its title, date and body open to correction before anything is stored.

A file whose exact bytes are stored already (``store.stored_document``, by sha256) is named as such and
neither extracted nor stored again. The corrections go into the record that is stored (:func:`corrected`):
the document's and its first meeting's title, the meeting's date (which is also the document's) and the
name of the body that met. Storing calls ``identity.require`` on the server, whatever the page showed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

import msgspec
import neo4j
import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from pmkg.graph import store
from pmkg.ingest.isolated import Limits, Outcome, extract_isolated, limits_from_env
from pmkg.ingest.parallel import failure_reason
from pmkg.model.record import Record
from pmkg.ui import identity
from pmkg.ui.i18n import md_escape, t

UPLOAD_TYPES = ["txt", "md", "pdf", "docx", "html", "htm"]
MAX_UPLOAD_MB = 20
EXTRACTED = "upload_extracted"  # sha256 -> Record, kept until the files are stored or replaced
FAILED = "upload_failed"  # sha256 -> why it gave no record (string key, values), while it is chosen


@dataclass(frozen=True)
class Fix:
    """What the reader corrected in a preview (None: leave as extracted)."""

    title: str | None = None
    date: str | None = None
    body: str | None = None


def corrected(record: Record, fix: Fix) -> Record:
    """The record with the reader's corrections: the title of the document and of its first meeting, that
    meeting's date (ISO, the document's date too) and body name. A record without a meeting keeps only
    the title. Ids stay as extracted, so a file stored again is still recognised by its bytes."""
    document = record.document
    if fix.title is not None:
        document = msgspec.structs.replace(document, title=fix.title)
    meetings = list(record.meetings)
    if meetings:
        first = meetings[0]
        changes: dict[str, object] = {}
        if fix.title is not None:
            changes["title"] = fix.title
        if fix.date is not None and fix.date != first.date:
            changes.update(date=fix.date, date_inferred=False)
        if fix.body is not None:
            changes["body_name"] = fix.body or None
        meetings[0] = msgspec.structs.replace(first, **changes)
    return msgspec.structs.replace(record, document=document, meetings=meetings)


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


def valid_date(text: str) -> bool:
    """Whether ``text`` is an ISO date (YYYY-MM-DD), the form every meeting date is stored in."""
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def store_upload(driver: neo4j.Driver, record: Record) -> None:
    """Store an uploaded document if this request's user may edit (checked here, whatever the page showed)."""
    identity.require(identity.current_user(), "edit")
    store.load_record(driver, record)


def failure_message(name: str, outcome: Outcome, limits: Limits) -> tuple[str, dict[str, object]]:
    """The string key and values of the one line saying why a file gave no record: a limit (which one,
    how much) or a failure. Kept as key and values, so it is said in the language of each rerun."""
    shown = md_escape(name)
    if outcome.failure == "time":
        return "doc.over_time", {"name": shown, "limit": f"{limits.seconds:g}"}
    if outcome.failure == "memory":
        return "doc.over_memory", {"name": shown, "limit": limits.memory_mb}
    if outcome.failure == "input":
        return "doc.unreadable_file", {"name": shown, "reason": md_escape(outcome.reason)}
    return "doc.extractor_failed", {"name": shown, "reason": md_escape(outcome.reason)}


def _extract_all(files: list[tuple[str, str, bytes]]) -> dict[str, Record]:
    """Extract the new files (name, sha256, bytes), each in a child process within the limits
    (``ingest.isolated``), with a progress bar saying which file and for how long. A file that fails
    is said in one line, kept as failed while it stays chosen (not tried again on each rerun) and the
    others go on."""
    kept: dict[str, Record] = st.session_state.setdefault(EXTRACTED, {})
    failed: dict[str, tuple[str, dict[str, object]]] = st.session_state.setdefault(FAILED, {})
    todo = [f for f in files if f[1] not in kept and f[1] not in failed]
    limits = limits_from_env()
    if todo:
        bar = st.progress(0.0, text=t("doc.reading"))
        for done, (name, sha, payload) in enumerate(todo, start=1):
            tracker = _Progress(bar, name, done, len(todo), limits)
            outcome = extract_isolated(payload, name, limits, tracker.update)
            if outcome.record is not None:
                kept[sha] = outcome.record
            else:
                failed[sha] = failure_message(name, outcome, limits)
            bar.progress(done / len(todo), text=t("doc.read_n", done=done, n=len(todo)))
        bar.empty()
    for _, sha, _ in files:
        if sha in failed:
            key, values = failed[sha]
            st.error(t(key, **values))
    return kept


@dataclass
class _Progress:
    """The bar while one file is extracted: its name, its place, the seconds so far against the limit
    (redrawn once a second, not on every poll)."""

    bar: DeltaGenerator
    name: str
    done: int
    n: int
    limits: Limits
    shown: int = -1

    def update(self, seconds: float) -> None:
        if int(seconds) == self.shown:
            return
        self.shown = int(seconds)
        part = min(seconds / self.limits.seconds, 1.0)
        self.bar.progress(
            (self.done - 1 + part) / self.n,
            text=t(
                "doc.extracting",
                name=md_escape(self.name),
                done=self.done,
                n=self.n,
                seconds=self.shown,
                limit=f"{self.limits.seconds:g}",
            ),
        )


def _preview(name: str, sha: str, record: Record) -> Fix | None:
    """One file's preview with its corrections; None while its date is not a date."""
    meeting = record.meetings[0] if record.meetings else None
    key = f"upload_fix_{sha[:16]}"
    with st.container(border=True, key=key):  # the class st-key-upload_fix_<sha>: one file's preview
        st.markdown(f"**{md_escape(name)}** · {record.document.language} · {record.document.format}")
        for warning in record.warnings:
            st.warning(md_escape(warning), icon=":material/info:")
        cols = st.columns([3, 2, 3])
        title = cols[0].text_input(
            t("doc.title"), value=meeting.title if meeting else record.document.title, key=f"{key}_title"
        )
        date = cols[1].text_input(
            t("doc.date"),
            value=(meeting.date or "") if meeting else "",
            key=f"{key}_date",
            placeholder="YYYY-MM-DD",
            disabled=meeting is None,
        )
        body = cols[2].text_input(
            t("doc.body"),
            value=(meeting.body_name or "") if meeting else "",
            key=f"{key}_body",
            disabled=meeting is None,
        )
        tables = extraction_tables(record)
        tabs = st.tabs([f"{t('doc.tab.' + tab)} ({len(frame)})" for tab, frame in tables.items()])
        for tab, frame in zip(tabs, tables.values(), strict=True):
            tab.dataframe(frame, hide_index=True, width="stretch")
    if meeting is None:
        return Fix(title=title.strip() or None)
    if date.strip() and not valid_date(date.strip()):
        st.error(t("doc.bad_date", value=md_escape(date)))
        return None
    return Fix(
        title=title.strip() or None,
        date=date.strip() or None,
        body=body.strip() if body.strip() != (meeting.body_name or "") else None,
    )


def render(driver: neo4j.Driver) -> None:
    """The upload: choose files, see each one's extraction, correct it, store them all."""
    st.subheader(t("doc.upload"))
    st.info(t("doc.limits", mb=MAX_UPLOAD_MB, types=", ".join(UPLOAD_TYPES).upper()))
    generation = st.session_state.setdefault("upload_generation", 0)
    uploads = st.file_uploader(
        t("doc.choose"), type=UPLOAD_TYPES, accept_multiple_files=True, key=f"upload_{generation}"
    )
    files = []
    for upload in uploads or []:
        payload = upload.getvalue()
        if len(payload) > MAX_UPLOAD_MB * 1024 * 1024:
            st.error(t("doc.too_big_file", name=md_escape(upload.name), mb=MAX_UPLOAD_MB))
            continue
        sha = hashlib.sha256(payload).hexdigest()
        if stored := store.stored_document(driver, sha):
            st.info(
                t("doc.already_stored", name=md_escape(upload.name), source=md_escape(stored["source"])),
                icon=":material/inventory:",
            )
            continue
        files.append((upload.name, sha, payload))
    chosen = {sha for _, sha, _ in files}
    failed = st.session_state.get(FAILED, {})
    for sha in [sha for sha in failed if sha not in chosen]:
        del failed[sha]  # taken out of the field: chosen again, it is tried again (a busy machine may not be)
    if not files:
        return
    records = _extract_all(files)
    st.markdown(f"**{t('doc.found')}**")
    ready = []
    for name, sha, _ in files:
        if sha in records:
            fix = _preview(name, sha, records[sha])
            ready.append(None if fix is None else corrected(records[sha], fix))
    if not ready:
        return
    if st.button(
        t("doc.store_n", n=len(ready)),
        type="primary",
        icon=":material/save:",
        key="upload_store",
        disabled=None in ready,
    ):
        stored = []
        with st.spinner(t("doc.storing")):
            for record in ready:
                try:
                    store_upload(driver, record)  # type: ignore[arg-type]
                except neo4j.exceptions.Neo4jError as exc:  # refused by the server: rolled back
                    st.error(t("doc.store_failed", reason=md_escape(failure_reason(exc, "stored"))))
                    return
                stored.append(record.document.title)  # type: ignore[union-attr]
        st.session_state.upload_generation = generation + 1
        st.session_state.pop(EXTRACTED, None)
        st.session_state.pop(FAILED, None)
        st.session_state.upload_stored = stored
        st.rerun()
