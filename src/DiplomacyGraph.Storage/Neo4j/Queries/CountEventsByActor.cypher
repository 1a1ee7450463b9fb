// How many FindEventsByActor pages through.
// @param actorId: "gustavo-petro"
// @param kind: "CONSULT"
// @param from: "2025-01-01"
// @param to: "2026-12-31"
// @param provenance: "curated"
MATCH (:Node {id: $actorId})--(n:Event)
WITH DISTINCT n
WHERE ($kind IS NULL OR n.kind = $kind)
  AND (($from IS NULL AND $to IS NULL)
    OR (n.date IS NOT NULL AND ($from IS NULL OR n.date + '~' >= $from) AND ($to IS NULL OR n.date <= $to)))
WITH n
WHERE $provenance IS NULL OR n.factProvenance = $provenance
RETURN count(n) AS total
