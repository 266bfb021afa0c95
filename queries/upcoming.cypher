// title: Hvilke møder og frister kommer? | Which meetings and deadlines are coming up?
// description: Kommende møder og frister fra en dato (i dag, hvis intet andet er valgt), med kontaktperson, e-mail og det møde der fastsatte dem. | Coming meetings and deadlines from a date (today unless another is chosen), with the contact person, e-mail and the meeting that set them.
// param on: date default=today -- Fra dato | From date
// param limit: int default=100 min=1 max=5000 -- Højst rækker | At most rows
// result: table
MATCH (d:Deadline)
WHERE d.date >= $on
WITH d ORDER BY d.date, d.start_time, d.name LIMIT $limit
OPTIONAL MATCH (m:Meeting)-[:SET]->(d)
OPTIONAL MATCH (m)-[:HELD_BY]->(b:Organization)
OPTIONAL MATCH (p:Person)-[:CONTACT_FOR]->(d)
RETURN d.date AS date, d.kind AS kind, d.name AS what, d.start_time AS start_time, d.end_time AS end_time,
       d.location AS location, p.name AS contact, coalesce(d.email, p.emails[0]) AS email,
       coalesce(b.name, m.body_name) AS body, m.name AS set_at, d.id AS deadline_id
ORDER BY date, start_time, what
LIMIT $limit
