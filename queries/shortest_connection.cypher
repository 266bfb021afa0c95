// title: Hvad er den korteste forbindelse mellem to? | What is the shortest connection between two entities?
// description: De korteste veje (højst 8 skridt, højst 10 forskellige) mellem to personer, organisationer, initiativer, møder eller emner, uden om dokumenterne. | The shortest paths (at most 8 steps, at most 10 different ones) between two people, organisations, initiatives, meetings or themes, not through the documents.
// param source: entity -- Fra | From
// param target: entity -- Til | To
// result: graph
MATCH (a:Person|Organization|Initiative|Meeting|Theme|Agreement|Document {id: $source})
MATCH (b:Person|Organization|Initiative|Meeting|Theme|Agreement|Document {id: $target})
WHERE a <> b
MATCH p = allShortestPaths((a)-[*..8]-(b))
WHERE all(n IN nodes(p) WHERE NOT n:Document OR n.id IN [$source, $target])
  AND all(r IN relationships(p) WHERE r.rejected IS NULL)
// Between two hubs there can be millions of equally short paths, and sorting them all would exhaust the
// server's memory: the first 200 found are enough to pick 10 different routes from.
WITH p LIMIT 200
WITH p, [n IN nodes(p) | n.id] AS route
ORDER BY route
WITH route, collect(p)[0] AS path
RETURN path, size(route) - 1 AS steps
LIMIT 10
