// title: Hvilke EU- og internationale initiativer er danske organer knyttet til? | Which EU and international initiatives are Danish bodies linked to?
// description: Initiativerne (programmer, projekter, infrastrukturer, regler) med de organisationer der deltager i eller finansierer dem, og de organer hvis møder har drøftet dem. | The initiatives (programmes, projects, infrastructures, regulations) with the organisations that take part in or fund them, and the bodies whose meetings discussed them.
// param initiative: initiative optional -- Initiativ | Initiative
// result: table
MATCH (i:Initiative)
WHERE $initiative IS NULL OR i.id = $initiative
WITH i,
     COLLECT { MATCH (o:Organization)-[:PARTICIPATES_IN]->(i) RETURN DISTINCT o.name ORDER BY o.name } AS participants,
     COLLECT { MATCH (o:Organization)-[:FUNDS]->(i) RETURN DISTINCT o.name ORDER BY o.name } AS funders,
     COLLECT {
       MATCH (d:Document)-[:MENTIONS]->(i)
       MATCH (d)-[:RECORDS]->(:Meeting)-[:HELD_BY]->(b:Organization)
       RETURN DISTINCT b.name ORDER BY b.name
     } AS discussed_by,
     COLLECT { MATCH (d:Document)-[:MENTIONS]->(i) RETURN d.date ORDER BY d.date DESC LIMIT 1 } AS last
RETURN i.name AS initiative, i.type AS type, i.aliases AS aliases, participants, funders, discussed_by,
       last[0] AS last_mentioned, i.id AS initiative_id
ORDER BY size(participants) + size(discussed_by) DESC, initiative
LIMIT 500
