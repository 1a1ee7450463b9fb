// Neo4j 3.x: entity resolution: an actor's blocking keys, replaced when it is written.
CREATE INDEX ON :BlockKey(actorId)
