// Every relationship whose evidence cites this source, reached from the source's citations (a seek on the Citation
// sourceId index, then the relationship between its ends through the id constraint; hinted, as over the seed's few
// nodes 3.1 would scan the label).
// @param id: "vermelho-2026-02-04-petro-trump"
MATCH (c:Citation)
USING INDEX c:Citation(sourceId)
WHERE c.sourceId = $id AND c.type IS NOT NULL
MATCH (a:Node)-[r]->(b:Node)
USING INDEX a:Node(id)
USING INDEX b:Node(id)
WHERE a.id = c.from AND b.id = c.to AND type(r) = c.type
RETURN {type: type(r), from: a.id, to: b.id, properties: properties(r)} AS edge
