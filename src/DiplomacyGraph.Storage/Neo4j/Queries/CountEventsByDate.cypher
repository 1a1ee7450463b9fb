// How many FindEventsByDate pages through.
// @param floor: "2025"
// @param ceiling: "2026-12-31"
// @param from: "2025-01-01"
// @param to: "2026-12-31"
// @param provenance: "curated"
MATCH (n:Event)
USING INDEX n:Event(date)
WHERE n.date >= $floor AND n.date <= $ceiling
  AND ($from IS NULL OR n.date + '~' >= $from)
  AND ($to IS NULL OR n.date <= $to)
WITH n
WHERE $provenance IS NULL OR n.factProvenance = $provenance
RETURN count(n) AS total
