// How many FindPrograms pages through.
// @param query: "substitution"
MATCH (n:Program)
WHERE $query IS NULL OR any(term IN n.searchTerms WHERE term CONTAINS $query)
RETURN count(n) AS total
