// title: Hvad ved vi om et initiativ? | What do we know about an initiative?
// description: Alt grafen ved om ét initiativ: navne og identifikatorer, deltagende og finansierende organisationer, personer i dem med roller, møder hvis referat nævner initiativet, emner rejst på dem, tal og dokumenter; hver række med citat og referat. | Everything the graph knows about one initiative: names and identifiers, the organisations taking part and funding it, their people with roles, meetings whose minutes mention it, themes raised at them, figures and documents; each row with its quote and minutes.
// param initiative: initiative -- Initiativ | Initiative
// param as_of: date optional -- Pr. dato (kun referater til og med) | As of (minutes up to and including)
// param limit: int default=25 min=1 max=1000 -- Højst rækker pr. slags | At most rows per kind
// result: table
// The same columns and rules as organisation_profile: every row cites its newest statement (the first for
// names), `since` is the first; `as_of` keeps documents dated on or before it; each kind cut to `limit`.
MATCH (i:Initiative {id: $initiative})
CALL (i) {
  MATCH (doc:Document)-[r:MENTIONS WHERE r.rejected IS NULL]->(i) WHERE $as_of IS NULL OR doc.date <= $as_of
  WITH r, doc ORDER BY doc.date, doc.id
  WITH collect({r: r, doc: doc})[0] AS first,
       reduce(s = [], x IN collect(coalesce(r.aliases, [])) | s + [a IN x WHERE NOT a IN s]) AS aliases
  WHERE first IS NOT NULL  // nothing said of it by then: no names either
  UNWIND [['type', i.type], ['wikidata', i.wikidata]] + [a IN aliases WHERE a <> i.name | ['alias', a]] AS pair
  WITH first, pair WHERE pair[1] IS NOT NULL
  RETURN 0 AS rank, 'identity' AS kind, pair[0] AS name, pair[1] AS detail, first.doc.date AS since,
         first.doc.date AS date, first.r.quotes[0] AS quote, first.doc.name AS document, null AS id,
         first.doc.id AS document_id
  LIMIT $limit
  UNION
  MATCH (o:Organization)-[r:PARTICIPATES_IN WHERE r.rejected IS NULL]->(i)
  OPTIONAL MATCH (doc:Document {id: r.doc})
  WITH o, r, doc, coalesce(doc.date, r.valid_from) AS stated WHERE $as_of IS NULL OR stated <= $as_of
  WITH o, r, doc, stated ORDER BY stated DESC
  WITH o, collect({r: r, doc: doc, stated: stated})[0] AS last, min(stated) AS since
  ORDER BY last.stated DESC, o.name LIMIT $limit
  RETURN 1 AS rank, 'participant' AS kind, o.name AS name, o.type AS detail, since, last.stated AS date,
         coalesce(last.r.quotes[0], last.r.note) AS quote, coalesce(last.doc.name, last.r.curated_by) AS document,
         o.id AS id, coalesce(last.doc.id, last.r.curated) AS document_id
  UNION
  MATCH (o:Organization)-[r:FUNDS WHERE r.rejected IS NULL]->(i)
  MATCH (doc:Document {id: r.doc}) WHERE $as_of IS NULL OR doc.date <= $as_of
  WITH o, r, doc ORDER BY doc.date DESC LIMIT $limit
  RETURN 2 AS rank, 'funded by' AS kind, o.name AS name,
         reduce(s = '', y IN [v IN [r.amount, r.purpose, r.condition] WHERE v IS NOT NULL]
                | CASE WHEN s = '' THEN y ELSE s + '; ' + y END) AS detail,
         doc.date AS since, doc.date AS date, r.quotes[0] AS quote, doc.name AS document, o.id AS id,
         doc.id AS document_id
  UNION
  MATCH (o:Organization)-[rj1:PARTICIPATES_IN|FUNDS WHERE rj1.rejected IS NULL]->(i)
  WITH DISTINCT o
  MATCH (p:Person)-[r:HOLDS_ROLE|AFFILIATED_WITH WHERE r.rejected IS NULL]->(o)
  OPTIONAL MATCH (doc:Document {id: r.doc})
  WITH p, o, r, doc, coalesce(doc.date, r.valid_from) AS stated WHERE $as_of IS NULL OR stated <= $as_of
  WITH p, o, r, doc, stated ORDER BY stated DESC
  WITH p, o, collect(DISTINCT coalesce(r.role, 'affiliated')) AS roles,
       collect({r: r, doc: doc, stated: stated})[0] AS last, min(stated) AS since
  ORDER BY last.stated DESC, p.name LIMIT $limit
  RETURN 3 AS rank, 'person' AS kind, p.name AS name,
         reduce(s = '', x IN roles | CASE WHEN s = '' THEN x ELSE s + ', ' + x END) + ' · ' + o.name AS detail,
         since, last.stated AS date, coalesce(last.r.quotes[0], last.r.note) AS quote,
         coalesce(last.doc.name, last.r.curated_by) AS document, p.id AS id,
         coalesce(last.doc.id, last.r.curated) AS document_id
  UNION
  MATCH (doc:Document)-[r:MENTIONS WHERE r.rejected IS NULL]->(i) WHERE $as_of IS NULL OR doc.date <= $as_of
  MATCH (doc)-[rj2:RECORDS WHERE rj2.rejected IS NULL]->(m:Meeting)
  WITH m, r, doc ORDER BY m.date DESC LIMIT $limit
  RETURN 4 AS rank, 'meeting' AS kind, m.name AS name,
         coalesce(COLLECT { MATCH (m)-[rj3:HELD_BY WHERE rj3.rejected IS NULL]->(b:Organization) RETURN b.name LIMIT 1 }[0], m.body_name, '')
         + CASE WHEN m.date_inferred THEN ', year inferred' ELSE '' END AS detail,
         m.date AS since, m.date AS date, r.quotes[0] AS quote, doc.name AS document, m.id AS id,
         doc.id AS document_id
  UNION
  MATCH (doc:Document)-[rj4:MENTIONS WHERE rj4.rejected IS NULL]->(i) WHERE $as_of IS NULL OR doc.date <= $as_of
  MATCH (doc)-[rj5:RECORDS WHERE rj5.rejected IS NULL]->(m:Meeting)-[r:RAISED WHERE r.rejected IS NULL]->(t:Theme) WHERE r.doc = doc.id
  WITH t, r, m, doc ORDER BY m.date DESC
  WITH t, collect({r: r, doc: doc})[0] AS last, min(m.date) AS since, max(m.date) AS date,
       count(DISTINCT r.point_id) AS points
  ORDER BY points DESC, date DESC LIMIT $limit
  RETURN 5 AS rank, 'theme' AS kind, t.name AS name, toString(points) + ' point(s)' AS detail, since, date,
         last.r.quotes[0] AS quote, last.doc.name AS document, t.id AS id, last.doc.id AS document_id
  UNION
  MATCH (f:Figure)-[r:ABOUT WHERE r.rejected IS NULL]->(i)
  MATCH (doc:Document {id: r.doc}) WHERE $as_of IS NULL OR doc.date <= $as_of
  WITH f, r, doc ORDER BY coalesce(f.date, doc.date) DESC LIMIT $limit
  RETURN 6 AS rank, 'figure' AS kind, f.name AS name,
         CASE WHEN f.value = toInteger(f.value) THEN toString(toInteger(f.value)) ELSE toString(f.value) END
         + ' ' + f.unit AS detail,
         coalesce(f.date, doc.date) AS since, coalesce(f.date, doc.date) AS date, r.quotes[0] AS quote,
         doc.name AS document, f.id AS id, doc.id AS document_id
  UNION
  MATCH (doc:Document)-[r:MENTIONS WHERE r.rejected IS NULL]->(i) WHERE $as_of IS NULL OR doc.date <= $as_of
  WITH doc, r ORDER BY doc.date DESC LIMIT $limit
  RETURN 7 AS rank, 'document' AS kind, doc.name AS name, doc.source AS detail, doc.date AS since,
         doc.date AS date, r.quotes[0] AS quote, doc.name AS document, doc.id AS id, doc.id AS document_id
}
RETURN kind, name, detail, since, date, quote, document, id, document_id
ORDER BY rank, date DESC, name
LIMIT 1000
