// How many nodes and relationships cite a source in their evidence: its citations (a seek on the sourceId index).
// @param id: "vermelho-2026-02-04-petro-trump"
OPTIONAL MATCH (c:Citation {sourceId: $id})
RETURN count(c) AS citing
