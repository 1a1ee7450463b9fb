// Neo4j 3.x: an actor's topic keys, found to be replaced.
CREATE INDEX ON :TopicKey(actorId)
