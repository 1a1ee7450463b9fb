// How many FindStatementsAbout pages through.
// @param aboutId: "gustavo-petro"
// @param query: "drug"
// @param provenance: "curated"
MATCH (:Node {id: $aboutId})<-[:ABOUT]-(n:Statement)
WITH DISTINCT n
WHERE ($query IS NULL OR any(term IN n.searchTerms WHERE term CONTAINS $query))
WITH n
WHERE $provenance IS NULL OR n.factProvenance = $provenance
RETURN count(n) AS total
