// Neo4j 4.4+: the purge of expired idempotency keys seeks this index instead of scanning the keys.
CREATE INDEX idempotency_key_expiry IF NOT EXISTS FOR (k:IdempotencyKey) ON (k.expiresAt)
