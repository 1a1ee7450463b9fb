// Neo4j 3.x: one idempotency key per caller and key, its id "caller\nkey"; the constraint makes MERGE on it atomic.
CREATE CONSTRAINT ON (k:IdempotencyKey) ASSERT k.id IS UNIQUE
