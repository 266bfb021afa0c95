// title: Hvilke organisationer deltager i et initiativ? | Which organisations take part in an initiative?
// description: Organisationer der deltager i eller finansierer initiativet, med citatet og referatet det står i. | Organisations that take part in or fund the initiative, with the quote and the minutes that state it.
// param initiative: initiative optional -- Initiativ | Initiative
// result: table
CALL () {
  MATCH (o:Organization)-[r:PARTICIPATES_IN|FUNDS WHERE r.rejected IS NULL]->(i:Initiative {id: $initiative}) RETURN o, r, i
  UNION ALL
  MATCH (o:Organization)-[r:PARTICIPATES_IN|FUNDS WHERE r.rejected IS NULL]->(i:Initiative) WHERE $initiative IS NULL RETURN o, r, i
}
OPTIONAL MATCH (d:Document {id: r.doc})
WITH i, o, CASE type(r) WHEN 'FUNDS' THEN 'funds' ELSE 'participates' END AS relation,
     collect(coalesce(r.quotes[0], r.note))[0] AS quote,  // a curated fact: its source note
     collect(DISTINCT d.name) AS documents, max(d.date) AS latest
RETURN i.name AS initiative, o.name AS organization, o.type AS type, relation, quote, documents, latest,
       i.id AS initiative_id, o.id AS organization_id
ORDER BY initiative, organization
LIMIT 1000
