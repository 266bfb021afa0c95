"""Resolving people: who a document declares, and every reference to them (``resolve``).

Kept empty on purpose: the gazetteer imports ``people.names``, and a package that imported the parser
here would make importing the gazetteer first a cycle.
"""
