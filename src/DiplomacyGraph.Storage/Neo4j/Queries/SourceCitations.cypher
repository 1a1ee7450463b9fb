// How many nodes and relationships cite a source in their evidence.
// @param id: "vermelho-2026-02-04-petro-trump"
OPTIONAL MATCH (x:Node)
WHERE $id IN x.evidenceSources
WITH count(x) AS nodes
OPTIONAL MATCH ()-[r]->()
WHERE $id IN r.evidenceSources
WITH nodes, count(r) AS relationships
RETURN nodes + relationships AS citing
