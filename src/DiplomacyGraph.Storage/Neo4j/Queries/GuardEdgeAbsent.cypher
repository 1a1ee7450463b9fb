// Write guard for creating a relationship: fails the whole transaction by dividing by zero
// (Neo.ClientError.Statement.ArithmeticError) when the relationship already exists. Its start node is locked first
// in the same transaction, so two concurrent creates of one relationship cannot both pass. Ends first, then
// OptionalExpand(Into) from the end with fewer relationships (see ImportReadEdges), never every edge of a hub.
// @param from: "bernie-moreno"
// @param type: "PARTICIPATED_IN"
// @param to: "white-house-meeting-2026-02-03"
OPTIONAL MATCH (a:Node {id: $from})
OPTIONAL MATCH (b:Node {id: $to})
OPTIONAL MATCH (a)-[r]->(b)
WHERE type(r) = $type
WITH count(r) AS existing
RETURN 1 / CASE WHEN existing = 0 THEN 1 ELSE 0 END AS ok
