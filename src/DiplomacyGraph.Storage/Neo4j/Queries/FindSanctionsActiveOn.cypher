// One page of the sanctions in force on $activeOn (SanctionLifetime's rule): begin (start, else listed, else date)
// on or before the day, and no end or an end on or after it; a partial date covers its whole month or year ('~'
// sorts after every digit). No begin: never in force. Ordered and paged as FindSanctions.
// @param imposerId: "united-states"
// @param targetId: "gustavo-petro"
// @param kind: "financial"
// @param activeOn: "2026-02-03"
// @param skip: 0
// @param limit: 20
MATCH (n:Sanction)
WHERE ($kind IS NULL OR n.kind = $kind)
  AND ($imposerId IS NULL OR size([(i)-[:IMPOSED]->(n) WHERE i.id = $imposerId | 1]) > 0)
  AND ($targetId IS NULL OR size([(n)-[:TARGETS]->(t) WHERE t.id = $targetId | 1]) > 0)
  AND coalesce(n.start, n.listed, n.date) <= $activeOn
  AND (n.`end` IS NULL OR $activeOn <= n.`end` + '~')
WITH n
ORDER BY n.date, n.id
WITH collect(n) AS matches
RETURN size(matches) AS total,
  [n IN matches[$skip..($skip + $limit)] | {id: n.id, labels: labels(n), properties: properties(n),
    outgoing: [(n)-[r]->(m) | {edge: {type: type(r), from: n.id, to: m.id, properties: properties(r)},
      other: {id: m.id, labels: labels(m), properties: properties(m)}}],
    incoming: [(n)<-[r]-(m) | {edge: {type: type(r), from: m.id, to: n.id, properties: properties(r)},
      other: {id: m.id, labels: labels(m), properties: properties(m)}}]}] AS items
