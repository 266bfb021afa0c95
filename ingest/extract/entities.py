"""The organisations, countries and initiatives of one document, and every place each is named.

The entity rules fill one :class:`Entities`; a place where a name stands is taken, so a later rule
never reads a shorter name inside it ("Norsk forening" inside "Norsk forening for medisinsk genetikk").
A country inside a longer name gives way to it ("Royal College of Physicians of Ireland").
"""

from __future__ import annotations

from dataclasses import dataclass

from pmkg.model.record import Initiative, Organization, Provenance
from pmkg.text import fold

Span = tuple[int, int]


@dataclass(frozen=True)
class Hit:
    """One mention of an organisation, country or initiative."""

    entity: str
    kind: str  # organization | country | initiative
    start: int
    end: int


def hit_start(hit: Hit) -> int:
    return hit.start


class Entities:
    """The records found so far, their kinds and mentions (``hits``), and which offsets are taken."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = fold(text)  # one character for one: offsets hold
        self.records: dict[str, Organization | Initiative] = {}
        self.kinds: dict[str, str] = {}
        self.hits: list[Hit] = []
        self._occupied = bytearray(len(text))  # 1 where a mention stands, 2 where a country does

    def add(self, record: Organization | Initiative, kind: str, span: Span, rule: str) -> None:
        """A mention of ``record`` at ``span``, found by the rule named ``rule``."""
        start, end = span
        if 2 in self._occupied[start:end]:
            self._drop_countries(start, end)  # "Royal College of Physicians of Ireland" names no country
        known = self.records.setdefault(record.id, record)
        self.kinds[record.id] = kind
        known.provenance.append(Provenance(self.text[start:end], start, end, rule))
        self.hits.append(Hit(record.id, kind, start, end))
        self._occupied[start:end] = (b"\x02" if kind == "country" else b"\x01") * (end - start)

    def refer(self, entity: str, span: Span) -> None:
        """A word standing for a known organisation ("Foreningen", "we"): a hit for the relations,
        no mention of it."""
        self.hits.append(Hit(entity, "organization", *span))

    def taken(self, start: int, end: int, *, by_country: bool = True) -> bool:
        """Whether something is named there; with ``by_country=False`` a longer name may cover a country."""
        occupied = self._occupied[start:end]
        return 1 in occupied or (by_country and 2 in occupied)

    def _drop_countries(self, start: int, end: int) -> None:
        inside = [h for h in self.hits if h.kind == "country" and start <= h.start and h.end <= end]
        for hit in inside:
            self.hits.remove(hit)
            record = self.records[hit.entity]
            record.provenance = [p for p in record.provenance if (p.start, p.end) != (hit.start, hit.end)]
            if not record.provenance:
                del self.records[hit.entity], self.kinds[hit.entity]
