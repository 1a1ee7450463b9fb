// The first $limit dated nodes of one label ({{label}}: Event or Statement) in a date range, by date then id: a range
// seek on the date index from $floor to $ceiling (see FindEventsByDate). The store merges the two labels' lists.
// @label: Event
// @param floor: "2025"
// @param ceiling: "2026-12-31"
// @param from: "2025-01-01"
// @param to: "2026-12-31"
// @param limit: 100
// @param provenance: "curated"
// Links are references (BareLinks): each relationship's type and ends, without the properties and evidence the list does not show.
MATCH (n:{{label}})
USING INDEX n:{{label}}(date)
WHERE n.date >= $floor AND n.date <= $ceiling
  AND ($from IS NULL OR n.date + '~' >= $from)
  AND ($to IS NULL OR n.date <= $to)
WITH n
WHERE $provenance IS NULL OR n.factProvenance = $provenance
WITH n
ORDER BY coalesce(n.date, '~'), n.id
LIMIT $limit
RETURN {id: n.id, labels: labels(n), properties: properties(n),
  outgoing: [(n)-[r]->(m) | {edge: {type: type(r), from: n.id, to: m.id, properties: {}},
    other: {id: m.id, labels: labels(m), properties: {name: m.name, kind: m.kind, date: m.date, sortKey: m.sortKey}}}],
  incoming: [(n)<-[r]-(m) | {edge: {type: type(r), from: m.id, to: n.id, properties: {}},
    other: {id: m.id, labels: labels(m), properties: {name: m.name, kind: m.kind, date: m.date, sortKey: m.sortKey}}}]} AS node
