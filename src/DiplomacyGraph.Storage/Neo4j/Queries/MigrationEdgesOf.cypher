// A migration's page of relationships: those leaving these nodes (each relationship once, from its start node's page).
// @param ids: ["gustavo-petro", "donald-trump"]
UNWIND $ids AS id
MATCH (a:Node {id: id})-[r]->(b:Node)
RETURN {type: type(r), from: a.id, to: b.id, properties: properties(r)} AS edge
