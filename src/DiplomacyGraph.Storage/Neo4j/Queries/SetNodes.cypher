// Writes nodes of one label ({{label}}, from the NodeLabel enum) as the store computed them from their claims
// (ClaimRules): every property, id, evidence lists and revision included. The write locked them and checked their
// revisions earlier in the same transaction.
// @param rows: [{"id": "gustavo-petro", "properties": {"id": "gustavo-petro", "name": "Gustavo Petro", "rev": 1, "evidenceSources": ["s"], "evidenceTexts": ["t"]}}]
UNWIND $rows AS row
MERGE (n:Node:{{label}} {id: row.id})
SET n = row.properties
RETURN count(n) AS written
