"""Domain knowledge as data files: gazetteer, theme taxonomy, ontology, shapes, schema.

Staff edit these files, not code. Everything that reads them asks for a path here.
"""

from pathlib import Path

HERE = Path(__file__).resolve().parent


def path(name: str) -> Path:
    """The path of a knowledge file shipped with pmkg, e.g. ``path("gazetteer.yaml")``."""
    return HERE / name
