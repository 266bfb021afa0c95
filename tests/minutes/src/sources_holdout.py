"""The text of the rendered minutes of the holdout set (see build.py)."""

from __future__ import annotations

from tests.minutes.src.render import Source

RENDERED: dict[str, Source] = {}
