// How many FindEvents pages through.
// @param provenance: "curated"
MATCH (n:Event)
WITH n
WHERE $provenance IS NULL OR n.factProvenance = $provenance
RETURN count(n) AS total
