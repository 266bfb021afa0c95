"""What applying one correction did, and the node lookup every kind of correction starts from.

Kept apart from ``graph.curation`` so that the modules for each group of kinds (``graph.retype``,
``graph.curated``) and the dispatcher in ``graph.curation`` can share them without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import neo4j

from pmkg.graph.schema import labelled

_NODES_OF = "MATCH (n:{label}) WHERE n.id IN $ids RETURN n.id AS id, properties(n) AS props"


@dataclass
class Outcome:
    """What applying one correction did: ``orphaned`` when its targets are missing; ``changes`` says
    what changed, one line each (empty when the graph already showed it)."""

    correction: str
    orphaned: bool = False
    changes: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def nodes_of(tx: neo4j.ManagedTransaction, label: str, ids: list[str]) -> dict[str, dict[str, Any]]:
    """The properties of each of these ids that is a node of ``label``, by id."""
    return {row["id"]: row["props"] for row in tx.run(labelled(_NODES_OF, label=label), ids=ids)}
