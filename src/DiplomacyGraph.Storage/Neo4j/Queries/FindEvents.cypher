// One page of events by date (undated last) then id, with links and the total before paging.
// A date bound excludes undated events; $actorId keeps events linked to that node either way.
// @param kind: "CONSULT"
// @param from: "2025-01-01"
// @param to: "2026-12-31"
// @param actorId: "gustavo-petro"
// @param skip: 0
// @param limit: 20
MATCH (n:Event)
WHERE ($kind IS NULL OR n.kind = $kind)
  AND (($from IS NULL AND $to IS NULL)
    OR (n.date IS NOT NULL AND ($from IS NULL OR n.date + '~' >= $from) AND ($to IS NULL OR n.date <= $to)))
  AND ($actorId IS NULL OR size([(n)--(a) WHERE a.id = $actorId | 1]) > 0)
WITH n
ORDER BY n.date, n.id
WITH collect(n) AS matches
RETURN size(matches) AS total,
  [n IN matches[$skip..($skip + $limit)] | {id: n.id, labels: labels(n), properties: properties(n),
    outgoing: [(n)-[r]->(m) | {edge: {type: type(r), from: n.id, to: m.id, properties: properties(r)},
      other: {id: m.id, labels: labels(m), properties: properties(m)}}],
    incoming: [(n)<-[r]-(m) | {edge: {type: type(r), from: m.id, to: n.id, properties: properties(r)},
      other: {id: m.id, labels: labels(m), properties: properties(m)}}]}] AS items
