"""Contact details left out of an answer: what a reader without the ``contact`` permission is shown.

Which columns and rows of a question are contact details is said once, in its file's header
(``// contact: email, kind=contact``, read by ``graph.questionfiles``); which node and relationship
properties are, in the model (the ``contact`` codec, :data:`CONTACT_PROPERTIES`). The app applies this to
every answer it shows or lets a viewer download; the CLI, run by the machine's own user, does not.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any, Protocol

from pmkg.graph.questions import Answer
from pmkg.model.graph import CONTACT_PROPERTIES

__all__ = ["CONTACT_PROPERTIES", "shown_to", "without_contact", "without_contact_properties"]
CONTACT = "contact"  # the permission (ui.identity.ALLOWED) that shows contact details


class Reader(Protocol):
    """Whoever is shown the answer (``ui.identity.User``): what their roles allow."""

    def can(self, action: str) -> bool: ...


def shown_to(reader: Reader, answer: Answer) -> Answer:
    """The answer as ``reader`` may see and download it: with contact details only if they may have them."""
    return answer if reader.can(CONTACT) else without_contact(answer)


def without_contact_properties(props: Mapping[str, Any]) -> dict[str, Any]:
    """A node's or relationship's properties without its contact details (``Person.emails`` ...)."""
    return {key: value for key, value in props.items() if key not in CONTACT_PROPERTIES}


def without_contact(answer: Answer) -> Answer:
    """The answer without its question's contact columns and rows, nor contact properties in its graph."""
    question = answer.question
    frame = answer.frame
    for column, value in question.contact_rows:
        if column in frame.columns:
            frame = frame[frame[column] != value]
    frame = frame.drop(columns=[c for c in question.contact_columns if c in frame.columns])
    graph = answer.graph
    if graph is not None:
        graph = {part: [without_contact_properties(item) for item in items] for part, items in graph.items()}
    return replace(answer, frame=frame.reset_index(drop=True), graph=graph)
