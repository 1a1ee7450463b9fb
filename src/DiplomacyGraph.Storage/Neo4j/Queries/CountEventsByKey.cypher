// How many FindEventsByKey pages through.
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
RETURN count(n) AS total
