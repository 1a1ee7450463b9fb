// The citations of these facts (node ids, or relationship ids "from:TYPE:to"): each source's claims on each, as parallel
// lists of fields and JSON-encoded values, their origin (entity resolution: the fact they were made about, when
// merged here), and the source's provenance and publication date, which rank the claims (SourceRank).
// Both lookups are hinted: over small statistics 3.1 was seen to scan an index instead of seeking it.
// @param ids: ["us-sanctions-on-gustavo-petro", "donald-trump:IMPOSED:us-sanctions-on-gustavo-petro"]
UNWIND $ids AS fact
MATCH (c:Citation)
USING INDEX c:Citation(fact)
WHERE c.fact = fact
OPTIONAL MATCH (s:Source)
USING INDEX s:Source(id)
WHERE s.id = c.sourceId
RETURN c.fact AS fact, c.sourceId AS sourceId, c.origin AS origin, coalesce(c.fields, []) AS fields, coalesce(c.values, []) AS values, s.published AS published, s.provenance AS provenance
