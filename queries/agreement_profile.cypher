// title: Hvad ved vi om en aftale? | What do we know about an agreement?
// description: Alt grafen ved om én aftale eller ét samarbejde: art og dato (udledt dato markeret), parterne, personer hos parterne med roller, initiativer parterne deltager i, møder hvis referat nævner aftalen, og dokumenter; hver række med citat og referat. | Everything the graph knows about one agreement or collaboration: its kind and date (inferred dates marked), the parties, their people with roles, initiatives the parties take part in, meetings whose minutes mention it, and documents; each row with its quote and minutes.
// param agreement: agreement -- Aftale | Agreement
// param as_of: date optional -- Pr. dato (kun referater til og med) | As of (minutes up to and including)
// param limit: int default=25 min=1 max=1000 -- Højst rækker pr. slags | At most rows per kind
// result: table
// The same columns and rules as organisation_profile (every row cites its newest statement; `as_of` keeps
// documents dated on or before it; each kind cut to `limit`).
MATCH (g:Agreement {id: $agreement})
CALL (g) {
  MATCH (doc:Document)-[r:MENTIONS WHERE r.rejected IS NULL]->(g) WHERE $as_of IS NULL OR doc.date <= $as_of
  WITH r, doc ORDER BY doc.date, doc.id LIMIT 1
  UNWIND [['kind', g.kind], ['date', g.date + CASE WHEN g.date_inferred THEN ' (year inferred)' ELSE '' END]]
         AS pair
  WITH r, doc, pair WHERE pair[1] IS NOT NULL
  RETURN 0 AS rank, 'identity' AS kind, pair[0] AS name, pair[1] AS detail, doc.date AS since,
         doc.date AS date, r.quotes[0] AS quote, doc.name AS document, null AS id, doc.id AS document_id
  UNION
  MATCH (o:Organization)-[r:PARTY_TO WHERE r.rejected IS NULL]->(g)
  MATCH (doc:Document {id: r.doc}) WHERE $as_of IS NULL OR doc.date <= $as_of
  WITH o, r, doc ORDER BY doc.date DESC
  WITH o, collect({r: r, doc: doc})[0] AS last, min(doc.date) AS since
  ORDER BY last.doc.date DESC, o.name LIMIT $limit
  RETURN 1 AS rank, 'party' AS kind, o.name AS name, o.type AS detail, since, last.doc.date AS date,
         last.r.quotes[0] AS quote, last.doc.name AS document, o.id AS id, last.doc.id AS document_id
  UNION
  MATCH (o:Organization)-[rj1:PARTY_TO WHERE rj1.rejected IS NULL]->(g)
  WITH DISTINCT o
  MATCH (p:Person)-[r:HOLDS_ROLE|AFFILIATED_WITH WHERE r.rejected IS NULL]->(o)
  OPTIONAL MATCH (doc:Document {id: r.doc})
  WITH p, o, r, doc, coalesce(doc.date, r.valid_from) AS stated WHERE $as_of IS NULL OR stated <= $as_of
  WITH p, o, r, doc, stated ORDER BY stated DESC
  WITH p, o, collect(DISTINCT coalesce(r.role, 'affiliated')) AS roles,
       collect({r: r, doc: doc, stated: stated})[0] AS last, min(stated) AS since
  ORDER BY last.stated DESC, p.name LIMIT $limit
  RETURN 2 AS rank, 'person' AS kind, p.name AS name,
         reduce(s = '', x IN roles | CASE WHEN s = '' THEN x ELSE s + ', ' + x END) + ' · ' + o.name AS detail,
         since, last.stated AS date, coalesce(last.r.quotes[0], last.r.note) AS quote,
         coalesce(last.doc.name, last.r.curated_by) AS document, p.id AS id,
         coalesce(last.doc.id, last.r.curated) AS document_id
  UNION
  MATCH (o:Organization)-[rj2:PARTY_TO WHERE rj2.rejected IS NULL]->(g)
  WITH DISTINCT o
  MATCH (o)-[r:PARTICIPATES_IN WHERE r.rejected IS NULL]->(i:Initiative)
  OPTIONAL MATCH (doc:Document {id: r.doc})
  WITH i, o, r, doc, coalesce(doc.date, r.valid_from) AS stated WHERE $as_of IS NULL OR stated <= $as_of
  WITH i, o, r, doc, stated ORDER BY stated DESC
  WITH i, collect(DISTINCT o.name) AS parties, collect({r: r, doc: doc, stated: stated})[0] AS last,
       min(stated) AS since
  ORDER BY last.stated DESC, i.name LIMIT $limit
  RETURN 3 AS rank, 'initiative' AS kind, i.name AS name,
         reduce(s = '', x IN parties | CASE WHEN s = '' THEN x ELSE s + ', ' + x END) AS detail,
         since, last.stated AS date, coalesce(last.r.quotes[0], last.r.note) AS quote,
         coalesce(last.doc.name, last.r.curated_by) AS document, i.id AS id,
         coalesce(last.doc.id, last.r.curated) AS document_id
  UNION
  MATCH (doc:Document)-[r:MENTIONS WHERE r.rejected IS NULL]->(g) WHERE $as_of IS NULL OR doc.date <= $as_of
  MATCH (doc)-[rj3:RECORDS WHERE rj3.rejected IS NULL]->(m:Meeting)
  WITH m, r, doc ORDER BY m.date DESC LIMIT $limit
  RETURN 4 AS rank, 'meeting' AS kind, m.name AS name,
         coalesce(COLLECT { MATCH (m)-[rj4:HELD_BY WHERE rj4.rejected IS NULL]->(b:Organization) RETURN b.name LIMIT 1 }[0], m.body_name, '')
         + CASE WHEN m.date_inferred THEN ', year inferred' ELSE '' END AS detail,
         m.date AS since, m.date AS date, r.quotes[0] AS quote, doc.name AS document, m.id AS id,
         doc.id AS document_id
  UNION
  MATCH (doc:Document)-[r:MENTIONS WHERE r.rejected IS NULL]->(g) WHERE $as_of IS NULL OR doc.date <= $as_of
  WITH doc, r ORDER BY doc.date DESC LIMIT $limit
  RETURN 5 AS rank, 'document' AS kind, doc.name AS name, doc.source AS detail, doc.date AS since,
         doc.date AS date, r.quotes[0] AS quote, doc.name AS document, doc.id AS id, doc.id AS document_id
}
RETURN kind, name, detail, since, date, quote, document, id, document_id
ORDER BY rank, date DESC, name
LIMIT 1000
