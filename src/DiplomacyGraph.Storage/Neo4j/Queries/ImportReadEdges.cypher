// Import: the current state of the relationships an import touches, one per (from, type, to).
// @param edges: [{"from": "gustavo-petro", "type": "PARTICIPATED_IN", "to": "white-house-meeting"}]
UNWIND $edges AS e
MATCH (a:Node {id: e.from})-[r]->(b:Node {id: e.to})
WHERE type(r) = e.type
RETURN {type: type(r), from: a.id, to: b.id, properties: properties(r)} AS edge
