// Deletes one relationship by its ends and type; the type is compared as a parameter, never interpolated.
// @param from: "bernie-moreno"
// @param type: "PARTICIPATED_IN"
// @param to: "white-house-meeting-2026-02-03"
MATCH (a:Node {id: $from})-[r]->(b:Node {id: $to})
WHERE type(r) = $type
DELETE r
RETURN count(*) AS deleted
