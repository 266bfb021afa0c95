// title: Hvem forbinder to organisationer? | Who links two organisations?
// description: Personer tilknyttet begge, personer fra den ene i den andens organ, møder hvor folk fra begge deltog, og fælles aftaler og initiativer. | People affiliated with both, people from one on the other's body, meetings attended by people from both, and shared agreements and initiatives.
// param first: organization -- Første organisation | First organisation
// param second: organization -- Anden organisation | Second organisation
// result: table
MATCH (a:Organization {id: $first}), (b:Organization {id: $second})
CALL (a, b) {
  MATCH (a)<-[:AFFILIATED_WITH|HOLDS_ROLE]-(p:Person)-[:AFFILIATED_WITH|HOLDS_ROLE]->(b)
  RETURN 1 AS rank, 'person in both' AS link, p.name AS via, null AS detail, null AS date
  UNION
  MATCH (x:Organization)<-[:AFFILIATED_WITH|HOLDS_ROLE]-(p:Person)-[:ATTENDED]->(m:Meeting)-[:HELD_BY]->(y:Organization)
  WHERE (x = a AND y = b) OR (x = b AND y = a)
  RETURN 2 AS rank, 'person on the other body' AS link, p.name AS via, x.name + ' → ' + y.name AS detail,
         max(m.date) AS date
  UNION
  MATCH (a)<-[:AFFILIATED_WITH|HOLDS_ROLE]-(p:Person)-[pa:ATTENDED]->(m:Meeting),
        (b)<-[:AFFILIATED_WITH|HOLDS_ROLE]-(q:Person)-[qa:ATTENDED]->(m)
  WHERE p <> q AND pa.status = 'present' AND qa.status = 'present'
  UNWIND [p.name, q.name] AS who
  WITH m, collect(DISTINCT who) AS people
  RETURN 3 AS rank, 'shared meeting' AS link, m.name AS via,
         reduce(s = '', who IN people | CASE WHEN s = '' THEN who ELSE s + ', ' + who END) AS detail,
         m.date AS date
  UNION
  MATCH (a)-[:PARTY_TO]->(g:Agreement)<-[:PARTY_TO]-(b)
  RETURN 4 AS rank, 'agreement' AS link, g.name AS via, g.kind AS detail, g.date AS date
  UNION
  MATCH (a)-[:PARTICIPATES_IN]->(i:Initiative)<-[:PARTICIPATES_IN]-(b)
  RETURN 5 AS rank, 'shared initiative' AS link, i.name AS via, null AS detail, null AS date
  UNION
  MATCH (a)-[f:FUNDS]-(b)
  RETURN 6 AS rank, 'funding' AS link, startNode(f).name + ' → ' + endNode(f).name AS via,
         f.purpose AS detail, null AS date
}
RETURN link, via, detail, date
ORDER BY rank, date DESC, via
LIMIT 500
