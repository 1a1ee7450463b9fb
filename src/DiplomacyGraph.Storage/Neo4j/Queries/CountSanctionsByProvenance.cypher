// How many FindSanctionsByProvenance pages through.
// $activeOn keeps those in force that day (SanctionLifetime: begin = start, else listed, else date; a partial end covers its period).
// @param provenance: "curated"
// @param activeOn: "2026-02-03"
MATCH (n:Sanction)
USING INDEX n:Sanction(factProvenance)
WHERE n.factProvenance = $provenance
WITH n
WHERE $activeOn IS NULL OR (coalesce(n.start, n.listed, n.date) <= $activeOn AND (n.`end` IS NULL OR $activeOn <= n.`end` + '~'))
RETURN count(n) AS total
