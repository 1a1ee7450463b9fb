// One page of actors, by folded name then id, with the total before paging.
// $query is already folded (lower case, no accents) and matched against the folded searchTerms.
// @param kind: "person"
// @param query: "garcia"
// @param skip: 0
// @param limit: 20
MATCH (n:Actor)
WHERE ($kind IS NULL OR n.kind = $kind)
  AND ($query IS NULL OR any(term IN n.searchTerms WHERE term CONTAINS $query))
WITH n
ORDER BY n.sortKey, n.id
WITH collect(n) AS matches
RETURN size(matches) AS total,
  [n IN matches[$skip..($skip + $limit)] | {id: n.id, labels: labels(n), properties: properties(n)}] AS items
