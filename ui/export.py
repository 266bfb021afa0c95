"""Export: the whole graph as RDF, in a chosen format, with the personal-data options.

By default contact details (e-mail addresses) are left out; a reader may include them, or
replace people by pseudonyms (the same for the same person in every export made with the same key)
when sharing outside the organisation.
"""

from __future__ import annotations

import neo4j
import streamlit as st

from pmkg.errors import PmkgError
from pmkg.graph import corrections, rdf, store
from pmkg.ui import identity, links
from pmkg.ui.i18n import md_escape, t

PERSONAL_DATA = ("default", "contact", "pseudonymized")


def options_for(choice: str) -> rdf.ExportOptions:
    if choice == "contact":
        return rdf.ExportOptions(include_contact_details=True)
    if choice == "pseudonymized":
        return rdf.ExportOptions(pseudonymize=True, pseudonym_key=rdf.pseudonym_key())
    return rdf.ExportOptions()


def export_bytes(driver: neo4j.Driver, fmt: str, choice: str) -> tuple[bytes, int]:
    """The whole graph serialised (and SHACL-validated) as ``fmt``, and its number of statements.

    Contact details go only to editors: a viewer's export leaves them out, whatever the page sent."""
    if choice == "contact":
        identity.require(identity.current_user(), "contact")
    history = corrections.history(driver)  # who corrected what, as PROV activities (docs/rdf.md)
    dataset = rdf.rows_to_dataset(store.read_rows(driver), options_for(choice), history)
    return rdf.serialize(dataset, fmt), len(dataset)


def render(driver: neo4j.Driver) -> None:
    cols = st.columns([1, 2])
    offered = [c for c in PERSONAL_DATA if c != "contact" or identity.current_user().can("contact")]
    links.bind("export_format", "format", choices=rdf.FORMATS)
    links.bind("export_personal", "personal", choices=offered)  # contact details: only when allowed
    fmt = cols[0].selectbox(
        t("export.format"),
        list(rdf.FORMATS),
        format_func={f: t(f"export.format.{f}") for f in rdf.FORMATS}.__getitem__,
        key="export_format",
    )
    choice = cols[1].radio(
        t("export.personal"),
        offered,
        format_func={c: t(f"export.personal.{c}") for c in PERSONAL_DATA}.__getitem__,
        key="export_personal",
    )
    if choice == "pseudonymized":
        st.caption(t("export.key", env=rdf.KEY_ENV))
    links.copy_link()  # the options, not the file: the link's reader makes the export themselves
    if st.button(t("export.make"), type="primary", icon=":material/build:", key="export_make"):
        try:
            with st.spinner(t("export.working")):
                payload, statements = export_bytes(driver, fmt, choice)
        except identity.NotAllowed:
            raise  # the page's one-line refusal (pages.render)
        except PmkgError as exc:
            st.error(md_escape(str(exc)))
            return
        st.session_state.export_result = (fmt, choice, payload, statements)
    result = st.session_state.get("export_result")
    if not result or result[:2] != (fmt, choice):
        return
    _, _, payload, statements = result
    st.success(t("export.ready", n=statements, kb=max(1, len(payload) // 1024)))
    extension, media_type = rdf.FORMATS[fmt][1], rdf.FORMATS[fmt][2]
    st.download_button(
        t("export.download"),
        payload,
        file_name=f"pmkg-graph.{extension}",
        mime=media_type,
        icon=":material/download:",
        key="export_download",
        on_click="ignore",
    )
