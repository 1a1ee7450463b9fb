// Replaces every property of one node of a label ({{label}}, from the NodeLabel enum) with a complete map that
// the store computed (id and evidence lists included). The node was write-locked earlier in the transaction.
// @param id: "gustavo-petro"
// @param properties: {"id": "gustavo-petro", "name": "Gustavo Petro", "evidenceSources": ["s"], "evidenceTexts": ["t"]}
MATCH (n:Node:{{label}} {id: $id})
SET n = $properties
RETURN n.id AS id
