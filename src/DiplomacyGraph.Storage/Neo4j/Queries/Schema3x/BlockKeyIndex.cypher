// Neo4j 3.x: entity resolution: the actors blocked under a key (a name token or a strong identifier).
CREATE INDEX ON :BlockKey(key)
