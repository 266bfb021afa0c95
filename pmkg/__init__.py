"""pmkg: a knowledge graph of personalised medicine, built from meeting minutes."""

__version__ = "0.1.0"
