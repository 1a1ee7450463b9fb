// Deletes the citations of one node of a label ({{label}}, from the NodeLabel enum) and of its relationships, when
// DeleteNode, next in the same transaction, deletes it: it has no relationships, or $cascade is true.
// @param id: "gustavo-petro"
// @param cascade: false
MATCH (n:Node:{{label}} {id: $id})
WITH n, [(n)-[r]-() | startNode(r).id + ':' + type(r) + ':' + endNode(r).id] AS edges
WHERE $cascade OR size(edges) = 0
UNWIND [n.id] + edges AS fact
WITH DISTINCT fact
MATCH (c:Citation {fact: fact})
DELETE c
RETURN count(*) AS deleted
