// One page of actors found by their search keys (SearchKey nodes, one per key of ActorSearchKeys): a range seek on
// the key index (STARTS WITH), then each actor through its id constraint. Ranked as ActorSearchKeys says: an exact
// name or alias (0) before a word prefix (1), then by relationships (most first), then by folded name and id.
// $query is already folded and trimmed; $kind and $topic, when given, filter the actors found.
// @param query: "petro"
// @param kind: "person"
// @param topic: "sanction"
// @param skip: 0
// @param limit: 20
MATCH (k:SearchKey)
USING INDEX k:SearchKey(key)
WHERE k.key STARTS WITH $query
WITH k.actorId AS id, min(CASE WHEN k.whole AND k.key = $query THEN 0 ELSE 1 END) AS rank
MATCH (n:Actor {id: id})
WHERE ($kind IS NULL OR n.kind = $kind) AND ($topic IS NULL OR $topic IN n.topics)
WITH n, rank, size([(n)--() | 1]) AS degree
ORDER BY rank, degree DESC, n.sortKey, n.id
SKIP $skip
LIMIT $limit
RETURN {id: n.id, labels: labels(n), properties: properties(n)} AS node
