// One page of the actors carrying a topic code (a seek on the TopicKey index: 3.1 cannot index list membership, so
// each actor's topics are kept as TopicKey nodes too), by folded name then id. $kind, when given, filters the actors found.
// @param topic: "sanction"
// @param kind: "person"
// @param skip: 0
// @param limit: 20
MATCH (t:TopicKey)
USING INDEX t:TopicKey(topic)
WHERE t.topic = $topic
MATCH (n:Actor {id: t.actorId})
WHERE $kind IS NULL OR n.kind = $kind
WITH n
ORDER BY n.sortKey, n.id
SKIP $skip
LIMIT $limit
RETURN {id: n.id, labels: labels(n), properties: properties(n)} AS node
