// Events of a provenance (a seek on the factProvenance index: FactProvenance, curated or coded).
// One page, by date (undated last) then id, with links; CountEventsByProvenance counts the whole.
// @param provenance: "curated"
// @param skip: 0
// @param limit: 20
// Links are references (BareLinks): each relationship's type and ends, without the properties and evidence the list does not show.
MATCH (n:Event)
USING INDEX n:Event(factProvenance)
WHERE n.factProvenance = $provenance
WITH n
ORDER BY coalesce(n.date, '~'), n.id
SKIP $skip
LIMIT $limit
RETURN {id: n.id, labels: labels(n), properties: properties(n),
  outgoing: [(n)-[r]->(m) | {edge: {type: type(r), from: n.id, to: m.id, properties: {}},
    other: {id: m.id, labels: labels(m), properties: {name: m.name, kind: m.kind, date: m.date, sortKey: m.sortKey}}}],
  incoming: [(n)<-[r]-(m) | {edge: {type: type(r), from: m.id, to: n.id, properties: {}},
    other: {id: m.id, labels: labels(m), properties: {name: m.name, kind: m.kind, date: m.date, sortKey: m.sortKey}}}]} AS node
