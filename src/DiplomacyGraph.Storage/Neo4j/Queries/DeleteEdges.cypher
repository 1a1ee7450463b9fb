// Deletes relationships by their ends and type (the type compared as a parameter, never interpolated).
// @param edges: [{"from": "bernie-moreno", "type": "PARTICIPATED_IN", "to": "white-house-meeting-2026-02-03"}]
UNWIND $edges AS e
MATCH (a:Node {id: e.from})-[r]->(b:Node {id: e.to})
WHERE type(r) = e.type
DELETE r
RETURN count(*) AS deleted
