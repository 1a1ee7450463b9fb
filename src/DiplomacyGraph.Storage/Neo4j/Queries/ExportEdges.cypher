// Export: the relationships leaving the first $limit facts whose id comes after $after (as ExportFacts pages them),
// one row per fact and relationship (a fact without one gives a row without an edge, so the page's last id is known).
// @param after: "gustavo-petro"
// @param limit: 500
MATCH (a:Node)
WHERE a.id > $after AND NOT a:Source
WITH a
ORDER BY a.id
LIMIT $limit
OPTIONAL MATCH (a)-[r]->(b:Node)
RETURN a.id AS fact,
  CASE WHEN r IS NULL THEN null ELSE {type: type(r), from: a.id, to: b.id, properties: properties(r)} END AS edge
