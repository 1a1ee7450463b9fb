// Candidates for suggestions when an id of one label ({{label}}, from the NodeLabel enum) is missing: the nodes of
// that label whose id or folded name or alias contains one of $terms, the first $limit by name. Only a miss runs it.
// @param terms: ["petro", "petr"]
// @param limit: 200
MATCH (n:{{label}})
WHERE any(t IN $terms WHERE n.id CONTAINS t OR any(term IN n.searchTerms WHERE term CONTAINS t))
WITH n
ORDER BY n.sortKey, n.id
LIMIT $limit
RETURN {id: n.id, labels: labels(n), properties: properties(n)} AS node
