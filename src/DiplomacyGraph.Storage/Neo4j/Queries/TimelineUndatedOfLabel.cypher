// The first $limit undated nodes of one label ({{label}}: Event or Statement), by id: the tail of an unanchored
// timeline asked with includeUndated. Unanchored, like TimelineOfLabel; the store merges the two labels' lists.
// @label: Event
// @param limit: 100
// @param provenance: "curated"
// Links are references (BareLinks): each relationship's type and ends, without the properties and evidence the list does not show.
MATCH (n:{{label}})
WHERE n.date IS NULL
WITH n
WHERE $provenance IS NULL OR n.factProvenance = $provenance
WITH n
ORDER BY n.id
LIMIT $limit
RETURN {id: n.id, labels: labels(n), properties: properties(n),
  outgoing: [(n)-[r]->(m) | {edge: {type: type(r), from: n.id, to: m.id, properties: {}},
    other: {id: m.id, labels: labels(m), properties: {name: m.name, kind: m.kind, date: m.date, sortKey: m.sortKey}}}],
  incoming: [(n)<-[r]-(m) | {edge: {type: type(r), from: m.id, to: n.id, properties: {}},
    other: {id: m.id, labels: labels(m), properties: {name: m.name, kind: m.kind, date: m.date, sortKey: m.sortKey}}}]} AS node
