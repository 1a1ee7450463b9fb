// Neo4j 4.4+: one idempotency key per caller and key, its id "caller\nkey"; the constraint makes MERGE on it atomic.
CREATE CONSTRAINT idempotency_key_id IF NOT EXISTS FOR (k:IdempotencyKey) REQUIRE k.id IS UNIQUE
