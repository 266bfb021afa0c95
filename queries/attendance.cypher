// title: Hvem deltog i hvilke møder? | Who attended which meetings?
// description: Deltagere og afbud pr. møde med rolle, gruppe og status (til stede, afbud). Vælg en person, et møde eller et organ for at afgrænse. | Attendees and apologies per meeting with role, group and status (present, absent). Choose a person, a meeting or a body to narrow it down.
// param person: person optional -- Person | Person
// param meeting: meeting optional -- Møde | Meeting
// param body: organization optional -- Organ der holdt mødet | Body that held the meeting
// param limit: int default=100 min=1 max=5000 -- Højst rækker | At most rows
// result: table
// The newest meetings first: the meetings are chosen and cut to `limit` before their attendees are
// read, so the work does not grow with the years of minutes in the graph.
CALL () {
  MATCH (:Person {id: $person})-[rj1:ATTENDED WHERE rj1.rejected IS NULL]->(m:Meeting) RETURN DISTINCT m
  UNION
  MATCH (m:Meeting {id: $meeting}) WHERE $person IS NULL RETURN m
  UNION
  MATCH (:Organization {id: $body})<-[rj2:HELD_BY WHERE rj2.rejected IS NULL]-(m:Meeting) WHERE $person IS NULL AND $meeting IS NULL RETURN m
  UNION
  MATCH (m:Meeting) WHERE $person IS NULL AND $meeting IS NULL AND $body IS NULL RETURN m
}
WITH m
WHERE ($meeting IS NULL OR m.id = $meeting)
  AND ($body IS NULL OR EXISTS { (m)-[rj3:HELD_BY WHERE rj3.rejected IS NULL]->(:Organization {id: $body}) })
  AND EXISTS { (m)<-[rj4:ATTENDED WHERE rj4.rejected IS NULL]-(:Person) }
WITH m ORDER BY m.date DESC, m.name LIMIT $limit
MATCH (p:Person)-[a:ATTENDED WHERE a.rejected IS NULL]->(m) WHERE $person IS NULL OR p.id = $person
OPTIONAL MATCH (m)-[rj5:HELD_BY WHERE rj5.rejected IS NULL]->(b:Organization)
RETURN m.date AS date, m.name AS meeting, b.name AS body, p.name AS person, a.status AS status,
       coalesce(a.roles, []) AS roles, a.group AS group, p.id AS person_id, m.id AS meeting_id
ORDER BY date DESC, meeting, CASE status WHEN 'present' THEN 0 WHEN 'unknown' THEN 1 ELSE 2 END, person
LIMIT $limit
