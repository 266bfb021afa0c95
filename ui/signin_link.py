"""The link a signed-out reader opened survives the sign-in round trip.

Streamlit's sign-in (``st.login``) sends the browser to the identity provider and, after its callback,
always back to the app's root: the query string of the link the reader opened (``?page=questions&...``)
is lost, and so is the session (the browser left the page). The one thing that survives in the same tab is
the browser's ``sessionStorage`` for the app's origin. So the sign-in page keeps the link's query string
there (:func:`keep`), and the first page a signed-in reader is shown puts it back (:func:`restore`): the
browser is sent to the same path with that query string, once, and the stored copy is dropped. Only a
query string is kept and put back on the app's own path, so nothing can send the reader elsewhere.
"""

from __future__ import annotations

import streamlit as st

STORAGE_KEY = "pmkg.signin.link"

_JS = """
export default function ({ data }) {
  const key = data.storage_key;
  if (data.mode === "keep") {
    const search = window.location.search;
    if (search.length > 1) sessionStorage.setItem(key, search);
    else sessionStorage.removeItem(key);
    return;
  }
  const kept = sessionStorage.getItem(key);
  if (!kept) return;
  sessionStorage.removeItem(key);
  if (kept.startsWith("?") && kept !== window.location.search) {
    window.location.replace(window.location.pathname + kept);
  }
}
"""

_link = st.components.v2.component("pmkg.signin_link", js=_JS)


def keep() -> None:
    """On the sign-in page: remember the link the reader opened, for after the identity provider."""
    _link(data={"mode": "keep", "storage_key": STORAGE_KEY}, key="signin-link-keep")


def restore() -> None:
    """For a signed-in reader: open the link kept before signing in, if there is one (once)."""
    _link(data={"mode": "restore", "storage_key": STORAGE_KEY}, key="signin-link-restore")
