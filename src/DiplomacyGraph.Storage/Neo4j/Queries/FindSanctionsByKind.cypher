// Sanctions of a kind (a seek on the kind index).
// One page, by date (undated last) then id, with links; CountSanctionsByKind counts the whole.
// $activeOn keeps those in force that day (SanctionLifetime: begin = start, else listed, else date; a partial end covers its period).
// @param kind: "financial"
// @param activeOn: "2026-02-03"
// @param skip: 0
// @param limit: 20
// @param provenance: "curated"
MATCH (n:Sanction)
USING INDEX n:Sanction(kind)
WHERE n.kind = $kind
WITH n
WHERE $activeOn IS NULL OR (coalesce(n.start, n.listed, n.date) <= $activeOn AND (n.`end` IS NULL OR $activeOn <= n.`end` + '~'))
WITH n
WHERE $provenance IS NULL OR n.factProvenance = $provenance
WITH n
ORDER BY coalesce(n.date, '~'), n.id
SKIP $skip
LIMIT $limit
RETURN {id: n.id, labels: labels(n), properties: properties(n),
  outgoing: [(n)-[r]->(m) | {edge: {type: type(r), from: n.id, to: m.id, properties: properties(r)},
    other: {id: m.id, labels: labels(m), properties: {name: m.name, kind: m.kind, date: m.date, sortKey: m.sortKey}}}],
  incoming: [(n)<-[r]-(m) | {edge: {type: type(r), from: m.id, to: n.id, properties: properties(r)},
    other: {id: m.id, labels: labels(m), properties: {name: m.name, kind: m.kind, date: m.date, sortKey: m.sortKey}}}]} AS node
