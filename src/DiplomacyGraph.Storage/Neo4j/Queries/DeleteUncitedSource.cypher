// Deletes one source node (and its relationships) when no node or relationship cites it in its evidence, as counted
// by SourceCitations earlier in the same transaction.
// @param id: "vermelho-2026-02-04-petro-trump"
MATCH (s:Node:Source {id: $id})
OPTIONAL MATCH (x:Node)
WHERE $id IN x.evidenceSources
WITH s, count(x) AS nodes
OPTIONAL MATCH ()-[r]->()
WHERE $id IN r.evidenceSources
WITH s, nodes, count(r) AS relationships
WITH s, nodes + relationships AS citing
WHERE citing = 0
DETACH DELETE s
RETURN citing AS deleted
