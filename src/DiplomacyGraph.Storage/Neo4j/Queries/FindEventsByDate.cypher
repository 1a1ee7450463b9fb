// Events in a date range: a range seek on the date index from $floor (the year of $from, which partial dates
// such as "2025-09" sort after) to $ceiling ($to, or "~" above every date), then the exact GraphOrder.InRange test.
// One page, by date (undated last) then id, with links; CountEventsByDate counts the whole.
// @param floor: "2025"
// @param ceiling: "2026-12-31"
// @param from: "2025-01-01"
// @param to: "2026-12-31"
// @param skip: 0
// @param limit: 20
// @param provenance: "curated"
// Links are references (BareLinks): each relationship's type and ends, without the properties and evidence the list does not show.
MATCH (n:Event)
USING INDEX n:Event(date)
WHERE n.date >= $floor AND n.date <= $ceiling
  AND ($from IS NULL OR n.date + '~' >= $from)
  AND ($to IS NULL OR n.date <= $to)
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
