// Events of a quad class (a seek on the Event quadClass index; stored as a float, as every number); the other filters test what it finds.
// One page, by date (undated last) then id, with links; CountEventsByQuadClass counts the whole.
// @param kind: "CONSULT"
// @param mode: "visit"
// @param context: "illegal_drugs"
// @param sector: "GOV"
// @param quadClass: 1.0
// @param actorId: "gustavo-petro"
// @param from: "2025-01-01"
// @param to: "2026-12-31"
// @param provenance: "curated"
// @param skip: 0
// @param limit: 20
// Links are references (BareLinks): each relationship's type and ends, without the properties and evidence the list does not show.
MATCH (n:Event)
USING INDEX n:Event(quadClass)
WHERE n.quadClass = $quadClass
  AND ($kind IS NULL OR n.kind = $kind)
  AND ($provenance IS NULL OR n.factProvenance = $provenance)
  AND ($mode IS NULL OR n.mode = $mode)
  AND ($quadClass IS NULL OR n.quadClass = $quadClass)
  AND ($context IS NULL OR $context IN coalesce(n.contexts, []))
  AND ($sector IS NULL
    OR size([(n)<-[r:PARTICIPATED_IN]-() WHERE r.sector = $sector | 1]) + size([(n)-[r:TARGETED]->() WHERE r.sector = $sector | 1]) > 0)
  AND ($actorId IS NULL OR size([(n)--(a:Node) WHERE a.id = $actorId | 1]) > 0)
  AND (($from IS NULL AND $to IS NULL)
    OR (n.date IS NOT NULL AND ($from IS NULL OR n.date + '~' >= $from) AND ($to IS NULL OR n.date <= $to)))
WITH n
ORDER BY coalesce(n.date, '~'), n.id
SKIP $skip
LIMIT $limit
RETURN {id: n.id, labels: labels(n), properties: properties(n),
  outgoing: [(n)-[r]->(m) | {edge: {type: type(r), from: n.id, to: m.id, properties: {}},
    other: {id: m.id, labels: labels(m), properties: {name: m.name, kind: m.kind, date: m.date, sortKey: m.sortKey}}}],
  incoming: [(n)<-[r]-(m) | {edge: {type: type(r), from: m.id, to: n.id, properties: {}},
    other: {id: m.id, labels: labels(m), properties: {name: m.name, kind: m.kind, date: m.date, sortKey: m.sortKey}}}]} AS node
