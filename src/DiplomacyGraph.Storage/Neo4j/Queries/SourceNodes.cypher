// Every node whose evidence cites this source, reached from the source's citations (a seek on the Citation sourceId
// index, then the node through the id constraint; hinted, as over the seed's few nodes 3.1 would scan the label).
// @param id: "vermelho-2026-02-04-petro-trump"
MATCH (c:Citation)
USING INDEX c:Citation(sourceId)
WHERE c.sourceId = $id AND c.type IS NULL
MATCH (n:Node)
USING INDEX n:Node(id)
WHERE n.id = c.fact
RETURN {id: n.id, labels: labels(n), properties: properties(n)} AS node
