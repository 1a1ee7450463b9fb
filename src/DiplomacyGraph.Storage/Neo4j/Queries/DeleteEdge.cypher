// Deletes one relationship by its ends and type; the type is compared as a parameter, never interpolated. Ends first,
// then OptionalExpand(Into) from the end with fewer relationships (see ImportReadEdges), never every edge of a hub.
// @param from: "bernie-moreno"
// @param type: "PARTICIPATED_IN"
// @param to: "white-house-meeting-2026-02-03"
MATCH (a:Node {id: $from})
MATCH (b:Node {id: $to})
OPTIONAL MATCH (a)-[r]->(b)
WHERE type(r) = $type
WITH r
WHERE r IS NOT NULL
DELETE r
RETURN count(*) AS deleted
