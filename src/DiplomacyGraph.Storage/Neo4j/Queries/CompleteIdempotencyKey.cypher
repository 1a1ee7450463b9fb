// Stores the answer of the attempt holding an idempotency key.
// @param id: "writer\nkey-1"
// @param token: "0b6d"
// @param answer: "{\"status\":201}"
MATCH (k:IdempotencyKey {id: $id})
WHERE k.token = $token
SET k.answer = $answer
RETURN count(k) AS completed
