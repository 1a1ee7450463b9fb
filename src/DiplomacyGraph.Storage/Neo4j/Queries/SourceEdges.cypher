// Every relationship whose evidence cites this source.
// @param id: "vermelho-2026-02-04-petro-trump"
MATCH (a:Node)-[r]->(b:Node)
WHERE $id IN r.evidenceSources
RETURN {type: type(r), from: a.id, to: b.id, properties: properties(r)} AS edge
