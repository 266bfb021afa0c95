// title: Hvem forbinder to organisationer? | Who links two organisations?
// description: Personer tilknyttet begge, personer fra den ene i den andens organ, møder hvor folk fra begge deltog, og fælles aftaler og initiativer. | People affiliated with both, people from one on the other's body, meetings attended by people from both, and shared agreements and initiatives.
// param first: organization -- Første organisation | First organisation
// param second: organization -- Anden organisation | Second organisation
// param limit: int default=25 min=1 max=500 -- Højst rækker pr. slags forbindelse | At most rows per kind of link
// result: table
// Bounded for hub organisations (hundreds of members, thousands of meetings): the people of each side
// are gathered once as lists (an `IN` check against a list is a hash lookup), and shared meetings are
// found newest first, so a busy pair stops after `limit` meetings instead of joining every attendance.
MATCH (a:Organization {id: $first}), (b:Organization {id: $second})
CALL (a) { MATCH (a)<-[rj1:AFFILIATED_WITH|HOLDS_ROLE WHERE rj1.rejected IS NULL]-(p:Person) RETURN collect(DISTINCT p) AS of_a }
CALL (b) { MATCH (b)<-[rj2:AFFILIATED_WITH|HOLDS_ROLE WHERE rj2.rejected IS NULL]-(p:Person) RETURN collect(DISTINCT p) AS of_b }
CALL (a, b, of_a, of_b) {
  UNWIND of_a AS p
  WITH p WHERE p IN of_b
  RETURN 1 AS rank, 'person in both' AS link, p.name AS via, null AS detail, null AS date
  ORDER BY via LIMIT $limit
  UNION
  UNWIND [[a, b, of_a], [b, a, of_b]] AS pair
  WITH pair[0] AS x, pair[1] AS y, pair[2] AS people
  MATCH (y)<-[rj3:HELD_BY WHERE rj3.rejected IS NULL]-(m:Meeting)<-[rj4:ATTENDED WHERE rj4.rejected IS NULL]-(p:Person) WHERE p IN people
  WITH x, y, p, max(m.date) AS date
  RETURN 2 AS rank, 'person on the other body' AS link, p.name AS via, x.name + ' → ' + y.name AS detail, date
  ORDER BY date DESC, via LIMIT $limit
  UNION
  WITH of_a, of_b WHERE size(of_a) > 0 AND size(of_b) > 0
  WITH CASE WHEN size(of_a) <= size(of_b) THEN [of_a, of_b] ELSE [of_b, of_a] END AS sides
  WITH sides[0] AS fewer, sides[1] AS more
  CALL (fewer, more) {
    // few people: start from their meetings
    WITH fewer, more WHERE size(fewer) <= 50
    UNWIND fewer AS p
    MATCH (p)-[rj5:ATTENDED {status: 'present'} WHERE rj5.rejected IS NULL]->(m:Meeting)
    WITH DISTINCT m, more
    WHERE EXISTS { (m)<-[rj6:ATTENDED {status: 'present'} WHERE rj6.rejected IS NULL]-(q:Person) WHERE q IN more }
    RETURN m ORDER BY m.date DESC LIMIT $limit
    UNION
    // many people on both sides: walk the meetings newest first and stop early
    WITH fewer, more WHERE size(fewer) > 50
    MATCH (m:Meeting) WHERE m.date IS NOT NULL
    WITH m, fewer, more ORDER BY m.date DESC
    WHERE EXISTS { (m)<-[rj7:ATTENDED {status: 'present'} WHERE rj7.rejected IS NULL]-(p:Person) WHERE p IN fewer }
      AND EXISTS { (m)<-[rj8:ATTENDED {status: 'present'} WHERE rj8.rejected IS NULL]-(q:Person) WHERE q IN more }
    RETURN m LIMIT $limit
  }
  WITH m, COLLECT {
    MATCH (m)<-[rj9:ATTENDED {status: 'present'} WHERE rj9.rejected IS NULL]-(p:Person) WHERE p IN fewer OR p IN more
    RETURN p.name ORDER BY p.name
  } AS people
  RETURN 3 AS rank, 'shared meeting' AS link, m.name AS via,
         reduce(s = '', who IN people | CASE WHEN s = '' THEN who ELSE s + ', ' + who END) AS detail,
         m.date AS date
  UNION
  MATCH (a)-[rj10:PARTY_TO WHERE rj10.rejected IS NULL]->(g:Agreement)<-[rj11:PARTY_TO WHERE rj11.rejected IS NULL]-(b)
  WITH DISTINCT g
  RETURN 4 AS rank, 'agreement' AS link, g.name AS via, g.kind AS detail, g.date AS date
  ORDER BY date DESC LIMIT $limit
  UNION
  MATCH (a)-[rj12:PARTICIPATES_IN WHERE rj12.rejected IS NULL]->(i:Initiative)
  WITH DISTINCT b, i WHERE EXISTS { (b)-[rj13:PARTICIPATES_IN WHERE rj13.rejected IS NULL]->(i) }
  RETURN 5 AS rank, 'shared initiative' AS link, i.name AS via, null AS detail, null AS date
  LIMIT $limit
  UNION
  MATCH (a)-[f:FUNDS WHERE f.rejected IS NULL]-(b)
  RETURN 6 AS rank, 'funding' AS link, startNode(f).name + ' → ' + endNode(f).name AS via,
         f.purpose AS detail, null AS date
  LIMIT $limit
}
RETURN link, via, detail, date
ORDER BY rank, date DESC, via
LIMIT 1000
