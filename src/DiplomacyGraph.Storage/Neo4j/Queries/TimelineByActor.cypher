// Events and statements linked to an actor either way (from the actor, through the id constraint), optionally in a
// date range, by date, then label name, then id (GraphOrder.Timeline), with links. Undated ones come only with
// $includeUndated, whatever the date range (their date is unknown), after the dated ones: they sort by
// coalesce(n.date, '~'), '~' coming after every digit, because 3.1 answers the pattern comprehensions of a row
// ordered by a null property with null instead of the links.
// @param actorId: "gustavo-petro"
// @param from: "2025-01-01"
// @param to: "2026-12-31"
// @param includeUndated: false
// @param limit: 100
// @param provenance: "curated"
// Links are references (BareLinks): each relationship's type and ends, without the properties and evidence the list does not show.
MATCH (:Node {id: $actorId})--(n)
WHERE (n:Event OR n:Statement)
  AND ((n.date IS NULL AND $includeUndated)
    OR (n.date IS NOT NULL AND ($from IS NULL OR n.date + '~' >= $from) AND ($to IS NULL OR n.date <= $to)))
WITH DISTINCT n
WITH n
WHERE $provenance IS NULL OR n.factProvenance = $provenance
WITH n, CASE WHEN n:Event THEN 'Event' ELSE 'Statement' END AS label
ORDER BY coalesce(n.date, '~'), label, n.id
LIMIT $limit
RETURN {id: n.id, labels: labels(n), properties: properties(n),
  outgoing: [(n)-[r]->(m) | {edge: {type: type(r), from: n.id, to: m.id, properties: {}},
    other: {id: m.id, labels: labels(m), properties: {name: m.name, kind: m.kind, date: m.date, sortKey: m.sortKey}}}],
  incoming: [(n)<-[r]-(m) | {edge: {type: type(r), from: m.id, to: n.id, properties: {}},
    other: {id: m.id, labels: labels(m), properties: {name: m.name, kind: m.kind, date: m.date, sortKey: m.sortKey}}}]} AS node
