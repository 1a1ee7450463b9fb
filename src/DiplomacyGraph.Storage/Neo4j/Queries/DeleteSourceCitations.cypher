// Deletes every citation of a source (a seek on the Citation sourceId index), when the source is retracted.
// @param id: "vermelho-2026-02-04-petro-trump"
// The citations are sought by source through the index, hinted: where one source cites nearly everything (the seed
// alone), 3.1 would otherwise scan the label.
MATCH (c:Citation)
USING INDEX c:Citation(sourceId)
WHERE c.sourceId = $id
DELETE c
RETURN count(*) AS deleted
