// Deletes one source node (and its relationships) when no node or relationship cites it: it has no citations (a seek
// on the Citation sourceId index), as SourceCitations counted earlier in the same transaction. The source is sought
// through its id constraint (hinted: over few sources, 3.1 would otherwise scan the label).
// @param id: "vermelho-2026-02-04-petro-trump"
// The citations are sought by source through the index, hinted: where one source cites nearly everything (the seed
// alone), 3.1 would otherwise scan the label.
OPTIONAL MATCH (c:Citation)
USING INDEX c:Citation(sourceId)
WHERE c.sourceId = $id
WITH count(c) AS citing
MATCH (s:Source)
USING INDEX s:Source(id)
WHERE s.id = $id AND citing = 0
DETACH DELETE s
RETURN citing AS deleted
