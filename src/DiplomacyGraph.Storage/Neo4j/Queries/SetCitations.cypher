// Writes citations: one node per (source, fact), outside the graph (no Node label, no relationships), so traversals,
// networks and counts never meet them. It holds the source's claims on the fact as parallel lists (fields, and values
// JSON-encoded, since a property list holds one type only), and the relationship's ends and type when the fact is one.
// A merged node's claims keep their origin (the id they were made about), which is part of the key.
// @param rows: [{"key": "s|gustavo-petro", "sourceId": "s", "origin": null, "fact": "gustavo-petro", "from": null, "type": null, "to": null, "fields": ["name"], "values": ["\"Gustavo Petro\""]}]
UNWIND $rows AS row
MERGE (c:Citation {key: row.key})
SET c.sourceId = row.sourceId, c.origin = row.origin, c.fact = row.fact, c.from = row.from, c.type = row.type, c.to = row.to,
  c.fields = CASE WHEN size(row.fields) = 0 THEN null ELSE row.fields END,
  c.values = CASE WHEN size(row.values) = 0 THEN null ELSE row.values END
RETURN count(c) AS written
