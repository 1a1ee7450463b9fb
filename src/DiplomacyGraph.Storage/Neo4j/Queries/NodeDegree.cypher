// How many relationships a node of a label ({{label}}, from the NodeLabel enum) has, write-locking it first so
// that a delete decided on this count deletes what was counted. No row when there is no such node.
// @param id: "gustavo-petro"
MATCH (n:Node:{{label}} {id: $id})
SET n._lock = true
REMOVE n._lock
RETURN size([(n)--() | 1]) AS links
