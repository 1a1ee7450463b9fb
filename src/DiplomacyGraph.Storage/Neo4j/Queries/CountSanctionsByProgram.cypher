// How many FindSanctionsByProgram pages through.
// $activeOn keeps those in force that day (SanctionLifetime: begin = start, else listed, else date; a partial end covers its period).
// @param programId: "ftm-program-us-rushar"
// @param kind: "financial"
// @param activeOn: "2026-02-03"
// @param provenance: "curated"
MATCH (:Node {id: $programId})<-[:UNDER_PROGRAM]-(n:Sanction)
WITH DISTINCT n
WHERE $kind IS NULL OR n.kind = $kind
WITH n
WHERE $activeOn IS NULL OR (coalesce(n.start, n.listed, n.date) <= $activeOn AND (n.`end` IS NULL OR $activeOn <= n.`end` + '~'))
WITH n
WHERE $provenance IS NULL OR n.factProvenance = $provenance
RETURN count(n) AS total
