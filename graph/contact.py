"""Contact details left out of an answer: what a reader without the ``contact`` permission is shown.

Which columns and rows of a question are contact details is said once, in its file's header
(``// contact: email, kind=contact``, read by ``graph.questionfiles``); which node and relationship
properties are, in the model (the ``contact`` codec, :data:`CONTACT_PROPERTIES`). Free text (a deadline's
wording, a quote) can hold an address too: such details in it are masked, with the pattern the RDF export
uses to leave such text out (``graph.rdfcodec.CONTACT_DETAIL``). The app applies this to every answer it
shows or lets a viewer download; the CLI, run by the machine's own user, does not.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any, Protocol

import pandas as pd

from pmkg.graph.questions import Answer
from pmkg.graph.rdfcodec import CONTACT_DETAIL
from pmkg.model.graph import CONTACT_PROPERTIES

__all__ = ["CONTACT_PROPERTIES", "masked", "shown_to", "without_contact", "without_contact_properties"]
CONTACT = "contact"  # the permission (ui.identity.ALLOWED) that shows contact details
MASK = "[…]"  # what stands for a contact detail in free text, as an omission in a quote
# Identifiers, never masked: a hexadecimal id may hold eight digits in a row, which look like a phone number.
IDENTIFIER_KEYS = frozenset({"id", "key", "source", "target", "doc", "from", "to"})


def is_identifier(key: object) -> bool:
    """Whether a column or property holds ids (``id``, ``document_id`` ...), which stay as they are."""
    return str(key) in IDENTIFIER_KEYS or str(key).endswith("_id")


def masked(value: Any) -> Any:
    """A value with the e-mail addresses and phone numbers in its text masked (lists item by item)."""
    if isinstance(value, str):
        return CONTACT_DETAIL.sub(MASK, value)
    if isinstance(value, list):
        return [masked(item) for item in value]
    return value


class Reader(Protocol):
    """Whoever is shown the answer (``ui.identity.User``): what their roles allow."""

    def can(self, action: str) -> bool: ...


def shown_to(reader: Reader, answer: Answer) -> Answer:
    """The answer as ``reader`` may see and download it: with contact details only if they may have them."""
    return answer if reader.can(CONTACT) else without_contact(answer)


def without_contact_properties(props: Mapping[str, Any]) -> dict[str, Any]:
    """A node's or relationship's properties without its contact details (``Person.emails`` ...), and
    with those in its text masked."""
    return {
        key: value if is_identifier(key) else masked(value)
        for key, value in props.items()
        if key not in CONTACT_PROPERTIES
    }


def without_contact(answer: Answer) -> Answer:
    """The answer without its question's contact columns and rows, nor contact properties in its graph."""
    question = answer.question
    frame = answer.frame
    for column, value in question.contact_rows:
        if column in frame.columns:
            frame = frame[frame[column] != value]
    frame = frame.drop(columns=[c for c in question.contact_columns if c in frame.columns])
    frame = pd.DataFrame({c: frame[c] if is_identifier(c) else frame[c].map(masked) for c in frame.columns})
    graph = answer.graph
    if graph is not None:
        graph = {part: [without_contact_properties(item) for item in items] for part, items in graph.items()}
    return replace(answer, frame=frame.reset_index(drop=True), graph=graph)
