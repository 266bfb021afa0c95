// title: Hvem repræsenterer en organisation? | Who represents an organisation?
// description: Personer tilknyttet organisationen, med en rolle i den, eller som sidder i det organ den er (deltagere i dens møder), med roller og seneste møde. | People affiliated with the organisation, holding a role in it, or sitting on the body it is (attending its meetings), with their roles and latest meeting.
// param organization: organization -- Organisation | Organisation
// param limit: int default=100 min=1 max=5000 -- Højst rækker | At most rows
// result: table
// Each person once, the most recently active first. A busy body (thousands of meetings) is read from
// its newest `limit` meetings: anyone who attended none of them ranks below everyone who did, so
// when those meetings already name `limit` people nothing older can enter the page. Only when they
// do not are all its meetings read, and then the people merely affiliated or holding a role.
MATCH (o:Organization {id: $organization})
CALL (o) {
  MATCH (o)<-[rj1:HELD_BY WHERE rj1.rejected IS NULL]-(m)
  WITH m ORDER BY m.date DESC LIMIT $limit
  MATCH (m)<-[a:ATTENDED WHERE a.rejected IS NULL]-(p)
  UNWIND CASE WHEN size(coalesce(a.roles, [])) = 0 THEN [null] ELSE a.roles END AS role
  WITH p, max(m.date) AS last, collect(DISTINCT role) AS roles
  RETURN collect({person: p, last: last, roles: roles}) AS recent
}
CALL (o, recent) {
  WITH recent WHERE size(recent) >= $limit
  UNWIND recent AS row
  RETURN row.person AS p, row.last AS last_meeting, row.roles AS meeting_roles
  UNION
  WITH o, recent WHERE size(recent) < $limit
  CALL (o) {
    MATCH (o)<-[rj2:HELD_BY WHERE rj2.rejected IS NULL]-(m)<-[a:ATTENDED WHERE a.rejected IS NULL]-(p)
    UNWIND CASE WHEN size(coalesce(a.roles, [])) = 0 THEN [null] ELSE a.roles END AS role
    RETURN p, m.date AS last, role
    UNION ALL
    MATCH (o)<-[rj3:AFFILIATED_WITH|HOLDS_ROLE WHERE rj3.rejected IS NULL]-(p)
    RETURN DISTINCT p, null AS last, null AS role
  }
  RETURN p, max(last) AS last_meeting, collect(DISTINCT role) AS meeting_roles
}
WITH o, p, last_meeting, meeting_roles
ORDER BY last_meeting DESC, p.name
LIMIT $limit
RETURN o.name AS organization, p.name AS person,
       [relation IN [
          CASE WHEN last_meeting IS NOT NULL THEN 'member' END,
          CASE WHEN EXISTS { (p)-[rj4:HOLDS_ROLE WHERE rj4.rejected IS NULL]->(o) } THEN 'role' END,
          CASE WHEN EXISTS { (p)-[rj5:AFFILIATED_WITH WHERE rj5.rejected IS NULL]->(o) } THEN 'affiliated' END
        ] WHERE relation IS NOT NULL] AS relations,
       COLLECT {
         MATCH (p)-[r:HOLDS_ROLE WHERE r.rejected IS NULL]->(o) RETURN r.role AS role
         UNION
         UNWIND meeting_roles AS role RETURN role
       } AS roles,
       last_meeting, p.id AS person_id
