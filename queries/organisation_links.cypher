// title: Hvem forbinder to organisationer? | Who links two organisations?
// description: Personer tilknyttet begge, personer fra den ene i den andens organ, møder hvor folk fra begge deltog, og fælles aftaler og initiativer. | People affiliated with both, people from one on the other's body, meetings attended by people from both, and shared agreements and initiatives.
// param first: organization -- Første organisation | First organisation
// param second: organization -- Anden organisation | Second organisation
// result: table
MATCH (a:Organization {id: $first}), (b:Organization {id: $second})
CALL (a, b) {
  MATCH (a)<-[:AFFILIATED_WITH|HOLDS_ROLE]-(p:Person)
  WITH DISTINCT p WHERE EXISTS { (p)-[:AFFILIATED_WITH|HOLDS_ROLE]->(b) }
  RETURN 1 AS rank, 'person in both' AS link, p.name AS via, null AS detail, null AS date
  UNION
  UNWIND [[a, b], [b, a]] AS pair
  WITH pair[0] AS x, pair[1] AS y
  MATCH (y)<-[:HELD_BY]-(n:Meeting)
  WITH x, y, collect(n) AS held
  MATCH (x)<-[:AFFILIATED_WITH|HOLDS_ROLE]-(p:Person)
  WITH x, y, held, collect(DISTINCT p) AS people
  UNWIND people AS p
  MATCH (p)-[:ATTENDED]->(m:Meeting) WHERE m IN held
  RETURN 2 AS rank, 'person on the other body' AS link, p.name AS via, x.name + ' → ' + y.name AS detail,
         max(m.date) AS date
  UNION
  MATCH (b)<-[:AFFILIATED_WITH|HOLDS_ROLE]-(q:Person)
  WITH a, collect(DISTINCT q) AS of_b
  MATCH (a)<-[:AFFILIATED_WITH|HOLDS_ROLE]-(p:Person)
  WITH of_b, collect(DISTINCT p) AS of_a
  UNWIND of_a AS p
  MATCH (p)-[:ATTENDED {status: 'present'}]->(m:Meeting)<-[:ATTENDED {status: 'present'}]-(q:Person)
  WHERE p <> q AND q IN of_b
  UNWIND [p.name, q.name] AS who
  WITH m, collect(DISTINCT who) AS people
  RETURN 3 AS rank, 'shared meeting' AS link, m.name AS via,
         reduce(s = '', who IN people | CASE WHEN s = '' THEN who ELSE s + ', ' + who END) AS detail,
         m.date AS date
  UNION
  MATCH (a)-[:PARTY_TO]->(g:Agreement)<-[:PARTY_TO]-(b)
  RETURN 4 AS rank, 'agreement' AS link, g.name AS via, g.kind AS detail, g.date AS date
  UNION
  MATCH (a)-[:PARTICIPATES_IN]->(i:Initiative)
  WITH DISTINCT b, i WHERE EXISTS { (b)-[:PARTICIPATES_IN]->(i) }
  RETURN 5 AS rank, 'shared initiative' AS link, i.name AS via, null AS detail, null AS date
  UNION
  MATCH (a)-[f:FUNDS]-(b)
  RETURN 6 AS rank, 'funding' AS link, startNode(f).name + ' → ' + endNode(f).name AS via,
         f.purpose AS detail, null AS date
}
RETURN link, via, detail, date
ORDER BY rank, date DESC, via
LIMIT 500
