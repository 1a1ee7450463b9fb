// How many FindStatementsBySpeaker pages through.
// @param speakerId: "donald-trump"
// @param aboutId: "gustavo-petro"
// @param query: "drug"
// @param provenance: "curated"
MATCH (:Node {id: $speakerId})-[:SAID]->(n:Statement)
WITH DISTINCT n
WHERE ($aboutId IS NULL OR size([(n)-[:ABOUT]->(a) WHERE a.id = $aboutId | 1]) > 0)
  AND ($query IS NULL OR any(term IN n.searchTerms WHERE term CONTAINS $query))
WITH n
WHERE $provenance IS NULL OR n.factProvenance = $provenance
RETURN count(n) AS total
