"""Sign-in with OpenID Connect, the way Streamlit does it: on when the app's secrets have ``[auth]``.

Streamlit (``st.login`` / ``st.user`` / ``st.logout``, Authlib underneath) runs the code flow with the
identity provider named by ``[auth]`` in ``.streamlit/secrets.toml`` (or the file given by
``--secrets.files``) and keeps the person's identity-token claims in a signed cookie. This module turns
those claims into a :class:`~pmkg.ui.identity.User` with the roles ``[roles]`` grants, shows the
sign-in page instead of every other page to anyone not signed in (keeping the link they opened for after
the identity provider, ``ui/signin_link.py``), and puts the person and a sign-out button in the sidebar.
Without ``[auth]`` (a laptop) nothing changes: the local user has every role.
A secrets file that exists but Streamlit cannot read (a TOML error, a name not ending in ``.toml``) keeps
the app closed: Streamlit reports it as it reports no file at all, which would otherwise turn sign-in off.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path

import streamlit as st

from pmkg.errors import PmkgError
from pmkg.ui import identity, signin_link
from pmkg.ui.i18n import LANGUAGES, md_escape, t


class SecretsUnreadable(PmkgError):
    """A secrets file is there but could not be read: sign-in may be meant to be on, so nobody gets in."""


def _secrets_section(name: str) -> Mapping[str, object] | None:
    try:
        section = st.secrets.get(name)
    except FileNotFoundError as exc:  # Streamlit's error for no file, and for one it cannot read
        present = [p for p in st.get_option("secrets.files") if Path(p).expanduser().exists()]
        if present:
            reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            raise SecretsUnreadable(
                f"the app's secrets ({', '.join(present)}) cannot be read: {reason}"
            ) from exc
        return None  # no secrets file at all: a laptop
    return section.to_dict() if hasattr(section, "to_dict") else section


def configured() -> bool:
    """Whether sign-in is on: an ``[auth]`` section in the app's secrets."""
    return bool(_secrets_section("auth"))


def role_config() -> Mapping[str, object]:
    """``[roles]`` in the secrets: the claim listing roles or groups, and the values granting each role."""
    return _secrets_section("roles") or {}


def _configured_or_closed() -> bool:
    """:func:`configured`, or the page stopped at a one-line refusal when the secrets cannot be read."""
    try:
        return configured()
    except SecretsUnreadable as exc:
        print(f"pmkg: {exc}; the app stays closed", file=sys.stderr, flush=True)  # for the administrator
        st.error(t("signin.unreadable"))
        st.stop()
        raise  # st.stop() ends the script run; never reached


def user() -> identity.User:
    """The user of this request: the signed-in person, :data:`identity.ANONYMOUS` before sign-in, or the
    local user when sign-in is off."""
    signing_in = _configured_or_closed()
    if not signing_in:
        return identity.local_user()
    if not st.user.is_logged_in:
        return identity.ANONYMOUS
    return identity.user_from_claims(st.user.to_dict(), role_config())


def _sign_in_page() -> None:
    st.title(t("app.title"))
    st.caption(t("app.subtitle"))
    st.subheader(t("signin.title"))
    st.write(t("signin.lead"))
    st.button(t("signin.button"), type="primary", icon=":material/login:", on_click=st.login, key="signin")
    signin_link.keep()  # the link opened, put back after the identity provider (ui/signin_link.py)


def gate() -> identity.User:
    """The user the app serves; with sign-in on, stops the script at the sign-in page for anyone not
    signed in, and at a one-line refusal for a signed-in person without a pmkg role."""
    lang = st.query_params.get("lang")
    if "lang" not in st.session_state and lang in LANGUAGES:
        st.session_state.lang = lang
    signing_in = _configured_or_closed()
    if not signing_in:
        return identity.local_user()
    if not st.user.is_logged_in:
        _sign_in_page()
        st.stop()
    try:
        person = user()
    except identity.NotAllowed:
        person = identity.ANONYMOUS
    if not person.can("view"):
        st.error(t("signin.no_role", name=md_escape(person.name)))
        st.button(t("signin.out"), icon=":material/logout:", on_click=st.logout, key="signout")
        st.stop()
    with st.sidebar:
        signin_link.restore()
        roles = ", ".join(t(f"signin.role.{role}") for role in sorted(person.roles))
        st.caption(t("signin.as", name=md_escape(person.name), roles=roles))
        st.button(t("signin.out"), icon=":material/logout:", on_click=st.logout, key="signout")
    return person
