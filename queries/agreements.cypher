// title: Hvilke aftaler og samarbejder er der? | Which agreements and collaborations are there?
// description: Aftaler, MoU'er og samarbejder med parter og dato (udledt dato markeret), citat og referat. | Agreements, MoUs and collaborations with their parties and date (inferred dates marked), the quote and the minutes.
// param organization: organization optional -- Part | Party
// result: table
MATCH (g:Agreement)
WHERE $organization IS NULL OR EXISTS { (:Organization {id: $organization})-[:PARTY_TO]->(g) }
OPTIONAL MATCH (d:Document)-[m:MENTIONS]->(g)
WITH g, collect(m.quotes[0])[0] AS quote, collect(DISTINCT d.name) AS documents
RETURN g.name AS agreement, g.kind AS kind,
       COLLECT { MATCH (o:Organization)-[:PARTY_TO]->(g) RETURN DISTINCT o.name ORDER BY o.name } AS parties,
       g.date AS date, coalesce(g.date_inferred, false) AS date_inferred, quote, documents, g.id AS agreement_id
ORDER BY date DESC, agreement
LIMIT 1000
