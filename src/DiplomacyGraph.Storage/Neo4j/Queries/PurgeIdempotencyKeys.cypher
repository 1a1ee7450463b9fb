// Deletes idempotency keys that expired (Unix milliseconds), a bounded batch per claim, found through the expiry index.
// @param now: 1765152000000
MATCH (k:IdempotencyKey)
WHERE k.expiresAt < $now
WITH k LIMIT 1000
DELETE k
RETURN count(k) AS purged
