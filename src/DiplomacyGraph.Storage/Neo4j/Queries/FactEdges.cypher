// The relationships among the nodes FactNodes.cypher reads (the first $limit nodes other than sources, by id), in the
// same request, so the whole-graph export is one round trip: found from each of those nodes, its other end tested
// against the same list.
// @param limit: 500
MATCH (n:Node)
WHERE NOT n:Source
WITH n
ORDER BY n.id
LIMIT $limit
WITH collect(n) AS nodes
UNWIND nodes AS a
MATCH (a)-[r]->(b:Node)
WHERE b IN nodes
RETURN {type: type(r), from: a.id, to: b.id, properties: properties(r)} AS edge
