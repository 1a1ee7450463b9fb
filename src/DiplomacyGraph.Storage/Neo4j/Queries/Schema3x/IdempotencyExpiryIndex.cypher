// Neo4j 3.x: the purge of expired idempotency keys seeks this index instead of scanning the keys.
CREATE INDEX ON :IdempotencyKey(expiresAt)
