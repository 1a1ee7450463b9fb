// Neo4j 4.4+: an actor's topic keys, found to be replaced.
CREATE INDEX topic_key_actor IF NOT EXISTS FOR (t:TopicKey) ON (t.actorId)
