// Deletes every citation of a source (a seek on the Citation sourceId index), when the source is retracted.
// @param id: "vermelho-2026-02-04-petro-trump"
MATCH (c:Citation {sourceId: $id})
DELETE c
RETURN count(*) AS deleted
