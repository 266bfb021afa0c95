// title: Hvem er de centrale aktører? | Who are the key stakeholders?
// description: Personer og organisationer rangeret efter betweenness-centralitet (hvor ofte de ligger på den korteste vej mellem andre) og degree-centralitet (hvor mange forbindelser de har) i netværket af møder, organer, initiativer og aftaler. | People and organisations ranked by betweenness centrality (how often they lie on the shortest path between others) and degree centrality (how many connections they have) in the network of meetings, bodies, initiatives and agreements.
// param kind: text optional -- Type (Person eller Organization) | Type (Person or Organization)
// choices kind: UNWIND ['Person', 'Organization', 'Initiative'] AS label RETURN label AS id, label AS name LIMIT 10
// param top: int default=20 min=1 max=500 -- Antal | How many
// result: table
// analytic: stakeholders
