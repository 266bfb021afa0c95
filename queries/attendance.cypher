// title: Hvem deltog i hvilke møder? | Who attended which meetings?
// description: Deltagere og afbud pr. møde med rolle, gruppe og status (til stede, afbud). Vælg en person, et møde eller et organ for at afgrænse. | Attendees and apologies per meeting with role, group and status (present, absent). Choose a person, a meeting or a body to narrow it down.
// param person: person optional -- Person | Person
// param meeting: meeting optional -- Møde | Meeting
// param body: organization optional -- Organ der holdt mødet | Body that held the meeting
// result: table
CALL () {
  MATCH (p:Person {id: $person})-[a:ATTENDED]->(m:Meeting) RETURN p, a, m
  UNION ALL
  MATCH (p:Person)-[a:ATTENDED]->(m:Meeting {id: $meeting}) WHERE $person IS NULL RETURN p, a, m
  UNION ALL
  MATCH (:Organization {id: $body})<-[:HELD_BY]-(m:Meeting)<-[a:ATTENDED]-(p:Person)
  WHERE $person IS NULL AND $meeting IS NULL
  RETURN p, a, m
  UNION ALL
  MATCH (p:Person)-[a:ATTENDED]->(m:Meeting) WHERE $person IS NULL AND $meeting IS NULL AND $body IS NULL
  RETURN p, a, m
}
WITH p, a, m
WHERE ($meeting IS NULL OR m.id = $meeting)
  AND ($body IS NULL OR EXISTS { (m)-[:HELD_BY]->(:Organization {id: $body}) })
OPTIONAL MATCH (m)-[:HELD_BY]->(b:Organization)
RETURN m.date AS date, m.name AS meeting, b.name AS body, p.name AS person, a.status AS status,
       coalesce(a.roles, []) AS roles, a.group AS group, p.id AS person_id, m.id AS meeting_id
ORDER BY date DESC, meeting, CASE status WHEN 'present' THEN 0 WHEN 'unknown' THEN 1 ELSE 2 END, person
LIMIT 2000
