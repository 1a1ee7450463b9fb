// Writes relationships of one type ({{type}}, from the RelationshipTypes allow-list), one per (from, type, to), as the
// store computed them from their claims (ClaimRules): every property, evidence lists and revision included.
// @param rows: [{"from": "gustavo-petro", "to": "white-house-meeting-2026-02-03", "properties": {"role": "guest", "rev": 1, "evidenceSources": ["s"], "evidenceTexts": ["t"]}}]
UNWIND $rows AS row
MATCH (a:Node {id: row.from})
MATCH (b:Node {id: row.to})
MERGE (a)-[r:{{type}}]->(b)
SET r = row.properties
RETURN count(r) AS written
