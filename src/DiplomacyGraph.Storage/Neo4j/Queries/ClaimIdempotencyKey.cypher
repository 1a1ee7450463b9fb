// Takes an idempotency key for one attempt (its token), or answers the attempt that holds it. MERGE on the uniquely
// constrained id is atomic, so of two attempts at once exactly one finds its own token.
// @param row: {"id": "writer\nkey-1", "fingerprint": "3f2a", "token": "0b6d", "leaseUntil": 1765152060000, "expiresAt": 1765238400000}
MERGE (k:IdempotencyKey {id: $row.id})
  ON CREATE SET k.fingerprint = $row.fingerprint, k.token = $row.token, k.leaseUntil = $row.leaseUntil,
    k.expiresAt = $row.expiresAt, k.committed = false
RETURN k.token = $row.token AS claimed, k.fingerprint AS fingerprint, k.token AS token, k.leaseUntil AS leaseUntil,
  k.expiresAt AS expiresAt, k.committed AS committed, k.answer AS answer
