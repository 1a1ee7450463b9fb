// Marks the key guarding a write as committed, as the last statement of that write's own transaction.
// @param id: "writer\nkey-1"
// @param token: "0b6d"
MATCH (k:IdempotencyKey {id: $id})
WHERE k.token = $token
SET k.committed = true
RETURN count(k) AS marked
