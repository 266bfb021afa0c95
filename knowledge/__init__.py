"""Domain knowledge as data files: gazetteer, theme taxonomy, words of minutes, ontology, shapes, schema.

Staff edit these files, not code. Everything that reads them asks for a path here, so an installed
wheel finds them inside the package (importlib.resources) just as a checkout finds them in the folder.
Every YAML file is read through :func:`load`, which checks it against its schema
(:mod:`pmkg.knowledge.schemas`) and names the file and line when staff break one.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any


def path(name: str) -> Path:
    """The path of a knowledge file shipped with pmkg, e.g. ``path("gazetteer.yaml")``."""
    return Path(str(files(__name__).joinpath(name)))


@cache
def load(name: str) -> Any:
    """The data of the YAML knowledge file ``name`` (``"content.yaml"``), checked against its schema,
    read once per process; a :class:`~pmkg.knowledge.loader.KnowledgeError` (one line: file, line, what
    is wrong) when it is broken. The data are plain dicts and lists: treat them as read-only."""
    return load_file(path(name), name)


def load_file(location: Path, name: str | None = None) -> Any:
    """The same for a file anywhere (a copy staff are editing); ``name`` picks the schema and defaults
    to the file's own name. Not cached."""
    from pmkg.knowledge.loader import read
    from pmkg.knowledge.schemas import HINTS, SCHEMAS

    name = name or location.name
    return read(location, name, SCHEMAS.get(name), HINTS)  # type: ignore[arg-type]
