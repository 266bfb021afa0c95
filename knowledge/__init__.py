"""Domain knowledge as data files: gazetteer, theme taxonomy, ontology, shapes, schema.

Staff edit these files, not code. Everything that reads them asks for a path here, so an installed
wheel finds them inside the package (importlib.resources) just as a checkout finds them in the folder.
"""

from importlib.resources import files
from pathlib import Path


def path(name: str) -> Path:
    """The path of a knowledge file shipped with pmkg, e.g. ``path("gazetteer.yaml")``."""
    return Path(str(files(__name__).joinpath(name)))
