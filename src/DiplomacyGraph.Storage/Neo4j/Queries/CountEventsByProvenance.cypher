// How many FindEventsByProvenance pages through.
// @param provenance: "curated"
MATCH (n:Event)
USING INDEX n:Event(factProvenance)
WHERE n.factProvenance = $provenance
RETURN count(n) AS total
