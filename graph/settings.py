"""Where the graph lives and how to log in: the value every part of pmkg passes around to reach Neo4j.

Its own module so that both the managed server (``graph.server``, which makes the settings of the
server it runs) and the connection helpers (``graph.connection``, which use them) can name it without
importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

DEFAULT_DATABASE = "neo4j"


@dataclass(frozen=True)
class Settings:
    """Where the graph lives and how to log in. The password never appears in ``repr``."""

    uri: str
    username: str
    password: str = field(repr=False)
    database: str = DEFAULT_DATABASE
    source: Literal["managed", "environment"] = "managed"
