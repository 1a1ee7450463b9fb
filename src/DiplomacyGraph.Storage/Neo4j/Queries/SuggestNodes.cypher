// Candidates for suggestions when an id is missing, of any label but Source: the nodes whose id or folded name or
// alias contains one of $terms, the first $limit by name; Suggestions.Rank orders them. Only a miss runs it.
// @param terms: ["petro", "petr"]
// @param limit: 200
MATCH (n:Node)
WHERE NOT n:Source
  AND any(t IN $terms WHERE n.id CONTAINS t OR any(term IN n.searchTerms WHERE term CONTAINS t))
WITH n
ORDER BY n.sortKey, n.id
LIMIT $limit
RETURN {id: n.id, labels: labels(n), properties: properties(n)} AS node
