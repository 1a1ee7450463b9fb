// The nodes one hop from any of the given nodes, either way, with the key they sort by: one breadth-first step.
// @param ids: ["gustavo-petro"]
UNWIND $ids AS id
MATCH (:Node {id: id})--(m:Node)
RETURN DISTINCT m.id AS id, m.sortKey AS sortKey
