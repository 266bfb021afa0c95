"""The record classes, re-exported from their one home, :mod:`pmkg.model.record`.

Kept while extraction is rebuilt, so existing imports keep working; new code imports
``pmkg.model.record``.
"""

from pmkg.model.record import (
    ROLE_CODES,
    SCHEMA_VERSION,
    AgendaItem,
    Agreement,
    Attendance,
    Deadline,
    DocumentInfo,
    Fact,
    Funding,
    Initiative,
    Meeting,
    Membership,
    Mention,
    Organization,
    Participation,
    Person,
    Provenance,
    Record,
    Status,
    Theme,
    UnresolvedName,
)

__all__ = [
    "ROLE_CODES",
    "SCHEMA_VERSION",
    "AgendaItem",
    "Agreement",
    "Attendance",
    "Deadline",
    "DocumentInfo",
    "Fact",
    "Funding",
    "Initiative",
    "Meeting",
    "Membership",
    "Mention",
    "Organization",
    "Participation",
    "Person",
    "Provenance",
    "Record",
    "Status",
    "Theme",
    "UnresolvedName",
]
