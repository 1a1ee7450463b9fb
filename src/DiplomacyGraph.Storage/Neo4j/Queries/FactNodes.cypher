// The first $limit nodes other than sources, by id (CountFacts counts them all), each with its relationships to others
// among them: the whole-graph export's nodes and edges from one label scan, in one statement. Unanchored: 3.1 cannot
// order from an index, so it keeps the $limit least ids as it reads the label (a Top, not a full sort).
// @param limit: 500
MATCH (n:Node)
WHERE NOT n:Source
WITH n
ORDER BY n.id
LIMIT $limit
WITH collect(n) AS nodes
UNWIND nodes AS a
RETURN {id: a.id, labels: labels(a), properties: properties(a)} AS node,
  [(a)-[r]->(b) WHERE b IN nodes | {type: type(r), from: a.id, to: b.id, properties: properties(r)}] AS edges
