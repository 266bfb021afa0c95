// title: Hvem repræsenterer en organisation? | Who represents an organisation?
// description: Personer tilknyttet organisationen, med en rolle i den, eller som sidder i det organ den er (deltagere i dens møder), med roller og seneste møde. | People affiliated with the organisation, holding a role in it, or sitting on the body it is (attending its meetings), with their roles and latest meeting.
// param organization: organization -- Organisation | Organisation
// result: table
MATCH (o:Organization {id: $organization})
CALL (o) {
  MATCH (p:Person)-[:AFFILIATED_WITH]->(o)
  RETURN p, 'affiliated' AS relation, null AS role, null AS date
  UNION
  MATCH (p:Person)-[r:HOLDS_ROLE]->(o)
  RETURN p, 'role' AS relation, r.role AS role, null AS date
  UNION
  MATCH (p:Person)-[a:ATTENDED]->(m:Meeting)-[:HELD_BY]->(o)
  UNWIND CASE WHEN size(coalesce(a.roles, [])) = 0 THEN [null] ELSE a.roles END AS role
  RETURN p, 'member' AS relation, role, m.date AS date
}
WITH o, p, collect(DISTINCT relation) AS relations, collect(DISTINCT role) AS roles, max(date) AS last_meeting
RETURN o.name AS organization, p.name AS person, relations, roles, last_meeting, p.id AS person_id
ORDER BY size(relations) DESC, person
LIMIT 1000
