// The first $limit nodes other than sources, by id (CountFacts counts them all). Unanchored, the whole-graph export:
// 3.1 cannot order from an index, so it keeps the $limit least ids as it reads the label (a Top, not a full sort).
// @param limit: 500
MATCH (n:Node)
WHERE NOT n:Source
WITH n
ORDER BY n.id
LIMIT $limit
RETURN {id: n.id, labels: labels(n), properties: properties(n)} AS node
