// title: Hvad står der i et referat? | What does a set of minutes say?
// description: Alt grafen har fra ét dokument: kilde, format, sprog og dato, de møder det er referat af, personer, organisationer, initiativer og aftaler det nævner, emnerne det rejser, tal og frister; hver række med citat. | Everything the graph has from one document: its source, format, language and date, the meetings it records, the people, organisations, initiatives and agreements it mentions, the themes it raises, figures and deadlines; each row with its quote.
// param document: document -- Dokument | Document
// param as_of: date optional -- Pr. dato (kun referater til og med) | As of (minutes up to and including)
// param limit: int default=100 min=1 max=1000 -- Højst rækker pr. slags | At most rows per kind
// result: table
// The same columns as organisation_profile; every statement here comes from this one document (the
// relationship indexes on `doc` find them). A document dated after `as_of` has no answer.
MATCH (doc:Document {id: $document}) WHERE $as_of IS NULL OR doc.date <= $as_of
CALL (doc) {
  UNWIND [['source', doc.source], ['format', doc.format], ['language', doc.language], ['date', doc.date],
          ['title', doc.title]] AS pair
  WITH pair WHERE pair[1] IS NOT NULL
  RETURN 0 AS rank, 'identity' AS kind, pair[0] AS name, pair[1] AS detail, doc.date AS since,
         doc.date AS date, null AS quote, doc.name AS document, null AS id, doc.id AS document_id
  UNION
  MATCH (doc)-[r:RECORDS WHERE r.rejected IS NULL]->(m:Meeting)
  WITH m, r ORDER BY m.date LIMIT $limit
  RETURN 1 AS rank, 'meeting' AS kind, m.name AS name,
         coalesce(COLLECT { MATCH (m)-[rj1:HELD_BY WHERE rj1.rejected IS NULL]->(b:Organization) RETURN b.name LIMIT 1 }[0], m.body_name, '')
         + CASE WHEN m.date_inferred THEN ', year inferred' ELSE '' END AS detail,
         m.date AS since, m.date AS date, r.quotes[0] AS quote, doc.name AS document, m.id AS id,
         doc.id AS document_id
  UNION
  MATCH (doc)-[r:MENTIONS WHERE r.rejected IS NULL]->(x)
  WITH x, r, [l IN labels(x) WHERE l IN ['Person', 'Organization', 'Initiative', 'Agreement']][0] AS label
  ORDER BY label, x.name LIMIT $limit * 4
  RETURN CASE label WHEN 'Person' THEN 2 WHEN 'Organization' THEN 3 WHEN 'Initiative' THEN 4 ELSE 5 END AS rank,
         CASE label WHEN 'Person' THEN 'person' WHEN 'Organization' THEN 'organisation'
                    WHEN 'Initiative' THEN 'initiative' ELSE 'agreement' END AS kind,
         x.name AS name, coalesce(x.type, x.kind) AS detail, doc.date AS since, doc.date AS date,
         r.quotes[0] AS quote, doc.name AS document, x.id AS id, doc.id AS document_id
  UNION
  MATCH ()-[r:RAISED {doc: doc.id} WHERE r.rejected IS NULL]->(t:Theme)
  WITH t, collect(r) AS points ORDER BY size(points) DESC, t.name LIMIT $limit
  RETURN 6 AS rank, 'theme' AS kind, t.name AS name, toString(size(points)) + ' point(s)' AS detail,
         doc.date AS since, doc.date AS date, points[0].quotes[0] AS quote, doc.name AS document, t.id AS id,
         doc.id AS document_id
  UNION
  MATCH ()-[r:REPORTED {doc: doc.id} WHERE r.rejected IS NULL]->(f:Figure)
  WITH f, r ORDER BY f.name LIMIT $limit
  RETURN 7 AS rank, 'figure' AS kind, f.name AS name,
         CASE WHEN f.value = toInteger(f.value) THEN toString(toInteger(f.value)) ELSE toString(f.value) END
         + ' ' + f.unit AS detail,
         coalesce(f.date, doc.date) AS since, coalesce(f.date, doc.date) AS date, r.quotes[0] AS quote,
         doc.name AS document, f.id AS id, doc.id AS document_id
  UNION
  MATCH ()-[r:SET {doc: doc.id} WHERE r.rejected IS NULL]->(d:Deadline)
  WITH d, r ORDER BY d.date LIMIT $limit
  RETURN 8 AS rank, 'deadline' AS kind, d.name AS name,
         d.kind + CASE WHEN d.date_inferred THEN ', year inferred' ELSE '' END AS detail,
         d.date AS since, d.date AS date, r.quotes[0] AS quote, doc.name AS document, d.id AS id,
         doc.id AS document_id
}
RETURN kind, name, detail, since, date, quote, document, id, document_id
ORDER BY rank, date DESC, name
LIMIT 1000
