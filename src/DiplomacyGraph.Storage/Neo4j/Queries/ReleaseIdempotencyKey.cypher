// Frees an idempotency key whose attempt wrote nothing.
// @param id: "writer\nkey-1"
// @param token: "0b6d"
MATCH (k:IdempotencyKey {id: $id})
WHERE k.token = $token AND NOT k.committed
DELETE k
RETURN count(k) AS released
