// Deletes one node of a label ({{label}}, from the NodeLabel enum) with its relationships, when it has none or
// $cascade is true. NodeDegree locked and counted it earlier in the same transaction, so this deletes what was counted.
// @param id: "gustavo-petro"
// @param cascade: false
MATCH (n:Node:{{label}} {id: $id})
WITH n, size([(n)--() | 1]) AS links
WHERE $cascade OR links = 0
DETACH DELETE n
RETURN links AS deleted
