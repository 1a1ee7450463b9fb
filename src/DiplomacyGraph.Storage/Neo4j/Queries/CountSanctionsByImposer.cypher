// How many FindSanctionsByImposer pages through.
// @param imposerId: "united-states"
// @param targetId: "gustavo-petro"
// @param kind: "financial"
MATCH (:Node {id: $imposerId})-[:IMPOSED]->(n:Sanction)
WITH DISTINCT n
WHERE ($targetId IS NULL OR size([(n)-[:TARGETS]->(t) WHERE t.id = $targetId | 1]) > 0)
  AND ($kind IS NULL OR n.kind = $kind)
RETURN count(n) AS total
