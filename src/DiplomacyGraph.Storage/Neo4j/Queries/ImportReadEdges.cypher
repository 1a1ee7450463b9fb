// Import: the current state of the relationships an import touches, one per (from, type, to).
// Both ends are sought by id first, so the relationship is found by OptionalExpand(Into), which 3.1 starts from the
// end with fewer relationships: a single MATCH of the path was planned as an expand of every relationship of `from`
// (a country hub's thousands, per edge, seen in PROFILE) or as a scan of the whole id index. The ends' ids are taken
// out of the map first: sought as `e.from`, 3.1 was seen to scan the id index over small statistics, hint or not.
// @param edges: [{"from": "gustavo-petro", "type": "PARTICIPATED_IN", "to": "white-house-meeting"}]
UNWIND $edges AS e
WITH e, e.from AS fromId, e.to AS toId
MATCH (a:Node {id: fromId})
MATCH (b:Node {id: toId})
OPTIONAL MATCH (a)-[r]->(b)
WHERE type(r) = e.type
WITH a, b, r
WHERE r IS NOT NULL
RETURN {type: type(r), from: a.id, to: b.id, properties: properties(r)} AS edge
