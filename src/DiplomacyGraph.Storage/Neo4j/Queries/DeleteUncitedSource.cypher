// Deletes one source node (and its relationships) when no node or relationship cites it, as counted by
// SourceCitations earlier in the same transaction.
// @param id: "vermelho-2026-02-04-petro-trump"
MATCH (s:Node:Source {id: $id})
OPTIONAL MATCH (c:Citation {sourceId: $id})
WITH s, count(c) AS citing
WHERE citing = 0
DETACH DELETE s
RETURN citing AS deleted
