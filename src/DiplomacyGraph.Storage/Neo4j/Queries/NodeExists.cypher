// Whether a node with this label ({{label}}, from the NodeLabel enum) and id exists.
// @param id: "gustavo-petro"
MATCH (n:{{label}} {id: $id})
RETURN n.id AS id
LIMIT 1
