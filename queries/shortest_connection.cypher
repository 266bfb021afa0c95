// title: Hvad er den korteste forbindelse mellem to? | What is the shortest connection between two entities?
// description: De korteste veje (højst 8 skridt, højst 10 forskellige ruter, nummereret) mellem to personer, organisationer, initiativer, møder eller emner, uden om dokumenterne og tallene. | The shortest paths (at most 8 steps, at most 10 different routes, numbered) between two people, organisations, initiatives, meetings or themes, not through the documents or the figures.
// param source: entity -- Fra | From
// param target: entity -- Til | To
// result: graph
MATCH (a:Person|Organization|Initiative|Meeting|Theme|Agreement|Document {id: $source})
MATCH (b:Person|Organization|Initiative|Meeting|Theme|Agreement|Document {id: $target})
WHERE a <> b
// A figure ("Aktuelt er der 14.505 genomer ...") is about an organisation and reported at a meeting: a route
// through it links two things only because a number mentioned them, so no route passes one (nor a document).
MATCH p = allShortestPaths((a)-[*..8]-(b))
WHERE all(n IN nodes(p) WHERE NOT n:Figure AND (NOT n:Document OR n.id IN [$source, $target]))
  AND all(r IN relationships(p) WHERE r.rejected IS NULL)
// Between two hubs there can be millions of equally short paths, and sorting them all would exhaust the
// server's memory: the first 200 found are enough to pick 10 different routes from.
WITH p LIMIT 200
WITH p, [n IN nodes(p) | n.id] AS ids
WITH ids, collect(p)[0] AS path
ORDER BY ids
LIMIT 10
// Each route its number (1, 2, ...), which the drawing gives each of its edges (graph.questions).
WITH collect(path) AS paths
UNWIND range(1, size(paths)) AS route
RETURN route, paths[route - 1] AS path, length(paths[route - 1]) AS steps
ORDER BY route
