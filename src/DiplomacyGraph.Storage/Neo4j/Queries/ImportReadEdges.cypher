// Import: the current state of the relationships an import touches, one per (from, type, to).
// Both ends are sought by id first, so the relationship is found by OptionalExpand(Into), which 3.1 starts from the
// end with fewer relationships: a single MATCH of the path was planned as an expand of every relationship of `from`
// (a country hub's thousands, per edge, seen in PROFILE) or as a scan of the whole id index.
// @param edges: [{"from": "gustavo-petro", "type": "PARTICIPATED_IN", "to": "white-house-meeting"}]
UNWIND $edges AS e
MATCH (a:Node {id: e.from})
MATCH (b:Node {id: e.to})
OPTIONAL MATCH (a)-[r]->(b)
WHERE type(r) = e.type
WITH a, b, r
WHERE r IS NOT NULL
RETURN {type: type(r), from: a.id, to: b.id, properties: properties(r)} AS edge
