// Write guard for retracting a source: fails the whole transaction by dividing by zero when the source's citations are
// no longer the ones the retraction was computed from (a write cited it since). The source was locked first.
// @param id: "vermelho-2026-02-04-petro-trump"
// @param citing: 12
// The citations are sought by source through the index, hinted: where one source cites nearly everything (the seed
// alone), 3.1 would otherwise scan the label.
OPTIONAL MATCH (c:Citation)
USING INDEX c:Citation(sourceId)
WHERE c.sourceId = $id
WITH count(c) AS citing
RETURN 1 / CASE WHEN citing = $citing THEN 1 ELSE 0 END AS ok
