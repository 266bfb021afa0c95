// title: Hvem repræsenterer en organisation? | Who represents an organisation?
// description: Personer tilknyttet organisationen, med en rolle i den, eller som sidder i det organ den er (deltagere i dens møder), med roller og seneste møde. | People affiliated with the organisation, holding a role in it, or sitting on the body it is (attending its meetings), with their roles and latest meeting.
// param organization: organization -- Organisation | Organisation
// param limit: int default=100 min=1 max=5000 -- Højst rækker | At most rows
// result: table
// Each person once, the most recently active first. Roles come from the role statements and from the
// attendance lists of the body's meetings; both are read once per relationship, without a join. No
// label checks on the far ends: these relationship types only ever link people, meetings and bodies.
MATCH (o:Organization {id: $organization})
CALL (o) {
  MATCH (o)<-[:HELD_BY]-(m)
  WITH m, m.date AS date
  MATCH (m)<-[a:ATTENDED]-(p)
  WITH p, date, a.roles AS roles
  UNWIND CASE WHEN size(coalesce(roles, [])) = 0 THEN [null] ELSE roles END AS role
  RETURN p, 'member' AS relation, role, date
  UNION ALL
  MATCH (o)<-[r:HOLDS_ROLE]-(p)
  RETURN p, 'role' AS relation, r.role AS role, null AS date
  UNION ALL
  MATCH (o)<-[:AFFILIATED_WITH]-(p)
  RETURN p, 'affiliated' AS relation, null AS role, null AS date
}
WITH o, p, collect(DISTINCT relation) AS relations, collect(DISTINCT role) AS roles, max(date) AS last_meeting
ORDER BY last_meeting DESC, size(relations) DESC, p.name
LIMIT $limit
RETURN o.name AS organization, p.name AS person, relations, roles, last_meeting, p.id AS person_id
