// A node of one label ({{label}}, from the NodeLabel enum) with every relationship it has, both ways.
// Links are projected by direction separately so that a self-loop appears once out and once in, as in the embedded store.
// @param id: "gustavo-petro"
MATCH (n:{{label}} {id: $id})
RETURN {id: n.id, labels: labels(n), properties: properties(n),
  outgoing: [(n)-[r]->(m) | {edge: {type: type(r), from: n.id, to: m.id, properties: properties(r)},
    other: {id: m.id, labels: labels(m), properties: {name: m.name, kind: m.kind, date: m.date, sortKey: m.sortKey}}}],
  incoming: [(n)<-[r]-(m) | {edge: {type: type(r), from: m.id, to: n.id, properties: properties(r)},
    other: {id: m.id, labels: labels(m), properties: {name: m.name, kind: m.kind, date: m.date, sortKey: m.sortKey}}}]} AS node
