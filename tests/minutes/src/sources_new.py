"""The text of the rendered minutes of the new set (see build.py)."""

from __future__ import annotations

from tests.minutes.src.render import Source

RENDERED: dict[str, Source] = {}
