// Neo4j 4.4+: one citation per (source, fact), its key "sourceId|fact"; a write merges citations on it.
CREATE CONSTRAINT citation_key IF NOT EXISTS FOR (c:Citation) REQUIRE c.key IS UNIQUE
