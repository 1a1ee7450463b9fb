// How many nodes and relationships cite a source in their evidence: its citations (a seek on the sourceId index).
// @param id: "vermelho-2026-02-04-petro-trump"
// The citations are sought by source through the index, hinted: where one source cites nearly everything (the seed
// alone), 3.1 would otherwise scan the label.
OPTIONAL MATCH (c:Citation)
USING INDEX c:Citation(sourceId)
WHERE c.sourceId = $id
RETURN count(c) AS citing
