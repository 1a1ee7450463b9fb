// Writes actors' topic keys: one TopicKey node per actor and topic code, outside the graph (no Node label, no
// relationships), so traversals never meet them; ListActorsByTopic seeks them by topic.
// @param keys: [{"topic": "sanction", "actorId": "gustavo-petro"}]
UNWIND $keys AS row
MERGE (:TopicKey {topic: row.topic, actorId: row.actorId})
