// title: Hvem rejser et tema, og hvor? | Who raises a theme, and where?
// description: Alt grafen ved om ét strategisk tema: navne på dansk og engelsk, punkterne der rejste det (nyeste først), organerne hvis møder rejste det, personerne der fremlagde punkterne, deres organisationer, og dokumenter; hver række med citat og referat. | Everything the graph knows about one strategy theme: its Danish and English names, the points that raised it (newest first), the bodies whose meetings raised it, the people who presented those points, their organisations, and documents; each row with its quote and minutes.
// param theme: theme -- Tema | Theme
// param as_of: date optional -- Pr. dato (kun referater til og med) | As of (minutes up to and including)
// param limit: int default=25 min=1 max=1000 -- Højst rækker pr. slags | At most rows per kind
// result: table
// The same columns and rules as organisation_profile. A person raised a point when they presented the
// agenda item it stands under (PRESENTED.item_number = RAISED.agenda_item), as in person_profile.
// A hub theme is raised by thousands of points: every branch starts from the newest meetings.
MATCH (t:Theme {id: $theme})
CALL (t) {
  UNWIND [['label_da', t.label_da], ['label_en', t.label_en]] AS pair
  WITH pair WHERE pair[1] IS NOT NULL
  RETURN 0 AS rank, 'identity' AS kind, pair[0] AS name, pair[1] AS detail, null AS since, null AS date,
         null AS quote, null AS document, null AS id, null AS document_id
  UNION
  MATCH (m:Meeting)-[r:RAISED WHERE r.rejected IS NULL]->(t) WHERE $as_of IS NULL OR m.date <= $as_of
  WITH m, r ORDER BY m.date DESC, r.point_id LIMIT $limit
  MATCH (doc:Document {id: r.doc})
  RETURN 1 AS rank, 'point' AS kind, coalesce(r.text, m.name) AS name,
         m.name + CASE WHEN m.date_inferred THEN ' (year inferred)' ELSE '' END AS detail,
         m.date AS since, m.date AS date, r.quotes[0] AS quote, doc.name AS document, m.id AS id,
         doc.id AS document_id
  UNION
  MATCH (b:Organization)<-[rj1:HELD_BY WHERE rj1.rejected IS NULL]-(m:Meeting)-[r:RAISED WHERE r.rejected IS NULL]->(t) WHERE $as_of IS NULL OR m.date <= $as_of
  WITH b, r, m ORDER BY m.date DESC
  WITH b, collect(r)[0] AS last, min(m.date) AS since, max(m.date) AS date, count(DISTINCT r.point_id) AS points
  ORDER BY points DESC, date DESC LIMIT $limit
  MATCH (doc:Document {id: last.doc})
  RETURN 2 AS rank, 'body' AS kind, b.name AS name, toString(points) + ' point(s)' AS detail, since, date,
         last.quotes[0] AS quote, doc.name AS document, b.id AS id, doc.id AS document_id
  UNION
  MATCH (p:Person)-[pr:PRESENTED WHERE pr.rejected IS NULL]->(m:Meeting)-[r:RAISED WHERE r.rejected IS NULL]->(t)
  WHERE r.agenda_item = pr.item_number AND ($as_of IS NULL OR m.date <= $as_of)
  WITH p, r, m ORDER BY m.date DESC
  WITH p, collect(r)[0] AS last, min(m.date) AS since, max(m.date) AS date, count(DISTINCT r.point_id) AS points
  ORDER BY points DESC, date DESC LIMIT $limit
  MATCH (doc:Document {id: last.doc})
  RETURN 3 AS rank, 'person' AS kind, p.name AS name, toString(points) + ' point(s)' AS detail, since, date,
         last.quotes[0] AS quote, doc.name AS document, p.id AS id, doc.id AS document_id
  UNION
  MATCH (o:Organization)<-[rj2:AFFILIATED_WITH|HOLDS_ROLE WHERE rj2.rejected IS NULL]-(p:Person)-[pr:PRESENTED WHERE pr.rejected IS NULL]->(m:Meeting)-[r:RAISED WHERE r.rejected IS NULL]->(t)
  WHERE r.agenda_item = pr.item_number AND ($as_of IS NULL OR m.date <= $as_of)
  WITH o, r, m ORDER BY m.date DESC
  WITH o, collect(r)[0] AS last, min(m.date) AS since, max(m.date) AS date, count(DISTINCT r.point_id) AS points
  ORDER BY points DESC, date DESC LIMIT $limit
  MATCH (doc:Document {id: last.doc})
  RETURN 4 AS rank, 'organisation' AS kind, o.name AS name, toString(points) + ' point(s)' AS detail, since,
         date, last.quotes[0] AS quote, doc.name AS document, o.id AS id, doc.id AS document_id
  UNION
  MATCH (m:Meeting)-[r:RAISED WHERE r.rejected IS NULL]->(t) WHERE $as_of IS NULL OR m.date <= $as_of
  WITH DISTINCT r.doc AS id, m ORDER BY m.date DESC LIMIT $limit
  MATCH (doc:Document {id: id})
  RETURN 5 AS rank, 'document' AS kind, doc.name AS name, doc.source AS detail, doc.date AS since,
         doc.date AS date, null AS quote, doc.name AS document, doc.id AS id, doc.id AS document_id
}
RETURN kind, name, detail, since, date, quote, document, id, document_id
ORDER BY rank, date DESC, name
LIMIT 1000
