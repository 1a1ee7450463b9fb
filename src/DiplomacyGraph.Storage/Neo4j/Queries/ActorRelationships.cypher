// An actor's relationships, optionally of one type and one direction ('out', 'in' or 'both'); no row when the actor is unknown.
// @param id: "gustavo-petro"
// @param type: "PARTICIPATED_IN"
// @param direction: "both"
MATCH (n:Actor {id: $id})
RETURN {id: n.id, labels: labels(n), properties: properties(n),
  outgoing: [(n)-[r]->(m) WHERE $direction IN ['out', 'both'] AND ($type IS NULL OR type(r) = $type) |
    {edge: {type: type(r), from: n.id, to: m.id, properties: properties(r)},
     other: {id: m.id, labels: labels(m), properties: {name: m.name, kind: m.kind, date: m.date, sortKey: m.sortKey}}}],
  incoming: [(n)<-[r]-(m) WHERE $direction IN ['in', 'both'] AND ($type IS NULL OR type(r) = $type) |
    {edge: {type: type(r), from: m.id, to: n.id, properties: properties(r)},
     other: {id: m.id, labels: labels(m), properties: {name: m.name, kind: m.kind, date: m.date, sortKey: m.sortKey}}}]} AS node
