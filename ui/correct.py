""" "Correct this" beside an entity's details: the mistakes a reader spots on a profile, fixed where seen.

A wrong name is a rename, "not a person" a set_type, a wrong role a fix of the role held in an
organisation (or a reject, when no role was held there), a wrong or missing organisation a fix or an
add of the affiliation, two different people (or a wrong merge) under one node a split of the facts of
some documents onto a new node: the same corrections ``pmkg rename|set-type|fix|add|reject|split`` make
(``graph.amend``), recorded with the signed-in user as author and
replayed after every ingest. Editors see the controls; every write below calls ``identity.require``
first, so a viewer's forged request is refused on the server whatever the page showed. A fact staff
add needs a source note, since no sentence of the minutes states it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import neo4j
import streamlit as st

from pmkg.errors import PmkgError
from pmkg.graph import amend, corrections, review
from pmkg.graph.connection import read
from pmkg.graph.rdfcodec import code_list
from pmkg.graph.schema import labelled
from pmkg.model.correction import RETYPABLE, make
from pmkg.ui import data, identity, links
from pmkg.ui.i18n import t
from pmkg.ui.picker import entity_picker
from pmkg.ui.widgets import details, done_and_rerun, show_done, type_name

DONE = "correct_done"  # the line saying what the last correction did, shown after the rerun
HELD = """
MATCH (:Person {id: $id})-[r:HOLDS_ROLE|AFFILIATED_WITH WHERE r.rejected IS NULL]->(o:Organization)
RETURN DISTINCT type(r) AS type, o.id AS org, o.name AS name, r.role AS role ORDER BY type, name, role
"""
ATTENDED = """
MATCH (:Person {id: $id})-[a:ATTENDED WHERE a.rejected IS NULL]->(m:Meeting)
RETURN m.id AS meeting, m.name AS name, m.date AS date, coalesce(a.roles, []) AS roles, a.status AS status
ORDER BY date DESC, name
"""
ORGANISATIONS = "MATCH (o:Organization) RETURN o.id AS id, o.name AS name ORDER BY o.name"
# The documents stating facts of one node (``{label}`` filled by ``graph.schema.labelled``): what a split
# can move.
DOCUMENTS = """
MATCH (:{label} {id: $id})-[r]-() WHERE r.doc IS NOT NULL
MATCH (d:Document {id: r.doc})
RETURN DISTINCT d.id AS id, d.title AS title, d.source AS source, d.date AS date ORDER BY date, source, id
"""
NOT_HELD = ""  # the right role "none": the role is rejected, not revised


def _author() -> str:
    """The signed-in user, if they may edit (checked here, on the server, before every write)."""
    user = identity.current_user()
    identity.require(user, "edit")
    return user.name


def _first(changes: list[str]) -> str:
    return changes[0] if changes else ""


def rename(driver: neo4j.Driver, node_id: str, name: str, reason: str) -> str:
    """Rename the node (its old name becomes an alias), as the signed-in editor."""
    author = _author()
    label, was = review.found_nodes(driver, [node_id])[node_id]
    c = make("rename", [node_id], {"label": label, "name": name.strip(), "was": was}, author, reason)
    return _first(corrections.record(driver, c).changes)


def set_type(driver: neo4j.Driver, node_id: str, to: str, reason: str) -> str:
    """Make the node another kind (a "person" that is an organisation), as the signed-in editor."""
    return _first(amend.set_type(driver, node_id, to, _author(), reason)[1].changes)


def fix_role(
    driver: neo4j.Driver,
    node_id: str,
    org: str,
    role: str,
    right: str,
    note: str,
    reason: str,
    valid_from: str | None = None,
) -> str:
    """The role held in ``org`` is ``right``, not ``role`` (from ``valid_from``, for answers as of a date;
    default: from the minutes it revises)."""
    author = _author()
    where = {"role": role} if role else {}
    outcome = amend.fix(
        driver,
        node_id,
        "HOLDS_ROLE",
        org,
        where,
        {"role": right},
        note,
        author,
        reason,
        valid_from=valid_from,
    )[1]
    return _first(outcome.changes[1:] or outcome.changes)


def reject_role(driver: neo4j.Driver, node_id: str, org: str, role: str, reason: str) -> str:
    """The person held no role ``role`` in ``org``: the fact stays, visibly rejected."""
    where = {"role": role} if role else {}
    return _first(amend.reject(driver, node_id, "HOLDS_ROLE", org, where, _author(), reason)[1].changes)


def split(driver: neo4j.Driver, node_id: str, documents: list[str], name: str, reason: str) -> str:
    """The facts ``documents`` state of the node are another entity's (called ``name``, else the same)."""
    return _first(amend.split(driver, node_id, documents, _author(), reason, name=name)[1].changes)


def fix_attendance(
    driver: neo4j.Driver,
    node_id: str,
    meeting: str,
    roles: list[str],
    right: str | None,
    status: str,
    note: str,
    reason: str,
    valid_from: str | None = None,
) -> str:
    """The role at one meeting is ``right`` (None: no role), not ``roles``, and the status there
    ``status``: the attendance is revised, the right one curated, its other values (the group) kept."""
    author = _author()
    where = {"roles": roles} if roles else {}
    values = {"roles": [right] if right else [], "status": status}
    outcome = amend.fix(
        driver, node_id, "ATTENDED", meeting, where, values, note, author, reason, valid_from=valid_from
    )[1]
    return _first(outcome.changes[1:] or outcome.changes)


def fix_affiliation(
    driver: neo4j.Driver,
    node_id: str,
    org: str | None,
    right: str,
    note: str,
    reason: str,
    valid_from: str | None = None,
) -> str:
    """The affiliation is ``right``: instead of ``org``, or added when ``org`` is None (from
    ``valid_from``; default: from the minutes it revises, or today when added)."""
    author = _author()
    if org is None:
        added = amend.add(
            driver, node_id, "AFFILIATED_WITH", right, {}, note, author, reason, valid_from=valid_from
        )
        return _first(added[1].changes)
    outcome = amend.fix(
        driver,
        node_id,
        "AFFILIATED_WITH",
        org,
        {},
        {},
        note,
        author,
        reason,
        into=right,
        valid_from=valid_from,
    )[1]
    return _first(outcome.changes[1:] or outcome.changes)


def _role_name(role: str | None) -> str:
    return t(f"role.{role}") if role else "–"


def _choose(label: str, shown: dict[Any, str], key: str, *, radio: bool = False) -> Any:
    """A select box (or radio) of ``shown``'s values (codes, row numbers) in their words, returning the
    chosen value; kept by value through a language switch (``links.keep``)."""
    links.keep(key)
    if radio:
        return st.radio(label, list(shown), format_func=shown.__getitem__, key=key, horizontal=True)
    return st.selectbox(label, list(shown), format_func=shown.__getitem__, key=key)


def _note_why_and_from(key: str) -> tuple[str, str, str | None]:
    """The source note, the reason, and the day the fact holds from (empty: the default of
    ``graph.curated.valid_from``), which answers as of a date go by."""
    note = st.text_input(t("correct.note"), key=f"{key}_note", placeholder=t("correct.note_hint"))
    why = st.text_input(t("correct.why"), key=f"{key}_why")
    day = st.date_input(
        t("correct.valid_from"),
        value=None,
        key=f"{key}_from",
        format="YYYY-MM-DD",
        help=t("correct.valid_from_help"),
    )
    return note, why, day.isoformat() if isinstance(day, dt.date) else None


def _organisations(driver: neo4j.Driver, key: str) -> str | None:
    options = {row["id"]: row["name"] for row in read(driver, ORGANISATIONS)}
    return entity_picker(driver, t("correct.right_organisation"), options, key)


def _name(driver: neo4j.Driver, node_id: str, props: dict[str, Any], key: str) -> str | None:
    name = st.text_input(t("correct.new_name"), value=str(props.get("name") or ""), key=f"{key}_name")
    why = st.text_input(t("correct.why"), key=f"{key}_why")
    if st.button(t("correct.save"), key=f"{key}_save") and name.strip():
        return rename(driver, node_id, name, why)
    return None


def _type(driver: neo4j.Driver, node_id: str, label: str, key: str) -> str | None:
    to = _choose(t("correct.new_type"), {x: type_name(x) for x in RETYPABLE if x != label}, f"{key}_to")
    why = st.text_input(t("correct.why"), key=f"{key}_why")
    if st.button(t("correct.save"), key=f"{key}_save"):
        return set_type(driver, node_id, to, why)
    return None


def _first_of(codes: list[str], current: str | None, prefix: str) -> dict[str, str]:
    """The codes in words, the current one first (what the picker starts on)."""
    ordered = sorted(codes, key=lambda code: (code != current, code))
    return {code: t(f"{prefix}.{code}") for code in ordered}


def _role(driver: neo4j.Driver, node_id: str, key: str) -> str | None:
    """A role held in an organisation, or the role (and status) at one meeting, and the right one."""
    held = [row for row in read(driver, HELD, {"id": node_id}) if row["type"] == "HOLDS_ROLE"]
    attended = read(driver, ATTENDED, {"id": node_id})
    if not held and not attended:
        st.info(t("correct.no_roles"))
        return None
    shown = {i: f"{row['name']} · {_role_name(row['role'])}" for i, row in enumerate(held)}
    for i, row in enumerate(attended, len(held)):
        said = ", ".join(_role_name(r) for r in row["roles"]) or _role_name(None)
        shown[i] = t("correct.at_meeting", meeting=row["name"], date=row["date"] or "?", roles=said)
    pick = _choose(t("correct.held"), shown, f"{key}_held")
    was = held[pick] if pick < len(held) else attended[pick - len(held)]
    current = was.get("role") or next(iter(was.get("roles") or []), None)
    roles = _first_of(code_list("RoleScheme"), current, "role")
    right = _choose(t("correct.right_role"), {**roles, NOT_HELD: t("correct.not_held")}, f"{key}_role")
    if "meeting" in was:
        return _at_meeting(driver, node_id, was, None if right == NOT_HELD else right, key)
    org, role = was["org"], was["role"]
    if right == NOT_HELD:
        why = st.text_input(t("correct.why"), key=f"{key}_why")
        if st.button(t("correct.save"), key=f"{key}_save"):
            return reject_role(driver, node_id, org, role, why)
        return None
    note, why, since = _note_why_and_from(key)
    if st.button(t("correct.save"), key=f"{key}_save"):
        return fix_role(driver, node_id, org, role, right, note, why, since)
    return None


def _at_meeting(
    driver: neo4j.Driver, node_id: str, was: dict[str, Any], right: str | None, key: str
) -> str | None:
    """The rest of a role at a meeting: the status there (the one recorded first), source, reason, save."""
    statuses = _first_of(code_list("AttendanceStatusScheme"), was["status"], "correct.status")
    status = _choose(t("correct.right_status"), statuses, f"{key}_status")
    note, why, since = _note_why_and_from(key)
    if st.button(t("correct.save"), key=f"{key}_save"):
        return fix_attendance(driver, node_id, was["meeting"], was["roles"], right, status, note, why, since)
    return None


def _affiliation(driver: neo4j.Driver, node_id: str, key: str) -> str | None:
    held = [row for row in read(driver, HELD, {"id": node_id}) if row["type"] == "AFFILIATED_WITH"]
    options: list[dict[str, Any] | None] = [*held, None]  # None: a missing affiliation, added
    shown = {i: row["name"] if row else t("correct.missing") for i, row in enumerate(options)}
    pick = _choose(t("correct.wrong_organisation"), shown, f"{key}_held")
    right = _organisations(driver, f"{key}_org")
    note, why, since = _note_why_and_from(key)
    if st.button(t("correct.save"), key=f"{key}_save") and right:
        was = options[pick]
        return fix_affiliation(driver, node_id, was["org"] if was else None, right, note, why, since)
    return None


def _split(driver: neo4j.Driver, node_id: str, label: str, key: str) -> str | None:
    found = read(driver, labelled(DOCUMENTS, label=label), {"id": node_id})
    if len(found) < 2:
        st.info(t("correct.one_document"))
        return None
    shown = {
        row["id"]: f"{row['title'] or row['source']} ({row['date'] or '–'}) · {row['source']}"
        for row in found
    }
    picked = st.multiselect(t("correct.split_documents"), list(shown.values()), key=f"{key}_docs")
    name = st.text_input(t("correct.split_name"), key=f"{key}_name")
    why = st.text_input(t("correct.why"), key=f"{key}_why")
    if st.button(t("correct.save"), key=f"{key}_save") and picked:
        return split(driver, node_id, [i for i, word in shown.items() if word in picked], name, why)
    return None


def render(driver: neo4j.Driver, node_id: str, label: str, props: dict[str, Any]) -> None:
    """The "correct this" controls of one entity, for an editor (nothing for anyone else)."""
    show_done(DONE)
    if not identity.current_user().can("edit"):  # a courtesy: each write calls require() itself
        return
    choices = [
        "name",
        *(["type"] if label in RETYPABLE else []),
        *(["role", "organisation"] if label == "Person" else []),
        "split",
    ]
    key = f"correct|{node_id}"
    # Kept open by the server (a key and a rerun on change), not only by the browser: a redraw that
    # remounts the expander (an element above it appearing, a run still drawing when it was clicked)
    # closed it under the reader's hands, with the form half filled in.
    with st.expander(t("correct.title"), icon=":material/edit:", key=f"{key}_open", on_change="rerun"):
        what = _choose(t("correct.what"), {c: t(f"correct.{c}") for c in choices}, f"{key}_what", radio=True)
        forms = {
            "name": lambda: _name(driver, node_id, props, f"{key}|name"),
            "type": lambda: _type(driver, node_id, label, f"{key}|type"),
            "role": lambda: _role(driver, node_id, f"{key}|role"),
            "organisation": lambda: _affiliation(driver, node_id, f"{key}|organisation"),
            "split": lambda: _split(driver, node_id, label, f"{key}|split"),
        }
        try:
            done = forms[str(what)]()
        except PmkgError as exc:
            st.error(str(exc))
            return
        if done is not None:  # in the reader's words, then what the graph layer did (ids, counts)
            said = t("correct.saved", what=t(f"correct.{what}"), change=done)
            done_and_rerun(DONE, said if done else t("correct.no_change"))


def details_to_correct(driver: neo4j.Driver, node_id: str, share: float = 1.0) -> None:
    """A node's details (``widgets.details``) with "correct this" under them for an editor: every page
    that shows an entity's facts (search, an answer's graph, explore, stakeholders, timeline, review,
    the console) offers the correction where the reader sees what is wrong."""
    details(driver, node_id, share)
    found = data.node(driver, node_id)
    if found:
        render(driver, node_id, found[0][0], found[1])
