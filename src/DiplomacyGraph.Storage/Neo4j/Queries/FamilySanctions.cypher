// The sanctions that target each of several actors (an actor's family members: GetFamilySanctions), from each actor
// through the id constraint. Per member, as FindSanctionsByTarget pages one member's: by date (undated last) then id,
// the first $limit, with links. Rows come member by member, each member's in that order.
// $activeOn keeps those in force that day (SanctionLifetime: begin = start, else listed, else date; a partial end covers its period).
// @param targetIds: ["veronica-alcocer"]
// @param activeOn: "2026-02-03"
// @param limit: 500
UNWIND $targetIds AS targetId
MATCH (:Node {id: targetId})<-[:TARGETS]-(n:Sanction)
WITH DISTINCT targetId, n
WHERE $activeOn IS NULL OR (coalesce(n.start, n.listed, n.date) <= $activeOn AND (n.`end` IS NULL OR $activeOn <= n.`end` + '~'))
WITH targetId, n
ORDER BY targetId, coalesce(n.date, '~'), n.id
WITH targetId, collect(n)[..$limit] AS sanctions
UNWIND sanctions AS n
RETURN targetId, {id: n.id, labels: labels(n), properties: properties(n),
  outgoing: [(n)-[r]->(m) | {edge: {type: type(r), from: n.id, to: m.id, properties: properties(r)},
    other: {id: m.id, labels: labels(m), properties: {name: m.name, kind: m.kind, date: m.date, sortKey: m.sortKey}}}],
  incoming: [(n)<-[r]-(m) | {edge: {type: type(r), from: m.id, to: n.id, properties: properties(r)},
    other: {id: m.id, labels: labels(m), properties: {name: m.name, kind: m.kind, date: m.date, sortKey: m.sortKey}}}]} AS node
