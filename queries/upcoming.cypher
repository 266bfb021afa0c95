// title: Hvilke møder og frister kommer? | Which meetings and deadlines are coming up?
// description: Kommende møder og frister fra en dato (i dag, hvis intet andet er valgt), med kontaktperson, e-mail og det møde der fastsatte dem; valgfrit kun dem der angår én person, organisation, initiativ eller et møde. | Coming meetings and deadlines from a date (today unless another is chosen), with the contact person, e-mail and the meeting that set them; optionally only those that concern one person, organisation, initiative or meeting.
// param on: date default=today -- Fra dato | From date
// param entity: entity optional -- Angår (person, organisation ...) | Concerning (person, organisation ...)
// param as_of: date optional -- Kendt pr. dato (kun referater til og med) | Known as of (minutes up to and including)
// param limit: int default=100 min=1 max=5000 -- Højst rækker | At most rows
// result: table
// contact: email
// With an entity, the deadlines are those set at meetings it attended, held, or whose minutes mention
// it, and those it is the contact for (the briefing note's "upcoming"); with `as_of`, only deadlines set
// at meetings held on or before it (what was known then).
CALL () {
  MATCH (d:Deadline) WHERE $entity IS NULL AND d.date >= $on RETURN d
  UNION
  MATCH (x:Person|Organization|Initiative|Meeting|Theme|Agreement|Document {id: $entity})
  CALL (x) {
    MATCH (x)-[rj1:ATTENDED|HELD_BY WHERE rj1.rejected IS NULL]-(m:Meeting) RETURN m
    UNION
    MATCH (x)<-[rj2:MENTIONS WHERE rj2.rejected IS NULL]-(:Document)-[rj3:RECORDS WHERE rj3.rejected IS NULL]->(m:Meeting) RETURN m
    UNION
    MATCH (m:Meeting) WHERE m = x RETURN m
  }
  MATCH (m)-[rj4:SET WHERE rj4.rejected IS NULL]->(d:Deadline) WHERE d.date >= $on RETURN d
  UNION
  MATCH (:Person {id: $entity})-[rj5:CONTACT_FOR WHERE rj5.rejected IS NULL]->(d:Deadline) WHERE d.date >= $on RETURN d
}
WITH d WHERE $as_of IS NULL OR EXISTS { MATCH (m:Meeting)-[rj6:SET WHERE rj6.rejected IS NULL]->(d) WHERE m.date <= $as_of }
WITH d ORDER BY d.date, d.start_time, d.name LIMIT $limit
OPTIONAL MATCH (m:Meeting)-[s:SET WHERE s.rejected IS NULL]->(d)
OPTIONAL MATCH (m)-[rj7:HELD_BY WHERE rj7.rejected IS NULL]->(b:Organization)
OPTIONAL MATCH (p:Person)-[rj8:CONTACT_FOR WHERE rj8.rejected IS NULL]->(d)
RETURN d.date AS date, d.kind AS kind, d.name AS what, d.start_time AS start_time, d.end_time AS end_time,
       d.location AS location, p.name AS contact, coalesce(d.email, p.emails[0]) AS email,
       coalesce(b.name, m.body_name) AS body, m.name AS set_at, coalesce(d.date_inferred, false) AS date_inferred,
       s.quotes[0] AS quote, s.doc AS document_id, d.id AS deadline_id, m.id AS meeting_id
ORDER BY date, start_time, what
LIMIT $limit
