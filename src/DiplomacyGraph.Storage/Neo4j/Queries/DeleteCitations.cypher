// Deletes citations by key ("sourceId|fact"), through the key constraint.
// @param keys: ["vermelho-2026-02-04-petro-trump|gustavo-petro"]
UNWIND $keys AS key
MATCH (c:Citation {key: key})
DELETE c
RETURN count(*) AS deleted
