// Neo4j 4.4+: an actor's search keys, found to be replaced.
CREATE INDEX search_key_actor IF NOT EXISTS FOR (k:SearchKey) ON (k.actorId)
