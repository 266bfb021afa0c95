// title: Hvilke aftaler og samarbejder er der? | Which agreements and collaborations are there?
// description: Aftaler, MoU'er og samarbejder med parter og dato (udledt dato markeret), citat og referat. | Agreements, MoUs and collaborations with their parties and date (inferred dates marked), the quote and the minutes.
// param organization: organization optional -- Part | Party
// param limit: int default=100 min=1 max=5000 -- Højst rækker | At most rows
// result: table
CALL () {
  MATCH (:Organization {id: $organization})-[rj1:PARTY_TO WHERE rj1.rejected IS NULL]->(g:Agreement) RETURN g
  UNION
  MATCH (g:Agreement) WHERE $organization IS NULL RETURN g
}
WITH g ORDER BY g.date DESC, g.name LIMIT $limit
RETURN g.name AS agreement, g.kind AS kind,
       COLLECT { MATCH (o:Organization)-[rj2:PARTY_TO WHERE rj2.rejected IS NULL]->(g) RETURN DISTINCT o.name ORDER BY o.name } AS parties,
       g.date AS date, coalesce(g.date_inferred, false) AS date_inferred,
       COLLECT { MATCH (:Document)-[m:MENTIONS WHERE m.rejected IS NULL]->(g) RETURN m.quotes[0] LIMIT 1 }[0] AS quote,
       COLLECT { MATCH (d:Document)-[rj3:MENTIONS WHERE rj3.rejected IS NULL]->(g) RETURN DISTINCT d.name } AS documents, g.id AS agreement_id
ORDER BY date DESC, agreement
LIMIT $limit
