// Writes nodes of one label ({{label}}, from the NodeLabel enum) as the store computed them from their claims
// (ClaimRules): every property, id, evidence lists and revision included. The write locked them and checked their
// revisions earlier in the same transaction. A node read as absent is written with revision 0; if another transaction
// created it since (a lock cannot be taken on a node that does not exist yet), ON MATCH divides by that 0 and the
// ArithmeticError refuses the whole write like a guard, so the store reads again and merges both.
// @param rows: [{"id": "gustavo-petro", "properties": {"id": "gustavo-petro", "name": "Gustavo Petro", "rev": 1, "evidenceSources": ["s"], "evidenceTexts": ["t"]}}]
UNWIND $rows AS row
MERGE (n:Node:{{label}} {id: row.id})
ON MATCH SET n.rev = 1 / row.properties.rev
SET n = row.properties
RETURN count(n) AS written
