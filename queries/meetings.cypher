// title: Hvilke møder er holdt, og hvad blev drøftet? | Which meetings were held, and what was discussed?
// description: Møderne over tid med organ, antal deltagere og afbud, emner og referatet de stammer fra. | The meetings over time with their body, number present and absent, themes, and the minutes they come from.
// param body: organization optional -- Organ | Body
// param since: date optional -- Fra dato | From date
// param limit: int default=100 min=1 max=5000 -- Højst rækker | At most rows
// result: table
CALL () {
  MATCH (:Organization {id: $body})<-[:HELD_BY]-(m:Meeting) WHERE $since IS NULL OR m.date >= $since RETURN m
  UNION ALL
  MATCH (m:Meeting) WHERE $body IS NULL AND $since IS NULL RETURN m
  UNION ALL
  MATCH (m:Meeting) WHERE $body IS NULL AND m.date >= $since RETURN m
}
WITH m ORDER BY m.date DESC, m.name LIMIT $limit
OPTIONAL MATCH (m)-[:HELD_BY]->(b:Organization)
RETURN m.date AS date, m.name AS meeting, b.name AS body, m.number AS number, m.location AS location,
       COUNT { (:Person)-[:ATTENDED {status: 'present'}]->(m) } AS present,
       COUNT { (:Person)-[:ATTENDED {status: 'absent'}]->(m) } AS absent,
       COLLECT { MATCH (m)-[:RAISED]->(t:Theme) RETURN DISTINCT t.name ORDER BY t.name } AS themes,
       COLLECT { MATCH (d:Document)-[:RECORDS]->(m) RETURN DISTINCT d.name } AS documents, m.id AS meeting_id
ORDER BY date DESC, meeting
LIMIT $limit
