// The first $limit dated nodes of one label ({{label}}: Event or Statement), by date then id. Unanchored: the store
// merges the two labels' lists; 3.1 cannot order them from the date index.
// @label: Event
// @param limit: 100
// @param provenance: "curated"
// Links are references (BareLinks): each relationship's type and ends, without the properties and evidence the list does not show.
MATCH (n:{{label}})
WHERE n.date IS NOT NULL
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
