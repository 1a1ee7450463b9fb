// A write's first statement: write-locks the nodes it touches that exist (ids in a fixed order, against deadlocks), so
// its guards and merges see them as they stay until it commits. It returns a count only: the write decided from an
// earlier read, and returning every locked node's properties (thousands per GDELT batch) cost as much as the locking.
// @param ids: ["donald-trump", "gustavo-petro"]
UNWIND $ids AS id
MATCH (n:Node {id: id})
SET n._lock = true
REMOVE n._lock
RETURN count(n) AS locked
