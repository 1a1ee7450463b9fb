// Neo4j 3.x: one citation per (source, fact), its key "sourceId|fact"; a write merges citations on it.
CREATE CONSTRAINT ON (c:Citation) ASSERT c.key IS UNIQUE
