// Every relationship whose evidence cites this source, reached from the source's citations (a seek on the Citation
// sourceId index, then the relationship from its start node through the id constraint).
// @param id: "vermelho-2026-02-04-petro-trump"
MATCH (c:Citation {sourceId: $id})
WHERE c.type IS NOT NULL
MATCH (a:Node {id: c.from})-[r]->(b:Node {id: c.to})
WHERE type(r) = c.type
RETURN {type: type(r), from: a.id, to: b.id, properties: properties(r)} AS edge
