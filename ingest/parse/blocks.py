"""The state of an attendance block as the walk reads it: its status, role and heading."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class AttendanceBlock:
    status: str
    role: str | None
    group: str | None  # None for a table standing under no heading
    nested: bool  # the heading stood alone, so group headings under it keep its status
    grouped: bool = False  # opened by a group heading ("Observatører:"), not a status heading
    listed: bool = False  # a status heading with names right under it ("Forfall:" / "Hilde Aarsland")
