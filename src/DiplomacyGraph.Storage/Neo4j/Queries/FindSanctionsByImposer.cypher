// Sanctions an actor imposed (from the actor, through the id constraint), optionally on a target and of a kind.
// One page, by date (undated last) then id, with links; CountSanctionsByImposer counts the whole.
// @param imposerId: "united-states"
// @param targetId: "gustavo-petro"
// @param kind: "financial"
// @param skip: 0
// @param limit: 20
MATCH (:Node {id: $imposerId})-[:IMPOSED]->(n:Sanction)
WITH DISTINCT n
WHERE ($targetId IS NULL OR size([(n)-[:TARGETS]->(t) WHERE t.id = $targetId | 1]) > 0)
  AND ($kind IS NULL OR n.kind = $kind)
WITH n
ORDER BY coalesce(n.date, '~'), n.id
SKIP $skip
LIMIT $limit
RETURN {id: n.id, labels: labels(n), properties: properties(n),
  outgoing: [(n)-[r]->(m) | {edge: {type: type(r), from: n.id, to: m.id, properties: properties(r)},
    other: {id: m.id, labels: labels(m), properties: properties(m)}}],
  incoming: [(n)<-[r]-(m) | {edge: {type: type(r), from: m.id, to: n.id, properties: properties(r)},
    other: {id: m.id, labels: labels(m), properties: properties(m)}}]} AS node
