// One page of every actor, by folded name then id. Unanchored: it reads the whole label, which 3.1 cannot order
// from an index (the plan test lists it as an exception).
// @param skip: 0
// @param limit: 20
MATCH (n:Actor)
WITH n
ORDER BY n.sortKey, n.id
SKIP $skip
LIMIT $limit
RETURN {id: n.id, labels: labels(n), properties: properties(n)} AS node
