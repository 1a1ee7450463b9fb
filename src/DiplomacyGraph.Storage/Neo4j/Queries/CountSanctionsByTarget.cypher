// How many FindSanctionsByTarget pages through.
// @param targetId: "gustavo-petro"
// @param kind: "financial"
MATCH (:Node {id: $targetId})<-[:TARGETS]-(n:Sanction)
WITH DISTINCT n
WHERE $kind IS NULL OR n.kind = $kind
RETURN count(n) AS total
