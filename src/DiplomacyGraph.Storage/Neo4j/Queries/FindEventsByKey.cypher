// Events of a PLOVER context or sector (a seek on the EventKey index: 3.1 cannot index list membership or
// relationship properties, so each event's contexts and its participants' and recipients' sectors are kept as
// EventKey nodes, $key "context:…" or "sector:…"). Keys may outlive a value (a deleted relationship), never miss one:
// the other filters, the context and sector among them, test what the keys find.
// One page, by date (undated last) then id, with links; CountEventsByKey counts the whole.
// @param key: "context:illegal_drugs"
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
MATCH (k:EventKey)
USING INDEX k:EventKey(key)
WHERE k.key = $key
WITH DISTINCT k.eventId AS eventId
MATCH (n:Event)
USING INDEX n:Event(id)
WHERE n.id = eventId
WITH n
WHERE true
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
