// title: Hvad er en person involveret i? | What is a person involved in?
// description: Alt grafen ved om én person: organer og møder, roller, tilknytninger, initiativer og aftaler gennem organisationerne, emner personen fremlagde, frister personen er kontakt for, og dokumenter der nævner personen. | Everything the graph knows about one person: bodies and meetings, roles, affiliations, initiatives and agreements through their organisations, themes they presented, deadlines they are the contact for, and documents that mention them.
// param person: person -- Person | Person
// param limit: int default=25 min=1 max=1000 -- Højst rækker pr. slags | At most rows per kind
// result: table
// Each kind is cut to `limit` rows (the newest first) inside its branch, so a person who sat in hundreds
// of meetings, or an organisation party to thousands of agreements, costs no more than a page.
MATCH (p:Person {id: $person})
CALL (p) {
  MATCH (p)-[r:AFFILIATED_WITH]->(o:Organization)
  WITH DISTINCT o
  RETURN 1 AS rank, 'affiliation' AS kind, o.name AS name, o.type AS detail, null AS date, o.id AS id
  ORDER BY name LIMIT $limit
  UNION
  MATCH (p)-[r:HOLDS_ROLE]->(o:Organization)
  WITH DISTINCT o, r.role AS role
  RETURN 2 AS rank, 'role' AS kind, o.name AS name, role AS detail, null AS date, o.id AS id
  ORDER BY name, detail LIMIT $limit
  UNION
  MATCH (p)-[a:ATTENDED]->(m:Meeting)-[:HELD_BY]->(b:Organization)
  UNWIND CASE WHEN size(coalesce(a.roles, [])) = 0 THEN [null] ELSE a.roles END AS role
  WITH b, collect(DISTINCT role) AS roles, max(m.date) AS last
  RETURN 3 AS rank, 'body' AS kind, b.name AS name,
         reduce(s = '', role IN roles | CASE WHEN s = '' THEN role ELSE s + ', ' + role END) AS detail,
         last AS date, b.id AS id
  ORDER BY date DESC LIMIT $limit
  UNION
  MATCH (p)-[a:ATTENDED]->(m:Meeting)
  WITH a, m ORDER BY m.date DESC LIMIT $limit
  RETURN 4 AS rank, 'meeting' AS kind, m.name AS name,
         reduce(s = a.status, x IN coalesce(a.roles, []) | s + ', ' + x) AS detail, m.date AS date, m.id AS id
  UNION
  MATCH (p)-[r:PRESENTED]->(m:Meeting)
  WITH r, m ORDER BY m.date DESC LIMIT $limit
  RETURN 5 AS rank, 'presented' AS kind, m.name AS name, r.item_number + ' ' + r.item_title AS detail,
         m.date AS date, m.id AS id
  UNION
  MATCH (p)-[pr:PRESENTED]->(m:Meeting)-[r:RAISED]->(t:Theme)
  WHERE r.agenda_item = pr.item_number
  WITH t, count(DISTINCT r.point_id) AS points, max(m.date) AS last
  RETURN 6 AS rank, 'theme' AS kind, t.name AS name, toString(points) + ' point(s)' AS detail, last AS date,
         t.id AS id
  ORDER BY date DESC LIMIT $limit
  UNION
  MATCH (p)-[:AFFILIATED_WITH|HOLDS_ROLE]->(o:Organization)
  WITH DISTINCT o
  MATCH (o)-[:PARTICIPATES_IN]->(i)
  WITH DISTINCT o, i
  RETURN 7 AS rank, 'initiative' AS kind, i.name AS name, o.name AS detail, null AS date, i.id AS id
  ORDER BY name, detail LIMIT $limit
  UNION
  MATCH (p)-[:AFFILIATED_WITH|HOLDS_ROLE]->(o:Organization)
  WITH DISTINCT o
  MATCH (o)-[:PARTY_TO]->(g)
  WITH o, g ORDER BY g.date DESC LIMIT $limit
  RETURN 8 AS rank, 'agreement' AS kind, g.name AS name, o.name AS detail, g.date AS date, g.id AS id
  UNION
  MATCH (p)-[:CONTACT_FOR]->(d:Deadline)
  WITH d ORDER BY d.date DESC LIMIT $limit
  RETURN 9 AS rank, 'contact' AS kind, d.name AS name, d.email AS detail, d.date AS date, d.id AS id
  UNION
  MATCH (doc:Document)-[:MENTIONS]->(p)
  WITH doc ORDER BY doc.date DESC LIMIT $limit
  RETURN 10 AS rank, 'document' AS kind, doc.name AS name, doc.source AS detail, doc.date AS date, doc.id AS id
}
RETURN kind, name, detail, date, id
ORDER BY rank, date DESC, name
LIMIT 1000
