"""A link for every view: each page's state lives in the URL's query string, so a copied address opens
the same view in another browser.

A page calls :func:`bind` for a session-state key (a widget's key, or a plain key holding an id) before it
draws the widget. While a link is being read, the key is seeded from it (a value that no longer names
anything is refused, and the page says so in one line; a key whose parameter the link leaves out goes back
to its default). A link is read when the session starts, when the browser's Back or Forward button brings
back an earlier address (Streamlit reruns with that address and flags the run as a history navigation),
and when the reader switches the language: a widget keeps its value as the *shown* option text, which the
new language no longer offers, so the view is read back from the last link (ids, in no language). At the
end of every run :func:`sync` (called by the shell) writes the view to the URL in one go and drops every
parameter no one bound, so the address bar names exactly the view on screen and each change of view is one
entry in the browser's history. A picker that no link names is kept through a language switch by
:func:`keep` (its id or code, given back after the switch). A value that is no widget's (the as-of date,
made of a switch and a date) is written with :func:`share`. Only ids go into a link (entity and question
ids), never row numbers.

:func:`copy_link` shows the link with a copy button (``st.code``): the app's own address, from
``st.context.url``, plus the query string; nothing is fetched from anywhere.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from pmkg.ui.i18n import t

START = "_links_start"  # the parameters of the link being read, until a page has been drawn with them
READING = "_links_reading"  # whether a link is being read (set by begin, cleared by sync)
SEEDED = "_links_seeded"  # keys seeded from it (each at most once a reading)
LAST = "_links_last"  # the parameters the last drawn view wrote to the URL
RUN = "_links_run"  # param -> (key, codec) or the encoded value, for the current run
REFUSED = "_links_refused"  # key -> [the refused text, drawn since?, the value the widget showed instead]
KEEP = "_links_keep"  # keys of pickers outside the link drawn in the current run (see keep)
KEPT = "_links_kept"  # key -> the value (an id or a code, never a shown word) each held when the run ended
SAFE = ":,"  # kept as they are: ids read "person:soren-brunak", lists "Person,Meeting"


@dataclass(frozen=True)
class Codec:
    """How one kind of value is written into a URL and read back.

    ``encode`` gives None to leave the parameter out (nothing chosen); ``decode`` raises ValueError on
    text it cannot read, which is then ignored."""

    encode: Callable[[Any], str | None]
    decode: Callable[[str], Any]


def _text(value: Any) -> str | None:
    return None if value is None or str(value) == "" else str(value)


def _int(value: Any) -> str | None:
    return None if value is None else str(int(value))


def _date(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else None


def _items(text: str) -> list[str]:
    return [item for item in text.split(",") if item]


def _span(value: Any) -> str | None:
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        return None
    first, last = (_date(v) for v in value)
    return f"{first}..{last}" if first and last else None


def _read_span(text: str) -> tuple[dt.date, dt.date]:
    first, sep, last = text.partition("..")
    if not sep:
        raise ValueError(f"not a span: {text!r}")
    return dt.date.fromisoformat(first), dt.date.fromisoformat(last)


TEXT = Codec(_text, str)
INT = Codec(_int, int)
DATE = Codec(_date, dt.date.fromisoformat)
LIST = Codec(lambda v: None if v is None else ",".join(map(str, v)), _items)  # [] stays: "none chosen"
IDS = Codec(lambda v: ",".join(map(str, v or [])) or None, _items)  # ids in order; none: left out
SPAN = Codec(_span, _read_span)  # two dates, "2023-01-01..2024-06-30"


def seed_value(
    text: str,
    codec: Codec,
    choices: Collection[Any] | None = None,
    check: Callable[[Any], bool] | None = None,
) -> tuple[Any, bool]:
    """The value a link's ``text`` gives, and whether it is acceptable: readable, among ``choices`` (for a
    list: every item) and passing ``check``. Pure, so the rules are tested without a browser."""
    try:
        value = codec.decode(text)
    except ValueError:
        return None, False
    return value, acceptable(value, choices, check)


def acceptable(
    value: Any, choices: Collection[Any] | None = None, check: Callable[[Any], bool] | None = None
) -> bool:
    """Whether ``value`` is among ``choices`` (for a list: every item) and passes ``check``."""
    items = value if isinstance(value, list) else [value]
    if choices is not None and any(item not in choices for item in items):
        return False
    return check is None or bool(check(value))


def query_string(params: Mapping[str, str]) -> str:
    """``params`` as a query string, ids left readable (``?page=search&entity=person:soren-brunak``)."""
    return urlencode(params, quote_via=quote, safe=SAFE)


def view_url(base: str, params: Mapping[str, str]) -> str:
    """The address of a view: the app's ``base`` address (its query and fragment dropped) and ``params``."""
    base = base.split("#", 1)[0].split("?", 1)[0]
    if not urlsplit(base).path:
        base += "/"
    return f"{base}?{query_string(params)}" if params else base


def history_navigation() -> bool:
    """Whether this run was started by the browser's Back or Forward button (Streamlit then reruns with
    the address the browser went back to, and says so in the run's context)."""
    return bool(getattr(get_script_run_ctx(), "is_history_navigation", False))


def _read(params: Mapping[str, str]) -> None:
    state = st.session_state
    state[START] = dict(params)
    state[READING] = True
    state[SEEDED] = set()
    state[REFUSED] = {}


def begin() -> None:
    """At the top of every run: read a link when there is one to read (the session's opening link, an
    address the browser went back or forward to, or the last view after a language switch), and start
    this run's bindings."""
    state = st.session_state
    last: dict[str, str] | None = state.get(LAST)
    lang = state.get("lang")
    if START not in state or history_navigation():
        _read(st.query_params.to_dict())
    elif last is not None and lang is not None and last.get("lang") not in (None, lang):
        _read({**last, "lang": lang})
        for key, value in state.get(KEPT, {}).items():  # the pickers no link names: as they were
            if value is not None:
                state[key] = value
    state[RUN] = {}
    state[KEEP] = set()


def reading() -> bool:
    """Whether this run reads a link (a control kept outside :func:`bind` is then set from it too)."""
    return bool(st.session_state.get(READING))


def bind(
    key: str,
    param: str,
    codec: Codec = TEXT,
    *,
    choices: Collection[Any] | None = None,
    check: Callable[[Any], bool] | None = None,
    resend: bool = True,
) -> None:
    """Tie ``st.session_state[key]`` to the URL parameter ``param`` for this run; call before the widget.

    While a link is read, its value is put in the key when :func:`seed_value` accepts it, else the page
    shows, in one line, that the link names something that no longer exists; a key the link has no value
    for goes back to its default (the widget's, or the page's when it is a plain key).

    Streamlit's browser side fetches a kind of widget's code the first time a page needs it, and a click
    can come before it has arrived: the widget is then first drawn from a later run than the one that set
    it, takes its *default*, and the next run reads that default as the reader's choice (a linked search
    came back empty, a page in English came back in Danish). So on every later run the key's value, while
    still acceptable, is set again, and the widget is drawn with it. With ``resend=False`` it is not: a
    widget the reader types into (text, numbers, dates), where it would overwrite what is being typed when
    a run ends, or one that starts again from its default when its bounds change; such a widget takes
    :func:`start` (or a default of its own that follows its value) as its default instead."""
    state = st.session_state
    state[RUN][param] = (key, codec)
    link: dict[str, str] = state[START]
    if state.get(READING) and key not in state[SEEDED]:
        state[SEEDED].add(key)
        if param not in link:
            state.pop(key, None)
            return
        value, ok = seed_value(link[param], codec, choices, check)
        if ok:
            state[key] = value
        else:
            state[REFUSED][key] = [link[param], False, None]
    elif resend and key in state:
        value = state[key]
        if value is None or acceptable(value, choices, check):  # None: nothing chosen
            state[key] = value
    refused = state[REFUSED].get(key)
    if refused is None:
        return
    if refused[1] and state.get(key) != refused[2]:
        del state[REFUSED][key]  # the reader has chosen something else
        return
    st.warning(t("links.gone", value=refused[0]), icon=":material/link_off:")


def start(key: str, fallback: Any) -> Any:
    """The default for a widget bound with ``resend=False``: the key's present value, so the widget shows it
    even when first drawn from a later run (see :func:`bind`); ``fallback`` while a link is read (the
    seeded value is then the widget's, and Streamlit flags a default given beside it) or before the key
    has a value."""
    state = st.session_state
    return fallback if reading() or key not in state else state[key]


def keep(key: str) -> None:
    """Keep the picker ``key`` (one no link names: a column choice, a correction's form) through a language
    switch; call before the widget. Its options must be ids or codes shown through ``format_func``: the
    value is kept as such and given back after the switch, which the widget would otherwise lose (it holds
    the *shown* word, which the other language does not offer)."""
    st.session_state.setdefault(KEEP, set()).add(key)


def share(param: str, text: str | None) -> None:
    """Write a value that no single key holds (already encoded; None leaves the parameter out)."""
    st.session_state[RUN][param] = text


def opening(param: str) -> str | None:
    """The value of ``param`` in the link being read, else None."""
    return st.session_state.get(START, {}).get(param) if reading() else None


def current() -> dict[str, str]:
    """The parameters of the view as drawn so far in this run (bound keys at their present values)."""
    params: dict[str, str] = {}
    for param, bound in st.session_state.get(RUN, {}).items():
        text = bound[1].encode(st.session_state.get(bound[0])) if isinstance(bound, tuple) else bound
        if text is not None:
            params[param] = text
    return params


def sync() -> None:
    """At the end of a run that drew a page: the URL becomes :func:`current`, in one change (one entry in
    the browser's history, so Back returns to the view before, not to half of it), and the link read has
    been used (later keys start at their defaults)."""
    params = current()
    if st.query_params.to_dict() != params:
        st.query_params.from_dict(params)
    state = st.session_state
    state[LAST] = params
    state[KEPT] = {key: state.get(key) for key in state.get(KEEP, ())}
    state[START] = {}
    state[READING] = False
    for key, refused in state.get(REFUSED, {}).items():
        if not refused[1]:  # what the widget showed instead: the message stays until the reader changes it
            refused[1:] = [True, state.get(key)]


def base_url() -> str:
    """The app's own address as the browser sees it (``st.context.url``; from the Host header if the
    browser did not say)."""
    url = getattr(st.context, "url", None)
    if url:
        return str(url)
    host = st.context.headers.get("Host", "localhost")
    return f"http://{host}/"


def copy_link() -> None:
    """The link to the view on screen, with a copy button, beside an answer or a graph."""
    st.caption(t("links.copy"))
    st.code(view_url(base_url(), current()), language=None, wrap_lines=True)
