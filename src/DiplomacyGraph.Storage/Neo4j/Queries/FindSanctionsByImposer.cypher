// Sanctions an actor imposed (from the actor, through the id constraint), optionally on a target, under a programme and of a kind.
// One page, by date (undated last) then id, with links; CountSanctionsByImposer counts the whole.
// $activeOn keeps those in force that day (SanctionLifetime: begin = start, else listed, else date; a partial end covers its period).
// @param imposerId: "united-states"
// @param targetId: "gustavo-petro"
// @param programId: "ftm-program-us-rushar"
// @param kind: "financial"
// @param activeOn: "2026-02-03"
// @param skip: 0
// @param limit: 20
// @param provenance: "curated"
MATCH (:Node {id: $imposerId})-[:IMPOSED]->(n:Sanction)
WITH DISTINCT n
WHERE ($targetId IS NULL OR size([(n)-[:TARGETS]->(t) WHERE t.id = $targetId | 1]) > 0)
  AND ($programId IS NULL OR size([(n)-[:UNDER_PROGRAM]->(p) WHERE p.id = $programId | 1]) > 0)
  AND ($kind IS NULL OR n.kind = $kind)
WITH n
WHERE $activeOn IS NULL OR (coalesce(n.start, n.listed, n.date) <= $activeOn AND (n.`end` IS NULL OR $activeOn <= n.`end` + '~'))
WITH n
WHERE $provenance IS NULL OR n.factProvenance = $provenance
WITH n
ORDER BY coalesce(n.date, '~'), n.id
SKIP $skip
LIMIT $limit
RETURN {id: n.id, labels: labels(n), properties: properties(n),
  outgoing: [(n)-[r]->(m) | {edge: {type: type(r), from: n.id, to: m.id, properties: properties(r)},
    other: {id: m.id, labels: labels(m), properties: {name: m.name, kind: m.kind, date: m.date, sortKey: m.sortKey}}}],
  incoming: [(n)<-[r]-(m) | {edge: {type: type(r), from: m.id, to: n.id, properties: properties(r)},
    other: {id: m.id, labels: labels(m), properties: {name: m.name, kind: m.kind, date: m.date, sortKey: m.sortKey}}}]} AS node
