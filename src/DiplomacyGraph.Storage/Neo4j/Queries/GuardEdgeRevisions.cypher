// Write guard, as GuardNodeRevisions, for relationships (one per from, type, to; the type compared as a parameter).
// Their start nodes were write-locked earlier in the same transaction. Ends first, then OptionalExpand(Into) from the
// end with fewer relationships (see ImportReadEdges), so a guard on a hub's relationship costs no more than any other.
// @param edges: [{"from": "bernie-moreno", "type": "PARTICIPATED_IN", "to": "white-house-meeting-2026-02-03", "rev": 0}]
UNWIND $edges AS e
WITH e, e.from AS fromId, e.to AS toId
OPTIONAL MATCH (a:Node {id: fromId})
OPTIONAL MATCH (b:Node {id: toId})
OPTIONAL MATCH (a)-[r]->(b)
WHERE type(r) = e.type
WITH e, r
WITH sum(CASE
    WHEN r IS NULL THEN CASE WHEN e.rev = -1 THEN 0 ELSE 1 END
    WHEN coalesce(r.rev, 0) = e.rev THEN 0
    ELSE 1 END) AS refused
RETURN 1 / CASE WHEN refused = 0 THEN 1 ELSE 0 END AS ok
