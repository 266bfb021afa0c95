// title: Hvad skete der på et møde? | What happened at a meeting?
// description: Alt grafen ved om ét møde: dato (udledt år markeret), organ, nummer, sted og tid, deltagere og afbud med roller, oplægsholdere med punkt, emner, tal, frister og referatet; hver række med citat og referat. | Everything the graph knows about one meeting: its date (inferred year marked), body, number, place and time, attendees and apologies with their roles, presenters with their item, themes, figures, deadlines and the minutes; each row with its quote and minutes.
// param meeting: meeting -- Møde | Meeting
// param as_of: date optional -- Pr. dato (kun referater til og med) | As of (minutes up to and including)
// param limit: int default=100 min=1 max=1000 -- Højst rækker pr. slags | At most rows per kind
// result: table
// The same columns as organisation_profile. A meeting after `as_of` has no answer (it had not been held).
MATCH (m:Meeting {id: $meeting}) WHERE $as_of IS NULL OR m.date <= $as_of
CALL (m) {
  MATCH (doc:Document)-[r:RECORDS WHERE r.rejected IS NULL]->(m)
  WITH r, doc ORDER BY doc.date, doc.id LIMIT 1
  UNWIND [['date', m.date + CASE WHEN m.date_inferred THEN ' (year inferred)' ELSE '' END],
          ['body', coalesce(COLLECT { MATCH (m)-[rj1:HELD_BY WHERE rj1.rejected IS NULL]->(b:Organization) RETURN b.name LIMIT 1 }[0],
                            m.body_name)],
          ['number', m.number], ['location', m.location],
          ['time', m.start_time + coalesce('–' + m.end_time, '')]] AS pair
  WITH r, doc, pair WHERE pair[1] IS NOT NULL
  RETURN 0 AS rank, 'identity' AS kind, pair[0] AS name, pair[1] AS detail, m.date AS since, m.date AS date,
         r.quotes[0] AS quote, doc.name AS document, null AS id, doc.id AS document_id
  UNION
  MATCH (p:Person)-[r:ATTENDED WHERE r.rejected IS NULL]->(m)
  WITH p, r ORDER BY CASE r.status WHEN 'present' THEN 0 WHEN 'unknown' THEN 1 ELSE 2 END, p.name LIMIT $limit
  OPTIONAL MATCH (doc:Document {id: r.doc})  // none for an attendance staff fixed: its note is the quote
  RETURN 1 AS rank, CASE r.status WHEN 'absent' THEN 'absent' ELSE 'attendee' END AS kind, p.name AS name,
         reduce(s = r.status, x IN coalesce(r.roles, []) | s + ', ' + x)
         + coalesce(' · ' + r.group, '') AS detail,
         m.date AS since, m.date AS date, coalesce(r.quotes[0], r.note) AS quote, doc.name AS document, p.id AS id,
         doc.id AS document_id
  UNION
  MATCH (p:Person)-[r:PRESENTED WHERE r.rejected IS NULL]->(m)
  WITH p, r ORDER BY r.item_number, p.name LIMIT $limit
  MATCH (doc:Document {id: r.doc})
  RETURN 2 AS rank, 'presenter' AS kind, p.name AS name, r.item_number + ' ' + r.item_title AS detail,
         m.date AS since, m.date AS date, r.quotes[0] AS quote, doc.name AS document, p.id AS id,
         doc.id AS document_id
  UNION
  MATCH (m)-[r:RAISED WHERE r.rejected IS NULL]->(t:Theme)
  WITH t, collect(r) AS points
  ORDER BY size(points) DESC, t.name LIMIT $limit
  WITH t, points, points[0] AS first
  MATCH (doc:Document {id: first.doc})
  RETURN 3 AS rank, 'theme' AS kind, t.name AS name, toString(size(points)) + ' point(s)' AS detail,
         m.date AS since, m.date AS date, first.quotes[0] AS quote, doc.name AS document, t.id AS id,
         doc.id AS document_id
  UNION
  MATCH (m)-[r:REPORTED WHERE r.rejected IS NULL]->(f:Figure)
  WITH f, r ORDER BY f.name LIMIT $limit
  MATCH (doc:Document {id: r.doc})
  RETURN 4 AS rank, 'figure' AS kind, f.name AS name,
         CASE WHEN f.value = toInteger(f.value) THEN toString(toInteger(f.value)) ELSE toString(f.value) END
         + ' ' + f.unit AS detail,
         coalesce(f.date, m.date) AS since, coalesce(f.date, m.date) AS date, r.quotes[0] AS quote,
         doc.name AS document, f.id AS id, doc.id AS document_id
  UNION
  MATCH (m)-[r:SET WHERE r.rejected IS NULL]->(d:Deadline)
  WITH d, r ORDER BY d.date LIMIT $limit
  MATCH (doc:Document {id: r.doc})
  RETURN 5 AS rank, 'deadline' AS kind, d.name AS name,
         d.kind + CASE WHEN d.date_inferred THEN ', year inferred' ELSE '' END AS detail,
         d.date AS since, d.date AS date, r.quotes[0] AS quote, doc.name AS document, d.id AS id,
         doc.id AS document_id
  UNION
  MATCH (doc:Document)-[r:RECORDS WHERE r.rejected IS NULL]->(m)
  WITH doc, r ORDER BY doc.date DESC LIMIT $limit
  RETURN 6 AS rank, 'document' AS kind, doc.name AS name, doc.source AS detail, doc.date AS since,
         doc.date AS date, r.quotes[0] AS quote, doc.name AS document, doc.id AS id, doc.id AS document_id
}
RETURN kind, name, detail, since, date, quote, document, id, document_id
ORDER BY rank, date DESC, name
LIMIT 1000
