// How many FindStatements pages through.
// @param query: "drug"
// @param provenance: "curated"
MATCH (n:Statement)
WHERE ($query IS NULL OR any(term IN n.searchTerms WHERE term CONTAINS $query))
WITH n
WHERE $provenance IS NULL OR n.factProvenance = $provenance
RETURN count(n) AS total
