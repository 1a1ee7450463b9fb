// Every relationship whose two ends are both among the given nodes.
// @param ids: ["gustavo-petro", "donald-trump"]
MATCH (a:Node)-[r]->(b:Node)
WHERE a.id IN $ids AND b.id IN $ids
RETURN {type: type(r), from: a.id, to: b.id, properties: properties(r)} AS edge
