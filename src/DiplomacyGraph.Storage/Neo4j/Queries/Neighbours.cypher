// The ids of every node one hop from any of the given nodes, either way: one breadth-first step.
// @param ids: ["gustavo-petro"]
UNWIND $ids AS id
MATCH (:Node {id: id})--(m)
RETURN DISTINCT m.id AS id
