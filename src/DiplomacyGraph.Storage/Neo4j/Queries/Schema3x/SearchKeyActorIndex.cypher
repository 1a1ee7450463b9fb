// Neo4j 3.x: an actor's search keys, found to be replaced.
CREATE INDEX ON :SearchKey(actorId)
