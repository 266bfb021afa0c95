"""History: every staff correction, newest first: who, when, what kind, which entities, why, and its status.

The list is ``graph.corrections.listing`` (the records ``pmkg corrections list`` shows), so a correction
made on the Review page, through the CLI or by an import appears here at once. Each target is named as
the graph names it now, linked to the Search page's details of the entity while it is in the graph (a
node merged away or not yet ingested is named by what the correction kept of it, else its id).

A set_type says the kind it gave, an add or fix the fact it states and its source note.
Editors get *Undo* on each active correction that can be undone (every kind but a merge;
a merge cannot: ``graph.curation.undo`` says to split its documents instead, which "correct this" on
the kept entity's details does, ``ui.correct``). :func:`undo` checks the
edit permission on the server before writing, whatever the page showed, and records the signed-in user
as the one who undid it. Viewers see the same list read-only. The table downloads as CSV and Excel.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

import neo4j
import pandas as pd
import streamlit as st

from pmkg.graph import corrections, curated
from pmkg.graph.corrections import Stored
from pmkg.model.correction import Correction
from pmkg.ui import identity
from pmkg.ui.downloads import table_buttons
from pmkg.ui.i18n import current_language, md_escape, t
from pmkg.ui.widgets import done_and_rerun, show_done, type_name

UNDOABLE = frozenset(
    {"rename", "reject", "split", "not_same", "set_type", "fix", "add", "resolve", "confirm"}
)
DONE = "history_done"  # the line saying what the last undo did, shown after the rerun


@dataclass(frozen=True)
class Entry:
    """One correction as the page shows it: its record, status, and each target's name (None: gone)."""

    correction: Correction
    status: str
    names: tuple[tuple[str, str | None], ...]


def status_of(item: Stored) -> str:
    """applied, orphaned or undone (an undone one is undone whatever its last replay said)."""
    return "undone" if item.correction.undone_at else (item.status or "applied")


def entries(driver: neo4j.Driver) -> list[Entry]:
    """Every correction, newest first, with the current name of each target still in the graph."""
    listed = corrections.listing(driver)
    ids = sorted({t for item in listed for t in item.correction.targets})
    found = corrections.find_nodes(driver, ids)
    return [
        Entry(
            item.correction,
            status_of(item),
            tuple((t, found[t][1] if t in found else None) for t in item.correction.targets),
        )
        for item in sorted(listed, key=lambda i: (i.correction.at, i.correction.id), reverse=True)
    ]


def undo(driver: neo4j.Driver, correction_id: str) -> list[str]:
    """Undo one correction as the signed-in user, if they may edit (checked here, whatever the page
    showed: a forged request meets the same refusal)."""
    user = identity.current_user()
    identity.require(user, "edit")
    return corrections.undo(driver, correction_id, user.name)


def _target(node_id: str, name: str | None) -> str:
    """A target as Markdown: a link to its details on the Search page, or plain text once it is gone."""
    if name is None:
        return md_escape(node_id)
    query = urlencode({"page": "search", "search": name, "entity": node_id, "lang": current_language()})
    return f"[{md_escape(name)}](?{query}) ({md_escape(node_id)})"


def table(found: list[Entry]) -> pd.DataFrame:
    """The list as a table (the CSV and Excel downloads)."""
    return pd.DataFrame(
        [
            {
                t("history.col.at"): e.correction.at,
                t("history.col.author"): e.correction.author,
                t("history.col.kind"): t(f"history.kind.{e.correction.kind}"),
                t("history.col.targets"): "; ".join(f"{n} ({i})" if n else i for i, n in e.names),
                t("history.col.reason"): e.correction.reason,
                t("history.col.status"): t(f"history.status.{e.status}"),
                t("history.col.undone"): " ".join(
                    filter(None, (e.correction.undone_at, e.correction.undone_by))
                ),
                "id": e.correction.id,
            }
            for e in found
        ]
    )


def _entry(driver: neo4j.Driver, e: Entry, editor: bool) -> None:
    c = e.correction
    with st.container(border=True):
        st.markdown(
            f"**{t(f'history.kind.{c.kind}')}** · {md_escape(c.at[:19].replace('T', ' '))} UTC · "
            f"{md_escape(c.author)} · {t(f'history.status.{e.status}')}"
        )
        st.markdown(t("history.targets") + ": " + ", ".join(_target(i, n) for i, n in e.names))
        st.text(t("history.reason", reason=c.reason or "–"))
        if c.kind in ("fix", "add"):
            st.text(t("history.note", note=c.payload["note"], fact=curated.describe(c)))
        elif c.kind == "set_type":
            st.text(t("history.set_type", was=type_name(c.payload["label"]), now=type_name(c.payload["to"])))
        if c.undone_at:
            st.caption(
                t("history.undone_by", by=md_escape(c.undone_by or ""), at=c.undone_at[:19].replace("T", " "))
            )
        elif (
            editor
            and c.kind in UNDOABLE
            and st.button(t("history.undo"), icon=":material/undo:", key=f"history_undo|{c.id}")
        ):
            undo(driver, c.id)
            done_and_rerun(DONE, t("history.undone", kind=t(f"history.kind.{c.kind}"), id=c.id))


def render(driver: neo4j.Driver) -> None:
    editor = identity.current_user().can("edit")  # a courtesy: undo() calls require() itself
    show_done(DONE)
    found = entries(driver)
    st.caption(t("history.count", n=len(found)))
    if not editor:
        st.info(t("history.needs_editor"), icon=":material/lock:")
    if not found:
        st.info(t("history.empty"), icon=":material/history:")
        return
    table_buttons(table(found), "pmkg-history", "history")
    for e in found:
        _entry(driver, e, editor)
