// One page of the actors of a kind (a seek on the kind index), by folded name then id.
// @param kind: "person"
// @param skip: 0
// @param limit: 20
MATCH (n:Actor)
USING INDEX n:Actor(kind)
WHERE n.kind = $kind
WITH n
ORDER BY n.sortKey, n.id
SKIP $skip
LIMIT $limit
RETURN {id: n.id, labels: labels(n), properties: properties(n)} AS node
