// Events linked to an actor either way (from the actor, through the id constraint), optionally of a kind and in a date range.
// One page, by date (undated last) then id, with links; CountEventsByActor counts the whole.
// @param actorId: "gustavo-petro"
// @param kind: "CONSULT"
// @param from: "2025-01-01"
// @param to: "2026-12-31"
// @param skip: 0
// @param limit: 20
// @param provenance: "curated"
// Links are references (BareLinks): each relationship's type and ends, without the properties and evidence the list does not show.
MATCH (:Node {id: $actorId})--(n:Event)
WITH DISTINCT n
WHERE ($kind IS NULL OR n.kind = $kind)
  AND (($from IS NULL AND $to IS NULL)
    OR (n.date IS NOT NULL AND ($from IS NULL OR n.date + '~' >= $from) AND ($to IS NULL OR n.date <= $to)))
WITH n
WHERE $provenance IS NULL OR n.factProvenance = $provenance
WITH n
ORDER BY coalesce(n.date, '~'), n.id
SKIP $skip
LIMIT $limit
RETURN {id: n.id, labels: labels(n), properties: properties(n),
  outgoing: [(n)-[r]->(m) | {edge: {type: type(r), from: n.id, to: m.id, properties: {}},
    other: {id: m.id, labels: labels(m), properties: {name: m.name, kind: m.kind, date: m.date, sortKey: m.sortKey}}}],
  incoming: [(n)<-[r]-(m) | {edge: {type: type(r), from: m.id, to: n.id, properties: {}},
    other: {id: m.id, labels: labels(m), properties: {name: m.name, kind: m.kind, date: m.date, sortKey: m.sortKey}}}]} AS node
