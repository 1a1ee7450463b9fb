// Neo4j 4.4+: entity resolution: the actors blocked under a key (a name token or a strong identifier).
CREATE INDEX block_key_key IF NOT EXISTS FOR (b:BlockKey) ON (b.key)
