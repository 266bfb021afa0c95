"""The graph's version: what changes whenever a document is stored or removed and whenever a correction
is made or undone (in any session, or by the CLI).

It keys everything kept of the graph: the app's answers (``ui.state.forget_stale``) and the analytics'
network and measures (``graph.analytics``, ``graph.netstore``). The count and the newest store time are
enough: every store stamps the document with the time of storing, to the microsecond (to the second,
two versions stored within one second looked the same), so an addition or a new version moves ``latest``
and a removal lowers the count; both are read from Neo4j's count store and the ``ingested_at`` index, in
constant time, where reading every document's id on each page run (as the app once did) grew with the
archive.
"""

from __future__ import annotations

from typing import Any

import neo4j

from pmkg.graph.connection import read_tx

VERSION = """
CALL () { MATCH (d:Document) RETURN count(d) AS documents }
CALL () {
  MATCH (c:Correction) RETURN count(c) AS corrections, max(c.at) AS corrected, max(c.undone_at) AS undone
}
RETURN documents, corrections, corrected, undone, COLLECT {
  MATCH (d:Document) WHERE d.ingested_at IS NOT NULL
  RETURN d.ingested_at ORDER BY d.ingested_at DESC LIMIT 1
}[0] AS latest
"""


def version_in(tx: neo4j.ManagedTransaction) -> tuple[Any, ...]:
    """The graph's version as this transaction sees it."""
    row = tx.run(VERSION).single(strict=True)
    return (row["documents"], str(row["latest"]), row["corrections"], row["corrected"], row["undone"])


def graph_version(driver: neo4j.Driver) -> tuple[Any, ...]:
    """The graph's version now (see the module docstring)."""
    return read_tx(driver, version_in)
