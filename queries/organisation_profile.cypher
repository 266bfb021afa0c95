// title: Hvad er en organisation involveret i? | What is an organisation involved in?
// description: Alt grafen ved om én organisation: navne og identifikatorer, personer med roller og tilknytninger, møder den holdt, initiativer, aftaler, samarbejder, finansiering, emner rejst på dens møder, tal, frister og dokumenter; hver række med citat og referat. | Everything the graph knows about one organisation: names and identifiers, people with their roles and affiliations, the meetings it held, initiatives, agreements, collaborations, funding, themes raised at its meetings, figures, deadlines and documents; each row with its quote and minutes.
// param organization: organization -- Organisation | Organisation
// param as_of: date optional -- Pr. dato (kun referater til og med) | As of (minutes up to and including)
// param limit: int default=25 min=1 max=1000 -- Højst rækker pr. slags | At most rows per kind
// result: table
// Every row cites one source: `quote`, `document` and `document_date` are the newest statement of it (the
// first for names and identifiers), and `since` is the date of the first. With `as_of`, only documents
// dated on or before it count (graph/briefing.py reads the same rows for the briefing note). A fact staff
// curated (graph/curated.py: no document) counts from its `valid_from`, cites its source note as the quote,
// its author as the document and its correction's id as document_id. Each kind is cut to `limit` rows (the
// newest first) inside its branch, so a hub costs no more than a page.
MATCH (o:Organization {id: $organization})
CALL (o) {
  MATCH (doc:Document)-[r:MENTIONS WHERE r.rejected IS NULL]->(o) WHERE $as_of IS NULL OR doc.date <= $as_of
  WITH r, doc ORDER BY doc.date, doc.id
  WITH collect({r: r, doc: doc})[0] AS first,
       reduce(s = [], x IN collect(coalesce(r.aliases, [])) | s + [a IN x WHERE NOT a IN s]) AS aliases
  WHERE first IS NOT NULL  // nothing said of it by then: no names either
  UNWIND [['type', o.type], ['country', o.country], ['wikidata', o.wikidata], ['ror', o.ror]]
         + [a IN aliases WHERE a <> o.name | ['alias', a]] AS pair
  WITH first, pair WHERE pair[1] IS NOT NULL
  RETURN 0 AS rank, 'identity' AS kind, pair[0] AS name, pair[1] AS detail, first.doc.date AS since,
         first.doc.date AS date, first.r.quotes[0] AS quote, first.doc.name AS document, null AS id,
         first.doc.id AS document_id
  LIMIT $limit
  UNION
  MATCH (p:Person)-[r:HOLDS_ROLE WHERE r.rejected IS NULL]->(o)
  OPTIONAL MATCH (doc:Document {id: r.doc})
  WITH p, r, doc, coalesce(doc.date, r.valid_from) AS stated WHERE $as_of IS NULL OR stated <= $as_of
  WITH p, r.role AS role, r, doc, stated ORDER BY stated DESC
  WITH p, role, collect({r: r, doc: doc, stated: stated})[0] AS last, min(stated) AS since
  ORDER BY last.stated DESC, p.name LIMIT $limit
  RETURN 1 AS rank, 'role' AS kind, p.name AS name, role AS detail, since, last.stated AS date,
         coalesce(last.r.quotes[0], last.r.note) AS quote, coalesce(last.doc.name, last.r.curated_by) AS document,
         p.id AS id, coalesce(last.doc.id, last.r.curated) AS document_id
  UNION
  MATCH (p:Person)-[r:AFFILIATED_WITH WHERE r.rejected IS NULL]->(o)
  OPTIONAL MATCH (doc:Document {id: r.doc})
  WITH p, r, doc, coalesce(doc.date, r.valid_from) AS stated WHERE $as_of IS NULL OR stated <= $as_of
  WITH p, r, doc, stated ORDER BY stated DESC
  WITH p, collect({r: r, doc: doc, stated: stated})[0] AS last, min(stated) AS since
  ORDER BY last.stated DESC, p.name LIMIT $limit
  RETURN 2 AS rank, 'affiliate' AS kind, p.name AS name,
         reduce(s = '', x IN coalesce(p.titles, []) | CASE WHEN s = '' THEN x ELSE s + ', ' + x END) AS detail,
         since, last.stated AS date, coalesce(last.r.quotes[0], last.r.note) AS quote,
         coalesce(last.doc.name, last.r.curated_by) AS document, p.id AS id,
         coalesce(last.doc.id, last.r.curated) AS document_id
  UNION
  MATCH (o)<-[r:HELD_BY WHERE r.rejected IS NULL]-(m:Meeting) WHERE $as_of IS NULL OR m.date <= $as_of
  WITH m, r ORDER BY m.date DESC LIMIT $limit
  MATCH (doc:Document {id: r.doc})
  RETURN 3 AS rank, 'meeting' AS kind, m.name AS name,
         toString(COUNT { (:Person)-[rj1:ATTENDED {status: 'present'} WHERE rj1.rejected IS NULL]->(m) }) + ' present'
         + CASE WHEN m.date_inferred THEN ', year inferred' ELSE '' END AS detail,
         m.date AS since, m.date AS date, r.quotes[0] AS quote, doc.name AS document, m.id AS id,
         doc.id AS document_id
  UNION
  MATCH (o)-[r:PARTICIPATES_IN WHERE r.rejected IS NULL]->(i:Initiative)
  OPTIONAL MATCH (doc:Document {id: r.doc})
  WITH i, r, doc, coalesce(doc.date, r.valid_from) AS stated WHERE $as_of IS NULL OR stated <= $as_of
  WITH i, r, doc, stated ORDER BY stated DESC
  WITH i, collect({r: r, doc: doc, stated: stated})[0] AS last, min(stated) AS since
  ORDER BY last.stated DESC, i.name LIMIT $limit
  RETURN 4 AS rank, 'initiative' AS kind, i.name AS name, i.type AS detail, since, last.stated AS date,
         coalesce(last.r.quotes[0], last.r.note) AS quote, coalesce(last.doc.name, last.r.curated_by) AS document,
         i.id AS id, coalesce(last.doc.id, last.r.curated) AS document_id
  UNION
  MATCH (o)-[r:PARTY_TO WHERE r.rejected IS NULL]->(g:Agreement)
  MATCH (doc:Document {id: r.doc}) WHERE $as_of IS NULL OR doc.date <= $as_of
  WITH g, r, doc ORDER BY doc.date DESC
  WITH g, collect({r: r, doc: doc})[0] AS last, min(doc.date) AS since
  ORDER BY last.doc.date DESC, g.name LIMIT $limit
  RETURN 5 AS rank, 'agreement' AS kind, g.name AS name,
         reduce(s = g.kind, x IN COLLECT { MATCH (g)<-[rj2:PARTY_TO WHERE rj2.rejected IS NULL]-(q:Organization) WHERE q <> o
                                           RETURN DISTINCT q.name ORDER BY q.name } | s + ', ' + x) AS detail,
         coalesce(g.date, since) AS since, coalesce(g.date, last.doc.date) AS date, last.r.quotes[0] AS quote,
         last.doc.name AS document,
         g.id AS id, last.doc.id AS document_id
  UNION
  MATCH (o)-[r:COLLABORATES_WITH WHERE r.rejected IS NULL]-(q:Organization)
  MATCH (doc:Document {id: r.doc}) WHERE $as_of IS NULL OR doc.date <= $as_of
  WITH q, r, doc ORDER BY doc.date DESC
  WITH q, collect({r: r, doc: doc})[0] AS last, min(doc.date) AS since
  ORDER BY last.doc.date DESC, q.name LIMIT $limit
  RETURN 6 AS rank, 'collaborator' AS kind, q.name AS name, q.type AS detail, since, last.doc.date AS date,
         last.r.quotes[0] AS quote, last.doc.name AS document, q.id AS id, last.doc.id AS document_id
  UNION
  MATCH (o)-[r:FUNDS WHERE r.rejected IS NULL]-(x)
  MATCH (doc:Document {id: r.doc}) WHERE $as_of IS NULL OR doc.date <= $as_of
  WITH x, r, doc ORDER BY doc.date DESC LIMIT $limit
  RETURN 7 AS rank, CASE WHEN startNode(r) = o THEN 'funds' ELSE 'funded by' END AS kind, x.name AS name,
         reduce(s = '', y IN [v IN [r.amount, r.purpose, r.condition] WHERE v IS NOT NULL]
                | CASE WHEN s = '' THEN y ELSE s + '; ' + y END) AS detail,
         doc.date AS since, doc.date AS date, r.quotes[0] AS quote, doc.name AS document, x.id AS id,
         doc.id AS document_id
  UNION
  MATCH (o)<-[rj3:HELD_BY WHERE rj3.rejected IS NULL]-(m:Meeting)-[r:RAISED WHERE r.rejected IS NULL]->(t:Theme) WHERE $as_of IS NULL OR m.date <= $as_of
  WITH t, r, m ORDER BY m.date DESC
  WITH t, collect(r)[0] AS last, max(m.date) AS date, min(m.date) AS since, count(DISTINCT r.point_id) AS points
  ORDER BY points DESC, date DESC LIMIT $limit
  MATCH (doc:Document {id: last.doc})
  RETURN 8 AS rank, 'theme' AS kind, t.name AS name, toString(points) + ' point(s)' AS detail, since, date,
         last.quotes[0] AS quote, doc.name AS document, t.id AS id, doc.id AS document_id
  UNION
  MATCH (f:Figure)-[r:ABOUT WHERE r.rejected IS NULL]->(o)
  MATCH (doc:Document {id: r.doc}) WHERE $as_of IS NULL OR doc.date <= $as_of
  WITH f, r, doc ORDER BY coalesce(f.date, doc.date) DESC LIMIT $limit
  RETURN 9 AS rank, 'figure' AS kind, f.name AS name, CASE WHEN f.value = toInteger(f.value) THEN toString(toInteger(f.value)) ELSE toString(f.value) END
         + ' ' + f.unit AS detail,
         coalesce(f.date, doc.date) AS since, coalesce(f.date, doc.date) AS date, r.quotes[0] AS quote,
         doc.name AS document, f.id AS id, doc.id AS document_id
  UNION
  MATCH (o)<-[rj4:HELD_BY WHERE rj4.rejected IS NULL]-(m:Meeting)-[r:SET WHERE r.rejected IS NULL]->(d:Deadline) WHERE $as_of IS NULL OR m.date <= $as_of
  WITH d, r ORDER BY d.date DESC LIMIT $limit
  MATCH (doc:Document {id: r.doc})
  RETURN 10 AS rank, 'deadline' AS kind, d.name AS name,
         d.kind + CASE WHEN d.date_inferred THEN ', year inferred' ELSE '' END AS detail,
         d.date AS since, d.date AS date, r.quotes[0] AS quote, doc.name AS document, d.id AS id,
         doc.id AS document_id
  UNION
  MATCH (doc:Document)-[r:MENTIONS WHERE r.rejected IS NULL]->(o) WHERE $as_of IS NULL OR doc.date <= $as_of
  WITH doc, r ORDER BY doc.date DESC LIMIT $limit
  RETURN 11 AS rank, 'document' AS kind, doc.name AS name, doc.source AS detail, doc.date AS since,
         doc.date AS date, r.quotes[0] AS quote, doc.name AS document, doc.id AS id, doc.id AS document_id
}
RETURN kind, name, detail, since, date, quote, document, id, document_id
ORDER BY rank, date DESC, name
LIMIT 1000
