// One relationship by its ends and type; the type is compared as a parameter, never interpolated.
// @param from: "bernie-moreno"
// @param type: "PARTICIPATED_IN"
// @param to: "white-house-meeting-2026-02-03"
MATCH (a:Node {id: $from})-[r]->(b:Node {id: $to})
WHERE type(r) = $type
RETURN {type: type(r), from: a.id, to: b.id, properties: properties(r)} AS edge
