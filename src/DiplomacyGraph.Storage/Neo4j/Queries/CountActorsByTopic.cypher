// How many actors ListActorsByTopic finds in all, before paging.
// @param topic: "sanction"
// @param kind: "person"
MATCH (t:TopicKey)
USING INDEX t:TopicKey(topic)
WHERE t.topic = $topic
MATCH (n:Actor {id: t.actorId})
WHERE $kind IS NULL OR n.kind = $kind
RETURN count(n) AS total
