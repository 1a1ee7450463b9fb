// Every relationship whose two ends are both among the given nodes, found from each node through the id constraint.
// @param ids: ["gustavo-petro", "donald-trump"]
UNWIND $ids AS id
MATCH (a:Node {id: id})-[r]->(b:Node)
WHERE b.id IN $ids
RETURN {type: type(r), from: a.id, to: b.id, properties: properties(r)} AS edge
