// Every relationship of these nodes, either way, with its properties: those that go when the nodes are deleted.
// @param ids: ["gustavo-petro"]
UNWIND $ids AS id
MATCH (n:Node {id: id})-[r]-()
WITH DISTINCT r
RETURN {type: type(r), from: startNode(r).id, to: endNode(r).id, properties: properties(r)} AS edge
