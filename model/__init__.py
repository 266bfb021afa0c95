"""The one model of pmkg: what an extraction record holds and what the graph is made of.

``record`` holds the typed record classes (what ``pmkg extract`` prints, and what
``knowledge/record.schema.json`` is generated from); ``graph`` holds the property graph's node labels,
properties and relationship types with their RDF terms. Extraction (``ingest``), the store and the
RDF export (``graph``) and the app (``ui``) all read them here, so none imports another's internals.
"""
