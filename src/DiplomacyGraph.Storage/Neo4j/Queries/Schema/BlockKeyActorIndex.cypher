// Neo4j 4.4+: entity resolution: an actor's blocking keys, replaced when it is written.
CREATE INDEX block_key_actorid IF NOT EXISTS FOR (b:BlockKey) ON (b.actorId)
