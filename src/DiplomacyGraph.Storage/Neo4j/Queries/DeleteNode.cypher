// Deletes one node of a label ({{label}}, from the NodeLabel enum) with its relationships.
// @param id: "gustavo-petro"
MATCH (n:Node:{{label}} {id: $id})
DETACH DELETE n
RETURN count(*) AS deleted
