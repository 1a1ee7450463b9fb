// Import, first statement: write-locks the nodes an import touches (ids in a fixed order, against deadlocks)
// and reads their current state, so the summary and the checks see what the write will merge into.
// @param ids: ["donald-trump", "gustavo-petro"]
UNWIND $ids AS id
MATCH (n:Node {id: id})
SET n._lock = true
REMOVE n._lock
RETURN {id: n.id, labels: labels(n), properties: properties(n)} AS node
