// title: Hvad er en person involveret i? | What is a person involved in?
// description: Alt grafen ved om én person: navne og titler, organer og møder med roller, tilknytninger, initiativer og aftaler gennem organisationerne, emner personen fremlagde, frister personen er kontakt for, og dokumenter der nævner personen; hver række med citat og referat. | Everything the graph knows about one person: names and titles, bodies and meetings with roles, affiliations, initiatives and agreements through their organisations, themes they presented, deadlines they are the contact for, and documents that mention them; each row with its quote and minutes.
// param person: person -- Person | Person
// param as_of: date optional -- Pr. dato (kun referater til og med) | As of (minutes up to and including)
// param limit: int default=25 min=1 max=1000 -- Højst rækker pr. slags | At most rows per kind
// result: table
// contact: kind=contact
// Each kind is cut to `limit` rows (the newest first) inside its branch, so a person who sat in hundreds
// of meetings, or an organisation party to thousands of agreements, costs no more than a page. The
// columns and rules are those of every *_profile question: each row cites its newest statement (`quote`,
// `document`, `document_id`; the first for names), `since` is its first date, and `as_of` keeps only the
// documents dated on or before it, and the facts staff curated whose `valid_from` is on or before it.
MATCH (p:Person {id: $person})
CALL (p) {
  MATCH (doc:Document)-[r:MENTIONS WHERE r.rejected IS NULL]->(p) WHERE $as_of IS NULL OR doc.date <= $as_of
  WITH r, doc ORDER BY doc.date, doc.id
  WITH collect({r: r, doc: doc})[0] AS first,
       reduce(s = [], x IN collect(coalesce(r.aliases, [])) | s + [a IN x WHERE NOT a IN s]) AS aliases,
       reduce(s = [], x IN collect(coalesce(r.titles, [])) | s + [a IN x WHERE NOT a IN s]) AS titles
  WHERE first IS NOT NULL  // nothing said of it by then: no names either
  UNWIND [a IN aliases WHERE a <> p.name | ['alias', a]] + [x IN titles | ['title', x]] AS pair
  RETURN 0 AS rank, 'identity' AS kind, pair[0] AS name, pair[1] AS detail, first.doc.date AS since,
         first.doc.date AS date, first.r.quotes[0] AS quote, first.doc.name AS document, null AS id,
         first.doc.id AS document_id
  LIMIT $limit
  UNION
  MATCH (p)-[r:AFFILIATED_WITH WHERE r.rejected IS NULL]->(o:Organization)
  OPTIONAL MATCH (doc:Document {id: r.doc})
  WITH o, r, doc, coalesce(doc.date, r.valid_from) AS stated WHERE $as_of IS NULL OR stated <= $as_of
  WITH o, r, doc, stated ORDER BY stated DESC
  WITH o, collect({r: r, doc: doc, stated: stated})[0] AS last, min(stated) AS since
  ORDER BY last.stated DESC, o.name LIMIT $limit
  RETURN 1 AS rank, 'affiliation' AS kind, o.name AS name, o.type AS detail, since, last.stated AS date,
         coalesce(last.r.quotes[0], last.r.note) AS quote, coalesce(last.doc.name, last.r.curated_by) AS document,
         o.id AS id, coalesce(last.doc.id, last.r.curated) AS document_id
  UNION
  MATCH (p)-[r:HOLDS_ROLE WHERE r.rejected IS NULL]->(o:Organization)
  OPTIONAL MATCH (doc:Document {id: r.doc})
  WITH o, r, doc, coalesce(doc.date, r.valid_from) AS stated WHERE $as_of IS NULL OR stated <= $as_of
  WITH o, r.role AS role, r, doc, stated ORDER BY stated DESC
  WITH o, role, collect({r: r, doc: doc, stated: stated})[0] AS last, min(stated) AS since
  ORDER BY last.stated DESC, o.name LIMIT $limit
  RETURN 2 AS rank, 'role' AS kind, o.name AS name, role AS detail, since, last.stated AS date,
         coalesce(last.r.quotes[0], last.r.note) AS quote, coalesce(last.doc.name, last.r.curated_by) AS document,
         o.id AS id, coalesce(last.doc.id, last.r.curated) AS document_id
  UNION
  MATCH (p)-[a:ATTENDED WHERE a.rejected IS NULL]->(m:Meeting)-[rj1:HELD_BY WHERE rj1.rejected IS NULL]->(b:Organization) WHERE $as_of IS NULL OR m.date <= $as_of
  WITH b, a, m ORDER BY m.date DESC
  UNWIND CASE WHEN size(coalesce(a.roles, [])) = 0 THEN [null] ELSE a.roles END AS role
  WITH b, collect(DISTINCT role) AS roles, collect(a)[0] AS last, max(m.date) AS date, min(m.date) AS since
  ORDER BY date DESC LIMIT $limit
  OPTIONAL MATCH (doc:Document {id: last.doc})  // none for an attendance staff fixed: its note is the quote
  RETURN 3 AS rank, 'body' AS kind, b.name AS name,
         reduce(s = '', role IN roles | CASE WHEN s = '' THEN role ELSE s + ', ' + role END) AS detail,
         since, date, coalesce(last.quotes[0], last.note) AS quote, doc.name AS document, b.id AS id,
         doc.id AS document_id
  UNION
  MATCH (p)-[a:ATTENDED WHERE a.rejected IS NULL]->(m:Meeting) WHERE $as_of IS NULL OR m.date <= $as_of
  WITH a, m ORDER BY m.date DESC LIMIT $limit
  OPTIONAL MATCH (doc:Document {id: a.doc})
  RETURN 4 AS rank, 'meeting' AS kind, m.name AS name,
         reduce(s = a.status, x IN coalesce(a.roles, []) | s + ', ' + x)
         + CASE WHEN m.date_inferred THEN ', year inferred' ELSE '' END AS detail,
         m.date AS since, m.date AS date, coalesce(a.quotes[0], a.note) AS quote, doc.name AS document, m.id AS id,
         doc.id AS document_id
  UNION
  MATCH (p)-[r:PRESENTED WHERE r.rejected IS NULL]->(m:Meeting) WHERE $as_of IS NULL OR m.date <= $as_of
  WITH r, m ORDER BY m.date DESC LIMIT $limit
  MATCH (doc:Document {id: r.doc})
  RETURN 5 AS rank, 'presented' AS kind, m.name AS name, r.item_number + ' ' + r.item_title AS detail,
         m.date AS since, m.date AS date, r.quotes[0] AS quote, doc.name AS document, m.id AS id,
         doc.id AS document_id
  UNION
  MATCH (p)-[pr:PRESENTED WHERE pr.rejected IS NULL]->(m:Meeting)-[r:RAISED WHERE r.rejected IS NULL]->(t:Theme)
  WHERE r.agenda_item = pr.item_number AND ($as_of IS NULL OR m.date <= $as_of)
  WITH t, r, m ORDER BY m.date DESC
  WITH t, collect(r)[0] AS last, count(DISTINCT r.point_id) AS points, max(m.date) AS date, min(m.date) AS since
  ORDER BY date DESC LIMIT $limit
  MATCH (doc:Document {id: last.doc})
  RETURN 6 AS rank, 'theme' AS kind, t.name AS name, toString(points) + ' point(s)' AS detail, since, date,
         last.quotes[0] AS quote, doc.name AS document, t.id AS id, doc.id AS document_id
  UNION
  MATCH (p)-[rj2:AFFILIATED_WITH|HOLDS_ROLE WHERE rj2.rejected IS NULL]->(o:Organization)
  WITH DISTINCT o
  MATCH (o)-[r:PARTICIPATES_IN WHERE r.rejected IS NULL]->(i)
  OPTIONAL MATCH (doc:Document {id: r.doc})
  WITH o, i, r, doc, coalesce(doc.date, r.valid_from) AS stated WHERE $as_of IS NULL OR stated <= $as_of
  WITH o, i, r, doc, stated ORDER BY stated DESC
  WITH o, i, collect({r: r, doc: doc, stated: stated})[0] AS last, min(stated) AS since
  ORDER BY i.name, o.name LIMIT $limit
  RETURN 7 AS rank, 'initiative' AS kind, i.name AS name, o.name AS detail, since, last.stated AS date,
         coalesce(last.r.quotes[0], last.r.note) AS quote, coalesce(last.doc.name, last.r.curated_by) AS document,
         i.id AS id, coalesce(last.doc.id, last.r.curated) AS document_id
  UNION
  MATCH (p)-[rj3:AFFILIATED_WITH|HOLDS_ROLE WHERE rj3.rejected IS NULL]->(o:Organization)
  WITH DISTINCT o
  MATCH (o)-[r:PARTY_TO WHERE r.rejected IS NULL]->(g)
  MATCH (doc:Document {id: r.doc}) WHERE $as_of IS NULL OR doc.date <= $as_of
  WITH o, g, r, doc ORDER BY g.date DESC LIMIT $limit
  RETURN 8 AS rank, 'agreement' AS kind, g.name AS name, o.name AS detail, coalesce(g.date, doc.date) AS since,
         coalesce(g.date, doc.date) AS date,
         r.quotes[0] AS quote, doc.name AS document, g.id AS id, doc.id AS document_id
  UNION
  MATCH (p)-[r:CONTACT_FOR WHERE r.rejected IS NULL]->(d:Deadline)
  MATCH (doc:Document {id: r.doc}) WHERE $as_of IS NULL OR doc.date <= $as_of
  WITH d, r, doc ORDER BY d.date DESC LIMIT $limit
  RETURN 9 AS rank, 'contact' AS kind, d.name AS name, d.email AS detail, doc.date AS since, d.date AS date,
         r.quotes[0] AS quote, doc.name AS document, d.id AS id, doc.id AS document_id
  UNION
  MATCH (doc:Document)-[r:MENTIONS WHERE r.rejected IS NULL]->(p) WHERE $as_of IS NULL OR doc.date <= $as_of
  WITH doc, r ORDER BY doc.date DESC LIMIT $limit
  RETURN 10 AS rank, 'document' AS kind, doc.name AS name, doc.source AS detail, doc.date AS since,
         doc.date AS date, r.quotes[0] AS quote, doc.name AS document, doc.id AS id, doc.id AS document_id
}
RETURN kind, name, detail, since, date, quote, document, id, document_id
ORDER BY rank, date DESC, name
LIMIT 1000
