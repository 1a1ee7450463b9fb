// Deletes relationships by their ends and type (the type compared as a parameter, never interpolated). Ends first,
// then OptionalExpand(Into) from the end with fewer relationships (see ImportReadEdges), never every edge of a hub.
// @param edges: [{"from": "bernie-moreno", "type": "PARTICIPATED_IN", "to": "white-house-meeting-2026-02-03"}]
UNWIND $edges AS e
WITH e, e.from AS fromId, e.to AS toId
MATCH (a:Node {id: fromId})
MATCH (b:Node {id: toId})
OPTIONAL MATCH (a)-[r]->(b)
WHERE type(r) = e.type
WITH r
WHERE r IS NOT NULL
DELETE r
RETURN count(*) AS deleted
