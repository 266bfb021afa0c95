// title: Hvilke møder er holdt, og hvad blev drøftet? | Which meetings were held, and what was discussed?
// description: Møderne over tid med organ, antal deltagere og afbud, emner og referatet de stammer fra. | The meetings over time with their body, number present and absent, themes, and the minutes they come from.
// param body: organization optional -- Organ | Body
// param since: date optional -- Fra dato | From date
// param limit: int default=100 min=1 max=5000 -- Højst rækker | At most rows
// result: table
CALL () {
  MATCH (:Organization {id: $body})<-[rj1:HELD_BY WHERE rj1.rejected IS NULL]-(m:Meeting) WHERE $since IS NULL OR m.date >= $since RETURN m
  UNION ALL
  MATCH (m:Meeting) WHERE $body IS NULL AND $since IS NULL RETURN m
  UNION ALL
  MATCH (m:Meeting) WHERE $body IS NULL AND m.date >= $since RETURN m
}
WITH m ORDER BY m.date DESC, m.name LIMIT $limit
OPTIONAL MATCH (m)-[rj2:HELD_BY WHERE rj2.rejected IS NULL]->(b:Organization)
RETURN m.date AS date, m.name AS meeting, b.name AS body, m.number AS number, m.location AS location,
       COUNT { (:Person)-[rj3:ATTENDED {status: 'present'} WHERE rj3.rejected IS NULL]->(m) } AS present,
       COUNT { (:Person)-[rj4:ATTENDED {status: 'absent'} WHERE rj4.rejected IS NULL]->(m) } AS absent,
       COLLECT { MATCH (m)-[rj5:RAISED WHERE rj5.rejected IS NULL]->(t:Theme) RETURN DISTINCT t.name ORDER BY t.name } AS themes,
       COLLECT { MATCH (d:Document)-[rj6:RECORDS WHERE rj6.rejected IS NULL]->(m) RETURN DISTINCT d.name } AS documents, m.id AS meeting_id
ORDER BY date DESC, meeting
LIMIT $limit
