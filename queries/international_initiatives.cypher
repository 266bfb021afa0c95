// title: Hvilke EU- og internationale initiativer er danske organer knyttet til? | Which EU and international initiatives are Danish bodies linked to?
// description: Initiativerne (programmer, projekter, infrastrukturer, regler) med de organisationer der deltager i eller finansierer dem, de organer hvis møder har drøftet dem, og deres lande. Vælg et land (DK) for kun at se dets organer. | The initiatives (programmes, projects, infrastructures, regulations) with the organisations that take part in or fund them, the bodies whose meetings discussed them, and their countries. Choose a country (DK) to see only its bodies.
// param initiative: initiative optional -- Initiativ | Initiative
// param country: text optional -- Land (ISO-kode: DK, NO, SE, GB, EU) | Country (ISO code: DK, NO, SE, GB, EU)
// choices country: MATCH (o:Organization) WHERE o.country IS NOT NULL RETURN DISTINCT o.country AS id, o.country AS name ORDER BY id LIMIT 300
// result: table
// The country is the organisations' `country` (ISO 3166-1 alpha-2 of the seat, EU for the EU's bodies);
// with one, only initiatives that a body of that country takes part in, funds or discussed are listed.
// The bodies that discussed an initiative come from `Document.body` (the body whose meeting a document
// records), one property per mentioning document rather than two hops through each meeting.
CALL () {
  MATCH (i:Initiative {id: $initiative}) RETURN i
  UNION
  MATCH (i:Initiative) WHERE $initiative IS NULL RETURN i
}
WITH i, toUpper(trim($country)) AS country
WITH i, country,
     COLLECT {
       MATCH (o:Organization)-[rj1:PARTICIPATES_IN WHERE rj1.rejected IS NULL]->(i) WHERE country IS NULL OR o.country = country
       RETURN DISTINCT o ORDER BY o.name
     } AS participating,
     COLLECT {
       MATCH (o:Organization)-[rj2:FUNDS WHERE rj2.rejected IS NULL]->(i) WHERE country IS NULL OR o.country = country
       RETURN DISTINCT o ORDER BY o.name
     } AS funding,
     COLLECT {
       MATCH (d:Document)-[rj3:MENTIONS WHERE rj3.rejected IS NULL]->(i) WHERE d.body IS NOT NULL
       WITH DISTINCT d.body AS body
       MATCH (b:Organization {id: body}) WHERE country IS NULL OR b.country = country
       RETURN b ORDER BY b.name
     } AS discussing,
     COLLECT { MATCH (d:Document)-[rj4:MENTIONS WHERE rj4.rejected IS NULL]->(i) RETURN max(d.date) } AS last
WHERE country IS NULL OR size(participating) + size(funding) + size(discussing) > 0
WITH i, participating, funding, discussing, last,
     COLLECT {
       UNWIND participating + funding + discussing AS body
       WITH DISTINCT body.country AS code WHERE code IS NOT NULL
       RETURN code ORDER BY code
     } AS countries
RETURN i.name AS initiative, i.type AS type, i.aliases AS aliases,
       [o IN participating | o.name] AS participants, [o IN funding | o.name] AS funders,
       [b IN discussing | b.name] AS discussed_by, countries, last[0] AS last_mentioned, i.id AS initiative_id,
       [o IN participating + funding + discussing | o.id] AS body_id
ORDER BY size(participating) + size(discussing) DESC, initiative
LIMIT 500
