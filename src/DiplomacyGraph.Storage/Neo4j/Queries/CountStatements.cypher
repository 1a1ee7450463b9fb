// How many FindStatements pages through.
// @param query: "drug"
MATCH (n:Statement)
WHERE ($query IS NULL OR any(term IN n.searchTerms WHERE term CONTAINS $query))
RETURN count(n) AS total
