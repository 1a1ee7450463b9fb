// Every node whose evidence cites this source.
// @param id: "vermelho-2026-02-04-petro-trump"
MATCH (n:Node)
WHERE $id IN n.evidenceSources
RETURN {id: n.id, labels: labels(n), properties: properties(n)} AS node
