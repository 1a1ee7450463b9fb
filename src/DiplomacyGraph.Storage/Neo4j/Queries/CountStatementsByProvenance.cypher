// How many FindStatementsByProvenance pages through.
// @param provenance: "curated"
// @param query: "drug"
MATCH (n:Statement)
USING INDEX n:Statement(factProvenance)
WHERE n.factProvenance = $provenance
  AND ($query IS NULL OR any(term IN n.searchTerms WHERE term CONTAINS $query))
RETURN count(n) AS total
